// The Phases tree's fixture plans (the same files the integration suite opens), parsed and
// indexed the way the extension's store does it: `file` is the plan's URI string.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildWorkspaceIndex } from '../../../src/core/graph';
import type { WorkspaceIndex } from '../../../src/core/graph/types';
import type { Plan } from '../../../src/core/model';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { buildPhaseNodes } from '../../../src/vscode/tree/buildNodes';
import type { TreeFilter } from '../../../src/vscode/tree/filter';
import type { PhaseNode, PlanNode } from '../../../src/vscode/tree/nodes';
import { fixturesDir } from '../../support/paths';

export const ROADMAP = 'file:///fixtures/tree/ROADMAP.md';
export const MOBILE = 'file:///fixtures/tree/mobile/MOBILE_PLAN.md';

const sources: Record<string, string> = {
  [ROADMAP]: path.join(fixturesDir, 'workspace/tree/ROADMAP.md'),
  [MOBILE]: path.join(fixturesDir, 'workspace/tree/mobile/MOBILE_PLAN.md'),
};

export function readFixture(name: string): string {
  return readFileSync(path.join(fixturesDir, 'workspace/tree', name), 'utf8');
}

export interface TreeWorld {
  plans: Map<string, Plan>;
  index: WorkspaceIndex;
  nodes(uri: string, filter?: TreeFilter): PhaseNode[];
}

/** Both fixture plans, or the given texts in their place. */
export function treeWorld(texts: Record<string, string> = {}): TreeWorld {
  const plans = new Map<string, Plan>();
  for (const [uri, file] of Object.entries(sources)) plans.set(uri, parsePlan(texts[uri] ?? readFileSync(file, 'utf8'), uri));
  for (const [uri, text] of Object.entries(texts)) if (!plans.has(uri)) plans.set(uri, parsePlan(text, uri));
  const index = buildWorkspaceIndex([...plans.values()]);
  return {
    plans,
    index,
    nodes(uri, filter = '') {
      const planNode: PlanNode = { kind: 'plan', id: `plan:${uri}`, uri };
      return buildPhaseNodes({ uri, plan: plans.get(uri)!, version: 3 }, index, filter, planNode);
    },
  };
}
