import { fencedLines } from '../text/markdownLines';
import { detectEol, splitLines } from '../edits/text';
import type { Finding, Fix } from './types';

/**
 * Inline disable comments, markdownlint style:
 *   <!-- phaselens-disable rule-a rule-b -->    until a matching phaselens-enable (no ids: all rules)
 *   <!-- phaselens-enable rule-a -->
 *   <!-- phaselens-disable-next-line rule-a --> the next line that is not itself such a comment
 *   <!-- phaselens-disable-line rule-a -->      its own line
 *   <!-- phaselens-disable-file rule-a -->      the whole file (no ids: all rules)
 * Comments inside fenced code are examples, not instructions, and are ignored.
 */

const COMMENT = /<!--\s*phaselens-(disable-next-line|disable-line|disable-file|disable|enable)\b((?:\s+[\w.-]+)*)\s*-->/g;
const ONLY_COMMENTS = /^\s*(?:<!--\s*phaselens-[\w-]+(?:\s+[\w.-]+)*\s*-->\s*)+$/;

type Directive = 'disable-next-line' | 'disable-line' | 'disable-file' | 'disable' | 'enable';

/** Rules switched off from one line on: either all (but `except`) or just `rules`. */
interface RangeState {
  all: boolean;
  rules: ReadonlySet<string>;
  except: ReadonlySet<string>;
}

const NOTHING_DISABLED: RangeState = { all: false, rules: new Set(), except: new Set() };

export interface Suppressions {
  isSuppressed(rule: string, line: number): boolean;
}

/** A text without a single directive (most plans): nothing to scan line by line on every keystroke. */
const NONE_SUPPRESSED: Suppressions = { isSuppressed: () => false };

export function readSuppressions(text: string): Suppressions {
  if (!text.includes('phaselens-')) return NONE_SUPPRESSED;
  const lines = splitLines(text);
  const fenced = fencedLines(lines);
  const stateAt: RangeState[] = new Array(lines.length);
  const lineRules = new Map<number, Set<string> | 'all'>();
  const fileRules = new Set<string>();
  let fileAll = false;
  let state = NOTHING_DISABLED;
  let pendingNextLine: Array<string[] | 'all'> = [];

  const addLineRules = (line: number, ids: string[] | 'all') => {
    const existing = lineRules.get(line);
    if (ids === 'all' || existing === 'all') lineRules.set(line, 'all');
    else lineRules.set(line, new Set([...(existing ?? []), ...ids]));
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const lineNumber = index + 1;
    const commentsOnly = !fenced[index] && ONLY_COMMENTS.test(line);
    if (!commentsOnly && pendingNextLine.length > 0) {
      for (const ids of pendingNextLine) addLineRules(lineNumber, ids);
      pendingNextLine = [];
    }
    if (!fenced[index] && line.includes('phaselens-')) {
      COMMENT.lastIndex = 0;
      for (let match = COMMENT.exec(line); match; match = COMMENT.exec(line)) {
        const directive = match[1] as Directive;
        const ids = match[2]!.trim().split(/\s+/).filter(Boolean);
        const target = ids.length > 0 ? ids : 'all';
        switch (directive) {
          case 'disable':
            state = disable(state, target);
            break;
          case 'enable':
            state = enable(state, target);
            break;
          case 'disable-line':
            addLineRules(lineNumber, target);
            break;
          case 'disable-next-line':
            pendingNextLine.push(target);
            break;
          case 'disable-file':
            if (target === 'all') fileAll = true;
            else for (const id of target) fileRules.add(id);
            break;
        }
      }
    }
    stateAt[index] = state;
  }

  return {
    isSuppressed(rule: string, line: number): boolean {
      if (fileAll || fileRules.has(rule)) return true;
      const onLine = lineRules.get(line);
      if (onLine === 'all' || onLine?.has(rule)) return true;
      const at = stateAt[Math.min(Math.max(line, 1), stateAt.length) - 1] ?? NOTHING_DISABLED;
      return at.all ? !at.except.has(rule) : at.rules.has(rule);
    },
  };
}

