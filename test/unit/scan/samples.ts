import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { generatePlan, PLAN_STYLES } from '../../../bench/generatePlans';
import { corpusDir, fixturesDir, seedsDir, sharedFiles } from '../../support/paths';

/** Texts the index tests run over: every markdown fixture, the seeds and corpus when present, and generated plans. */

export interface Sample {
  name: string;
  text: string;
}

function markdownUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return markdownUnder(full);
    return name.endsWith('.md') ? [full] : [];
  });
}

export function fixtureSamples(): Sample[] {
  return markdownUnder(fixturesDir).map((file) => ({ name: path.relative(fixturesDir, file), text: readFileSync(file, 'utf8') }));
}

export function sharedSamples(): Sample[] {
  return [...sharedFiles(seedsDir), ...sharedFiles(corpusDir)].map((file) => ({ name: path.basename(file), text: readFileSync(file, 'utf8') }));
}

export function generatedSamples(lines = 150): Sample[] {
  return PLAN_STYLES.flatMap((style, index) => [false, true].map((mojibake) => ({ name: `generated-${style}${mojibake ? '-mojibake' : ''}.md`, text: generatePlan({ lines, seed: 100 + index, style, mojibake }) })));
}
