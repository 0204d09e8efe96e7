import { baseName } from '../fileName';
import type { MojibakeRun, Plan } from '../model';
import { findMojibake } from '../text/mojibake';
import { cleanText } from '../text/clean';
import { runToEnd } from '../steps';
import { parseBlocksInSteps, type ChunkCache } from './blocks';
import { buildPlan } from './buildPlan';
import { deriveStatuses } from './deriveStatus';
import { readFrontMatter } from './notations/frontMatter';
import { readDependencySections } from './notations/dependencySection';
import { isHowTo } from './howTo';

export interface ParseOptions {
  /** Chunks of an earlier version of the same document: unchanged ones are not parsed again. */
  cache?: ChunkCache;
  /**
   * Parse the document in one piece instead of section by section. Slower on large plans; the
   * property tests use it as the reference the chunked parse must equal.
   */
  wholeDocument?: boolean;
  /**
   * What the caller already knows of this text, carried over from an earlier version (the
   * document parser): its lines, as split here (a BOM left out), and its mojibake runs. They
   * must equal what this function would compute; the document parser's property tests check it.
   */
  known?: { lines: readonly string[]; mojibake: MojibakeRun[] };
}

/** The line break a plan's edits write: CRLF when its first 10,000 characters use it. */
export function planEol(text: string): '\r\n' | '\n' {
  return /\r\n/.test(text.slice(0, 10_000)) ? '\r\n' : '\n';
}

/**
 * Reads a markdown plan. Never throws: whatever the input, the result is a valid (possibly
 * empty) plan.
 */
export function parsePlan(text: string, file: string, options: ParseOptions = {}): Plan {
  return runToEnd(parsePlanInSteps(text, file, options));
}

/**
 * `parsePlan` in steps: the generator pauses after each chunk remark parses, so a caller that
 * must not block its thread for long (the workspace indexer) can yield between chunks.
 */
export function* parsePlanInSteps(text: string, file: string, options: ParseOptions = {}): Generator<void, Plan, void> {
  const hasBom = text.charCodeAt(0) === 0xfeff;
  const body = hasBom ? text.slice(1) : text;
  const eol = planEol(body);
  const lines = options.known?.lines ?? body.split(/\r?\n|\r/);
  const frontMatter = readFrontMatter(lines, file);
  // Front matter is data, not markdown: its `---` and `key: value` lines must not read as a setext heading.
  const markdownLines = frontMatter ? [...lines.slice(0, frontMatter.endLine).map(() => ''), ...lines.slice(frontMatter.endLine)] : lines;
  const { blocks } = yield* parseBlocksInSteps(markdownLines, options.cache, options.wholeDocument);
  const firstHeading = blocks.find((block) => block.type === 'heading');
  const title = (firstHeading?.type === 'heading' ? cleanText(firstHeading.text) : '') || baseName(file);
  const plan = buildPlan(file, title, { lines, firstLineOffset: hasBom ? 1 : 0 }, blocks);
  if (frontMatter?.phase) {
    deriveStatuses([frontMatter.phase]);
    plan.phases.unshift(frontMatter.phase);
  }
  readDependencySections(plan, blocks, lines, hasBom ? 1 : 0);
  if (isHowTo(plan)) plan.phases = [];
  plan.eol = eol;
  plan.mojibake = options.known?.mojibake ?? findMojibake(text);
  return plan;
}
