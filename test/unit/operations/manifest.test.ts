import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PLAN_TOOLS } from '../../../src/core/operations';
import { repoRoot } from '../../support/paths';

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

interface ContributedTool {
  name: string;
  modelDescription: string;
  inputSchema: unknown;
  when?: string;
}

/** package.json must describe the language-model tools exactly as the core does (the MCP server's source of truth). */
describe('language-model tool contributions', () => {
  const contributed: ContributedTool[] = manifest.contributes.languageModelTools;

  it('contributes every plan tool under its phaselens_ name, in order', () => {
    assert.deepEqual(contributed.map((tool) => tool.name), PLAN_TOOLS.map((tool) => `phaselens_${tool.name}`));
  });

  it('with the core\'s model description and input schema', () => {
    for (const tool of PLAN_TOOLS) {
      const entry = contributed.find((candidate) => candidate.name === `phaselens_${tool.name}`)!;
      assert.equal(entry.modelDescription, tool.description, tool.name);
      assert.deepEqual(entry.inputSchema, tool.inputSchema, tool.name);
    }
  });

  it('write tools only where the workspace is trusted', () => {
    for (const tool of PLAN_TOOLS) {
      const entry = contributed.find((candidate) => candidate.name === `phaselens_${tool.name}`)!;
      assert.equal(entry.when, tool.readOnly ? undefined : 'isWorkspaceTrusted', tool.name);
    }
  });

  it('declares the MCP server provider the extension registers', () => {
    assert.deepEqual(manifest.contributes.mcpServerDefinitionProviders, [{ id: 'phaselens.mcp', label: 'PhaseLens plans' }]);
  });
});
