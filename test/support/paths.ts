import path from 'node:path';
import { existsSync, readdirSync } from 'node:fs';

export const repoRoot = path.resolve(__dirname, '../..');
export const fixturesDir = path.join(repoRoot, 'test/fixtures');
/** The shared material (seeds and corpus) lives beside the checkout; CI has it, a laptop may not. */
export const sharedDir = path.resolve(repoRoot, '../shared');
export const seedsDir = path.join(sharedDir, 'seeds');
export const corpusDir = path.join(sharedDir, 'corpus/plans');

export function sharedFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Skips the calling suite, saying why, when the shared material is absent. */
export function requireShared(context: Mocha.Context, dir: string): void {
  if (!existsSync(dir)) {
    console.log(`      (skipped: ${dir} is not present on this machine)`);
    context.skip();
  }
}
