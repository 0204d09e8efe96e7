import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/run';
import { decodeText, encodeText } from '../../../src/core/text/decode';

function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, { cwd, color: false, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

const PLAN = '# Roadmap\r\n\r\n## Phase 1: Setup ✅\r\n\r\n- [x] Install 🎯\r\n';

describe('cli: inputs that are hard to read', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phaselens-inputs-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('one decoder for every reader', () => {
    it('reads UTF-8, UTF-16LE and UTF-16BE by their byte-order mark, and gives the mark back when writing', () => {
      for (const encoding of ['utf-8', 'utf-16le', 'utf-16be'] as const) {
        const bytes = encodeText(PLAN, encoding, true);
        assert.deepEqual(decodeText(bytes), { kind: 'text', text: PLAN, encoding, bom: true });
        assert.deepEqual(Buffer.from(encodeText(PLAN, encoding, true)), Buffer.from(bytes));
      }
      assert.deepEqual(decodeText(new TextEncoder().encode(PLAN)), { kind: 'text', text: PLAN, encoding: 'utf-8', bom: false });
    });

    it('calls NUL bytes without a mark binary rather than reading them as an empty or garbled plan', () => {
      assert.deepEqual(decodeText(encodeText(PLAN, 'utf-16le', false)), { kind: 'binary' });
    });

    it('the CLI parses a UTF-16 plan like its UTF-8 twin', () => {
      fs.writeFileSync(path.join(dir, 'utf8.md'), PLAN);
      fs.writeFileSync(path.join(dir, 'utf16.md'), encodeText(PLAN, 'utf-16le', true));
      const parse = (file: string) => JSON.parse(run(['parse', '--json', file], dir).stdout).plans[0];
      const utf16 = parse('utf16.md');
      assert.equal(utf16.phases.length, 1);
      assert.equal(utf16.phases[0].status, 'done');
      assert.deepEqual({ ...utf16, file: '' }, { ...parse('utf8.md'), file: '' });
    });

    it('warns about a binary file found in a folder instead of reading it as nothing', () => {
      fs.writeFileSync(path.join(dir, 'PLAN.md'), PLAN);
      fs.writeFileSync(path.join(dir, 'nomark.md'), encodeText(PLAN, 'utf-16le', false));
      const result = run(['lint', '.'], dir);
      assert.match(result.stderr, /skipping nomark\.md: it is not text \(a binary file, or UTF-16 without a byte-order mark\)/);
      assert.equal(result.code, 0);
    });
  });

  describe('symbolic link loops (ELOOP)', () => {
    it('named on the command line: a clear message and exit 2', () => {
      fs.symlinkSync('loop.md', path.join(dir, 'loop.md'));
      const result = run(['lint', 'loop.md'], dir);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /cannot read loop\.md: a loop of symbolic links/);
    });

    it('met while walking a folder: skipped with the same reason, the run goes on', () => {
      fs.writeFileSync(path.join(dir, 'PLAN.md'), PLAN);
      fs.symlinkSync('loop.md', path.join(dir, 'loop.md'));
      fs.symlinkSync('sub', path.join(dir, 'sub'));
      const result = run(['lint', '.'], dir);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stderr, /skipping loop\.md: cannot read it \(a loop of symbolic links\)/);
      assert.match(result.stderr, /skipping sub: cannot read it \(a loop of symbolic links\)/);
    });
  });

  it('an unknown top-level key in .phaselensrc.json is named, with the likely spelling', () => {
    fs.writeFileSync(path.join(dir, 'PLAN.md'), PLAN);
    fs.writeFileSync(path.join(dir, '.phaselensrc.json'), '{ "rule": { "mojibake": "off" } }');
    const result = run(['lint', 'PLAN.md'], dir);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Unknown top-level key "rule"; did you mean "rules"\?/);
  });
});
