// `npm run bench`: bundles bench/main.ts (with the core it measures) into dist/bench/bench.cjs,
// then runs it with --expose-gc, passing the arguments on (--quick, --skip-markdownlint, --no-install).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(repoRoot, 'dist/bench/bench.cjs');

await esbuild.build({
  entryPoints: [path.join(repoRoot, 'bench/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Minified like the shipped bundles, so the code measured is the code users run.
  minify: true,
  keepNames: true,
  legalComments: 'none',
  logLevel: 'warning',
  logOverride: { 'unsupported-require-call': 'silent' },
});

const result = spawnSync(process.execPath, ['--expose-gc', outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: repoRoot });
process.exit(result.status ?? 1);
