// Complete runs a phase's verify commands in a real terminal (each as `sh -c`, its exit code read
// from the process), completes only when all pass or the user overrides, and remembers the run: the lens shows
// `checks 2/2`, and a phase marked done over a failed check gets a diagnostic.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { nextEvent } from './events';
import { api, lensesOf, lineOf, openPlan, withDialog, type OpenPlan } from './phaseActionsSupport';
import { screenshot } from './screenshot';

interface CompleteResult {
  outcome: string;
  checks?: Array<{ command: string; passed: boolean; exitCode?: number }>;
}

const complete = async (plan: OpenPlan, key: string, line: number) =>
  vscode.commands.executeCommand<CompleteResult>('phaselens.completePhase', { uri: plan.document.uri.toString(), key, line });

function closeCheckTerminals() {
  for (const terminal of vscode.window.terminals) if (terminal.name.startsWith('PhaseLens checks')) terminal.dispose();
}

describe('verify: Complete runs the phase checks in a terminal', function () {
  // Shells start slowly on a loaded machine; nothing here measures time.
  this.timeout(120_000);
  let plan: OpenPlan;
  before(async () => {
    await api();
    plan = await openPlan('../verify/VERIFY_PLAN.md');
  });
  afterEach(async () => {
    closeCheckTerminals();
    await plan.restore();
  });

  it('completes a phase whose checks all pass, reading each exit code back from the terminal', async () => {
    const line = lineOf(plan.document, '## Phase 1: Passing checks');
    const result = await withDialog('showInformationMessage', () => undefined, () => complete(plan, 'phase:1', line));
    assert.equal(result?.outcome, 'applied');
    assert.ok(vscode.window.terminals.some((terminal) => terminal.name === 'PhaseLens checks: Phase 1'), 'the checks ran in a visible terminal');
    assert.deepEqual(result?.checks?.map((check) => [check.command, check.passed, check.exitCode]), [
      ['test -f verify/VERIFY_PLAN.md', true, 0],
      ['true', true, 0],
    ]);
    assert.equal(plan.document.lineAt(line).text, '**Status**: Complete');
    const lenses = await lensesOf(plan.document.uri);
    assert.ok(lenses.some((lens) => lens.line === line && lens.title === '2 criteria · checks 2/2'), JSON.stringify(lenses.filter((lens) => lens.line === line)));
  });

  it('refuses a phase whose check fails, says which, and completes only when the user overrides', async () => {
    const line = lineOf(plan.document, '## Phase 2: A failing check');
    const refused = await withDialog('showWarningMessage', () => undefined, async (calls) => {
      const result = await complete(plan, 'phase:2', line);
      assert.equal(calls.length, 1);
      assert.match(calls[0]!.message, /Phase 2: 1 of 2 checks failed/);
      assert.match(calls[0]!.options?.detail ?? '', /✗ Nothing is broken — `\(exit 3\)`: failed, exit code 3/);
      assert.match(calls[0]!.options?.detail ?? '', /✓ The plan is in place — `test -f verify\/VERIFY_PLAN.md`: passed/);
      return result;
    });
    assert.equal(refused?.outcome, 'checks-failed');
    assert.deepEqual(refused?.checks?.map((check) => [check.passed, check.exitCode]), [[true, 0], [false, 3]]);
    assert.equal(plan.document.getText(), plan.original, 'a refused phase is left as it was');
    await screenshot('verify-refused.png');
    const lenses = await lensesOf(plan.document.uri);
    assert.ok(lenses.some((lens) => lens.line === line && lens.title.endsWith('checks 1/2')), JSON.stringify(lenses.filter((lens) => lens.line === line)));

    // Complete Anyway: done, and the diagnostic says the evidence disagrees.
    const diagnosed = nextEvent(vscode.languages.onDidChangeDiagnostics, 'failed-checks diagnostic', () =>
      vscode.languages.getDiagnostics(plan.document.uri).some((diagnostic) => codeOf(diagnostic) === 'failed-checks'),
    );
    const forced = await withDialog('showWarningMessage', () => 'Complete Anyway', () => complete(plan, 'phase:2', line));
    assert.equal(forced?.outcome, 'applied');
    await diagnosed;
    const diagnostic = vscode.languages.getDiagnostics(plan.document.uri).find((candidate) => codeOf(candidate) === 'failed-checks')!;
    assert.equal(diagnostic.range.start.line + 1, line);
    assert.match(diagnostic.message, /Phase 2 is marked done, but its check failed when last run: `\(exit 3\)`/);
  });
});

function codeOf(diagnostic: vscode.Diagnostic): unknown {
  return typeof diagnostic.code === 'object' && diagnostic.code !== null ? diagnostic.code.value : diagnostic.code;
}
