import { type Finding, type LintConfig, lintPlan, type PlanEntry, type PlanStore, type StoreUri, type WorkspaceIndex } from '../../core/api';
import { withSuggestionLocations } from './suggestionLocation';

/**
 * Rules whose findings depend on other plans. Until the workspace is indexed they would report
 * references to plans not read yet as broken, so a provisional lint leaves them out.
 */
const WORKSPACE_RULES = ['broken-dependency', 'dependency-cycle', 'unfinished-dependency'] as const;

interface Cached {
  entry: PlanEntry<StoreUri>;
  index: WorkspaceIndex;
  config: string;
  findings: Finding[];
}

/**
 * Lints store entries against the workspace index, once per (document version, index,
 * configuration): diagnostics and quick fixes share the result, so the fixes offered are
 * always those of the findings shown for that version. No `vscode` here: the settings come in
 * as `configOf`, so unit tests lint with the real linter.
 */
export class PlanLinter<U extends StoreUri = StoreUri> {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly store: PlanStore<U>,
    /** The lint configuration of a file (its workspace folder's `phaselens.lint.rules`). */
    private readonly configOf: (uri: U) => LintConfig,
  ) {}

  /**
   * The findings of `entry` against `index` (by default the store's current one). With
   * `provisional`, the rules that need the whole workspace are left out.
   */
  findingsFor(entry: PlanEntry<U>, options: { index?: WorkspaceIndex; config?: LintConfig; provisional?: boolean } = {}): Finding[] {
    const index = options.index ?? this.store.index();
    let config = options.config ?? this.configOf(entry.uri);
    if (options.provisional) config = { rules: { ...config.rules, ...Object.fromEntries(WORKSPACE_RULES.map((id) => [id, 'off' as const])) } };
    const key = entry.uri.toString();
    const configKey = JSON.stringify(config);
    const cached = this.cache.get(key);
    if (cached && cached.entry === entry && cached.index === index && cached.config === configKey) return cached.findings;
    const findings = withSuggestionLocations(
      lintPlan(entry.plan, entry.text, {
        workspace: index,
        config,
        onRuleError: (rule, file, error) => console.error(`[phaselens] rule ${rule} failed on ${file} and was skipped:`, error),
      }),
      index,
    );
    this.cache.set(key, { entry, index, config: configKey, findings });
    return findings;
  }

  forget(uri: U): void {
    this.cache.delete(uri.toString());
  }

  clear(): void {
    this.cache.clear();
  }
}
