import type { DependencyRef, Phase, Plan, Range } from '../../model';
import { allPhases, phaseAtLine } from '../../phases';
import type { Block, ListItemBlock } from '../blocks';
import { readWordReferences, type RawReference } from '../dependencies';

/**
 * A plan-level dependency section says which phase waits for which, away from the phases
 * themselves. spec-kit's `tasks.md` ends with one, and roadmaps write their own:
 *
 *     ## Dependencies & Execution Order
 *     - **Setup (Phase 1)**: No dependencies - can start immediately
 *     - **Foundational (Phase 2)**: Depends on Setup completion - BLOCKS all user stories
 *     - **User Stories (Phase 3+)**: All depend on Foundational phase completion
 *
 *     ## Dependencias entre fases
 *     - Phase 2 depende de Phase 1
 *     - Phase 1 → Phase 2 → Phase 3
 *
 * Each top-level item names its subject (a bold label, or the words before the relation) and
 * the phases it waits for, by id or by a name the plan gives them (a phase's title up to its
 * first separator, or another item's label). Only the clause after a relation word counts, so
 * "BLOCKS all user stories" is not a dependency. Nested items and code blocks are left alone.
 */

/** The heading of such a section, in the vocabulary's languages. */
const SECTION_HEADING = /(?:dependenc|execution order|order of execution|depend[eê]ncias|dependencias|d[ée]pendances|abh[äa]ngigkeit|зависимост|依赖|依賴|相依|依存)/iu;

/** What introduces the phases a subject waits for. */
const RELATION = /(?<![\p{L}\p{N}])(?:depends?\s+on|dependent\s+on|(?:can\s+)?starts?\s+after|after|requires?|needs?|blocked\s+by|waits?\s+for|builds?\s+on|depende[mn]?\s+de|d[ée]pend(?:ent)?\s+de|h[äa]ngt\s+von|зависит\s+от|зависят\s+от)(?![\p{L}\p{N}])|依赖|依賴|取决于/iu;

/** Where the clause a relation opens ends: a sentence stop, a dash between words, "but", "blocks". */
const CLAUSE_END = /[.;!?。；]|\s[-–—]\s|(?<![\p{L}\p{N}])(?:but|blocks?|then|while)(?![\p{L}\p{N}])/iu;

const NO_DEPENDENCIES = /^\s*(?:no\s+dependenc|none\b|n\/a\b|sin\s+dependencias|sem\s+depend|aucune|keine|нет)/iu;

/** `- **Label**: body`, `- **Label:** body`, `1. __Label__ — body`. */
const LABELED_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX-]\]\s+)?(?<open>\*\*|__)(?<label>[^*_]+?)(?:\k<open>\s*[:：—–-]|[:：]\s*\k<open>)\s*/u;
const LIST_MARKER = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX-]\]\s+)?/u;
const ARROW = /\s*(?:→|->|⟶|=>)\s*/u;
/** `Phase 3+`: this phase and every later one not named on a line of its own. */
const AND_LATER = /^\s*\+/u;

interface Subject {
  phases: Phase[];
  /** Written with an id (`(Phase 2)`), not a name; such subjects are excluded from `Phase 3+`. */
  explicit: boolean;
}

interface Claim {
  subjects: Phase[];
  targets: Array<{ phase: Phase | undefined; reference: RawReference; line: number; column: number; byName: boolean }>;
}

export function readDependencySections(plan: Plan, blocks: readonly Block[], lines: readonly string[], firstLineOffset = 0): void {
  const phases = allPhases(plan);
  if (phases.length < 2) return;
  const items = itemsOfSections(plan, blocks);
  if (items.length === 0) return;

  const byKey = new Map<string, Phase>();
  for (const phase of phases) if (!byKey.has(phase.key)) byKey.set(phase.key, phase);
  const names = new NameTable();
  for (const phase of phases) names.addTitle(phase);

  // First the labels: they name the subjects, and give names the bodies can use ("Setup").
  const labeled = items.map((item) => {
    const source = lines[item.line - 1] ?? '';
    const match = LABELED_ITEM.exec(source);
    if (!match) return undefined;
    const label = match.groups!.label!;
    const subject = subjectOf(label, byKey, names);
    return subject && { item, source, label, subject, bodyStart: match[0].length };
  });
  const explicitSubjects = new Set(labeled.flatMap((entry) => (entry?.subject.explicit ? entry.subject.phases : [])));
  for (const entry of labeled) {
    if (!entry) continue;
    const laterOnes = andLaterPhases(entry.label, byKey, phases, explicitSubjects);
    if (laterOnes) entry.subject.phases = laterOnes;
    names.addLabel(entry.label, entry.subject.phases);
  }

  const claims: Claim[] = [];
  items.forEach((item, at) => {
    const entry = labeled[at];
    const source = lines[item.line - 1] ?? '';
    const column = item.line === 1 ? firstLineOffset : 0;
    if (entry) {
      claims.push({ subjects: entry.subject.phases, targets: targetsIn(source, entry.bodyStart, item.line, column, byKey, names) });
      return;
    }
    const claim = sentenceClaim(source, item.line, column, byKey, names) ?? arrowChainClaims(source, item.line, column, byKey, names);
    if (Array.isArray(claim)) claims.push(...claim);
    else if (claim) claims.push(claim);
  });

  for (const claim of claims) {
    for (const subject of claim.subjects) {
      for (const target of claim.targets) {
        if (target.phase === subject) continue;
        addReference(subject, target, byKey);
      }
    }
  }
}

