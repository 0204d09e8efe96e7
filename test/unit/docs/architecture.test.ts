import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../..');

/** Every folder under src/, as `core/parse/notations`. */
function folders(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      return [relative, ...folders(path.join(dir, entry.name), relative)];
    });
}

describe('ARCHITECTURE.md', () => {
  const map = readFileSync(path.join(repoRoot, 'ARCHITECTURE.md'), 'utf8');

  it('names every folder under src/, so a newcomer finds each feature from the map', () => {
    const unnamed = folders(path.join(repoRoot, 'src')).filter((folder) => {
      const name = folder.split('/').pop()!;
      // A top-level folder is named as `src/x/`; a nested one by its own name with a slash (`notations/`).
      return folder.includes('/') ? !map.includes(`${name}/`) : !map.includes(`src/${folder}/`);
    });
    assert.deepEqual(unnamed, [], 'add these folders to ARCHITECTURE.md');
  });
});
