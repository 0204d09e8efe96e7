import { lintWorkspace, rules, type Finding } from '../../core/lint';
import { repository } from '../../../package.json';
import { integerOption, parseArgs } from '../args';
import { loadLintConfig } from '../config';
import { countSeverities } from '../formats/findingCounts';
import { formatJson } from '../formats/json';
import { formatSarif } from '../formats/sarif';
import { formatStylish } from '../formats/stylish';
import { VERSION } from '../help';
import { warn, type CliIo } from '../io';
import { loadPlans } from '../workspace';

const REPOSITORY = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

/**
 * Exit 1 when any error is found or the warnings exceed `--max-warnings`; 0 otherwise
 * (warnings, infos and hints alone pass, as in ESLint). `--quiet` hides everything but errors
 * from the output, yet hidden warnings still count against `--max-warnings`.
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
    ],
    'lint',
  );
  const maxWarnings = integerOption(options.get('max-warnings'), 'max-warnings', 0, 'lint');
  const configFile = options.get('config');
  const config = loadLintConfig(typeof configFile === 'string' ? configFile : undefined, !options.has('no-config'), io.cwd, 'lint');
  const inputs = loadPlans(positionals, io, 'lint');

  const findings = lintWorkspace(inputs, {
    config,
    onRuleError: (rule, file, error) => warn(io, `rule ${rule} failed on ${file} and was skipped: ${error instanceof Error ? error.message : String(error)}`),
  });
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
      docsBase: `${REPOSITORY}/blob/main/docs/rules`,
      informationUri: REPOSITORY,
      cwd: io.cwd,
    });
  }
  return formatStylish(findings, io.color);
}
