/**
 * A failure that is the caller's to fix (bad option, missing file, broken config): exit code 2,
 * one line on stderr, never a stack trace.
 */
export class CliError extends Error {
  constructor(
    message: string,
    /** The command whose `--help` the hint points to. */
    readonly command?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
