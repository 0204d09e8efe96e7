import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../support/paths';

/**
 * The graph follows the VS Code theme: every colour in its stylesheet comes from a theme
 * variable (`--vscode-…`), so light, dark and high-contrast themes all draw it in their own colours.
 */
describe('graph webview colours', () => {
  const css = readFileSync(path.join(repoRoot, 'media/graph/graph.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

  it('uses no hard-coded colour', () => {
    const literal = css.match(/#[0-9a-fA-F]{3,8}\b|\b(?:rgb|hsl)a?\((?!from var\(--vscode-)[^)]*\)|(?<![-\w])(?:white|black|red|green|blue|orange|gray|grey)(?![-\w])/g) ?? [];
    assert.deepEqual(literal, []);
  });

  it('takes its colours from the theme', () => {
    for (const variable of ['--vscode-editor-background', '--vscode-foreground', '--vscode-charts-green', '--vscode-charts-blue', '--vscode-charts-red', '--vscode-charts-orange']) {
      assert.ok(css.includes(`var(${variable}`), `${variable} is used`);
    }
  });
});
