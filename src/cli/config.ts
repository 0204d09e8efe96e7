import fs from 'node:fs';
import path from 'node:path';
import { type LintConfig, validateConfig } from '../core/api';
import { CliError } from './errors';

/** Picked up from the current directory when no `--config` is given. */
export const DEFAULT_CONFIG_FILE = '.phaselensrc.json';

/**
 * The lint configuration: `--config FILE`, else `.phaselensrc.json` in the current directory
 * if there is one, else none (every rule at its default). `--no-config` skips the lookup.
 * A broken file stops the run: linting with a half-read configuration would mislead.
 */
export function loadLintConfig(explicit: string | undefined, lookup: boolean, cwd: string, command: string): LintConfig | undefined {
  let file = explicit;
  if (file === undefined) {
    if (!lookup || !fs.existsSync(path.resolve(cwd, DEFAULT_CONFIG_FILE))) return undefined;
    file = DEFAULT_CONFIG_FILE;
  }
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    throw new CliError(`cannot read config ${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`, command);
  }
  let config: unknown;
  try {
    config = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliError(`config ${file} is not valid JSON: ${(error as Error).message}`, command);
  }
  const problems = validateConfig(config);
  if (problems.length > 0) throw new CliError(`config ${file}: ${problems.join('; ')}`, command);
  return config as LintConfig;
}
