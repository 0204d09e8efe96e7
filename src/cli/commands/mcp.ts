import fs from 'node:fs';
import path from 'node:path';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { parseArgs } from '../args';
import { CliError } from '../errors';
import type { CliIo } from '../io';
import { DiskWorkspace } from '../mcp/diskWorkspace';
import { servePlans } from '../mcp/server';

/**
 * `phaselens mcp [--root DIR]`: serves the plan tools over stdio until the client closes the
 * connection. stdout belongs to the protocol; anything for people goes to stderr.
 */
export function runMcp(argv: readonly string[], io: CliIo): number {
  const { options, positionals } = parseArgs(argv, [{ name: 'root', takesValue: true }], 'mcp');
  if (positionals.length > 0) throw new CliError(`unexpected argument '${positionals[0]}' (the plans are those under --root)`, 'mcp');
  const root = path.resolve(io.cwd, (options.get('root') as string | undefined) ?? '.');
  if (!fs.statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new CliError(`--root ${root} is not a directory`, 'mcp');
  servePlans(new DiskWorkspace(root), new StdioServerTransport()).then(
    () => io.stderr(`phaselens mcp: serving the plans under ${root}\n`),
    (error: unknown) => {
      io.stderr(`phaselens mcp: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
  return 0;
}
