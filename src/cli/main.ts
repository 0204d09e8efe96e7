import { runCli } from './run';
import { tuneTieringForShortRuns } from './tiering';

tuneTieringForShortRuns();

// `phaselens … | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// The usual conventions: FORCE_COLOR decides if set, else a terminal gets colour unless NO_COLOR.
const color = 'FORCE_COLOR' in process.env ? process.env.FORCE_COLOR !== '0' : Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env);

process.exitCode = runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  color,
});
