/**
 * The largest file PhaseLens reads as a plan, in bytes (10 MB). No plan is that long, a data
 * dump or a generated log might be, and remark's cost per byte grows with the document: the
 * editor, the workspace index and the CLI all skip larger files and say so.
 */
export const MAX_PLAN_BYTES = 10 * 1024 * 1024;

/** Whether a text is over the limit; its UTF-8 size is at least its length, so most texts are answered without encoding. */
export function overPlanSizeLimit(text: string): boolean {
  if (text.length > MAX_PLAN_BYTES) return true;
  if (text.length * 3 <= MAX_PLAN_BYTES) return false;
  return Buffer.byteLength(text, 'utf8') > MAX_PLAN_BYTES;
}

/** What the user reads when a file is skipped for its size. */
export function planSizeMessage(file: string, bytes: number): string {
  return `PhaseLens skips ${file}: ${(bytes / 1024 / 1024).toFixed(1)} MB is over the 10 MB limit for a plan`;
}
