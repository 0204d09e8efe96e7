import assert from 'node:assert/strict';
import { validateConfig } from '../../../src/core/lint';

describe('lint: validateConfig', () => {
  it('accepts an empty or valid configuration', () => {
    assert.deepEqual(validateConfig(undefined), []);
    assert.deepEqual(validateConfig({}), []);
    assert.deepEqual(
      validateConfig({
        rules: {
          mojibake: 'off',
          'broken-dependency': 'error',
          'missing-success-criteria': { severity: 'info', options: { kinds: ['phase'], includeDone: true } },
          'empty-phase': { severity: 'off' },
        },
      }),
      [],
    );
  });

  it('names unknown rules, with a suggestion for a near miss', () => {
    assert.deepEqual(validateConfig({ rules: { 'broken-dependancy': 'warning', nonsense: 'off' } }), [
      'Unknown rule "broken-dependancy"; did you mean "broken-dependency"?',
      'Unknown rule "nonsense"',
    ]);
  });

  it('names bad severities, settings and options', () => {
    assert.deepEqual(validateConfig({ rules: { mojibake: 'loud' } }), ['Rule "mojibake": unknown severity "loud"; use "off", "error", "warning", "info", "hint"']);
    assert.deepEqual(validateConfig({ rules: { mojibake: { severity: 3 } } }), ['Rule "mojibake": unknown severity 3; use "off", "error", "warning", "info", "hint"']);
    assert.deepEqual(validateConfig({ rules: { mojibake: 7 } }), ['Rule "mojibake": the setting must be a severity or an object with "severity" and "options"']);
    assert.deepEqual(validateConfig({ rules: { mojibake: { level: 'error' } } }), ['Rule "mojibake": unknown setting "level"; use "severity" or "options"']);
    assert.deepEqual(validateConfig({ rules: { mojibake: { options: { fix: true } } } }), ['Rule "mojibake": unknown option "fix"; it has no options']);
    assert.deepEqual(validateConfig({ rules: { 'missing-success-criteria': { options: { kinds: 'phase' } } } }), ['Rule "missing-success-criteria": option "kinds" must be an array of strings']);
    assert.deepEqual(validateConfig({ rules: { 'missing-success-criteria': { options: { includeDone: 'yes' } } } }), ['Rule "missing-success-criteria": option "includeDone" must be a boolean']);
  });

  it('rejects a configuration of the wrong shape', () => {
    assert.deepEqual(validateConfig([]), ['The lint configuration must be an object like { "rules": { … } }']);
    assert.deepEqual(validateConfig({ rules: ['mojibake'] }), ['"rules" must be an object that maps rule ids to settings']);
  });
});
