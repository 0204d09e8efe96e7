import { SEVERITIES } from './types';
import type { LintConfig, Rule, RuleOption, RuleSetting, Severity } from './types';

/** What one rule runs with once the configuration is applied. */
export interface EffectiveSetting {
  severity: Severity | 'off';
  options: Record<string, unknown>;
}

function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

function defaultOptions(rule: Rule): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(rule.options ?? {})) options[name] = option.default;
  return options;
}

/**
 * The rule's severity and options under `config`. Invalid parts of a setting fall back to the
 * rule's defaults (`validateConfig` reports them), so a typo never silences or breaks a rule.
 */
export function effectiveSetting(rule: Rule, config: LintConfig | undefined): EffectiveSetting {
  const options = defaultOptions(rule);
  const setting: RuleSetting | undefined = config?.rules?.[rule.id];
  if (setting === 'off') return { severity: 'off', options };
  if (isSeverity(setting)) return { severity: setting, options };
  if (setting && typeof setting === 'object') {
    const severity = setting.severity === 'off' || isSeverity(setting.severity) ? setting.severity : rule.defaultSeverity;
    for (const [name, value] of Object.entries(setting.options ?? {})) {
      const option = rule.options?.[name];
      if (option && optionTypeError(option, value) === undefined) options[name] = value;
    }
    return { severity, options };
  }
  return { severity: rule.defaultSeverity, options };
}

function optionTypeError(option: RuleOption, value: unknown): string | undefined {
  switch (option.type) {
    case 'string[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string') ? undefined : 'an array of strings';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'a number';
    default:
      return typeof value === option.type ? undefined : `a ${option.type}`;
  }
}

/** What a configuration may hold besides nothing: `$schema` lets editors validate the file. */
const TOP_LEVEL_KEYS = ['rules', '$schema'];

/** Everything wrong with a configuration, one readable message each; empty when it is valid. */
export function configErrors(config: unknown, rules: readonly Rule[]): string[] {
  const errors: string[] = [];
  if (config === undefined || config === null) return errors;
  if (typeof config !== 'object' || Array.isArray(config)) return ['The lint configuration must be an object like { "rules": { … } }'];
  // A misspelt "rules" would otherwise be ignored, and every rule silently run at its default.
  for (const key of Object.keys(config)) {
    if (!TOP_LEVEL_KEYS.includes(key)) errors.push(`Unknown top-level key "${key}"${closestId(key, ['rules'])}; the configuration holds only { "rules": { … } }`);
  }
  const ruleSettings = (config as { rules?: unknown }).rules;
  if (ruleSettings === undefined) return errors;
  if (typeof ruleSettings !== 'object' || ruleSettings === null || Array.isArray(ruleSettings)) {
    return ['"rules" must be an object that maps rule ids to settings'];
  }
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const allowed = `"off", ${SEVERITIES.map((s) => `"${s}"`).join(', ')}`;
  for (const [id, setting] of Object.entries(ruleSettings as Record<string, unknown>)) {
    const rule = byId.get(id);
    if (!rule) {
      errors.push(`Unknown rule "${id}"${closestId(id, [...byId.keys()])}`);
      continue;
    }
    if (typeof setting === 'string') {
      if (setting !== 'off' && !isSeverity(setting)) errors.push(`Rule "${id}": unknown severity "${setting}"; use ${allowed}`);
      continue;
    }
    if (typeof setting !== 'object' || setting === null || Array.isArray(setting)) {
      errors.push(`Rule "${id}": the setting must be a severity or an object with "severity" and "options"`);
      continue;
    }
    const { severity, options, ...rest } = setting as { severity?: unknown; options?: unknown };
    for (const key of Object.keys(rest)) errors.push(`Rule "${id}": unknown setting "${key}"; use "severity" or "options"`);
    if (severity !== undefined && severity !== 'off' && !isSeverity(severity)) {
      errors.push(`Rule "${id}": unknown severity ${JSON.stringify(severity)}; use ${allowed}`);
    }
    if (options === undefined) continue;
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      errors.push(`Rule "${id}": "options" must be an object`);
      continue;
    }
    for (const [name, value] of Object.entries(options)) {
      const option = rule.options?.[name];
      if (!option) {
        const known = Object.keys(rule.options ?? {});
        errors.push(`Rule "${id}": unknown option "${name}"${known.length > 0 ? `; it has ${known.map((k) => `"${k}"`).join(', ')}` : '; it has no options'}`);
        continue;
      }
      const problem = optionTypeError(option, value);
      if (problem) errors.push(`Rule "${id}": option "${name}" must be ${problem}`);
    }
  }
  return errors;
}

/** "; did you mean …?" for a rule id one small typo away from a real one. */
function closestId(id: string, ids: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of ids) {
    const distance = editDistance(id, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best ? `; did you mean "${best}"?` : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
