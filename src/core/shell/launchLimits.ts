import type { ShellKind } from './detect';

/**
 * How much text a launch can carry before the operating system refuses it. Past these, starting
 * the terminal fails with E2BIG or cmd.exe cuts the line: the prompt then travels as a file.
 */

/** Linux's MAX_ARG_STRLEN: one argument or `NAME=value` environment string, its NUL included. */
export const MAX_UNIX_STRING_BYTES = 128 * 1024;
/** CreateProcess's command line and one environment variable's value, in UTF-16 units. */
export const MAX_WINDOWS_COMMAND_LINE = 32_767;
/** cmd.exe's longest command line. */
export const MAX_CMD_LINE = 8_191;

/** Why an environment variable holding `value` cannot be passed, or undefined. */
export function environmentProblem(name: string, value: string, platform: string): string | undefined {
  if (platform === 'win32') {
    return value.length > MAX_WINDOWS_COMMAND_LINE ? `${value.length} characters is more than Windows lets one value hold (${MAX_WINDOWS_COMMAND_LINE})` : undefined;
  }
  const bytes = Buffer.byteLength(`${name}=${value}`, 'utf8') + 1;
  return bytes > MAX_UNIX_STRING_BYTES ? `${bytes} bytes is more than a process can receive in one value (${MAX_UNIX_STRING_BYTES})` : undefined;
}

/**
 * Why the expanded line cannot run, or undefined. `argumentLength` is the length of the values
 * the line hands the program, which on Windows are written into its command line again.
 */
export function commandProblem(kind: ShellKind, command: string, argumentLength: number, platform: string): string | undefined {
  if (kind === 'cmd' && command.length > MAX_CMD_LINE) return `the command line would be ${command.length} characters, more than cmd.exe reads (${MAX_CMD_LINE})`;
  if (platform === 'win32' && command.length + argumentLength > MAX_WINDOWS_COMMAND_LINE) {
    return `the program's command line would be about ${command.length + argumentLength} characters, more than Windows allows (${MAX_WINDOWS_COMMAND_LINE})`;
  }
  return undefined;
}
