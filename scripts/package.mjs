// Packages the extension as a .vsix with @vscode/vsce, offline, and checks what went in.
//
//   node scripts/package.mjs                 build, package to phaselens-<version>.vsix, check it
//   node scripts/package.mjs --out FILE      package to FILE instead
//   node scripts/package.mjs --check         package into a temporary folder, check, delete (CI)
//
// The files come from `vsce ls` (so .vscodeignore decides) and are staged in a temporary folder
// with a copy of package.json, where vsce packages them. The copy drops `vscode:prepublish`
// (the build already ran), `files` (it lists what the npm package ships, the CLI; vsce refuses
// a manifest with both `files` and a .vscodeignore) and, while media/icon.png does not exist
// yet, the `icon` field, which vsce would otherwise refuse. The repository is never modified.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkVsixContents } from './vsix/contents.mjs';
import { zipEntries } from './vsix/zip.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

const args = process.argv.slice(2);
const checkOnly = args.includes('--check');
const outIndex = args.indexOf('--out');
const workDir = mkdtempSync(path.join(os.tmpdir(), 'phaselens-vsix-'));
const out = outIndex >= 0 ? path.resolve(args[outIndex + 1]) : checkOnly ? path.join(workDir, 'phaselens.vsix') : path.join(root, `${manifest.name}-${manifest.version}.vsix`);

function run(command, commandArgs, cwd) {
  try {
    return execFileSync(command, commandArgs, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  } catch (error) {
    throw new Error(`${path.basename(commandArgs[0] ?? command)} ${commandArgs.slice(1).join(' ')} failed (exit ${error.status ?? error.signal})`);
  }
}

try {
  run(process.execPath, ['scripts/build.mjs'], root);


  const files = run(process.execPath, [vsce, 'ls', '--no-dependencies'], root).split('\n').map((line) => line.trim()).filter(Boolean);
  const stage = path.join(workDir, 'stage');
  for (const file of [...files, '.vscodeignore']) {
    if (file === 'package.json') continue;
    mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
    copyFileSync(path.join(root, file), path.join(stage, file));
  }
  const staged = structuredClone(manifest);
  delete staged.scripts?.['vscode:prepublish'];
  delete staged.files;
  if (staged.icon && !existsSync(path.join(root, staged.icon))) {
    console.warn(`package: ${staged.icon} does not exist yet; packaging without an icon`);
    delete staged.icon;
  }
  writeFileSync(path.join(stage, 'package.json'), JSON.stringify(staged, null, 2) + '\n');

  mkdirSync(path.dirname(out), { recursive: true });
  run(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], stage);

  const buffer = readFileSync(out);
  const entries = zipEntries(buffer);
  const { errors, warnings } = checkVsixContents({
    paths: entries.map((entry) => entry.path),
    totalBytes: buffer.length,
    manifest,
    exists: (file) => existsSync(path.join(root, file)),
  });
  console.log(`\n${out}: ${(buffer.length / 1024).toFixed(1)} KB, ${entries.length} files`);
  for (const entry of entries) console.log(`  ${entry.path.padEnd(48)} ${String(entry.size).padStart(8)} B`);
  for (const warning of warnings) console.warn(`warning: ${warning}`);
  for (const error of errors) console.error(`error: ${error}`);
  if (errors.length > 0) process.exitCode = 1;
  else console.log(checkOnly ? 'package check: ok' : `packaged ${path.relative(root, out)}`);
} catch (error) {
  console.error(`package: ${error.message}`);
  process.exitCode = 1;
} finally {
  rmSync(path.join(workDir, 'stage'), { recursive: true, force: true });
  if (checkOnly) rmSync(workDir, { recursive: true, force: true });
  else if (path.dirname(out) !== workDir) rmSync(workDir, { recursive: true, force: true });
}
