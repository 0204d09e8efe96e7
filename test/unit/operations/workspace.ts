import fs from 'node:fs';
import path from 'node:path';
import { buildWorkspaceIndex } from '../../../src/core/graph';
import type { PlanSource, PlanWorkspace } from '../../../src/core/operations';
import { parsePlan } from '../../../src/core/parse/parsePlan';

export const FIXTURES = path.join(__dirname, '../../fixtures/operations');

/** Plans from texts, named as given, in the given order; the index is built over those very plans. */
export function workspaceOf(files: Record<string, string>): PlanWorkspace {
  const sources: PlanSource[] = Object.entries(files).map(([file, text]) => ({ file, text, plan: parsePlan(text, file) }));
  return { sources, index: buildWorkspaceIndex(sources.map((source) => source.plan)) };
}

export function fixtureWorkspace(...names: string[]): PlanWorkspace {
  return workspaceOf(Object.fromEntries(names.map((name) => [name, fs.readFileSync(path.join(FIXTURES, name), 'utf8')])));
}
