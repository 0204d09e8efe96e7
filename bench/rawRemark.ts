import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';

/** The yardstick: one plain remark-parse + remark-gfm pass over the whole text, nothing else. */
const processor = unified().use(remarkParse).use(remarkGfm);

export function rawRemarkParse(text: string): unknown {
  return processor.parse(text);
}
