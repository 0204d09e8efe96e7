import * as vscode from 'vscode';
import { fail, PLAN_TOOLS, type PlanToolDefinition, type PlanToolOutcome, runPlanTool, toolResultText } from '../../core/api';
import type { PlanStore } from '../planStore';
import { applyPlanWrite, storeWorkspace } from './storeWorkspace';

/** The VS Code name of a plan tool: `phaselens_set_task`. */
export function lmToolName(tool: Pick<PlanToolDefinition, 'name'>): string {
  return `phaselens_${tool.name}`;
}

/** Copilot's agent mode and any extension (vscode.lm.invokeTool) read and update plans through these. */
export function registerPlanTools(store: PlanStore): vscode.Disposable {
  if (typeof vscode.lm?.registerTool !== 'function') return new vscode.Disposable(() => undefined);
  return vscode.Disposable.from(...PLAN_TOOLS.map((tool) => vscode.lm.registerTool(lmToolName(tool), planTool(store, tool))));
}

function planTool(store: PlanStore, tool: PlanToolDefinition): vscode.LanguageModelTool<Record<string, unknown>> {
  return {
    prepareInvocation(options) {
      if (tool.readOnly) return { invocationMessage: `PhaseLens: ${tool.title.toLowerCase()}` };
      return {
        invocationMessage: `PhaseLens: ${tool.title.toLowerCase()}`,
        confirmationMessages: { title: `PhaseLens: ${tool.title}`, message: new vscode.MarkdownString(confirmation(tool, options.input)) },
      };
    },
    async invoke(options) {
      const outcome = await run(store, tool, options.input);
      return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(toolResultText(outcome))]);
    },
  };
}

async function run(store: PlanStore, tool: PlanToolDefinition, input: unknown): Promise<PlanToolOutcome> {
  if (!tool.readOnly && !vscode.workspace.isTrusted) {
    return fail('refused', 'This workspace is not trusted: PhaseLens tools may read its plans but not change them. Trust the workspace to let them write.');
  }
  // Computed again once if the document moved on between the snapshot and the edit.
  for (let attempt = 0; attempt < 2; attempt++) {
    const workspace = await storeWorkspace(store);
    const outcome = runPlanTool(tool.name, input, workspace);
    if (!outcome.ok || outcome.kind === 'read') return outcome;
    const applied = await applyPlanWrite(workspace, outcome.write);
    if (applied === 'applied' || applied === 'unchanged') return outcome;
    if (applied === 'refused') return fail('conflict', `VS Code refused to edit ${outcome.write.source.file}; nothing was changed.`);
  }
  return fail('conflict', 'The plan kept changing while PhaseLens was writing; nothing was changed. Read the phase again and retry.');
}

function code(value: unknown): string {
  return `\`${String(value).replace(/`/g, "'")}\``;
}

/** What the user is asked before a write: which phase, which change, in words. */
function confirmation(tool: PlanToolDefinition, input: Record<string, unknown>): string {
  const where = `phase ${code(input.phase)}${typeof input.file === 'string' ? ` in ${code(input.file)}` : ''}`;
  switch (tool.name) {
    case 'set_task':
      return `${input.done === false ? 'Uncheck' : 'Check off'} task ${code(input.task)} of ${where}?`;
    case 'set_phase_status':
      return `Set the status of ${where} to ${code(input.status)}?`;
    default:
      return `Mark ${where} as done? (Refused if a task or checkbox criterion is still open, or if it has verify checks: Complete in the editor runs those.)`;
  }
}
