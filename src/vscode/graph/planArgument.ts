import * as vscode from 'vscode';

/**
 * The plan a command argument names: a `Uri` (explorer, editor title), a URI string, or anything
 * with a `uri` (tree nodes, phase targets). Undefined for anything else.
 */
export function planUriOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string') return parseUri(arg);
  if (typeof arg === 'object' && arg !== null && 'uri' in arg) {
    const uri = (arg as { uri: unknown }).uri;
    if (uri instanceof vscode.Uri) return uri;
    if (typeof uri === 'string') return parseUri(uri);
  }
  return undefined;
}

function parseUri(text: string): vscode.Uri | undefined {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) return undefined;
  try {
    return vscode.Uri.parse(text, true);
  } catch {
    return undefined;
  }
}
