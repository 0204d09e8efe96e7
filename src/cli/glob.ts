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

/** Expands `{a,b}` alternatives (nested too) into plain patterns; `{x}` without a comma stays literal. */
export function expandBraces(pattern: string, limit = 1000): string[] {
  const results: string[] = [];
  const pending = [pattern];
  while (pending.length > 0 && results.length < limit) {
    const current = pending.shift()!;
    const group = firstBraceGroup(current);
    if (!group) {
      results.push(current);
      continue;
    }
    const before = current.slice(0, group.open);
    const after = current.slice(group.close + 1);
    for (const alternative of group.alternatives) pending.push(before + alternative + after);
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