function disable(state: RangeState, target: string[] | 'all'): RangeState {
  if (target === 'all') return { all: true, rules: new Set(), except: new Set() };
  if (state.all) return { ...state, except: new Set([...state.except].filter((id) => !target.includes(id))) };
  return { ...state, rules: new Set([...state.rules, ...target]) };
}

function enable(state: RangeState, target: string[] | 'all'): RangeState {
  if (target === 'all') return NOTHING_DISABLED;
  if (state.all) return { ...state, except: new Set([...state.except, ...target]) };
  return { ...state, rules: new Set([...state.rules].filter((id) => !target.includes(id))) };
}

const NEXT_LINE_COMMENT = /^(\s*)<!--\s*phaselens-disable-next-line((?:\s+[\w.-]+)*)\s*-->\s*$/;
const FILE_COMMENT = /^(\s*)<!--\s*phaselens-disable-file((?:\s+[\w.-]+)+)\s*-->\s*$/;

/**
 * "Disable <rule> for this line": a `phaselens-disable-next-line` comment above the finding's
 * line, with that line's indentation. A comment already there gains the rule id instead.
 */
export function disableForLineFix(finding: Pick<Finding, 'rule' | 'line'>, text: string): Fix {
  const lines = splitLines(text);
  const eol = detectEol(text);
  const title = `Disable ${finding.rule} for this line`;
  const line = Math.min(Math.max(finding.line, 1), lines.length);
  const above = line > 1 ? NEXT_LINE_COMMENT.exec(lines[line - 2]!) : null;
  if (above) {
    const ids = above[2]!.trim().split(/\s+/).filter(Boolean);
    if (ids.includes(finding.rule)) return { title, edits: [], scope: 'line' };
    const newComment = `${above[1]}<!-- phaselens-disable-next-line ${[...ids, finding.rule].join(' ')} -->`;
    return { title, scope: 'line', edits: [{ range: { line: line - 1, column: 0, endLine: line - 1, endColumn: lines[line - 2]!.length }, newText: newComment }] };
  }
  const indent = /^\s*/.exec(lines[line - 1] ?? '')![0];
  return {
    title,
    scope: 'line',
    edits: [{ range: { line, column: 0, endLine: line, endColumn: 0 }, newText: `${indent}<!-- phaselens-disable-next-line ${finding.rule} -->${eol}` }],
  };
}

/**
 * "Disable <rule> for this file": a `phaselens-disable-file` comment at the top of the file
 * (after YAML front matter), or the rule id added to one already there.
 */
export function disableForFileFix(finding: Pick<Finding, 'rule'>, text: string): Fix {
  const lines = splitLines(text);
  const eol = detectEol(text);
  const title = `Disable ${finding.rule} for this file`;
  const top = frontMatterEnd(lines) + 1;
  const existing = top <= lines.length ? FILE_COMMENT.exec(lines[top - 1]!) : null;
  if (existing) {
    const ids = existing[2]!.trim().split(/\s+/);
    if (ids.includes(finding.rule)) return { title, edits: [], scope: 'file' };
    const newComment = `${existing[1]}<!-- phaselens-disable-file ${[...ids, finding.rule].join(' ')} -->`;
    return { title, scope: 'file', edits: [{ range: { line: top, column: 0, endLine: top, endColumn: lines[top - 1]!.length }, newText: newComment }] };
  }
  const comment = `<!-- phaselens-disable-file ${finding.rule} -->`;
  if (top > lines.length) {
    // Front matter closes the file: the comment goes after its last line.
    const last = lines.length;
    return { title, scope: 'file', edits: [{ range: { line: last, column: lines[last - 1]!.length, endLine: last, endColumn: lines[last - 1]!.length }, newText: eol + comment }] };
  }
  return { title, scope: 'file', edits: [{ range: { line: top, column: 0, endLine: top, endColumn: 0 }, newText: comment + eol }] };
}

/** The line number closing YAML front matter, or 0 when there is none. */
function frontMatterEnd(lines: readonly string[]): number {
  if (lines[0]?.trim() !== '---') return 0;
  for (let index = 1; index < lines.length; index++) {
    if (/^(?:---|\.\.\.)\s*$/.test(lines[index]!)) return index + 1;
  }
  return 0;
}
