import { buildWorkspaceIndex } from '../graph';
import type { WorkspaceIndex } from '../graph';
import type { Plan } from '../model';
import { configErrors } from './config';
import { runRules, sortFindings } from './engine';
import type { RuleErrorHandler } from './engine';
import { rules } from './registry';
import type { Finding, LintConfig } from './types';

export { rules };
export type { Finding, Fix, LintConfig, RelatedInformation, Rule, RuleContext, RuleFinding, RuleOption, RuleSetting, Severity } from './types';
export { SEVERITIES } from './types';
export type { RuleErrorHandler } from './engine';
export { disableForFileFix, disableForLineFix } from './disable';

export interface LintOptions {
  /** The workspace the plan's dependencies resolve in; by default the plan alone. */
  workspace?: WorkspaceIndex;
  config?: LintConfig;
  /** Told when a rule throws; the rule's findings for that plan are dropped, the others stand. */
  onRuleError?: RuleErrorHandler;
}

/** Lints one plan. Findings are sorted by line and column; inline disable comments apply. */
export function lintPlan(plan: Plan, text: string, options: LintOptions = {}): Finding[] {
  const workspace = options.workspace ?? buildWorkspaceIndex([plan]);
  return sortFindings(runRules(rules, plan, text, { workspace, config: options.config, onRuleError: options.onRuleError }), rules);
}

/** Lints several plans against one workspace index built from all of them (unless given). */
export function lintWorkspace(inputs: readonly { plan: Plan; text: string }[], options: LintOptions = {}): Finding[] {
  const workspace = options.workspace ?? buildWorkspaceIndex(inputs.map((input) => input.plan));
  const findings: Finding[] = [];
  for (const { plan, text } of inputs) {
    findings.push(...runRules(rules, plan, text, { workspace, config: options.config, onRuleError: options.onRuleError }));
  }
  return sortFindings(findings, rules);
}

/** Problems with a configuration (unknown rule ids, bad severities or options); empty when valid. */
export function validateConfig(config: unknown): string[] {
  return configErrors(config, rules);
}
