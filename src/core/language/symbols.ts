import type { PhaseRef, WorkspaceIndex } from '../graph';
import { phaseName } from '../phases';

export interface PhaseSymbol {
  ref: PhaseRef;
  /** "Phase 2B", "P3.1", "Stage 1". */
  name: string;
  title: string;
  /** The enclosing phase's name, for the symbol's container. */
  container?: string;
}

/**
 * Phases whose id or title matches `query`, best first: the exact id, an id that starts with
 * it, a title word that starts with it, then the letters in order anywhere (as Ctrl+T does).
 */
export function workspaceSymbols(index: WorkspaceIndex, query: string): PhaseSymbol[] {
  const needle = query.trim().toLowerCase();
  const scored: { symbol: PhaseSymbol; score: number; order: number }[] = [];
  let order = 0;
  for (const plan of index.plans) {
    const visit = (phases: readonly PhaseRef['phase'][], container?: string) => {
      for (const phase of phases) {
        const ref = index.lookup(phase.key, plan.file).find((candidate) => candidate.phase === phase);
        const name = phaseName(phase);
        if (ref) {
          const score = matchScore(needle, phase.id.toLowerCase(), name.toLowerCase(), phase.title.toLowerCase());
          if (score > 0) scored.push({ symbol: { ref, name, title: phase.title, ...(container ? { container } : {}) }, score, order: order++ });
        }
        visit(phase.children, name);
      }
    };
    visit(plan.phases);
  }
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).map((entry) => entry.symbol);
}

function matchScore(needle: string, id: string, name: string, title: string): number {
  if (needle === '') return 1;
  if (id === needle || name === needle) return 100;
  if (id.startsWith(needle) || name.startsWith(needle)) return 80;
  if (title.split(/[\s\-–—:/]+/).some((word) => word.startsWith(needle))) return 60;
  if (`${name} ${title}`.includes(needle)) return 40;
  return inOrder(needle, `${name} ${title}`) ? 20 : 0;
}

function inOrder(needle: string, haystack: string): boolean {
  let at = 0;
  for (const char of needle) {
    if (char === ' ') continue;
    at = haystack.indexOf(char, at);
    if (at === -1) return false;
    at++;
  }
  return true;
}

