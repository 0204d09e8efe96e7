import assert from 'node:assert/strict';
import fc from 'fast-check';
import { branchNameFor, isValidBranchName, MAX_BRANCH_LENGTH, sanitizeBranchName, slugify } from '../../../src/core/branchName';


describe('branch names', () => {
  describe('slugify', () => {
    it('makes lowercase ASCII words joined by dashes', () => {
      assert.equal(slugify('Exporter & CSV (v2)'), 'exporter-csv-v2');
      assert.equal(slugify('Ünïcødé Straße, Æsir, Łódź'), 'unicode-strasse-aesir-lodz');
      assert.equal(slugify('  --Already-dashed--  '), 'already-dashed');
      assert.equal(slugify('$(rm -rf ~)'), 'rm-rf');
      assert.equal(slugify('模型 🚀'), '');
    });

    it('cuts long titles at a word boundary', () => {
      const slug = slugify('Telemetry and observability for every service in the fleet, with dashboards');
      assert.ok(slug.length <= 48, slug);
      assert.equal(slug, 'telemetry-and-observability-for-every-service');
      assert.equal(slugify('a'.repeat(60)), 'a'.repeat(48));
    });
  });

  describe('sanitizeBranchName', () => {
    it('keeps a good name as it is, case and slashes included', () => {
      for (const name of ['phase-2B-exporter', 'feature/ABC-12', 'user/phase-3.1', 'ünïcødé']) assert.equal(sanitizeBranchName(name), name);
    });

    it('repairs what git refuses', () => {
      assert.equal(sanitizeBranchName('phase 2B: export ~ now?'), 'phase-2B-export-now');
      assert.equal(sanitizeBranchName('../../etc/passwd'), 'etc/passwd');
      assert.equal(sanitizeBranchName('.hidden/.lock/x.lock'), 'hidden/lock/x-lock');
      assert.equal(sanitizeBranchName('refs//heads///main/'), 'refs/heads/main');
      assert.equal(sanitizeBranchName('a..b...c'), 'a.b.c');
      assert.equal(sanitizeBranchName('name@{upstream}'), 'name-upstream}');
      assert.equal(sanitizeBranchName('-delete-me'), 'delete-me');
      assert.equal(sanitizeBranchName('ends.with.'), 'ends.with');
      assert.equal(sanitizeBranchName('right\u202Eleft zero\u200Bwidth'), 'right-left-zero-width');
    });

    it('gives nothing for names with nothing usable in them', () => {
      for (const name of ['', '   ', '@', 'HEAD', '.', '/', '..', '~^:', '-']) assert.equal(sanitizeBranchName(name), '', JSON.stringify(name));
    });

    it('keeps names to a length every file system takes, cutting whole characters', () => {
      const long = sanitizeBranchName(`phase-${'🚀x'.repeat(100)}`);
      assert.ok(long.length <= MAX_BRANCH_LENGTH);
      assert.ok(isValidBranchName(long));
      assert.doesNotMatch(long, /[\uD800-\uDBFF]$/);
      assert.equal(sanitizeBranchName(`${'a'.repeat(MAX_BRANCH_LENGTH - 1)}/.lock`), 'a'.repeat(MAX_BRANCH_LENGTH - 1));
    });

    it('always gives a valid name or nothing (property)', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (name) => {
          const sanitized = sanitizeBranchName(name);
          return sanitized === '' || isValidBranchName(sanitized);
        }),
        { numRuns: 2000 },
      );
    });
  });

  describe('branchNameFor', () => {
    const input = { phaseId: '2B', phaseTitle: 'Exporter: CSV & JSON', planTitle: 'Data Import / Export' };

    it('fills the template and sanitizes the result', () => {
      assert.deepEqual(branchNameFor('phase-${phaseId}-${slug}', input), { name: 'phase-2B-exporter-csv-json', unknown: [] });
      assert.deepEqual(branchNameFor('${planSlug}/${phaseId}', input), { name: 'data-import-export/2B', unknown: [] });
      assert.deepEqual(branchNameFor('phase ${phaseId}', { ...input, phaseId: 'Stage 1' }), { name: 'phase-Stage-1', unknown: [] });
    });

    it('reports unknown variables and still gives a valid name', () => {
      const result = branchNameFor('${owner}/phase-${phaseId}', input);
      assert.deepEqual(result.unknown, ['owner']);
      assert.ok(isValidBranchName(result.name), result.name);
    });

    it('drops the dash a missing slug would leave', () => {
      assert.equal(branchNameFor('phase-${phaseId}-${slug}', { ...input, phaseTitle: '模型' }).name, 'phase-2B');
    });

    it('gives nothing when no part of the name survives', () => {
      assert.equal(branchNameFor('${slug}', { ...input, phaseTitle: '🚀' }).name, '');
    });
  });
});
