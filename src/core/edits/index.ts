export { applyEdits } from './apply';
export { setStatusEdits, STATUS_WORDS } from './status';
export { toggleTaskEdits, checkAllTasksEdits } from './tasks';
export { insertCriteriaSkeletonEdits, detectCriteriaStyle, placeholderCriterion } from './criteria';
export type { CriteriaStyle } from './criteria';
export { removeReferenceEdits, replaceReferenceEdits, referenceTextFor, writtenReference, removeLineEdit } from './references';
export { splitLines, detectEol } from './text';
