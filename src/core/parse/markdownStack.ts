/**
 * The remark stack, in a module of its own. `blocks.ts` requires it on the first parse; the
 * extension's bundle keeps it as a separate file (`dist/markdownStack.js`, see
 * scripts/build.mjs), so activation neither compiles nor evaluates its ~150 KB. The other
 * bundles (CLI, MCP server, parser worker) parse at once and carry it inline.
 */
export { unified } from 'unified';
export { default as remarkParse } from 'remark-parse';
export { default as remarkGfm } from 'remark-gfm';
