import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { summarizePlan } from '../../support/summarize';
import { fixturesDir } from '../../support/paths';

/**
 * Each `test/fixtures/parse/NAME.md` is parsed and compared with `NAME.json`.
 * `UPDATE_FIXTURES=1` rewrites the `.json` files; review every change before committing it.
 */
const dir = path.join(fixturesDir, 'parse');
const update = process.env.UPDATE_FIXTURES === '1';

describe('parse fixtures', () => {
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.md')).sort()) {
    it(name, () => {
      const text = readFileSync(path.join(dir, name), 'utf8');
      const actual = summarizePlan(parsePlan(text, name));
      const expectedPath = path.join(dir, name.replace(/\.md$/, '.json'));
      if (update || !existsSync(expectedPath)) {
        writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
        if (!update) assert.fail(`wrote ${expectedPath}: review it, then run again`);
        return;
      }
      assert.deepEqual(actual, JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});
