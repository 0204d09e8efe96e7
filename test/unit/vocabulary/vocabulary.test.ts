import assert from 'node:assert/strict';
import { mightBePlan } from '../../../src/core/scan';
import { parseIdToken } from '../../../src/core/ids';
import { readDependencyIds } from '../../../src/core/parse/dependencies';
import { readField } from '../../../src/core/parse/fields';
import { readPhaseHeading } from '../../../src/core/parse/headings';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { readStatusValue } from '../../../src/core/parse/status';
import { UNITS } from '../../../src/core/vocabulary';

describe('vocabulary: one table, every reader', () => {
  it('every unit word names its unit in headings, dependency values and the pre-check', () => {
    for (const unit of UNITS) {
      for (const word of unit.words.split('|').filter((form) => !/[\\[\]()?{}]/.test(form))) {
        const heading = `${word} 2: Title`;
        const read = readPhaseHeading(heading);
        assert.equal(read?.kind, unit.kind, heading);
        assert.equal(readDependencyIds(`${word} 2`)[0]?.key, read!.key, `dependency ${word} 2`);
        assert.ok(mightBePlan(`## ${heading}\n`), `pre-check ${heading}`);
      }
    }
  });

  it('unifies only Phase ≡ P ≡ bare number ≡ its translations, Milestone ≡ M, Version ≡ v', () => {
    const key = (token: string) => parseIdToken(token)?.key;
    assert.equal(key('Fase 3'), key('P3'));
    assert.equal(key('阶段 3'), key('3'));
    assert.equal(key('Milestone 1'), key('M1'));
    assert.equal(key('Version 0.3.0'), key('v0.3.0'));
    assert.notEqual(key('Stage 3'), key('Phase 3'));
    assert.notEqual(key('Etapa 3'), key('Phase 3'));
    assert.equal(key('Etapa 3'), key('Stage 3'));
    assert.equal(key('Q1 2026'), key('2026 Q1'));
  });

  it('reads labels in any punctuation and any of its languages', () => {
    const kind = (line: string) => readField(line)?.kind;
    assert.equal(kind('**Exit criteria.** All green'), 'criteria');
    assert.equal(kind('Exit criteria — all green'), 'criteria');
    assert.equal(kind('**Target**: p95 under 200 ms'), 'criteria');
    assert.equal(kind('Success targets:'), 'criteria');
    assert.equal(kind('**Depende de**: Fase 1'), 'dependencies');
    assert.equal(kind('**Estado**: Completado'), 'status');
    assert.equal(kind('Target window: Q3'), undefined);
    assert.deepEqual(readDependencyIds('—'), []);
    assert.deepEqual(readDependencyIds('**Depende de**: Fase 1'.slice(16)).map((reference) => reference.id), ['1']);
  });

  it('reads status words in every language the table lists', () => {
    assert.equal(readStatusValue('Completado'), 'done');
    assert.equal(readStatusValue('en curso'), 'in-progress');
    assert.equal(readStatusValue('✅ Complete'), 'done');
    assert.equal(readStatusValue('✅ Planning Complete'), undefined);
  });

  it('a Chinese phase plan is a plan for the pre-check too', () => {
    const text = '## 阶段 1：设置\n\n- [ ] 安装\n';
    assert.equal(parsePlan(text, 'plan.md').phases.length, 1);
    assert.equal(mightBePlan(text), true);
  });
});
