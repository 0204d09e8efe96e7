import { CliError } from './errors';

/** One option a command accepts: a flag (`--quiet`) or one taking a value (`--format json`). */
export interface OptionSpec {
  name: string;
  takesValue?: boolean;
  /** Allowed values, checked here so every command reports a bad value the same way. */
  choices?: readonly string[];
  short?: string;
}

export interface ParsedArgs {
  options: Map<string, string | true>;
  positionals: string[];
}

/**
 * Reads `--name value`, `--name=value`, `-h` and `--` (everything after it is an input).
 * A later occurrence of an option wins, as in most CLIs.
 */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[], command: string): ParsedArgs {
  const options = new Map<string, string | true>();
  const positionals: string[] = [];
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const byShort = new Map(specs.filter((spec) => spec.short).map((spec) => [spec.short!, spec]));

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const written = equals > 0 && arg.startsWith('--') ? arg.slice(0, equals) : arg;
    const spec = written.startsWith('--') ? byName.get(written.slice(2)) : byShort.get(written.slice(1));
    if (!spec) throw new CliError(`unknown option '${written}' for '${command}'`, command);

    if (!spec.takesValue) {
      if (equals > 0 && arg.startsWith('--')) throw new CliError(`option '--${spec.name}' takes no value`, command);
      options.set(spec.name, true);
      continue;
    }
    let value: string | undefined;
    if (equals > 0 && arg.startsWith('--')) value = arg.slice(equals + 1);
    else value = argv[++i];
    if (value === undefined) throw new CliError(`option '--${spec.name}' needs a value`, command);
    if (spec.choices && !spec.choices.includes(value)) {
      throw new CliError(`option '--${spec.name}' must be one of ${spec.choices.join(', ')} (got '${value}')`, command);
    }
    options.set(spec.name, value);
  }
  return { options, positionals };
}

/** A whole number of at least `min`, or a usage error naming the option. */
export function integerOption(value: string | true | undefined, name: string, min: number, command: string): number | undefined {
  if (value === undefined) return undefined;
  if (value === true || !/^-?\d+$/.test(value) || Number(value) < min) {
    throw new CliError(`option '--${name}' must be a whole number of at least ${min} (got '${value === true ? '' : value}')`, command);
  }
  return Number(value);
}
