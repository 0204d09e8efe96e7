import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { buildWorkspaceIndex } from '../../../src/core/graph';
import { setTask } from '../../../src/core/operations';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { writePlanSafely } from '../../../src/cli/mcp/writeSafely';
import { buildCli, removeTempDirs, tempDir } from './cliHarness';

const PLAN = [
  '# Roadmap',
  '',
  '## Phase 1: Foundations',
  '',
  '**Status**: Complete',
  '',
  '- [x] Repository',
  '',
  '## Phase 2A: Importer',
  '',
  '**Status**: Planned',
  '**Depends on**: Phase 1',
  '',
  '- [ ] Read CSV files',
  '- [ ] Read JSON files',
  '',
  '### Success Criteria',
  '- [ ] Imports a 10 MB file',
  '',
].join('\r\n');

const OTHER = '\uFEFF# Other plan\n\n## Phase 2A: Same id elsewhere\n\n- [ ] Something\n';

/** The `phaselens mcp` server end to end: the SDK's own client over stdio, on a temporary folder. */
describe('cli: phaselens mcp over stdio', function () {
  this.timeout(120_000);
  let cli: string;
  let root: string;
  let client: Client;

  before(async () => {
    cli = await buildCli();
  });

  beforeEach(async () => {
    root = tempDir('mcp');
    fs.mkdirSync(path.join(root, 'docs'));
    fs.writeFileSync(path.join(root, 'docs/ROADMAP.md'), PLAN, { mode: 0o640 });
    fs.writeFileSync(path.join(root, 'OTHER.md'), OTHER);
    client = new Client({ name: 'phaselens-test', version: '0.0.0' });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [cli, 'mcp', '--root', root], stderr: 'pipe' }));
  });

  afterEach(async () => {
    await client.close();
  });

  after(removeTempDirs);

  async function call(name: string, args: Record<string, unknown>): Promise<{ text: string; isError: boolean }> {
    const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
    const first = result.content[0];
    assert.equal(first?.type, 'text');
    return { text: (first as { text: string }).text, isError: result.isError === true };
  }

  const roadmap = () => fs.readFileSync(path.join(root, 'docs/ROADMAP.md'), 'utf8');

  it('lists the six tools with their schemas', async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((tool) => tool.name), ['list_phases', 'get_phase', 'next_ready_phase', 'set_task', 'set_phase_status', 'complete_phase']);
    assert.deepEqual(tools.find((tool) => tool.name === 'set_task')?.inputSchema.required, ['phase', 'task']);
    assert.equal(tools.find((tool) => tool.name === 'get_phase')?.annotations?.readOnlyHint, true);
  });

  it('lists, reads and finds the next phase', async () => {
    const listed = JSON.parse((await call('list_phases', {})).text) as Array<{ id: string; file: string; status: string }>;
    assert.deepEqual(listed.map((phase) => `${phase.file}:${phase.id}:${phase.status}`), ['OTHER.md:2A:planned', 'docs/ROADMAP.md:1:done', 'docs/ROADMAP.md:2A:planned']);
    const phase = JSON.parse((await call('get_phase', { phase: '2A', file: 'docs/ROADMAP.md' })).text);
    assert.deepEqual(phase.tasks.map((task: { index: number; text: string; done: boolean }) => [task.index, task.text, task.done]), [[1, 'Read CSV files', false], [2, 'Read JSON files', false]]);
    assert.equal(phase.dependencies[0].status, 'done');
    const next = JSON.parse((await call('next_ready_phase', { file: 'ROADMAP.md' })).text);
    assert.equal(next.ready, true);
    assert.equal(next.phase.id, '2A');
  });

  it('sets a task: exactly one line of the file changes, line ends and mode kept', async () => {
    const before = roadmap();
    const result = await call('set_task', { phase: '2A', file: 'docs/ROADMAP.md', task: 2 });
    assert.equal(result.isError, false);
    assert.match(result.text, /Checked task 2 of Phase 2A \("Read JSON files"\)\. Phase 2A: 1\/2 tasks done\./);
    const after = roadmap();
    const a = before.split('\r\n');
    const b = after.split('\r\n');
    assert.equal(a.length, b.length);
    assert.deepEqual(a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i]]])), [['- [ ] Read JSON files', '- [x] Read JSON files']]);
    assert.equal(after.split('\n').length, after.split('\r\n').length, 'every line still ends in CRLF');
    assert.equal(fs.statSync(path.join(root, 'docs/ROADMAP.md')).mode & 0o777, 0o640);
  });

  it('keeps a byte-order mark', async () => {
    assert.equal((await call('set_task', { phase: '2A', file: 'OTHER.md', task: 'Something' })).isError, false);
    const bytes = fs.readFileSync(path.join(root, 'OTHER.md'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(bytes.toString('utf8'), OTHER.replace('- [ ] Something', '- [x] Something'));
  });

  it('refuses to complete an unfinished phase and leaves the file byte for byte', async () => {
    const before = fs.readFileSync(path.join(root, 'docs/ROADMAP.md'));
    const refused = await call('complete_phase', { phase: '2A', file: 'docs/ROADMAP.md' });
    assert.equal(refused.isError, true);
    const body = JSON.parse(refused.text);
    assert.equal(body.error, 'refused');
    assert.deepEqual(body.open, ['task 1: Read CSV files', 'task 2: Read JSON files', 'criterion: Imports a 10 MB file']);
    assert.ok(fs.readFileSync(path.join(root, 'docs/ROADMAP.md')).equals(before));
  });

  it('completes once everything is checked off', async () => {
    for (const task of [1, 2]) assert.equal((await call('set_task', { phase: '2A', file: 'docs/ROADMAP.md', task })).isError, false);
    fs.writeFileSync(path.join(root, 'docs/ROADMAP.md'), roadmap().replace('- [ ] Imports', '- [x] Imports'));
    const done = await call('complete_phase', { phase: '2A', file: 'docs/ROADMAP.md' });
    assert.equal(done.isError, false, done.text);
    assert.match(roadmap(), /## Phase 2A: Importer\r\n\r\n\*\*Status\*\*: Complete\r\n\*\*Depends on/);
  });

  it('runs the verify checks from the root and completes only when they pass', async () => {
    // The check reads a file the "agent" has to create in the root: evidence, not a checkbox.
    const gated = ['# Gate', '', '## Phase 7: Evidence', '', '**Status**: In Progress', '', '- [x] Write the report', '', '**Done when**:', '- The report exists (verify: `test -f report.txt`)', ''].join('\n');
    fs.writeFileSync(path.join(root, 'GATE.md'), gated);
    const refused = await call('complete_phase', { phase: '7' });
    assert.equal(refused.isError, true);
    assert.deepEqual(JSON.parse(refused.text).failedChecks, ['`test -f report.txt` failed (exit code 1)']);
    assert.equal(fs.readFileSync(path.join(root, 'GATE.md'), 'utf8'), gated, 'a refused completion writes nothing');
    fs.writeFileSync(path.join(root, 'report.txt'), 'done\n');
    const done = await call('complete_phase', { phase: '7' });
    assert.equal(done.isError, false, done.text);
    assert.match(fs.readFileSync(path.join(root, 'GATE.md'), 'utf8'), /## Phase 7: Evidence\n\n\*\*Status\*\*: Complete\n\n- \[x\] Write the report/);
  });

  it('says what is wrong: an unknown phase, an ambiguous one, a bad status', async () => {
    const unknown = await call('get_phase', { phase: 'P9' });
    assert.equal(unknown.isError, true);
    assert.equal(JSON.parse(unknown.text).error, 'unknown-phase');
    const ambiguous = JSON.parse((await call('set_task', { phase: '2A', task: 1 })).text);
    assert.equal(ambiguous.error, 'ambiguous-phase');
    assert.deepEqual(ambiguous.candidates, ['Phase 2A in OTHER.md (line 3)', 'Phase 2A in docs/ROADMAP.md (line 9)']);
    const status = await call('set_phase_status', { phase: '1', file: 'docs/ROADMAP.md', status: 'finished' });
    assert.equal(status.isError, true);
    const tool = await call('delete_everything', {});
    assert.equal(tool.isError, true);
  });

  it('a task reworded since the agent read it is not found, and nothing is written', async () => {
    // Read the phase, as an agent would, then someone edits that very task line on disk.
    await call('get_phase', { phase: '2A', file: 'docs/ROADMAP.md' });
    const edited = roadmap().replace('- [ ] Read CSV files', '- [ ] Read CSV and TSV files');
    fs.writeFileSync(path.join(root, 'docs/ROADMAP.md'), edited);
    // The task named by its old text is gone: an error, the file as the person left it.
    const byText = await call('set_task', { phase: '2A', file: 'docs/ROADMAP.md', task: 'Read CSV files' });
    assert.equal(byText.isError, true);
    assert.equal(roadmap(), edited);
  });

  it('a write computed before the file changed under it is refused, not applied', () => {
    const file = path.join(root, 'docs/ROADMAP.md');
    const text = roadmap();
    const workspace = { sources: [{ file: 'docs/ROADMAP.md', text, plan: parsePlan(text, 'docs/ROADMAP.md') }] };
    const write = setTask({ ...workspace, index: buildWorkspaceIndex(workspace.sources.map((source) => source.plan)) }, { phase: '2A', task: 1 });
    assert.ok(write.ok);
    // Between the server's read and its write, a person rewords that task.
    const edited = text.replace('- [ ] Read CSV files', '- [ ] Read CSV files (and TSV)');
    fs.writeFileSync(file, edited);
    const written = writePlanSafely(file, write.value);
    assert.ok(!written.ok);
    assert.equal(written.error.code, 'conflict');
    assert.equal(roadmap(), edited);
    // Unchanged lines elsewhere do not matter: the same write applies to the original text.
    fs.writeFileSync(file, text.replace('# Roadmap', '# Roadmap (draft)'));
    assert.ok(writePlanSafely(file, write.value).ok);
    assert.match(roadmap(), /^# Roadmap \(draft\)\r\n[\s\S]*- \[x\] Read CSV files\r\n/);
  });
});
