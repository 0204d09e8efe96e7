import * as vscode from 'vscode';
import { allPhases, failedChecksFinding, type Finding, phaseChecks, splitLines } from '../../core/api';
import { toDiagnostic } from '../lint/diagnostics';
import type { PlanStore } from '../planStore';
import type { CheckResults } from './checkResults';

/**
 * Diagnostics for phases marked done whose verify commands failed when last run, kept in a
 * collection of their own (lint never sees recorded runs): refreshed when a plan changes and
 * when a run is recorded.
 */
export function registerVerifyDiagnostics(store: PlanStore, checkResults: CheckResults): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('phaselens-checks');
  const refresh = (uris: readonly vscode.Uri[]) => {
    for (const uri of uris) {
      const entry = store.get(uri);
      if (!entry) {
        collection.delete(uri);
        continue;
      }
      const lines = splitLines(entry.text);
      const findings = allPhases(entry.plan)
        .map((phase) => failedChecksFinding(uri.toString(), phase, phaseChecks(phase, lines), checkResults.get(uri.toString(), phase.key)))
        .filter((finding): finding is Finding => finding !== undefined);
      collection.set(uri, findings.map(toDiagnostic));
    }
  };
  refresh(store.plans().map((entry) => entry.uri));
  return vscode.Disposable.from(
    collection,
    store.onDidChange(refresh),
    checkResults.onDidChange((uri) => refresh([vscode.Uri.parse(uri)])),
  );
}
