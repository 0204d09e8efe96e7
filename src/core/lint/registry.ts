import { brokenDependency } from './rules/broken-dependency';
import { dependencyCycle } from './rules/dependency-cycle';
import { duplicatePhaseId } from './rules/duplicate-phase-id';
import { emptyPhase } from './rules/empty-phase';
import { missingSuccessCriteria } from './rules/missing-success-criteria';
import { mojibake } from './rules/mojibake';
import { selfDependency } from './rules/self-dependency';
import { statusMismatch } from './rules/status-mismatch';
import { unfinishedDependency } from './rules/unfinished-dependency';
import type { Rule } from './types';

/** Every rule, in the order findings on one position are listed. */
export const rules: readonly Rule[] = Object.freeze([
  missingSuccessCriteria,
  brokenDependency,
  selfDependency,
  dependencyCycle,
  unfinishedDependency,
  statusMismatch,
  duplicatePhaseId,
  emptyPhase,
  mojibake,
]);
