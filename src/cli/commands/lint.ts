import { type Finding, lintWorkspace, REPOSITORY_URL, RULE_DOCS_BASE, rules } from '../../core/api';
import { integerOption, parseArgs } from '../args';
import { loadLintConfig } from '../config';
import { countSeverities } from '../formats/findingCounts';
import { formatJson } from '../formats/json';
import { formatSarif } from '../formats/sarif';
import { formatStylish } from '../formats/stylish';
import { VERSION } from '../help';
import { warn, type CliIo } from '../io';
import { applySafeFixes, writeBack } from '../fix';
import { CliError } from '../errors';
import { loadPlans } from '../workspace';

/**
 * Exit 1 when any error is found or the warnings exceed `--max-warnings`; 0 otherwise
 * (warnings, infos and hints alone pass, as in ESLint). `--quiet` hides everything but errors
 * from the output, yet hidden warnings still count against `--max-warnings`. `--fix` first
 * applies, in place, every fix that is safe without a person (fix.ts), then reports what remains.
 */
export function runLint(argv: readonly string[], io: CliIo): number {
  const { options, positionals } = parseArgs(
    argv,
    [
      { name: 'format', takesValue: true, choices: ['stylish', 'json', 'sarif'] },
      { name: 'max-warnings', takesValue: true },
      { name: 'quiet' },
      { name: 'config', takesValue: true },
      { name: 'no-config' },
      { name: 'fix' },
    ],
    'lint',
  );
  const maxWarnings = integerOption(options.get('max-warnings'), 'max-warnings', 0, 'lint');
  const configFile = options.get('config');
  const config = loadLintConfig(typeof configFile === 'string' ? configFile : undefined, !options.has('no-config'), io.cwd, 'lint');
  const inputs = loadPlans(positionals, io, 'lint');
  const lintOptions = {
    config,
    onRuleError: (rule: string, file: string, error: unknown) => warn(io, `rule ${rule} failed on ${file} and was skipped: ${error instanceof Error ? error.message : String(error)}`),
  };

  if (options.has('fix')) {
    // Fixes first; what is reported below is what remains.
    const { fixedByFile } = applySafeFixes(inputs, lintOptions);
    for (const loaded of inputs) {
      if (!fixedByFile.has(loaded.plan.file)) continue;
      try {
        writeBack(loaded);
      } catch (error) {
        throw new CliError(`cannot write ${loaded.plan.file}: ${error instanceof Error ? error.message : String(error)}`, 'lint');
      }
    }
    const total = [...fixedByFile.values()].reduce((sum, count) => sum + count, 0);
    if (total > 0) io.stderr(`phaselens: fixed ${total} problem${total === 1 ? '' : 's'} in ${fixedByFile.size} file${fixedByFile.size === 1 ? '' : 's'}\n`);
  }

  const findings = lintWorkspace(inputs, lintOptions);
  const shown = options.has('quiet') ? findings.filter((finding) => finding.severity === 'error') : findings;
  io.stdout(render(shown, options.get('format'), io));

  const counts = countSeverities(findings);
  if (counts.error > 0) return 1;
  if (maxWarnings !== undefined && counts.warning > maxWarnings) {
    io.stderr(`phaselens: too many warnings (${counts.warning}, maximum ${maxWarnings})\n`);
    return 1;
  }
  return 0;
}

function render(findings: readonly Finding[], format: string | true | undefined, io: CliIo): string {
  if (format === 'json') return formatJson(findings);
  if (format === 'sarif') {
    return formatSarif(findings, {
      rules,
      toolVersion: VERSION,
      docsBase: RULE_DOCS_BASE,
      informationUri: REPOSITORY_URL,
      cwd: io.cwd,
    });
  }
  return formatStylish(findings, io.color);
}
