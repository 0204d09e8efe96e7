import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generatePlan, planFileName, PLAN_STYLES } from './generatePlans';

/** The material the benchmark reads: the seeds and corpus beside the checkout, and generated plans. */

export interface NamedText {
  name: string;
  text: string;
}

export interface Inputs {
  seeds: NamedText[];
  corpus: NamedText[];
  /** Absolute paths of the corpus files (for the CLI comparison); empty when the corpus is absent. */
  corpusFiles: string[];
  plan2k: NamedText;
  plan20k: NamedText;
  /** Directory holding the generated workspace; `workspaceFiles` are absolute paths inside it. */
  workspaceDir: string;
  workspaceFiles: string[];
  /** What was missing, said once in the output. */
  notes: string[];
}

export const WORKSPACE_FILES = 1_000;
const WORKSPACE_PLAN_LINES = 200;

export function sharedDir(repoRoot: string): string {
  return path.resolve(repoRoot, '../shared');
}

function readMarkdownDir(dir: string): { texts: NamedText[]; files: string[] } {
  if (!existsSync(dir)) return { texts: [], files: [] };
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => path.join(dir, name));
  return { texts: files.map((file) => ({ name: path.basename(file), text: readFileSync(file, 'utf8') })), files };
}

/** Writes the 1,000-file workspace (about 200 lines each, every style, a third with mojibake). */
export function writeWorkspace(dir: string, count = WORKSPACE_FILES): string[] {
  rmSync(dir, { recursive: true, force: true });
  const files: string[] = [];
  for (let index = 0; index < count; index++) {
    const file = path.join(dir, `plan-${String(index).padStart(4, '0')}`, planFileName(index));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, generatePlan({ lines: WORKSPACE_PLAN_LINES, seed: 10_000 + index, style: PLAN_STYLES[index % PLAN_STYLES.length]! }));
    files.push(file);
  }
  return files;
}

export function buildInputs(repoRoot: string, workspaceDir = path.join(os.tmpdir(), 'phaselens-bench-workspace')): Inputs {
  const shared = sharedDir(repoRoot);
  const notes: string[] = [];
  const seeds = readMarkdownDir(path.join(shared, 'seeds'));
  if (seeds.texts.length === 0) notes.push(`seeds absent (${path.join(shared, 'seeds')}): seed figures skipped`);
  const corpus = readMarkdownDir(path.join(shared, 'corpus/plans'));
  if (corpus.texts.length === 0) notes.push(`corpus absent (${path.join(shared, 'corpus/plans')}): corpus figures skipped`);
  const workspaceFiles = writeWorkspace(workspaceDir);
  return {
    seeds: seeds.texts,
    corpus: corpus.texts,
    corpusFiles: corpus.files,
    plan2k: { name: 'generated 2,000-line plan', text: generatePlan({ lines: 2_000, seed: 2, style: 'mixed', mojibake: true }) },
    plan20k: { name: 'generated 20,000-line plan', text: generatePlan({ lines: 20_000, seed: 3, style: 'mixed', mojibake: false }) },
    workspaceDir,
    workspaceFiles,
    notes,
  };
}
