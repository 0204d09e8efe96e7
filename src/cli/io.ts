/** Where a command writes, and what it knows of its surroundings; tests pass their own. */
export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Colour the human-readable output (a terminal that did not opt out). */
  color: boolean;
}

/** A warning that does not stop the command. */
export function warn(io: CliIo, message: string): void {
  io.stderr(`phaselens: warning: ${message}\n`);
}
