import type { Phase, Plan } from '../model';
import { allPhases } from '../phases';
import { runToEnd } from '../steps';
import { keysOneEditAway, type Suggestion } from './suggest';
import type { PhaseRef } from './types';

/** Plans catalogued between two pauses of `catalogPhasesInSteps`. */
const PLANS_PER_STEP = 100;

/** Every phase numbered in workspace order, with the lookups that resolution needs. */
export function catalogPhases(input: readonly Plan[]) {
  return runToEnd(catalogPhasesInSteps(input));
}

/** `catalogPhases`, pausing after every hundred plans (see steps.ts). */
export function* catalogPhasesInSteps(input: readonly Plan[]) {
  const plans: Plan[] = [];
  const seenPlans = new Set<Plan>();
  const nodes: PhaseRef[] = [];
  const nodeOf = new Map<Phase, number>();
  /** Every phase with a key, in workspace order. */
  const byKey = new Map<string, number[]>();
  /** Per file, the first phase with each key: the one a reference from that file resolves to. */
  const firstInFile = new Map<string, Map<string, number>>();
  const plansByFile = new Map<string, Plan[]>();

  for (const [index, plan] of input.entries()) {
    if (index % PLANS_PER_STEP === PLANS_PER_STEP - 1) yield;
    if (seenPlans.has(plan)) continue;
    seenPlans.add(plan);
    plans.push(plan);
    const samePath = plansByFile.get(plan.file);
    if (samePath) samePath.push(plan);
    else plansByFile.set(plan.file, [plan]);
    let fileKeys = firstInFile.get(plan.file);
    if (!fileKeys) firstInFile.set(plan.file, (fileKeys = new Map()));
    for (const phase of allPhases(plan)) {
      if (nodeOf.has(phase)) continue;
      const node = nodes.length;
      nodes.push({ plan, phase });
      nodeOf.set(phase, node);
      const same = byKey.get(phase.key);
      if (same) same.push(node);
      else byKey.set(phase.key, [node]);
      if (!fileKeys.has(phase.key)) fileKeys.set(phase.key, node);
    }
  }

  const resolveNode = (key: string, fromFile: string): number | undefined =>
    firstInFile.get(fromFile)?.get(key) ?? byKey.get(key)?.[0];

  const lookup = (key: string, fromFile?: string): number[] => {
    const all = byKey.get(key) ?? [];
    if (fromFile === undefined) return [...all];
    const own = all.filter((node) => nodes[node]!.plan.file === fromFile);
    return [...own, ...all.filter((node) => nodes[node]!.plan.file !== fromFile)];
  };

  // The characters each kind's numbers use, gathered once from the distinct keys on first need.
  let alphabets: Map<string, Set<string>> | undefined;
  const alphabetOf = (kind: string): Set<string> | undefined => {
    if (!alphabets) {
      alphabets = new Map();
      for (const key of byKey.keys()) {
        const colon = key.indexOf(':');
        let alphabet = alphabets.get(key.slice(0, colon));
        if (!alphabet) alphabets.set(key.slice(0, colon), (alphabet = new Set()));
        for (const char of key.slice(colon + 1)) alphabet.add(char);
      }
    }
    return alphabets.get(kind);
  };

  // The same id tends to be missing from many plans ("P0"); its neighbours are the same each time,
  // and the same in the next catalog of the same ids (a plan linted alone after each keystroke).
  const nearKeys = nearKeysFor(byKey);
  const suggest = (missingKey: string, fromFile: string): PhaseRef | undefined => {
    let near = nearKeys.get(missingKey);
    if (!near) {
      const colon = missingKey.indexOf(':');
      const alphabet = colon > 0 ? alphabetOf(missingKey.slice(0, colon)) : undefined;
      near = alphabet ? keysOneEditAway(missingKey, alphabet, (key) => byKey.has(key)) : [];
      nearKeys.set(missingKey, near);
    }
    if (near.length === 0) return undefined;
    const ownKeys = firstInFile.get(fromFile);
    const ranked = near
      .map(({ key, gap }) => ({ node: resolveNode(key, fromFile)!, own: ownKeys?.has(key) ? 0 : 1, gap }))
      .sort((a, b) => a.own - b.own || a.gap - b.gap || a.node - b.node);
    return ranked.length > 0 ? nodes[ranked[0]!.node] : undefined;
  };

  return { plans, nodes, nodeOf, plansByFile, lookup, resolveNode, suggest };
}

/** Catalogs of the same ids, most recent first, each with the neighbours found of missing keys. */
const recentNearKeys: Array<{ ids: string; nearKeys: Map<string, Suggestion[]> }> = [];
/** Enough for the plans a user edits side by side; each entry holds one catalog's id list. */
const RECENT_CATALOGS = 4;

/** The neighbours found in the last catalog of exactly these ids (in this order), or a new table. */
function nearKeysFor(byKey: ReadonlyMap<string, unknown>): Map<string, Suggestion[]> {
  const ids = [...byKey.keys()].join('\n');
  const index = recentNearKeys.findIndex((entry) => entry.ids === ids);
  const entry = index >= 0 ? recentNearKeys.splice(index, 1)[0]! : { ids, nearKeys: new Map<string, Suggestion[]>() };
  recentNearKeys.unshift(entry);
  recentNearKeys.length = Math.min(recentNearKeys.length, RECENT_CATALOGS);
  return entry.nearKeys;
}
