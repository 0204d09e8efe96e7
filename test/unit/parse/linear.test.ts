import assert from 'node:assert/strict';
import { readDependencyIds } from '../../../src/core/parse/dependencies';
import { readField } from '../../../src/core/parse/fields';
import { parsePlan } from '../../../src/core/parse/parsePlan';

/**
 * Inputs that made a reader quadratic. Each finishes well inside mocha's timeout now; no clock
 * is read, so the machine's load cannot fail them.
 */
describe('readers stay linear on hostile input', () => {
  it('a field line after half a megabyte of indentation', () => {
    assert.equal(readField(`${' '.repeat(500_000)}x`), undefined);
    assert.equal(readField(`${'> '.repeat(1) + ' '.repeat(500_000)}**Status**: done`)?.kind, 'status');
    const indented = Array.from({ length: 2_000 }, () => `${' '.repeat(250)}**Status**: done`).join('\n');
    assert.equal(parsePlan(`# Phase 1: A\n\n${indented}`, 'plan.md').phases.length, 1);
  });

  it('a dependency field naming ten thousand phases', () => {
    const value = Array.from({ length: 10_000 }, (_, index) => `P${index}`).join(', ');
    assert.equal(readDependencyIds(value).length, 10_000);
    const plan = parsePlan(`# Phase 1: A\n\n**Depends on**: ${value}\n`, 'plan.md');
    assert.equal(plan.phases[0]!.dependsOn.length, 10_000);
  });
});
