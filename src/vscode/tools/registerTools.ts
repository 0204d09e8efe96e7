import * as vscode from 'vscode';
import type { PlanStore } from '../planStore';
import { registerMcpServerProvider } from './mcpServerProvider';
import { registerPlanTools } from './registerPlanTools';

/** The plan tools for agents in VS Code: language-model tools, and the MCP server where VS Code supports MCP. */
export function registerTools(context: vscode.ExtensionContext, store: PlanStore): vscode.Disposable {
  return vscode.Disposable.from(registerPlanTools(store), registerMcpServerProvider(context));
}
