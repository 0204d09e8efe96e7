import * as vscode from 'vscode';
import type { PhaseRef } from '../core/graph';
import { phaseName } from '../core/lint/phaseName';
import { promptInputOf } from '../core/operations/promptInput';
import { statusText, type PhasePromptInput } from '../core/prompt';
import type { PlanStore } from './planStore';
import type { ResolvedPhase } from './phaseTarget';

/**
 * How commands and lenses speak about phases in the workspace: their dependencies as the
 * workspace index resolves them, and the phase as a prompt.
 */

/** The unfinished phases `resolved` builds on, as the workspace index sees them now. */
export function waitingOn(store: PlanStore, resolved: Pick<ResolvedPhase, 'entry' | 'phase'>): PhaseRef[] {
  return store.index().readiness({ plan: resolved.entry.plan, phase: resolved.phase }).waitingOn;
}

/** "Phase 2B (in progress) and P1.3 (planned)". */
export function describeWaiting(refs: readonly PhaseRef[]): string {
  const names = refs.map((ref) => `${phaseName(ref.phase)} (${statusText(ref.phase.status)})`);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A plan's path as the user knows it: relative to its workspace folder (named in a multi-root workspace). */
export function displayPath(uri: string | vscode.Uri): string {
  const parsed = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
  return vscode.workspace.asRelativePath(parsed, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}

/** What a prompt is made of: the phase, its plan, its file as the user knows it, its dependencies as the index resolves them now. */
export function promptInputFor(store: PlanStore, { entry, phase }: Pick<ResolvedPhase, 'entry' | 'phase'>): PhasePromptInput {
  return promptInputOf(store.index(), entry.plan, phase, displayPath);
}
