import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { expandLaunchCommand, type LaunchValues } from '../../../src/core/shell/launchTemplate';
import { parsePowerShellLine } from './powershellModel';

// PowerShell is not installable here (no Debian package; the npm "pwsh" package downloads it at
// install time), so launchTemplate.test.ts skips its real-pwsh run. These tests read the launch
// lines through a model of PowerShell's parser instead (see powershellModel.ts); when `pwsh` is
// on the machine, the real-shell test runs as well.

const HOSTILE = [
  '$(touch CANARY-1)',
  '`touch CANARY-2`',
  '"; touch CANARY-3; echo "',
  "'; touch CANARY-4; echo '",
  'line one\ntouch CANARY-5\n',
  '${env:HOME} $env:PATH $HOME @(1) @{a=1}',
  '“smart” ‘quotes’ „low“ ‚single‘ `"` `$',
  '%PATH% !! !$ ünïcødé 🚀 * ~ back\\slash\\',
  '(touch CANARY-8); touch CANARY-9 # \t\u0003 | & > out.txt',
  '--% stop parsing',
];

const values = (title: string): LaunchValues => ({
  phaseId: '81A',
  phaseTitle: title,
  file: 'C:\\plans\\PHASE 81.md',
  line: '3',
  prompt: `# Phase 81A: ${title}\n\n- [ ] ${title}\n`,
});

describe('shell: PowerShell quoting, through a model of its parser', () => {
  describe('the model reads PowerShell the way its documentation says', () => {
    const env = { X: 'value', Y: 'a"b' };
    const cases: Array<[string, string[]]> = [
      ['prog "Use a quotation mark ("") to begin a string."', ['prog', 'Use a quotation mark (") to begin a string.']],
      ["prog 'don''t' 'The value of $i'", ['prog', "don't", 'The value of $i']],
      ['prog "`$i is `"quoted`"" `$literal', ['prog', '$i is "quoted"', '$literal']],
      ['prog "one`ttwo`nthree"', ['prog', 'one\ttwo\nthree']],
      ['prog "${env:X}" --opt="${env:X}" pre${env:X}post', ['prog', 'value', '--opt=value', 'prevaluepost']],
      ['prog "${env:Y}"', ['prog', 'a"b']],
      ['prog "a"b \'c\'d', ['prog', 'a', 'b', 'c', 'd']],
      ['prog \u201Ctypographic\u201D \u2018single\u2019', ['prog', 'typographic', 'single']],
    ];
    for (const [line, argv] of cases) {
      it(line, () => assert.deepEqual(parsePowerShellLine(line, env), { argv, active: [] }));
    }

    it('flags whatever would run or redirect: the negative control', () => {
      for (const line of ['prog "$(touch X)"', 'prog $HOME', 'prog a; touch X', 'prog a | more', 'prog > out', 'prog (touch X)', 'prog # comment', 'prog "${HOME}"']) {
        assert.notDeepEqual(parsePowerShellLine(line, {}).active, [], line);
      }
    });

    it('shows that writing a value into the line would have run it', () => {
      const naive = `prog "${'$(touch CANARY-1)'}"`;
      assert.notDeepEqual(parsePowerShellLine(naive, {}).active, []);
    });
  });

  it('every value reaches the program as one argument, exactly, and nothing in it runs', () => {
    const template = `node receive.js -- \${phaseTitle} "\${phaseTitle}" '\${phaseTitle}' --title=\${phaseTitle} "\${phaseId}: \${phaseTitle}" "\${file}:\${line}" \${prompt}`;
    for (const title of HOSTILE) {
      const input = values(title);
      const result = expandLaunchCommand(template, input, 'powershell');
      assert.ok(result.ok, `expands for ${JSON.stringify(title)}`);
      const parsed = parsePowerShellLine(result.command, result.env);
      assert.deepEqual(parsed.active, [], `${JSON.stringify(title)}: ${result.command}`);
      assert.deepEqual(
        parsed.argv,
        ['node', 'receive.js', '--', title, title, title, `--title=${title}`, `81A: ${title}`, `${input.file}:${input.line}`, input.prompt],
        result.command,
      );
    }
  });

  it('refuses the two template shapes PowerShell would split or not expand', () => {
    assert.equal(expandLaunchCommand("x 'id ${phaseTitle}'", values('a'), 'powershell').ok, false);
    assert.equal(expandLaunchCommand('x ${phaseId}.log', values('a'), 'powershell').ok, false);
    // What the refusal avoids: the model splits the word that PowerShell would split.
    assert.deepEqual(parsePowerShellLine('x "${env:A}".log', { A: 'id' }).argv, ['x', 'id', '.log']);
  });

  it('agrees with a real pwsh when one is installed', function () {
    if (spawnSync('pwsh', ['-NoProfile', '-Command', 'exit 0']).status !== 0) {
      console.log('      (skipped: pwsh is not installed; the model above stands in for it)');
      this.skip();
    }
    const line = 'node -e "process.stdout.write(JSON.stringify(process.argv.slice(1)))" "${env:A}" --t="${env:A}" \u201C${env:A}\u201D';
    const run = spawnSync('pwsh', ['-NoProfile', '-Command', line], { env: { ...process.env, A: '$(x) "q" `b`' }, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(run.stdout), parsePowerShellLine(line, { A: '$(x) "q" `b`' }).argv.slice(3));
  });
});
