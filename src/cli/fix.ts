import fs from 'node:fs';
import path from 'node:path';
import { applyEdits, encodeText, type Finding, type LintOptions, lintWorkspace, parsePlan } from '../core/api';
import type { LoadedPlan } from './workspace';

/** Enough for a fix that makes another one possible (a repaired status word, then its status); never a loop. */
const MAX_PASSES = 5;

export interface FixOutcome {
  /** Findings repaired, per file (display name). */
  fixedByFile: Map<string, number>;
}

/** The safe fix of a finding, if it has one (see `Fix.safe`). */
function safeFix(finding: Finding) {
  return finding.fixes?.find((fix) => fix.safe && fix.edits.length > 0);
}

/**
 * Applies every safe fix the lint rules offer, pass after pass until none is left, to the texts in
 * `plans` (updated in place, with their parse). Edits that overlap one already taken in a pass wait
 * for the next pass, so each pass applies a consistent set.
 */
export function applySafeFixes(plans: LoadedPlan[], options: LintOptions): FixOutcome {
  const fixedByFile = new Map<string, number>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const byFile = new Map<string, Finding[]>();
    for (const finding of lintWorkspace(plans, options)) {
      if (!safeFix(finding)) continue;
      byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
    }
    let changed = false;
    for (const loaded of plans) {
      const findings = byFile.get(loaded.plan.file);
      if (!findings) continue;
      const fixed = applyEdits(loaded.text, findings.flatMap((finding) => safeFix(finding)!.edits));
      if (fixed === loaded.text) continue;
      loaded.text = fixed;
      loaded.plan = parsePlan(fixed, loaded.plan.file);
      fixedByFile.set(loaded.plan.file, (fixedByFile.get(loaded.plan.file) ?? 0) + findings.length);
      changed = true;
    }
    if (!changed) break;
  }
  return { fixedByFile };
}

/**
 * Writes the text back the way the file was: same encoding, byte-order mark and permissions, and
 * through a symbolic link to the file it points at. A temporary file beside it is renamed over it,
 * so a crash leaves the old file or the new one, never half of each.
 */
export function writeBack(loaded: LoadedPlan): void {
  const target = fs.realpathSync(loaded.absolute);
  const mode = fs.statSync(target).mode & 0o7777;
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.phaselens-${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, encodeText(loaded.text, loaded.encoding, loaded.bom), { mode });
    fs.chmodSync(temporary, mode);
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
