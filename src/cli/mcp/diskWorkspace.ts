import fs from 'node:fs';
import path from 'node:path';
import { buildWorkspaceIndex, type CheckOutcome, mightBePlan, parsePlan, type PlanSource, type PlanWorkspace, runCheck, type VerifyCheck } from '../../core/api';
import { expandInputs } from '../files';
import { MAX_FILE_BYTES } from '../workspace';

interface Cached {
  mtimeMs: number;
  size: number;
  source: PlanSource | undefined;
}

/**
 * The plans under a root folder as they are on disk now: every call re-lists the folder and
 * re-reads each file whose size or modification time moved, so a tool never answers from a
 * plan someone has since edited. Files are named relative to the root with `/`.
 */
export class DiskWorkspace {
  private readonly cache = new Map<string, Cached>();

  constructor(readonly root: string) {}

  load(): PlanWorkspace {
    const sources: PlanSource[] = [];
    const seen = new Set<string>();
    for (const file of expandInputs(['.'], this.root, 'mcp')) {
      seen.add(file.absolute);
      const source = this.read(file.absolute);
      if (source) sources.push(source);
    }
    for (const file of this.cache.keys()) if (!seen.has(file)) this.cache.delete(file);
    return { sources, index: buildWorkspaceIndex(sources.map((source) => source.plan)), runChecks: (checks) => runChecksFrom(this.root, checks) };
  }

  private read(absolute: string): PlanSource | undefined {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      return undefined;
    }
    const cached = this.cache.get(absolute);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.source;
    let source: PlanSource | undefined;
    if (stat.size <= MAX_FILE_BYTES) {
      try {
        const text = fs.readFileSync(absolute, 'utf8');
        const file = path.relative(this.root, absolute).split(path.sep).join('/');
        if (mightBePlan(text)) {
          const plan = parsePlan(text, file);
          if (plan.phases.length > 0) source = { file, plan, text };
        }
      } catch {
        source = undefined;
      }
    }
    this.cache.set(absolute, { mtimeMs: stat.mtimeMs, size: stat.size, source });
    return source;
  }

  /** The absolute path of a plan file named as `load` names it. */
  absolute(file: string): string {
    return path.join(this.root, ...file.split('/'));
  }
}

/**
 * complete_phase's evidence: each check's code span run by the platform shell from the root, as
 * `phaselens verify` runs it there, one after another, stopping at nothing so the agent sees all
 * that failed.
 */
function runChecksFrom(root: string, checks: readonly VerifyCheck[]): CheckOutcome[] {
  return checks.map((check) => {
    const run = runCheck(check.command, root);
    return { command: check.command, line: check.line, passed: run.passed, ...(run.exitCode === null ? {} : { exitCode: run.exitCode }) };
  });
}
