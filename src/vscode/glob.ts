/**
 * Glob matching with VS Code's semantics (as `files.exclude` and `findFiles` use them): `**`
 * spans any number of folders, `*` and `?` stay within one segment and match dot names too,
 * `{a,b}` and `[abc]` as usual. Used to decide whether an opened or changed file is a plan
 * candidate without asking the file system.
 */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  let inGroup = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '*') {
      if (pattern[i + 1] === '*') {
        const atStart = i === 0 || pattern[i - 1] === '/';
        const atEnd = i + 2 === pattern.length || pattern[i + 2] === '/';
        if (atStart && atEnd) {
          source += i + 2 === pattern.length ? '.*' : '(?:.*/)?';
          i += pattern[i + 2] === '/' ? 2 : 1;
          continue;
        }
        i++;
      }
      source += '[^/]*';
    } else if (char === '?') source += '[^/]';
    else if (char === '{') {
      inGroup++;
      source += '(?:';
    } else if (char === '}' && inGroup > 0) {
      inGroup--;
      source += ')';
    } else if (char === ',' && inGroup > 0) source += '|';
    else if (char === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close === -1) source += '\\[';
      else {
        let body = pattern.slice(i + 1, close);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        source += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else source += char.replace(/[.+^$|()\\\]]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

export function matchesAny(relativePath: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => globToRegExp(pattern).test(relativePath));
}
