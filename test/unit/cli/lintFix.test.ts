import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/run';
import { encodeText } from '../../../src/core/text/decode';

// `phaselens lint --fix` run in-process over files in a temporary folder; every check compares bytes.

function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, { cwd, color: false, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

/** A plan with one garbled emoji, one status that contradicts its tasks, and problems no fix may touch. */
const PLAN = [
  '# Roadmap',
  '',
  '## Phase 1: Setup',
  '',
  '**Status**: In Progress',
  '',
  '- [x] Install ðŸŽ¯ tools',
  '- [x] Configure',
  '',
  '**Success Criteria**: it runs',
  '',
  '## Phase 2: Build',
  '',
  '**Depends on**: Phase 9',
  '',
  '- [ ] Write it',
];
const FIXED = PLAN.map((line) => line.replace('ðŸŽ¯', '🎯').replace('**Status**: In Progress', '**Status**: Complete'));

describe('cli: lint --fix', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phaselens-fix-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const cases: Array<{ name: string; bytes: (lines: string[]) => Uint8Array }> = [
    { name: 'LF', bytes: (lines) => encodeText(lines.join('\n') + '\n', 'utf-8', false) },
    { name: 'CRLF', bytes: (lines) => encodeText(lines.join('\r\n') + '\r\n', 'utf-8', false) },
    { name: 'CR only', bytes: (lines) => encodeText(lines.join('\r') + '\r', 'utf-8', false) },
    { name: 'BOM and CRLF, no final line break', bytes: (lines) => encodeText(lines.join('\r\n'), 'utf-8', true) },
    { name: 'mixed endings', bytes: (lines) => encodeText(lines.map((line, index) => line + (index % 3 === 0 ? '\r\n' : '\n')).join(''), 'utf-8', false) },
    { name: 'UTF-16LE with BOM', bytes: (lines) => encodeText(lines.join('\r\n') + '\r\n', 'utf-16le', true) },
    { name: 'UTF-16BE with BOM', bytes: (lines) => encodeText(lines.join('\n') + '\n', 'utf-16be', true) },
  ];
  for (const { name, bytes } of cases) {
    it(`${name}: repairs only the damaged lines, keeps everything else byte for byte`, () => {
      const file = path.join(dir, 'PLAN.md');
      fs.writeFileSync(file, bytes(PLAN));
      fs.chmodSync(file, 0o640);
      const result = run(['lint', '--fix', '--format', 'json', 'PLAN.md'], dir);
      assert.deepEqual(Buffer.from(fs.readFileSync(file)), Buffer.from(bytes(FIXED)));
      assert.equal(fs.statSync(file).mode & 0o777, 0o640);
      assert.match(result.stderr, /fixed 2 problems in 1 file/);
      // What remains is reported: the broken reference stays (a person decides), the criteria are not invented.
      const remaining = JSON.parse(result.stdout) as Array<{ rule: string }>;
      assert.deepEqual(remaining.map((finding) => finding.rule).sort(), ['broken-dependency', 'missing-success-criteria']);
      assert.equal(result.code, 0);
    });
  }

  it('walks folders and globs, writes through a symbolic link, and leaves clean files untouched', () => {
    fs.mkdirSync(path.join(dir, 'docs'));
    fs.mkdirSync(path.join(dir, 'real'));
    fs.writeFileSync(path.join(dir, 'real', 'LINKED.md'), PLAN.join('\n'));
    fs.symlinkSync(path.join(dir, 'real', 'LINKED.md'), path.join(dir, 'docs', 'LINKED.md'));
    const clean = FIXED.join('\n') + '\n';
    fs.writeFileSync(path.join(dir, 'docs', 'CLEAN.md'), clean);
    const before = fs.statSync(path.join(dir, 'docs', 'CLEAN.md')).mtimeMs;
    const result = run(['lint', '--fix', 'docs'], dir);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(fs.lstatSync(path.join(dir, 'docs', 'LINKED.md')).isSymbolicLink(), 'the link is still a link');
    assert.equal(fs.readFileSync(path.join(dir, 'real', 'LINKED.md'), 'utf8'), FIXED.join('\n'));
    assert.equal(fs.readFileSync(path.join(dir, 'docs', 'CLEAN.md'), 'utf8'), clean);
    assert.equal(fs.statSync(path.join(dir, 'docs', 'CLEAN.md')).mtimeMs, before);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'real')), ['LINKED.md'], 'no temporary file is left behind');
  });

  it('a status marked complete over open tasks is set back to match them, never the tasks ticked', () => {
    const text = '# R\n\n## Phase 1: A\n\n**Status**: ✅ Complete\n\n- [x] a\n- [ ] b\n\n**Done when**: ok\n';
    fs.writeFileSync(path.join(dir, 'A.md'), text);
    run(['lint', '--fix', 'A.md'], dir);
    assert.equal(fs.readFileSync(path.join(dir, 'A.md'), 'utf8'), text.replace('✅ Complete', '🚧 In Progress'));
  });

  it('keeps the usual exit codes for what remains', () => {
    fs.writeFileSync(path.join(dir, 'C.md'), '# R\n\n## Phase 1: A\n\n**Depends on**: Phase 2\n\n## Phase 2: B\n\n**Depends on**: Phase 1\n');
    assert.equal(run(['lint', '--fix', 'C.md'], dir).code, 1, 'a dependency cycle is an error and has no safe fix');
    assert.equal(run(['lint', '--fix', 'missing.md'], dir).code, 2);
  });
});