/** Top-level list items of every dependency section outside the phases' own sections. */
function itemsOfSections(plan: Plan, blocks: readonly Block[]): ListItemBlock[] {
  const items: ListItemBlock[] = [];
  let depth: number | undefined;
  for (const block of blocks) {
    if (block.type === 'heading') {
      if (depth !== undefined && block.depth <= depth) depth = undefined;
      if (depth === undefined && SECTION_HEADING.test(block.text) && !phaseAtLine(plan, block.line)) depth = block.depth;
      continue;
    }
    if (depth !== undefined && block.type === 'list') items.push(...block.items);
  }
  return items;
}

function subjectOf(label: string, byKey: ReadonlyMap<string, Phase>, names: NameTable): Subject | undefined {
  const explicit = readWordReferences(label)
    .map((reference) => byKey.get(reference.key))
    .filter((phase): phase is Phase => phase !== undefined);
  if (explicit.length > 0) return { phases: explicit, explicit: true };
  const named = names.exactly(withoutAsides(label));
  return named ? { phases: named, explicit: false } : undefined;
}

/** `User Stories (Phase 3+)`: phase 3 and every later phase of its kind no other label names. */
function andLaterPhases(label: string, byKey: ReadonlyMap<string, Phase>, phases: readonly Phase[], named: ReadonlySet<Phase>): Phase[] | undefined {
  const references = readWordReferences(label);
  const reference = references[0];
  if (!reference || references.length !== 1 || !AND_LATER.test(label.slice(reference.end))) return undefined;
  const first = byKey.get(reference.key);
  const from = first && leadingNumber(first);
  if (!first || from === undefined) return undefined;
  return phases.filter((phase) => phase === first || (phase.kind === first.kind && !named.has(phase) && (leadingNumber(phase) ?? -1) >= from && !phase.parentId));
}

function leadingNumber(phase: Phase): number | undefined {
  const match = /^[^:]*:(\d+)/.exec(phase.key);
  return match ? Number(match[1]) : undefined;
}

