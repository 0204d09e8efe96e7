import * as vscode from 'vscode';
import { mentionAt, type PhaseMention, type PhaseRef, type WorkspaceIndex } from '../../core/api';
import { toVsRange } from '../shared/convert';
import type { PlanEntry, PlanStore } from '../planStore';

/** Plan documents are markdown; which markdown is a plan is the store's call (≥1 phase). */
export const PLAN_SELECTOR: vscode.DocumentSelector = { language: 'markdown' };

export interface PlanContext {
  entry: PlanEntry;
  index: WorkspaceIndex;
}

/**
 * The plan a document holds at its current version, with the workspace index that includes
 * that version. Undefined for markdown that is not a plan, so other providers (the built-in
 * markdown features) keep those documents.
 */
export function planContextNow(store: PlanStore, document: vscode.TextDocument): PlanContext | undefined {
  // Every open plan at its current version, not only this one: a reference here may name a phase
  // that was just renamed or added in another open document. entryFor is a lookup when nothing
  // changed; a newer version invalidates the index, which index() then rebuilds.
  for (const open of vscode.workspace.textDocuments) if (open !== document) store.entryFor(open);
  const entry = store.entryFor(document);
  if (!entry || entry.plan.phases.length === 0) return undefined;
  return { entry, index: store.index() };
}

/**
 * As planContextNow, once the workspace's plans are known: a phase may be defined or referenced
 * in any of them. Undefined when VS Code cancelled the request while indexing ran (the user typed
 * on or moved away): the answer would be thrown away.
 */
export async function planContext(store: PlanStore, document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<PlanContext | undefined> {
  await store.ensureIndexed();
  if (token?.isCancellationRequested) return undefined;
  return planContextNow(store, document);
}

export interface MentionContext extends PlanContext {
  mention: PhaseMention;
}

export function mentionNow(context: PlanContext, document: vscode.TextDocument, position: vscode.Position): PhaseMention | undefined {
  return mentionAt(context.index, context.entry.plan, document.lineAt(position.line).text, position.line + 1, position.character);
}

/** The heading id, dependency reference or prose mention at `position`, if any. */
export async function mentionAtPosition(store: PlanStore, document: vscode.TextDocument, position: vscode.Position, token?: vscode.CancellationToken): Promise<MentionContext | undefined> {
  const context = await planContext(store, document, token);
  const mention = context && mentionNow(context, document, position);
  return context && mention ? { ...context, mention } : undefined;
}

export function uriOf(file: string): vscode.Uri {
  return vscode.Uri.parse(file);
}

export function headingLocation(target: PhaseRef): vscode.Location {
  return new vscode.Location(uriOf(target.plan.file), toVsRange(target.phase.idRange));
}

/** The phase's first section, heading to last line, as the peek and the definition highlight show it. */
export function sectionRange(store: PlanStore, target: PhaseRef): vscode.Range {
  const section = target.phase.sections[0] ?? { line: target.phase.line, endLine: target.phase.endLine };
  const text = store.get(uriOf(target.plan.file))?.text;
  const lastLine = text?.split(/\r?\n/)[section.endLine - 1] ?? '';
  return new vscode.Range(section.line - 1, 0, section.endLine - 1, lastLine.length);
}

/** The store's PhaseRef for a phase of a plan entry (the index hands out the same objects). */
export function refOf(index: WorkspaceIndex, file: string, phase: PhaseRef['phase']): PhaseRef | undefined {
  return index.lookup(phase.key, file).find((candidate) => candidate.phase === phase);
}
