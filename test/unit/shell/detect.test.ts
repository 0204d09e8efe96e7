import assert from 'node:assert/strict';
import { detectShell } from '../../../src/core/shell/detect';

describe('shell: detectShell', () => {
  const kindOf = (path: string | undefined, platform = 'linux') => detectShell(path, platform).kind;

  it('reads sh-family shells by name, with folders, .exe and version suffixes', () => {
    for (const path of ['/bin/sh', '/usr/bin/bash', '/bin/zsh', '/usr/bin/dash', '/bin/ksh93', '/bin/mksh', '/usr/local/bin/bash5', 'C:\\Program Files\\Git\\bin\\bash.exe', '/opt/homebrew/bin/zsh-5.9']) {
      assert.equal(kindOf(path), 'posix', path);
    }
  });

  it('tells fish, PowerShell and cmd apart', () => {
    assert.equal(kindOf('/usr/bin/fish'), 'fish');
    assert.equal(kindOf('/usr/local/bin/pwsh'), 'powershell');
    assert.equal(kindOf('C:\\Program Files\\PowerShell\\7\\pwsh.exe', 'win32'), 'powershell');
    assert.equal(kindOf('C:\\WINDOWS\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'win32'), 'powershell');
    assert.equal(kindOf('C:\\Windows\\System32\\cmd.exe', 'win32'), 'cmd');
    assert.equal(kindOf('C:\\Windows\\System32\\CMD.EXE', 'win32'), 'cmd');
  });

  it('marks wsl.exe as a POSIX shell that needs WSLENV', () => {
    assert.deepEqual(detectShell('C:\\Windows\\System32\\wsl.exe', 'win32'), { kind: 'posix', name: 'wsl', wsl: true });
  });

  it('gives no kind to shells whose quoting it does not model', () => {
    for (const path of ['/bin/tcsh', '/bin/csh', '/usr/bin/nu', '/usr/bin/xonsh', '/usr/bin/elvish', '/opt/tools/myshell']) {
      assert.equal(kindOf(path), undefined, path);
    }
  });

  it('falls back to the platform default when no shell is known', () => {
    assert.equal(kindOf(undefined, 'linux'), 'posix');
    assert.equal(kindOf('', 'darwin'), 'posix');
    assert.equal(kindOf('  ', 'win32'), 'powershell');
  });
});
