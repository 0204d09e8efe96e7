import * as vscode from 'vscode';
import { allPhases, type Phase, phaseAtLine } from '../../core/api';
import type { PlanEntry, PlanStore } from '../planStore';

/**
 * How commands name a phase: plain, serializable data (it travels through CodeLens and tree
 * command arguments), re-resolved against the current document when the command runs, so a
 * phase found by an old version is never edited blindly.
 */
export interface PhaseTarget {
  /** `Uri.toString()` of the plan. */
  uri: string;
  /** Identity key of the phase (`phase:2b`). */
  key: string;
  /** Heading line when the target was made (1-based); breaks ties between same-key phases. */
  line: number;
}

export interface ResolvedPhase {
  entry: PlanEntry;
  phase: Phase;
  document?: vscode.TextDocument;
}

export function targetOf(entry: PlanEntry, phase: Phase): PhaseTarget {
  return { uri: entry.uri.toString(), key: phase.key, line: phase.line };
}

export function isPhaseTarget(value: unknown): value is PhaseTarget {
  const candidate = value as PhaseTarget | undefined;
  return !!candidate && typeof candidate.uri === 'string' && typeof candidate.key === 'string' && typeof candidate.line === 'number';
}

/** The phase a target names in the plan as it is now (open document first, then the store). */
export async function resolveTarget(store: PlanStore, target: PhaseTarget): Promise<ResolvedPhase | undefined> {
  const uri = vscode.Uri.parse(target.uri);
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === target.uri) ?? (await openQuietly(uri));
  const entry = document ? store.entryFor(document) : store.get(uri);
  if (!entry) return undefined;
  const candidates = allPhases(entry.plan).filter((phase) => phase.key === target.key);
  if (candidates.length === 0) return undefined;
  const phase = candidates.reduce((best, phase) => (Math.abs(phase.line - target.line) < Math.abs(best.line - target.line) ? phase : best));
  return { entry, phase, document };
}

/** The innermost phase at the active editor's cursor. */
export function phaseAtCursor(store: PlanStore, editor = vscode.window.activeTextEditor): ResolvedPhase | undefined {
  if (!editor) return undefined;
  const entry = store.entryFor(editor.document);
  if (!entry) return undefined;
  const found = phaseAtLine(entry.plan, editor.selection.active.line + 1);
  return found ? { entry, phase: found, document: editor.document } : undefined;
}

async function openQuietly(uri: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  try {
    return await vscode.workspace.openTextDocument(uri);
  } catch {
    return undefined;
  }
}
