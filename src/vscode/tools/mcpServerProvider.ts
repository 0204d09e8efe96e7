import * as vscode from 'vscode';

/**
 * Offers `phaselens mcp` to VS Code's own MCP support (VS Code 1.101 and later), one server per
 * workspace folder, so MCP-only agents in the editor get the plan tools too. The API is newer
 * than our engines floor (1.95), so it is declared here and looked up at run time.
 */
interface McpStdioServerDefinitionLike {
  label: string;
}
interface McpApi {
  registerMcpServerDefinitionProvider(id: string, provider: { onDidChangeMcpServerDefinitions?: vscode.Event<void>; provideMcpServerDefinitions(token: vscode.CancellationToken): McpStdioServerDefinitionLike[] }): vscode.Disposable;
}
type McpStdioServerDefinitionClass = new (label: string, command: string, args?: string[], env?: Record<string, string | number | null>, version?: string) => McpStdioServerDefinitionLike;

export const MCP_PROVIDER_ID = 'phaselens.mcp';

export function registerMcpServerProvider(context: vscode.ExtensionContext): vscode.Disposable {
  const lm = vscode.lm as unknown as Partial<McpApi> | undefined;
  const Definition = (vscode as unknown as { McpStdioServerDefinition?: McpStdioServerDefinitionClass }).McpStdioServerDefinition;
  if (typeof lm?.registerMcpServerDefinitionProvider !== 'function' || !Definition) return new vscode.Disposable(() => undefined);
  const changed = new vscode.EventEmitter<void>();
  const server = vscode.Uri.joinPath(context.extensionUri, 'dist', 'mcpServer.js').fsPath;
  const registration = lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, {
    onDidChangeMcpServerDefinitions: changed.event,
    provideMcpServerDefinitions() {
      // The server writes plans: only for trusted workspaces, and only for folders on disk.
      if (!vscode.workspace.isTrusted) return [];
      const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
      return folders.map((folder) => {
        const label = folders.length > 1 ? `PhaseLens plans (${folder.name})` : 'PhaseLens plans';
        // The extension host's own runtime runs the CLI; inside Electron it must be told to act as Node.
        return new Definition(label, process.execPath, [server, '--root', folder.uri.fsPath], { ELECTRON_RUN_AS_NODE: '1' }, context.extension.packageJSON.version as string);
      });
    },
  });
  return vscode.Disposable.from(registration, changed, vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire()), vscode.workspace.onDidGrantWorkspaceTrust(() => changed.fire()));
}
