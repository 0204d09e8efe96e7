import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ShellKind } from '../../../src/core/shell/detect';
import { expandLaunchCommand, type LaunchValues } from '../../../src/core/shell/launchTemplate';

// The launch lines run by the real shells on this machine: the program must receive exactly the
// values, and nothing in them may run or be globbed. The values say `touch CANARY` rather than
// anything destructive, so a failure leaves a file behind instead of damage. bash, dash, zsh and
// fish are Debian packages: `npm run test:slow` installs a missing one first (scripts/test-shells.sh),
// and a shell still missing fails with the advice rather than passing unseen. pwsh has no Debian package; powershellQuoting.test.ts reads the
// same lines through a model of its parser, and its real-pwsh check says when it cannot run.

const SHELLS: Array<{ kind: ShellKind; program: string }> = [
  { kind: 'posix', program: 'sh' },
  { kind: 'posix', program: 'bash' },
  { kind: 'posix', program: 'dash' },
  { kind: 'posix', program: 'zsh' },
  { kind: 'fish', program: 'fish' },
];

const CANARIES = [
  '$(touch CANARY-1)',
  '`touch CANARY-2`',
  '"; touch CANARY-3; echo "',
  "'; touch CANARY-4; echo '",
  'line one\ntouch CANARY-5\n',
  '$(touch CANARY-6)\n"; touch CANARY-7 | sh',
  '%PATH% !! !$ ünïcødé 🚀 “smart” ‘quotes’ $HOME * ~ back\\slash\\',
  '(touch CANARY-8); touch CANARY-9 # \t\u0003',
  '* ?  [a-z]* {a,b} ~root',
  '--dangerously-skip-permissions',
];

const values = (title: string): LaunchValues => ({ phaseId: '9', phaseTitle: title, file: '/plans/PHASE 9.md', line: '3', prompt: `# Phase 9: ${title}\n\n- [ ] ${title}\n` });

describe('shell: launch lines run by real shells', function () {
  this.timeout(300_000);
  let dir: string;
  let receiver: string;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'phaselens-quote-'));
    receiver = path.join(dir, 'receive.js');
    writeFileSync(receiver, 'process.stdout.write(JSON.stringify(process.argv.slice(2)))');
    // Files a glob would match, so that word splitting or globbing shows in the argv.
    for (const name of ['a', 'b', 'abc']) writeFileSync(path.join(dir, name), '');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function run(program: string, kind: ShellKind, template: string, input: LaunchValues): unknown {
    const result = expandLaunchCommand(template, input, kind);
    assert.ok(result.ok, result.ok ? '' : result.error);
    const ran = spawnSync(program, ['-c', result.command], { cwd: dir, env: { ...process.env, ...result.env }, encoding: 'utf8' });
    assert.equal(ran.status, 0, `${program} failed: ${ran.stderr}\n${result.command}`);
    assert.deepEqual(readdirSync(dir).filter((name) => name.startsWith('CANARY')), [], `${program} ran part of ${JSON.stringify(input.phaseTitle)}: ${result.command}`);
    return JSON.parse(ran.stdout);
  }

  for (const { kind, program } of SHELLS) {
    describe(program, () => {
      before(function () {
        const found = spawnSync(program, ['-c', 'exit 0']);
        assert.equal(found.status, 0, `${program} is not installed: apt-get install ${program === 'sh' ? 'dash' : program}`);
      });

      it('every argument arrives exactly, nothing runs', () => {
        const template = `${process.execPath} ${receiver} -- \${phaseTitle} "\${phaseTitle}" '\${phaseTitle}' --title=\${phaseTitle} "\${phaseId}: \${phaseTitle}" \${prompt}`;
        for (const title of CANARIES) {
          const input = values(title);
          assert.deepEqual(run(program, kind, template, input), ['--', title, title, title, `--title=${title}`, `9: ${title}`, input.prompt]);
        }
      });

      it('a placeholder inside a command substitution in double quotes is neither split nor globbed', () => {
        const subst = kind === 'fish' ? ['"$(printf %s ${phaseTitle})"'] : ['"$(printf %s ${phaseTitle})"', '"`printf %s ${phaseTitle}`"', '"x$(printf %s "$(printf %s ${phaseTitle})")"'];
        for (const title of CANARIES.filter((canary) => !canary.includes('\n') && !canary.startsWith('-'))) {
          const template = `${process.execPath} ${receiver} -- ${subst.join(' ')}`;
          const expected = subst.map((word) => (word.startsWith('"x') ? `x${title}` : title));
          assert.deepEqual(run(program, kind, template, values(title)), ['--', ...expected], title);
        }
      });
    });
  }
});
