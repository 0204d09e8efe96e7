import { parentKey } from '../../ids';
import type { Phase, Plan, Range, Section } from '../../model';
import type { HeadingBlock } from '../blocks';
import type { TableRowPhase } from '../notations/tableRows';
import { readHeadingStatus } from '../status';

/** What the second pass does once every block has been placed: nest, close sections, merge index entries, resolve. */

export interface PhaseDraft {
  phase: Phase;
  parent: Phase | undefined;
}

/**
 * A section runs to the line before the next heading of the same or a higher level; trailing
 * blank lines and `---` separators are not part of it.
 */
export function closeSections(plan: Plan, headings: readonly HeadingBlock[], lines: readonly string[], fixedEnds: ReadonlySet<Section>) {
  // For each heading and level, the first heading from there on at that level or higher: one
  // backward pass, so finding a section's end is a binary search, not a scan of every heading.
  const nextAtLevel: Int32Array[] = new Array(headings.length + 1);
  nextAtLevel[headings.length] = new Int32Array(7).fill(-1);
  for (let i = headings.length - 1; i >= 0; i--) {
    const next = nextAtLevel[i + 1]!.slice();
    for (let level = headings[i]!.depth; level <= 6; level++) next[level] = i;
    nextAtLevel[i] = next;
  }
  const nextBoundary = (section: Section): number => {
    let low = 0;
    let high = headings.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (headings[middle]!.line > section.line) high = middle;
      else low = middle + 1;
    }
    const found = nextAtLevel[low]![Math.min(6, Math.max(0, Math.floor(section.level)))]!;
    return found === -1 ? lines.length : headings[found]!.line - 1;
  };
  const isFiller = (text: string) => /^\s*(?:(?:[-*_]\s*){3,})?$/.test(text);
  const visit = (phases: readonly Phase[], parentEnd: number) => {
    for (const phase of phases) {
      for (const section of phase.sections) {
        if (fixedEnds.has(section)) {
          section.level = Math.ceil(section.level);
          let end = Math.min(section.endLine, parentEnd);
          while (end > section.line && isFiller(lines[end - 1] ?? '')) end--;
          section.endLine = end;
          continue;
        }
        let end = nextBoundary(section);
        while (end > section.line && isFiller(lines[end - 1] ?? '')) end--;
        section.endLine = end;
      }
      phase.line = phase.sections[0]!.line;
      phase.endLine = phase.sections[0]!.endLine;
      // A row or an item is its own content; only a heading or a summary can stand empty.
      phase.empty =
        (!phase.notation || phase.notation === 'summary') &&
        phase.children.length === 0 &&
        phase.sections.every((section) => {
          for (let line = section.line + 1; line <= section.endLine; line++) if (!isFiller(lines[line - 1] ?? '')) return false;
          return true;
        });
      visit(phase.children, phase.endLine);
    }
  };
  visit(plan.phases, lines.length);
}

/** `P5.1.1` belongs under `P5.1` when both are in the plan, wherever the headings stand. */
export function nestById(plan: Plan, byKey: Map<string, Phase[]>, drafts: Map<Phase, PhaseDraft>) {
  const isAncestor = (candidate: Phase | undefined, of: Phase): boolean => {
    for (let current = drafts.get(of)?.parent; current; current = drafts.get(current)?.parent) if (current === candidate) return true;
    return candidate === undefined;
  };
  for (const phases of byKey.values()) {
    for (const phase of phases) {
      const key = parentKey(phase.key);
      if (!key) continue;
      const idParent = byKey.get(key)?.[0];
      const current = drafts.get(phase)!.parent;
      if (!idParent || idParent === current || idParent === phase || isAncestor(phase, idParent)) continue;
      // Only move deeper: the id parent must sit below the phase's current parent.
      if (!isAncestor(current, idParent)) continue;
      const siblings = current ? current.children : plan.phases;
      siblings.splice(siblings.indexOf(phase), 1);
      idParent.children.push(phase);
      idParent.children.sort((a, b) => a.line - b.line);
      drafts.get(phase)!.parent = idParent;
      phase.parentId = idParent.id;
    }
  }
}

export interface IndexEntry {
  line: number;
  checked: boolean | null;
  inProgress: boolean;
  checkbox?: Range;
  /** The item's first line, for status words written after its title ("(done)"). */
  statusText?: string;
  row?: TableRowPhase;
}

/**
 * A roadmap index (`- [x] **Phase 2: Auth**`, or a table row) of a phase whose body is a heading
 * section: one phase. The heading section stays its body; the entry adds its status when the
 * section states none, and the entry's checkbox is ticked with the phase.
 */
export function applyIndexEntry(phase: Phase, entry: IndexEntry, applyRowFields: (phase: Phase, row: TableRowPhase) => void) {
  if (entry.checkbox) phase.checkbox = entry.checkbox;
  if (entry.row) {
    if (!phase.statusField) applyRowFields(phase, entry.row);
    else if (entry.row.dependsOn) applyRowFields(phase, { ...entry.row, status: undefined });
    if (phase.statusField?.status && phase.statusSource !== 'heading') {
      phase.status = phase.statusField.status;
      phase.statusSource = 'field';
    }
    return;
  }
  if (phase.statusField?.status || phase.statusSource === 'heading') return;
  const fromText = entry.statusText ? readHeadingStatus(entry.statusText) : undefined;
  if (entry.checked === true || fromText === 'done') {
    phase.status = 'done';
    phase.statusSource = 'checkbox';
  } else if (entry.inProgress || fromText === 'in-progress') {
    phase.status = 'in-progress';
    phase.statusSource = 'checkbox';
  }
}

/** Marks which dependencies name a phase of this plan; a letter code ("S2") counts only where the plan uses it as a unit. */
export function resolveDependencies(byKey: ReadonlyMap<string, Phase[]>) {
  for (const phases of byKey.values()) {
    for (const phase of phases) {
      phase.dependsOn = phase.dependsOn.filter((dependency) => !dependency.key.startsWith('coded:') || byKey.has(dependency.key));
      for (const dependency of phase.dependsOn) dependency.resolved = byKey.has(dependency.key);
    }
  }
}
