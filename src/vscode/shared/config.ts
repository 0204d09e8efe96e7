import * as vscode from 'vscode';
import type { LintConfig, RuleSetting } from '../../core/api';

/**
 * Settings are read when needed, never cached in module state: VS Code owns them, and a
 * `onDidChangeConfiguration` handler only has to say which feature to refresh.
 */
export const SECTION = 'phaselens';

export interface FileSettings {
  include: string[];
  exclude: string[];
}

export function fileSettings(scope?: vscode.ConfigurationScope): FileSettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    include: config.get<string[]>('files.include', ['**/*.md', '**/*.markdown']),
    exclude: config.get<string[]>('files.exclude', ['**/node_modules/**', '**/.git/**']),
  };
}

export function lintConfig(scope?: vscode.ConfigurationScope): LintConfig {
  const rules = vscode.workspace.getConfiguration(SECTION, scope).get<Record<string, RuleSetting>>('lint.rules', {});
  return { rules };
}

/** The switches are window settings: read for the window, not a file (VS Code warns when given one). */
export function isEnabled(key: 'codeLens.enabled' | 'lint.enabled' | 'lint.onlyOpenFiles' | 'statusBar.enabled'): boolean {
  const defaults: Record<string, boolean> = { 'codeLens.enabled': true, 'lint.enabled': true, 'lint.onlyOpenFiles': false, 'statusBar.enabled': true };
  return vscode.workspace.getConfiguration(SECTION).get<boolean>(key, defaults[key]!);
}

export function affects(event: vscode.ConfigurationChangeEvent, ...keys: string[]): boolean {
  return keys.some((key) => event.affectsConfiguration(`${SECTION}.${key}`));
}
