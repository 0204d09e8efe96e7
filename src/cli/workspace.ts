import fs from 'node:fs';
import { parsePlan } from '../core/parse/parsePlan';
import type { Plan } from '../core/model';
import { CliError } from './errors';
import { expandInputs } from './files';
import { warn, type CliIo } from './io';
import { mightBePlan } from '../core/index/mightBePlan';
import { MAX_PLAN_BYTES } from '../core/index/sizeLimit';

export interface LoadedPlan {
  plan: Plan;
  text: string;
}

/** Files above this size are skipped with a warning (the same limit as the editor's). */
export const MAX_FILE_BYTES = MAX_PLAN_BYTES;

/** Reads and parses the plans the inputs name, in sorted order. */
export function loadPlans(inputs: readonly string[], io: CliIo, command: string): LoadedPlan[] {
  if (inputs.length === 0) throw new CliError('no input files; give one or more FILE, DIR or GLOB arguments', command);
  const loaded: LoadedPlan[] = [];
  for (const file of expandInputs(inputs, io.cwd, command)) {
    let size: number;
    let text: string;
    try {
      size = fs.statSync(file.absolute).size;
      if (size > MAX_FILE_BYTES) {
        warn(io, `skipping ${file.display}: ${(size / 1024 / 1024).toFixed(1)} MB is over the 10 MB limit`);
        continue;
      }
      text = fs.readFileSync(file.absolute, 'utf8');
    } catch (error) {
      throw new CliError(`cannot read ${file.display}: ${reason(error)}`, command);
    }
    if (!file.explicit && !mightBePlan(text)) continue;
    const plan = parsePlan(text, file.display);
    if (!file.explicit && plan.phases.length === 0) continue;
    loaded.push({ plan, text });
  }
  // A clean run over nothing would look like a clean run over plans: say so.
  if (loaded.length === 0) warn(io, `no phase plans found in ${inputs.join(', ')}`);
  return loaded;
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}
