import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PARSER_VERSION } from '../../../src/core/scan';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { fixturesDir } from '../../support/paths';
import { generatedSamples } from './samples';

/**
 * A tripwire for PARSER_VERSION: persisted plan caches are only as good as the version that
 * keys them, so when parsePlan's output changes for a fixed set of texts, this test asks for a
 * version bump. After bumping (src/core/scan/planCache.ts), record the new output with
 *   UPDATE_PARSER_FINGERPRINT=1 npx mocha test/unit/scan/parserVersion.test.ts
 */

const RECORD = path.join(__dirname, 'parserFingerprint.json');
const PARSE_FIXTURES = ['criteria-forms', 'crlf-bom', 'dependency-forms', 'heading-forms', 'lazy-fields', 'mojibake-titles', 'status-forms', 'list-item-phases', 'table-phases', 'details-phases', 'kiro-tasks'];

function fingerprint(): string {
  const texts = [
    ...PARSE_FIXTURES.map((name) => ({ name: `${name}.md`, text: readFileSync(path.join(fixturesDir, 'parse', `${name}.md`), 'utf8') })),
    ...generatedSamples(150),
  ];
  const hash = createHash('sha1');
  for (const { name, text } of texts) hash.update(JSON.stringify(parsePlan(text, name)));
  return hash.digest('hex');
}

describe('parser version', () => {
  it('changes whenever parsePlan output changes', () => {
    const current = fingerprint();
    const recorded = existsSync(RECORD) ? (JSON.parse(readFileSync(RECORD, 'utf8')) as { parserVersion: number; fingerprint: string }) : undefined;
    if (process.env.UPDATE_PARSER_FINGERPRINT) {
      if (recorded && recorded.fingerprint !== current && recorded.parserVersion >= PARSER_VERSION) {
        assert.fail(`parse output changed: bump PARSER_VERSION (now ${PARSER_VERSION}) before recording it`);
      }
      writeFileSync(RECORD, `${JSON.stringify({ parserVersion: PARSER_VERSION, fingerprint: current }, null, 2)}\n`);
      return;
    }
    assert.ok(recorded, `${RECORD} is missing: record it with UPDATE_PARSER_FINGERPRINT=1`);
    if (recorded.fingerprint !== current) {
      assert.fail(
        recorded.parserVersion === PARSER_VERSION
          ? `parsePlan output changed: bump PARSER_VERSION in src/core/scan/planCache.ts (cached plans of version ${PARSER_VERSION} would be stale), then record it with UPDATE_PARSER_FINGERPRINT=1 npx mocha test/unit/scan/parserVersion.test.ts`
          : `PARSER_VERSION is ${PARSER_VERSION}: record the new output with UPDATE_PARSER_FINGERPRINT=1 npx mocha test/unit/scan/parserVersion.test.ts`,
      );
    }
    assert.equal(recorded.parserVersion, PARSER_VERSION, 'PARSER_VERSION changed without a change in output: record it with UPDATE_PARSER_FINGERPRINT=1');
  });
});
