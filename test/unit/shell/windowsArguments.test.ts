import assert from 'node:assert/strict';
import { expandLaunchCommand, type LaunchValues } from '../../../src/core/shell/launchTemplate';
import { windowsArgumentProblem } from '../../../src/core/shell/windowsArguments';
import { parsePowerShellLine } from './powershellModel';
import { commandLineToArgv, deliverThroughBatchFile } from './windowsCommandLineModel';

/** A small deterministic generator, so a failure names a value that can be replayed. */
function* randomValues(count: number): Generator<string> {
  const alphabet = ['a', 'Z', '0', ' ', '\t', '"', '\\', '&', '|', '<', '>', '^', '(', ')', '%', '!', '-', "'", '`', '$', ',', ';', '=', '\n', 'é', '🚀'];
  let seed = 0x2f6b1a;
  const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  for (let n = 0; n < count; n++) {
    let value = '';
    const length = 1 + Math.floor(next() * 12);
    for (let k = 0; k < length; k++) value += alphabet[Math.floor(next() * alphabet.length)];
    yield value;
  }
}

const values = (title: string): LaunchValues => ({ phaseId: '4', phaseTitle: title, file: 'C:\\plans\\PHASE 4.md', line: '12', prompt: 'Do phase 4', promptFile: 'C:\\Users\\me\\AppData\\prompt-4.md' });

describe('shell: values under PowerShell on Windows (BatBadBut)', () => {
  describe('the model reads command lines the way Windows does', () => {
    it('CommandLineToArgvW: quotes, backslashes, doubled quotes', () => {
      assert.deepEqual(commandLineToArgv('a "b c" d\\"e "f\\\\" g""h "i""j"'), ['a', 'b c', 'd"e', 'f\\', 'gh', 'i"j']);
      assert.deepEqual(commandLineToArgv('"a\\\\\\"b" c\\\\d'), ['a\\"b', 'c\\\\d']);
    });

    it('shows the attack: a title with quotes and & runs calc through a .cmd target', () => {
      const delivered = deliverThroughBatchFile(['x" & calc & "']);
      assert.ok(delivered.active.some((found) => found.startsWith('&')), JSON.stringify(delivered));
      assert.ok(deliverThroughBatchFile(['a&b']).active.length > 0);
      assert.notDeepEqual(deliverThroughBatchFile(['two words\\', 'next']).argv, ['two words\\', 'next']);
    });
  });

  it('refuses `x" & calc & "` and says why', () => {
    assert.match(windowsArgumentProblem('x" & calc & "') ?? '', /double quote/);
    const result = expandLaunchCommand('claude -- ${phaseTitle}', values('x" & calc & "'), 'powershell', { platform: 'win32' });
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.error, /phase title cannot be passed safely by PowerShell on Windows: it contains a double quote/);
    // Elsewhere PowerShell passes argv directly, so the same title is fine.
    assert.equal(expandLaunchCommand('claude -- ${phaseTitle}', values('x" & calc & "'), 'powershell', { platform: 'linux' }).ok, true);
  });

  it('every value it accepts arrives through a batch file as one argument, exactly, with nothing run', () => {
    let accepted = 0;
    for (const value of randomValues(3000)) {
      if (windowsArgumentProblem(value) !== undefined) continue;
      accepted++;
      assert.deepEqual(deliverThroughBatchFile(['--', value]), { argv: ['--', value], active: [] }, JSON.stringify(value));
    }
    assert.ok(accepted > 300, `only ${accepted} values accepted: the test would prove little`);
  });

  it('the whole way: template → PowerShell → command line → cmd.exe → the program', () => {
    const template = 'claude -- ${phaseTitle} "${phaseId}: ${phaseTitle}" --file="${file}"';
    for (const title of ['Auth & Login (v2)', 'Tests: 100%', 'C:\\temp\\', 'x" & calc & "', 'plain', 'a&b', 'ünïcødé 🚀 (beta)']) {
      const result = expandLaunchCommand(template, values(title), 'powershell', { platform: 'win32' });
      if (!result.ok) {
        assert.notEqual(windowsArgumentProblem(title) ?? windowsArgumentProblem(`4: ${title}`), undefined, title);
        continue;
      }
      const parsed = parsePowerShellLine(result.command, result.env);
      assert.deepEqual(parsed.active, []);
      const delivered = deliverThroughBatchFile(parsed.argv.slice(1));
      assert.deepEqual(delivered, { argv: ['--', title, `4: ${title}`, '--file=C:\\plans\\PHASE 4.md'], active: [] }, title);
    }
  });

  it('hands a multi-line prompt over as a file, with a notice', () => {
    const result = expandLaunchCommand('claude -- ${prompt}', { ...values('t'), prompt: '# Phase 4\n\n- [ ] "quoted" & more\n' }, 'powershell', { platform: 'win32' });
    assert.ok(result.ok);
    assert.equal(result.command, 'claude -- "${env:PHASELENS_PROMPT_FILE}"');
    assert.equal(result.usesPromptFile, true);
    assert.match(result.notices.join(' '), /as a file .*double quote/);
    assert.equal(result.env.PHASELENS_PROMPT_FILE, 'C:\\Users\\me\\AppData\\prompt-4.md');
  });
});
