/**
 * Verify commands: a success criterion may carry a check its author wrote as a code span
 * after `verify:`. The accepted forms, read from the criterion's own source line:
 *
 * - in parentheses, anywhere on the line: ``- Unit tests pass (verify: `npm test`)``
 * - trailing, after a dash: ``- Lint is clean — verify: `npm run lint` `` (also `–` or ` - `)
 * - leading, as the whole item: ``- [ ] verify: `make check` `` (after the list marker,
 *   checkbox or criteria label)
 *
 * The label is `verify:` in any case, optionally bold or italic (`**verify:**`, `**Verify**:`). The command is
 * exactly the code span's content (any number of backticks, CommonMark's rule of one stripped
 * space on each side), and nothing else from the line. One check per line: the first form found.
 * A code span that is empty or holds control characters, or a `verify:` written inside another
 * code span, is no check.
 */
export interface VerifyCommand {
  /** The code span's content: what runs, as one string, through the platform shell. */
  command: string;
  /** Where the whole clause stands on the line (0-based, end exclusive), so labels can drop it. */
  column: number;
  endColumn: number;
}

const LABEL = /([*_]{0,2})verify(?:\1:|:\1)[ \t]*/iy;

export function findVerifyCommand(line: string): VerifyCommand | undefined {
  const spans = codeSpans(line);
  const insideSpan = (column: number) => spans.some((span) => column >= span.start && column < span.end);
  const search = /verify[*_]{0,2}:/gi;
  for (let match = search.exec(line); match; match = search.exec(line)) {
    // The label may be wrapped in emphasis: start from its opening marks.
    let start = match.index;
    while (start > 0 && (line[start - 1] === '*' || line[start - 1] === '_')) start--;
    if (insideSpan(match.index)) continue;
    LABEL.lastIndex = start;
    const label = LABEL.exec(line);
    if (!label) continue;
    const span = spans.find((candidate) => candidate.start === LABEL.lastIndex);
    // Control characters would act as keystrokes once typed into a terminal: no check.
    if (!span || span.content.trim() === '' || /[\u0000-\u0008\u000a-\u001f\u007f]/.test(span.content)) continue;
    const before = line.slice(0, start);
    const after = line.slice(span.end);
    const parenthesized = /\(\s*$/.exec(before);
    if (parenthesized && /^\s*\)/.test(after)) {
      return { command: span.content, column: parenthesized.index, endColumn: span.end + after.indexOf(')') + 1 };
    }
    if (after.trim() !== '') continue;
    const dashed = /\s+[—–-]\s*$/.exec(before);
    if (dashed) return { command: span.content, column: dashed.index, endColumn: line.trimEnd().length };
    if (isItemStart(before)) return { command: span.content, column: start, endColumn: line.trimEnd().length };
  }
  return undefined;
}

/**
 * What may stand before a leading `verify:`: indentation, list markers, a checkbox, a quote
 * marker, and a criteria label ending in a colon (`**Done when**:`).
 */
function isItemStart(before: string): boolean {
  const rest = before.replace(/^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:\[[ xX~-]\][ \t]+)?/, '');
  return rest.trim() === '' || /^[*_]{0,2}[^`:]{1,40}[*_]{0,2}:[*_]{0,2}\s*$/.test(rest);
}

interface CodeSpan {
  /** Opening backtick. */
  start: number;
  /** Just past the closing backticks. */
  end: number;
  content: string;
}

/** CommonMark code spans on one line: a backtick run opens, the next run of the same length closes. */
export function codeSpans(line: string): CodeSpan[] {
  const spans: CodeSpan[] = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] === '\\') {
      i += 2;
      continue;
    }
    if (line[i] !== '`') {
      i++;
      continue;
    }
    const open = runLength(line, i);
    let close = line.indexOf('`', i + open);
    while (close !== -1 && runLength(line, close) !== open) close = line.indexOf('`', close + runLength(line, close));
    if (close === -1) {
      // An unmatched run is literal text; what follows may still open a span.
      i += open;
      continue;
    }
    let content = line.slice(i + open, close);
    if (content.length >= 2 && content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '') content = content.slice(1, -1);
    spans.push({ start: i, end: close + open, content });
    i = close + open;
  }
  return spans;
}

function runLength(line: string, at: number): number {
  let end = at;
  while (line[end] === '`') end++;
  return end - at;
}

/**
 * A criterion's display text without its verify clause: "Unit tests pass (verify: npm test)" →
 * "Unit tests pass". `command` is the check's command, so a command holding parentheses
 * (`(exit 3)`) is skipped whole. The text as a whole when nothing else would be left.
 */
export function withoutVerifyClause(text: string, command: string): string {
  const label = /(\(\s*)?[*_]{0,2}verify[*_]{0,2}:[*_]{0,2}\s*/i.exec(text);
  if (!label) return text;
  let end = label.index + label[0].length;
  while (text[end] === '`') end++;
  if (text.startsWith(command, end)) end += command.length;
  while (text[end] === '`') end++;
  if (label[1]) {
    const close = text.indexOf(')', end);
    end = close === -1 ? text.length : close + 1;
  } else {
    end = text.length;
  }
  const before = text.slice(0, label.index).replace(/\s+[—–-]\s*$/, '').trimEnd();
  const stripped = `${before}${text.slice(end)}`.trim();
  return stripped === '' ? text : stripped;
}
