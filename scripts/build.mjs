// Bundles the extension and the CLI with esbuild. The markdown tokenizer (micromark) is ESM-only;
// esbuild turns it into CommonJS inside each bundle, so both run on plain Node
// and in the VS Code extension host without a loader.
// With --tests it bundles the integration tests instead (test/integration/ → dist/test/integration/).
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
const production = !watch && !process.argv.includes('--dev');

/**
 * The core is plain data in, plain data out: fail the build if it reaches for the editor.
 * Every other `import * as vscode from 'vscode'` goes through one module that re-exports the
 * API: esbuild otherwise wraps `require('vscode')` in its ESM interop once per importing file,
 * copying every export of the API each time (51 copies were most of activation's cost).
 */
const VSCODE_ONCE = 'vscode-once';
const coreStaysPlain = {
  name: 'core-stays-plain',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => {
      if (args.namespace === VSCODE_ONCE) return { path: 'vscode', external: true };
      const importer = path.relative(process.cwd(), args.importer).split(path.sep).join('/');
      if (importer.startsWith('src/core/')) {
        return { errors: [{ text: `src/core must not import 'vscode' (imported by ${importer})` }] };
      }
      return { path: 'vscode', namespace: VSCODE_ONCE };
    });
    build.onLoad({ filter: /.*/, namespace: VSCODE_ONCE }, () => ({ contents: "export * from 'vscode';", loader: 'js', resolveDir: process.cwd() }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'inline',
  legalComments: 'none',
  logLevel: 'info',
  plugins: [coreStaysPlain],
};

/** Test files get describe/it from the mocha bundled into index.js; an import of 'mocha' would load a second copy. */
const testsUseMochaGlobals = {
  name: 'tests-use-mocha-globals',
  setup(build) {
    build.onResolve({ filter: /^mocha$/ }, (args) => ({
      errors: [{ text: `${path.relative(process.cwd(), args.importer)}: use the describe/it globals instead of importing 'mocha'` }],
    }));
  },
};

const INTEGRATION = 'test/integration';
const findIntegrationSuites = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
  const full = `${dir}/${entry.name}`;
  if (entry.isDirectory()) return findIntegrationSuites(full);
  return entry.name.endsWith('.test.ts') ? [full] : [];
});

// Integration tests run inside the extension host: readable (not minified) and with source maps, each
// suite its own file for mocha to load; index.js carries mocha itself.
const testEntries = () => [
  {
    entryPoints: [`${INTEGRATION}/index.ts`], outfile: 'dist/test/integration/index.js', minify: false, sourcemap: 'inline',
    // Those require.resolve calls sit in mocha's parallel mode, which index.ts never turns on.
    logOverride: { 'require-resolve-not-external': 'silent' },
  },
  {
    entryPoints: findIntegrationSuites(INTEGRATION), outbase: INTEGRATION, outdir: 'dist/test/integration',
    minify: false, sourcemap: 'inline', plugins: [coreStaysPlain, testsUseMochaGlobals],
  },
].filter((entry) => entry.entryPoints.length > 0);

/** The CLI is the package's bin: `npx phaselens` and `./dist/cli.js` need it executable. */
const executable = {
  name: 'executable',
  setup(build) {
    build.onEnd((result) => {
      const file = build.initialOptions.outfile;
      if (result.errors.length === 0 && existsSync(file)) chmodSync(file, 0o755);
    });
  },
};

/**
 * The extension loads the markdown tokenizer (src/core/parse/markdownStack.ts) as its own file on
 * the first parse: compiling it with the rest was most of activation's cost.
 */
const markdownStackApart = {
  name: 'markdown-stack-apart',
  setup(build) {
    build.onResolve({ filter: /(?:^|\/)markdownStack$/ }, () => ({ path: './markdownStack.js', external: true }));
  },
};

/** The CLI requires `phaselens mcp`'s code from its own file when that command runs (src/cli/run.ts). */
const mcpCommandApart = {
  name: 'mcp-command-apart',
  setup(build) {
    build.onResolve({ filter: /(?:^|\/)commands\/mcp$/ }, () => ({ path: './cliMcp.js', external: true }));
  },
};

const productEntries = () => [
  {
    entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' },
    plugins: [coreStaysPlain, executable, mcpCommandApart],
  },
  { entryPoints: ['src/cli/commands/mcp.ts'], outfile: 'dist/cliMcp.js', plugins: [coreStaysPlain] },
  { entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [coreStaysPlain, markdownStackApart] },
  { entryPoints: ['src/core/parse/markdownStack.ts'], outfile: 'dist/markdownStack.js', plugins: [coreStaysPlain] },
  // The worker thread the extension indexes the workspace's plans on (see src/core/scan/offThreadParser.ts).
  { entryPoints: ['src/core/scan/planParserWorker.ts'], outfile: 'dist/planParserWorker.js', plugins: [coreStaysPlain] },
  // `phaselens mcp` alone, which the extension offers to VS Code's MCP support (the CLI itself is not in the .vsix).
  { entryPoints: ['src/cli/mcp/serve.ts'], outfile: 'dist/mcpServer.js', plugins: [coreStaysPlain] },
].filter((entry) => existsSync(entry.entryPoints[0]));

if (tests) rmSync('dist/test/integration', { recursive: true, force: true }); // no stale suite from a deleted file
const entries = tests ? testEntries() : productEntries();

if (watch) {
  for (const entry of entries) {
    const context = await esbuild.context({ ...common, ...entry });
    await context.watch();
  }
} else {
  await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
}
