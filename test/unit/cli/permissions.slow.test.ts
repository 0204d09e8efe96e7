import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildCli, removeTempDirs, tempDir } from './cliHarness';

// Permission denied looks the same wherever it is met: an unreadable file inside a walked folder
// and an unreadable folder are both skipped with a warning (exit code from what was read); a file
// named on the command line that cannot be read stops the run with exit 2. Root reads everything,
// so under root the CLI runs as `nobody` (setpriv), the way a user without the permission would.

const PLAN = '# Roadmap\n\n## Phase 1: Setup\n\n- [x] Install\n\n**Done when**: it runs\n';

describe('cli: files and folders without read permission', function () {
  this.timeout(300_000);
  let cli: string;
  let dir: string;
  before(async () => {
    cli = await buildCli();
    dir = tempDir('perm');
    fs.chmodSync(path.dirname(cli), 0o755);
    fs.chmodSync(cli, 0o755);
    fs.chmodSync(dir, 0o755);
    fs.writeFileSync(path.join(dir, 'PLAN.md'), PLAN);
    fs.writeFileSync(path.join(dir, 'secret.md'), PLAN, { mode: 0o000 });
    fs.mkdirSync(path.join(dir, 'locked'), { mode: 0o000 });
  });
  after(() => {
    fs.chmodSync(path.join(dir, 'locked'), 0o755);
    removeTempDirs();
  });

  function run(args: string[]) {
    const asRoot = process.getuid?.() === 0;
    const command = asRoot ? 'setpriv' : process.execPath;
    const argv = asRoot ? ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, cli, ...args] : [cli, ...args];
    const result = spawnSync(command, argv, { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { code: result.status, stderr: result.stderr };
  }

  it('walking a folder: the unreadable file and the unreadable folder are both skipped, with a warning each', () => {
    const result = run(['lint', '.']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /skipping secret\.md: cannot read it \(permission denied\)/);
    assert.match(result.stderr, /skipping locked\/: cannot read the folder \(permission denied\)/);
  });

  it('named on the command line: exit 2 with the reason', () => {
    const result = run(['lint', 'secret.md']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /cannot read secret\.md: permission denied/);
  });
});
