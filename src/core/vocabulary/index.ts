export { UNITS, UNIT_WORD, SHORT_FORMS, unitOfWord, unitOfKind, type Unit } from './units';
export { CRITERIA_LABELS, DEPENDENCY_LABELS, STATUS_LABELS, TASK_WORDS } from './labels';
export { STATUS_WORDS, STATUS_EMOJI, HEADING_DONE_WORDS, HEADING_IN_PROGRESS_WORDS } from './status';
