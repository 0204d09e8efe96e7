import { runGraph } from './commands/graph';
import { runLint } from './commands/lint';
import { runNext } from './commands/next';
import type * as McpCommand from './commands/mcp';
import { runParse } from './commands/parse';
import { runVerify } from './commands/verify';
import { CliError } from './errors';
import { COMMAND_HELP, MAIN_HELP, VERSION } from './help';
import type { CliIo } from './io';

/**
 * `phaselens mcp` brings the MCP SDK and its schema libraries, a third of the CLI's code: it is
 * required only when asked for (scripts/build.mjs keeps it in dist/cliMcp.js), so `lint` and
 * `parse` do not compile it on every run.
 */
const runMcp = (argv: readonly string[], io: CliIo): number => (require('./commands/mcp') as typeof McpCommand).runMcp(argv, io);

const COMMANDS: Record<string, (argv: readonly string[], io: CliIo) => number> = {
  parse: runParse,
  lint: runLint,
  graph: runGraph,
  next: runNext,
  verify: runVerify,
  mcp: runMcp,
};

/** Runs one command line and returns the exit code; all output goes through `io`. */
export function runCli(argv: readonly string[], io: CliIo): number {
  const [first, ...rest] = argv;
  try {
    if (first === undefined) throw new CliError('no command given');
    if (first === '-h' || first === '--help') return print(io, MAIN_HELP);
    if (first === '-v' || first === '--version') return print(io, `${VERSION}\n`);
    if (first === 'help') {
      const topic = rest[0];
      if (topic === undefined) return print(io, MAIN_HELP);
      if (!COMMAND_HELP[topic]) throw new CliError(`unknown command '${topic}'`);
      return print(io, COMMAND_HELP[topic]);
    }
    const command = COMMANDS[first];
    if (!command) throw new CliError(first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'`);
    // Help wins wherever it stands, so `phaselens lint --bogus --help` still helps.
    const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
    if (options.includes('-h') || options.includes('--help')) return print(io, COMMAND_HELP[first]!);
    return command(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      const helpFor = error.command ? `phaselens ${error.command} --help` : 'phaselens --help';
      io.stderr(`phaselens: ${error.message} (see '${helpFor}')\n`);
      return 2;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`phaselens: internal error, please report it: ${detail}\n`);
    return 2;
  }
}

function print(io: CliIo, text: string): number {
  io.stdout(text);
  return 0;
}