/** The phases named in the clauses that follow relation words, from `start` on. */
function targetsIn(source: string, start: number, line: number, column: number, byKey: ReadonlyMap<string, Phase>, names: NameTable): Claim['targets'] {
  const body = source.slice(start);
  if (NO_DEPENDENCIES.test(body.replace(/[*_`]/g, ''))) return [];
  const targets: Claim['targets'] = [];
  let rest = 0;
  for (;;) {
    const relation = RELATION.exec(body.slice(rest));
    if (!relation) break;
    const clauseStart = rest + relation.index + relation[0].length;
    const end = CLAUSE_END.exec(body.slice(clauseStart));
    const clauseEnd = end ? clauseStart + end.index : body.length;
    targets.push(...phasesNamedIn(body.slice(clauseStart, clauseEnd), start + clauseStart, line, column, byKey, names));
    rest = Math.max(clauseEnd, clauseStart);
    if (rest >= body.length) break;
  }
  return targets;
}

function phasesNamedIn(clause: string, offset: number, line: number, column: number, byKey: ReadonlyMap<string, Phase>, names: NameTable): Claim['targets'] {
  const at = (reference: RawReference) => ({ line, column: column + offset, reference });
  const byId = readWordReferences(clause).map((reference) => ({ ...at(reference), phase: byKey.get(reference.key), byName: false }));
  const taken = byId.map(({ reference }) => [reference.start, reference.end] as const);
  const byName = names
    .within(clause)
    .filter((found) => !taken.some(([start, end]) => found.start < end && found.end > start))
    .flatMap((found) =>
      found.phases.map((phase) => ({ ...at({ id: phase.id, key: phase.key, start: found.start, end: found.end, markedComplete: false }), phase, byName: true })),
    );
  return [...byId, ...byName];
}

/** `Phase 2 depends on Phase 1`, `Foundational requires Setup`. */
function sentenceClaim(source: string, line: number, column: number, byKey: ReadonlyMap<string, Phase>, names: NameTable): Claim | undefined {
  const start = LIST_MARKER.exec(source)?.[0].length ?? 0;
  const relation = RELATION.exec(source.slice(start));
  if (!relation) return undefined;
  const subjectText = source.slice(start, start + relation.index).replace(/[*_`]/g, '').replace(/[:：]\s*$/, '');
  const subject = subjectOf(subjectText, byKey, names);
  if (!subject) return undefined;
  return { subjects: subject.phases, targets: targetsIn(source, start + relation.index, line, column, byKey, names) };
}

/** `Phase 1 → Phase 2 → Phase 3`: each waits for the one before it. */
function arrowChainClaims(source: string, line: number, column: number, byKey: ReadonlyMap<string, Phase>, names: NameTable): Claim[] | undefined {
  const start = LIST_MARKER.exec(source)?.[0].length ?? 0;
  const text = source.slice(start);
  if (!ARROW.test(text)) return undefined;
  const steps: Claim['targets'][] = [];
  let offset = 0;
  for (const segment of text.split(new RegExp(ARROW.source, 'gu'))) {
    const segmentStart = text.indexOf(segment, offset);
    offset = segmentStart + segment.length;
    const named = phasesNamedIn(segment, start + segmentStart, line, column, byKey, names);
    if (named.length !== 1 || !named[0]!.phase) return undefined;
    steps.push(named);
  }
  if (steps.length < 2) return undefined;
  return steps.slice(1).map((step, i) => ({ subjects: [step[0]!.phase!], targets: steps[i]! }));
}

function addReference(subject: Phase, target: Claim['targets'][number], byKey: ReadonlyMap<string, Phase>): void {
  const { reference } = target;
  const range: Range = { line: target.line, column: target.column + reference.start, endLine: target.line, endColumn: target.column + reference.end };
  const existing = subject.dependsOn.find((dependency) => dependency.key === reference.key);
  if (existing) {
    if (target.byName) return;
    // The id is the spelling a rename rewrites and go-to-definition follows; a name stays as written.
    if (existing.section === 'name') Object.assign(existing, { id: reference.id, line: target.line, range, section: 'id' });
    else (existing.repeats ??= []).push(range);
    return;
  }
  const dependency: DependencyRef = {
    id: reference.id,
    key: reference.key,
    line: target.line,
    range,
    resolved: byKey.has(reference.key),
    markedComplete: false,
    section: target.byName ? 'name' : 'id',
  };
  subject.dependsOn.push(dependency);
}

function withoutAsides(text: string): string {
  return text.replace(/\s*[(（][^)）]*[)）]/gu, '').replace(/[*_`]/g, '').trim();
}

/**
 * The names a plan gives its phases: each title up to its first separator ("Setup" of
 * "Setup (Shared Infrastructure)", "User Story 1" of "User Story 1 - Site Creation"), and the
 * labels of the section's own items ("User Stories" for phases 3 to 10). A name that two
 * titles share names neither.
 */
class NameTable {
  private readonly names = new Map<string, Phase[] | null>();
  private pattern: RegExp | undefined | null;

  addTitle(phase: Phase): void {
    const head = withoutAsides(phase.title.split(/\s[-–—:]\s|[:：]/u)[0] ?? '');
    for (const name of new Set([head, withoutAsides(phase.title), initialsOf(head)])) {
      if (!isName(name)) continue;
      const key = nameKey(name);
      const known = this.names.get(key);
      this.names.set(key, known === undefined ? [phase] : known && known.length === 1 && known[0] === phase ? known : null);
    }
    this.pattern = undefined;
  }

  addLabel(label: string, phases: Phase[]): void {
    const name = withoutAsides(label);
    if (isName(name) && phases.length > 0) this.names.set(nameKey(name), phases);
    this.pattern = undefined;
  }

  exactly(text: string): Phase[] | undefined {
    return this.names.get(nameKey(text)) ?? undefined;
  }

  /** Every name in `text`, longest first where two overlap. */
  within(text: string): Array<{ start: number; end: number; phases: Phase[] }> {
    const pattern = this.compiled();
    if (!pattern) return [];
    const found: Array<{ start: number; end: number; phases: Phase[] }> = [];
    for (const match of text.matchAll(pattern)) {
      const phases = this.names.get(nameKey(match[0]));
      if (phases) found.push({ start: match.index!, end: match.index! + match[0].length, phases });
    }
    return found;
  }

  private compiled(): RegExp | null {
    if (this.pattern !== undefined) return this.pattern;
    const usable = [...this.names].filter(([, phases]) => phases !== null).map(([name]) => name);
    usable.sort((a, b) => b.length - a.length);
    const escaped = usable.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
    this.pattern = escaped.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu') : null;
    return this.pattern;
  }
}

/** "User Story 1" → "US1", as spec-kit tags its tasks `[US1]`; undefined for one word. */
function initialsOf(head: string): string {
  const match = /^(\p{L}+(?:\s+\p{L}+)+)\s+(\d{1,4})$/u.exec(head);
  return match ? `${match[1]!.split(/\s+/).map((word) => word[0]!.toUpperCase()).join('')}${match[2]}` : '';
}

function nameKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Long enough and wordy enough that finding it in a sentence means the phase. */
function isName(text: string): boolean {
  return text.length >= 3 && text.length <= 60 && (/\p{L}{3}/u.test(text) || /^\p{Lu}{2,}\d+$/u.test(text));
}
