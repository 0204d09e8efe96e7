import { runCli } from '../run';

// The extension's copy of `phaselens mcp` (dist/mcpServer.js): the same command, nothing else.
process.exitCode = runCli(['mcp', ...process.argv.slice(2)], {
  cwd: process.cwd(),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  color: false,
});
