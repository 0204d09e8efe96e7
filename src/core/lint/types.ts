import type { WorkspaceIndex } from '../graph';
import type { Phase, Plan, Range, TextEdit } from '../model';

/** How loud a finding is; the same four levels as editor diagnostics. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** A set of edits that repairs (or silences) one finding. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix an editor applies for "auto fix" / the CLI's `--fix`. */
  isPreferred?: boolean;
  /** `file` for fix-all actions that touch more than the finding's own lines. */
  scope?: 'line' | 'file';
  /**
   * Right whatever the author meant, so `phaselens lint --fix` applies it without asking: a repair
   * of garbled text, a status set to match the tasks. Never a removal, a guess or new content.
   */
  safe?: boolean;
}

/** Another place that explains a finding (the other members of a cycle, the first of two duplicates). */
export interface RelatedInformation {
  file: string;
  range: Range;
  message: string;
}

/** What a rule reports; the engine adds the file, rule id and configured severity. */
export interface RuleFinding {
  range: Range;
  message: string;
  phase?: Phase;
  fixes?: Fix[];
  related?: RelatedInformation[];
  /**
   * A quieter level for this one finding (a reference already marked complete is only `info`).
   * The engine never makes a finding louder than the rule's configured severity.
   */
  severity?: Severity;
}

export interface RuleContext {
  plan: Plan;
  text: string;
  lines: readonly string[];
  workspace: WorkspaceIndex;
  /** The rule's options: its defaults overlaid with the configuration. */
  options: Record<string, unknown>;
  report(finding: RuleFinding): void;
}

export interface RuleOption {
  type: 'boolean' | 'number' | 'string' | 'string[]';
  default: unknown;
  description: string;
}

export interface Rule {
  /** Part of the contract: used in configuration, disable comments and docs URLs. */
  id: string;
  description: string;
  defaultSeverity: Severity;
  tags: string[];
  options?: Record<string, RuleOption>;
  check(context: RuleContext): void;
}

/** One lint result, as the CLI prints it and the editor turns it into a diagnostic. */
export interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: string;
  message: string;
  /** The phase id as in the parse output. */
  phase?: string;
  fixes?: Fix[];
  related?: RelatedInformation[];
}

export type RuleSetting = 'off' | Severity | { severity?: Severity | 'off'; options?: Record<string, unknown> };

export interface LintConfig {
  rules?: Record<string, RuleSetting>;
}
