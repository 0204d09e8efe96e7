import type { PhaseKind } from '../model';

/**
 * The words plans name their units with, in every language we read. Each entry is a regular
 * expression source (case-insensitive, Unicode) matching the singular and plural forms. Every
 * reader of ids (headings, list items, table rows, dependency values, mentions, completion and
 * the workspace pre-check) is built from this one table, so they never disagree.
 */
export interface Unit {
  kind: PhaseKind;
  /** Singular and plural forms, any language. */
  words: string;
  /**
   * A calendar or procedural unit (a week, a sprint, a step): a heading that also names a
   * Phase / Stage / Milestone … id is named by that stronger id instead.
   */
  weak: boolean;
  /** The spelling used when PhaseLens writes the id itself ("Stage 1"). */
  display: string;
  /**
   * The id may run straight into its title ("Phase 3 Overview"). Newer, rarer words need
   * punctuation after the id ("Release 2.0: …"), so "Release 2.0 phases overview" stays prose.
   */
  titleMayFollowBareId?: boolean;
}

export const UNITS: readonly Unit[] = [
  { kind: 'phase', titleMayFollowBareId: true, display: 'Phase', weak: false, words: 'phases?|fases?|фазы?|阶段|階段|단계|フェーズ' },
  { kind: 'stage', titleMayFollowBareId: true, display: 'Stage', weak: false, words: 'stages?|etapas?|[ée]tapes?|этапы?|этап[а-я]{0,2}|stufen?' },
  { kind: 'milestone', titleMayFollowBareId: true, display: 'Milestone', weak: false, words: 'milestones?|meilensteine?|hitos?|jalons?|里程碑|マイルストーン' },
  { kind: 'feature', titleMayFollowBareId: true, display: 'Feature', weak: false, words: 'features?' },
  { kind: 'epic', titleMayFollowBareId: true, display: 'Epic', weak: false, words: 'epics?|épicas?' },
  { kind: 'story', titleMayFollowBareId: true, display: 'Story', weak: false, words: 'stor(?:y|ies)' },
  { kind: 'iteration', display: 'Iteration', weak: true, words: 'iterations?|iteraci[óo]n|itera[çc][ãa]o|итерация' },
  { kind: 'wave', display: 'Wave', weak: false, words: 'waves?' },
  { kind: 'tier', display: 'Tier', weak: false, words: 'tiers?' },
  { kind: 'release', display: 'Release', weak: false, words: 'releases?|versions?|versi[óo]n|vers[ãa]o' },
  { kind: 'part', display: 'Part', weak: false, words: 'parts?|partes?|teil|часть' },
  { kind: 'track', display: 'Track', weak: false, words: 'tracks?' },
  { kind: 'round', display: 'Round', weak: false, words: 'rounds?' },
  { kind: 'sprint', titleMayFollowBareId: true, display: 'Sprint', weak: true, words: 'sprints?|спринт' },
  { kind: 'quarter', display: 'Quarter', weak: true, words: 'quarters?' },
  { kind: 'month', display: 'Month', weak: true, words: 'months?|mes|m[êe]s|mois|monat|месяц' },
  { kind: 'week', titleMayFollowBareId: true, display: 'Week', weak: true, words: 'weeks?|semanas?|semaines?|wochen?|недел[яи]' },
  { kind: 'day', titleMayFollowBareId: true, display: 'Day', weak: true, words: 'days?|d[ií]as?|jours?|tage?|день|дни' },
  { kind: 'step', titleMayFollowBareId: true, display: 'Step', weak: true, words: 'steps?|pasos?|passos?|schritte?|шаги?|步骤' },
];

/** One alternation of every unit word; the group name says which unit matched. */
export const UNIT_WORD = UNITS.map((unit) => unit.words).join('|');

const UNIT_PATTERNS = UNITS.map((unit) => ({ unit, pattern: new RegExp(`^(?:${unit.words})$`, 'iu') }));

/** The unit a word names ("Fase" → phase, "Etapa" → stage), or undefined. */
export function unitOfWord(word: string): Unit | undefined {
  const text = word.trim();
  return UNIT_PATTERNS.find(({ pattern }) => pattern.test(text))?.unit;
}

export function unitOfKind(kind: PhaseKind): Unit | undefined {
  return UNITS.find((unit) => unit.kind === kind);
}

/**
 * Short forms that stand for a unit on their own: `P3` is Phase 3, `M1` is Milestone 1,
 * `v0.3.0` is Release 0.3.0. Other letter-coded ids (`S0`, `A1`) are units only where a
 * document uses several of them as siblings (see `headings.ts`).
 */
export const SHORT_FORMS: ReadonlyArray<{ kind: PhaseKind; prefix: string }> = [
  { kind: 'phase', prefix: 'P' },
  { kind: 'milestone', prefix: 'M' },
  { kind: 'release', prefix: 'v' },
];
