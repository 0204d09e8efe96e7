/**
 * The parsing libraries, in a module of its own: `loadMarkdownStack.ts` requires it on the first parse;
 * the extension's bundle keeps it as a separate file (`dist/markdownStack.js`, see
 * scripts/build.mjs), so activation neither compiles nor evaluates it. The other bundles (CLI,
 * MCP server, parser worker) parse at once and carry it inline.
 *
 * micromark is the tokenizer inside remark-parse. The plan model is read from its events
 * directly (readBlocks.ts): building remark's tree was a third of every parse, and the model
 * dropped the tree at once. Of GFM, only what the model reads is tokenized: tables, task list
 * items, strikethrough and footnotes (so `[^1]` stays out of titles, as remark-gfm has it).
 * Autolink literals are left out: the text of `www.example.com` is the same as a link or as
 * text, and the extension was a fifth of the tokenizer's time.
 */
export { parse, preprocess } from 'micromark';
export { subtokenize } from 'micromark-util-subtokenize';
export { gfmTable } from 'micromark-extension-gfm-table';
export { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
export { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
export { gfmFootnote } from 'micromark-extension-gfm-footnote';
export { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
export { decodeNamedCharacterReference } from 'decode-named-character-reference';
/** Front matter (Cursor's `.plan.md` todos), read with yaml: only plans that have it need it. */
export * as yaml from 'yaml';
