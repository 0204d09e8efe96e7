import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkVsixContents, MAX_VSIX_BYTES, referencedFiles } from '../../../scripts/vsix/contents.mjs';
import { repoRoot } from '../../support/paths';

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

/** What vsce makes of a good package: its own two files, then ours under extension/. */
const GOOD = [
  'extension.vsixmanifest',
  '[Content_Types].xml',
  'extension/package.json',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
  'extension/dist/extension.js',
  'extension/dist/markdownStack.js',
  'extension/dist/planParserWorker.js',
  'extension/dist/mcpServer.js',
  'extension/syntaxes/phaselens.injection.json',
  'extension/media/phaselens.svg',
  'extension/media/icon.png',
];

const check = (paths: string[], exists: (file: string) => boolean = () => true, totalBytes = 200_000) => checkVsixContents({ paths, totalBytes, manifest, exists });

describe('vsix contents check', () => {
  it('accepts a package with exactly the extension, media, grammar and docs', () => {
    assert.deepEqual(check(GOOD), { errors: [], warnings: [] });
  });

  it('rejects anything else: sources, tests, the CLI, source maps, dependencies', () => {
    for (const stray of ['extension/src/vscode/extension.ts', 'extension/dist/cli.js', 'extension/dist/extension.js.map', 'extension/test/fixtures/a.md', 'extension/node_modules/x/index.js', 'extension/docs/rules/mojibake.md', 'extension/media/screens/tree.gif']) {
      const { errors } = check([...GOOD, stray]);
      assert.equal(errors.length, 1, stray);
      assert.match(errors[0]!, new RegExp(`^${stray.replace(/[.[\]]/g, '\\$&')} must not be in the package`));
    }
  });

  it('requires the entry point, its remark stack and parser worker, the manifest and the README, CHANGELOG and LICENSE', () => {
    for (const missing of ['extension/dist/extension.js', 'extension/dist/markdownStack.js', 'extension/dist/planParserWorker.js', 'extension/dist/mcpServer.js', 'extension/package.json', 'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt']) {
      const { errors } = check(GOOD.filter((path) => path !== missing));
      assert.ok(errors.length >= 1, `${missing} should be required`);
    }
  });

  it('requires every file package.json references that exists, and only warns about one not made yet', () => {
    const withoutIcon = GOOD.filter((path) => path !== 'extension/media/icon.png');
    assert.deepEqual(check(withoutIcon).errors, ['package.json references media/icon.png, which is in the repository but not in the package']);
    assert.deepEqual(check(withoutIcon, (file) => file !== 'media/icon.png'), {
      errors: [],
      warnings: ['package.json references media/icon.png, which does not exist yet: the package ships without it'],
    });
  });

  it('rejects a package that grew too big', () => {
    assert.match(check(GOOD, () => true, MAX_VSIX_BYTES + 1).errors[0]!, /more than/);
  });

  it('finds the files the manifest references: entry point, icons and grammars, not codicons', () => {
    const files = referencedFiles(manifest);
    for (const expected of ['dist/extension.js', 'syntaxes/phaselens.injection.json', 'media/icon.png']) assert.ok(files.includes(expected), expected);
    assert.ok(files.every((file) => !file.startsWith('$(')));
    // Every referenced file that exists must be allowed in the package (or the check could never pass).
    const present = files.filter((file) => existsSync(path.join(repoRoot, file)));
    assert.deepEqual(check(['extension.vsixmanifest', '[Content_Types].xml', 'extension/package.json', 'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt', 'extension/dist/markdownStack.js', 'extension/dist/planParserWorker.js', 'extension/dist/mcpServer.js', ...present.map((file) => `extension/${file}`)]).errors, []);
  });
});
