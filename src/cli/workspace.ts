import fs from 'node:fs';
import path from 'node:path';
import { decodeText, MAX_PLAN_BYTES, mightBePlan, parsePlansInParallel, type Plan, type TextEncodingName } from '../core/api';
import { CliError } from './errors';
import { describeFsError, expandInputs } from './files';
import { warn, type CliIo } from './io';

export interface LoadedPlan {
  plan: Plan;
  text: string;
  /** Where the file is and how it was written, for `lint --fix` to write it back the same way. */
  absolute: string;
  encoding: TextEncodingName;
  bom: boolean;
}

/** The parser worker's bundle, built beside dist/cli.js (scripts/build.mjs). */
const PARSER_WORKER_FILE = 'planParserWorker.js';

/** Files above this size are skipped with a warning (the same limit as the editor's). */
export const MAX_FILE_BYTES = MAX_PLAN_BYTES;

/** Reads and parses the plans the inputs name, in sorted order. */
export function loadPlans(inputs: readonly string[], io: CliIo, command: string): LoadedPlan[] {
  if (inputs.length === 0) throw new CliError('no input files; give one or more FILE, DIR or GLOB arguments', command);
  const read: Array<Omit<LoadedPlan, 'plan'> & { display: string; explicit: boolean }> = [];
  for (const file of expandInputs(inputs, io.cwd, command, (message) => warn(io, message))) {
    let size: number;
    let bytes: Buffer;
    try {
      size = fs.statSync(file.absolute).size;
      if (size > MAX_FILE_BYTES) {
        warn(io, `skipping ${file.display}: ${(size / 1024 / 1024).toFixed(1)} MB is over the 10 MB limit`);
        continue;
      }
      bytes = fs.readFileSync(file.absolute);
    } catch (error) {
      // Named on the command line: the run cannot do what was asked. Found by walking a folder:
      // skipped with a warning, like a folder that cannot be read.
      if (file.explicit) throw new CliError(`cannot read ${file.display}: ${describeFsError(error)}`, command);
      warn(io, `skipping ${file.display}: cannot read it (${describeFsError(error)})`);
      continue;
    }
    const decoded = decodeText(bytes);
    if (decoded.kind === 'binary') {
      warn(io, `skipping ${file.display}: it is not text (a binary file, or UTF-16 without a byte-order mark)`);
      continue;
    }
    const { text, encoding, bom } = decoded;
    if (!file.explicit && !mightBePlan(text)) continue;
    read.push({ text, absolute: file.absolute, encoding, bom, display: file.display, explicit: file.explicit });
  }
  // Parsing is most of a run's time: every core takes part (the bundled worker beside dist/cli.js).
  const { plans } = parsePlansInParallel(
    read.map((file) => ({ text: file.text, uri: file.display })),
    { workerFile: path.join(__dirname, PARSER_WORKER_FILE) },
  );
  const loaded: LoadedPlan[] = [];
  read.forEach(({ display, explicit, ...file }, index) => {
    const plan = plans[index]!;
    if (explicit || plan.phases.length > 0) loaded.push({ plan, ...file });
  });
  // A clean run over nothing would look like a clean run over plans: say so.
  if (loaded.length === 0) warn(io, `no phase plans found in ${inputs.join(', ')}`);
  return loaded;
}
