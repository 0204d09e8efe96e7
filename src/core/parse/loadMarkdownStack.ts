import type * as MarkdownStack from './markdownStack';

let stack: typeof MarkdownStack | undefined;

/**
 * The parsing libraries (micromark and its extensions, yaml), required on the first parse rather
 * than when the core loads: evaluating them was most of the extension's activation time, and a
 * warm start may never parse at all. The extension's bundle keeps them in dist/markdownStack.js.
 */
export function markdownStack(): typeof MarkdownStack {
  return (stack ??= require('./markdownStack') as typeof MarkdownStack);
}
