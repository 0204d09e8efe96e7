import type { PhaseStatus } from '../model';

/**
 * Status words: what a `Status:` value, a status cell or a heading says about a phase's own
 * work. A value must lead with one of these (see `parse/status.ts`).
 */
export const STATUS_WORDS: ReadonlyArray<[PhaseStatus, string]> = [
  [
    'done',
    'complete[d]?|done|finished|shipped|delivered|closed|resolved|implemented|merged|released|conclu[íi]d[oa]|completad[oa]|completo|hecho|terminad[oa]|termin[ée]e?|abgeschlossen|erledigt|fertig|завершен[оа]?|выполнен[оа]?|готово|已完成|完成|完了',
  ],
  [
    'in-progress',
    'in[- ]?progress|wip|work in progress|partial(?:ly)?(?: (?:complete[d]?|done|implemented))?|mostly (?:complete[d]?|done)|under review|ongoing|active|current|started|underway|under way|in development|in review|doing|em andamento|em progresso|en progreso|en curso|en cours|in arbeit|в работе|进行中|進行中|進行中',
  ],
  ['blocked', 'blocked|on hold|stalled|stuck|bloqueado|bloqu[ée]e?|blockiert|заблокирован[оа]?|阻塞'],
  [
    'planned',
    'planned|pending|ready|not started|not yet started|todo|to do|to-do|next|upcoming|backlog|proposed|draft|queued|scheduled|open|new|future|tbd|pendente|planejad[oa]|pendiente|planificad[oa]|pr[ée]vue?|[àa] faire|geplant|offen|запланирован[оа]?|未开始|待办|計畫中|计划中|未着手',
  ],
];

/** Status emoji that lead a value or a cell: ✅ done, 🚧 in progress, ⛔ blocked, ⬜ planned. */
export const STATUS_EMOJI: ReadonlyArray<[PhaseStatus, RegExp]> = [
  ['done', /^[\u2705\u2714\u2611\u{1F7E2}]/u],
  ['in-progress', /^[\u{1F6A7}\u{1F504}\u{1F7E1}\u23F3\u{1F680}]/u],
  ['blocked', /^[\u26D4\u{1F6D1}\u274C\u{1F534}]/u],
  ['planned', /^[\u2B1C\u26AA\u{1F4CB}\u{1F532}\u{1F5D3}]/u],
];

/** The status word a heading states about its phase: "(COMPLETED!)", "🎉 COMPLETED", "- CURRENT PHASE". */
export const HEADING_DONE_WORDS = 'done|complete|completed|finished|shipped';
export const HEADING_IN_PROGRESS_WORDS = 'in progress|in-progress|wip|current phase|current|active|ongoing|underway';
