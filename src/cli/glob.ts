/**
 * A small glob matcher, so that quoted patterns behave the same on every shell (and on
 * Windows, where the shell does not expand them): `**` (any depth), `*`, `?`, `[abc]`,
 * `[!a-z]` and `{a,b}`. As in bash, wildcards do not match a name starting with `.` unless
 * the pattern spells the dot.
 */

const MAGIC = /[*?[{]/;

export function isGlob(input: string): boolean {
  return MAGIC.test(input);
}

/** The most plain patterns one glob may expand to; more is refused, never cut short silently. */
export const MAX_BRACE_ALTERNATIVES = 1000;

/** A pattern whose braces expand to more than `limit` alternatives. */
export class TooManyAlternativesError extends Error {
  constructor(
    readonly pattern: string,
    readonly limit: number,
  ) {
    super(`'${pattern}' expands to more than ${limit} alternatives; split it into smaller patterns`);
    this.name = 'TooManyAlternativesError';
  }
}

/**
 * Expands `{a,b}` alternatives (nested too) into plain patterns; `{x}` without a comma stays
 * literal. Depth first, so only the alternatives on the way to the next result are ever held
 * (breadth first built all 2^n partial patterns of n groups before the first result); throws
 * `TooManyAlternativesError` past `limit` results.
 */
export function expandBraces(pattern: string, limit = MAX_BRACE_ALTERNATIVES): string[] {
  const results: string[] = [];
  const pending = [pattern];
  while (pending.length > 0) {
    const current = pending.pop()!;
    const group = firstBraceGroup(current);
    if (!group) {
      if (results.length >= limit) throw new TooManyAlternativesError(pattern, limit);
      results.push(current);
      continue;
    }
    const before = current.slice(0, group.open);
    const after = current.slice(group.close + 1);
    // Last alternative first onto the stack, so results come out in the written order.
    for (let index = group.alternatives.length - 1; index >= 0; index--) pending.push(before + group.alternatives[index]! + after);
  }
  return results;
}

function firstBraceGroup(pattern: string): { open: number; close: number; alternatives: string[] } | undefined {
  for (let open = pattern.indexOf('{'); open !== -1; open = pattern.indexOf('{', open + 1)) {
    let depth = 0;
    let start = open + 1;
    const alternatives: string[] = [];
    for (let i = open; i < pattern.length; i++) {
      const char = pattern[i];
      if (char === '{') depth++;
      else if (char === '}' && --depth === 0) {
        if (alternatives.length === 0) break; // `{x}`: no comma, a literal brace
        alternatives.push(pattern.slice(start, i));
        return { open, close: i, alternatives };
      } else if (char === ',' && depth === 1) {
        alternatives.push(pattern.slice(start, i));
        start = i + 1;
      }
    }
  }
  return undefined;
}

/** A regular expression for one path segment (no `/`, no braces left). */
export function segmentMatcher(segment: string): RegExp {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i]!;
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close === -1) {
        source += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      source += `[${negated ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else source += char.replace(/[.+^$|()\\{}\]]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Whether a directory entry called `name` may match `segment` at all: dot names need a spelled dot. */
export function dotAllowed(name: string, segment: string): boolean {
  return !name.startsWith('.') || segment.startsWith('.');
}

/** Splits a pattern into the directory that holds no wildcard and the segments that follow it. */
export function splitPattern(pattern: string): { base: string; segments: string[] } {
  const parts = pattern.split('/');
  const firstMagic = parts.findIndex((part) => isGlob(part));
  const baseParts = parts.slice(0, firstMagic);
  // `/x/*.md` keeps its root: ['', 'x'] joins back to '/x'.
  const base = baseParts.length === 1 && baseParts[0] === '' ? '/' : baseParts.join('/');
  return { base, segments: parts.slice(firstMagic).filter((part) => part !== '') };
}
