import fs from 'node:fs';
import path from 'node:path';
import { CliError } from './errors';
import { dotAllowed, expandBraces, isGlob, segmentMatcher, splitPattern, TooManyAlternativesError } from './glob';

/** One file to read, named the way the user will see it. */
export interface InputFile {
  /** As given, or joined from the given directory or glob base with `/`. */
  display: string;
  absolute: string;
  /**
   * Named directly (or by a glob): read and reported even without a phase. Files found by
   * walking a directory count only when they hold at least one phase.
   */
  explicit: boolean;
}

/** Directories that never hold the user's plans, and can hold a great many files. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
const MARKDOWN = /\.(md|markdown)$/i;

/** Told about a folder or link found on the way that cannot be read; the walk goes on. */
export type OnSkip = (message: string) => void;

/**
 * Turns FILE, DIR and GLOB arguments into a sorted list without repeats (the same file reached
 * twice, even through a symlink, is read once; a direct mention wins over a directory walk).
 * What cannot be read is treated alike wherever it is found: named on the command line, it stops
 * the run (exit 2); met while walking a folder or matching a glob (a folder without permission, a
 * loop of symbolic links), it is skipped with a warning through `onSkip`.
 */
export function expandInputs(inputs: readonly string[], cwd: string, command: string, onSkip: OnSkip = () => {}): InputFile[] {
  const byRealPath = new Map<string, InputFile>();
  const add = (file: InputFile) => {
    const real = realPath(file.absolute);
    const known = byRealPath.get(real);
    if (!known || (file.explicit && !known.explicit)) byRealPath.set(real, file);
  };

  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const stat = statOrUndefined(absolute);
    const failure = stat ? undefined : statFailure(absolute);
    if (failure) throw new CliError(`cannot read ${input}: ${failure}`, command);
    // A path that exists is itself, even when its name has glob characters (`notes[1].md`).
    if (!stat && isGlob(input)) {
      const matches = expandGlobOrRefuse(input, cwd, command, onSkip);
      if (matches.length === 0) throw new CliError(`no files match '${input}'`, command);
      for (const display of matches) add({ display, absolute: path.resolve(cwd, display), explicit: true });
      continue;
    }
    if (!stat) throw new CliError(`no such file or directory: ${input}`, command);
    if (stat.isDirectory()) {
      for (const display of walkMarkdown(absolute, input, onSkip)) add({ display, absolute: path.resolve(cwd, display), explicit: false });
    } else {
      add({ display: input, absolute, explicit: true });
    }
  }
  return [...byRealPath.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
}

/** `dir` + `name` the way a user reads it: `docs/a.md`, `../shared/seeds/x.md`, `a.md` for `.`. */
function joinDisplay(dir: string, name: string): string {
  if (dir === '' || dir === '.' || dir === './') return name;
  return dir.endsWith('/') || dir.endsWith(path.sep) ? dir + name : `${dir}/${name}`;
}

/**
 * Markdown files under `root`, recursively, skipping node_modules and .git. Symlinked
 * directories are followed, except into a directory that contains the one being walked (a loop)
 * or one already walked.
 */
function walkMarkdown(root: string, display: string, onSkip: OnSkip): string[] {
  const found: string[] = [];
  const visited = new Set<string>();
  const pending: Array<{ absolute: string; display: string }> = [{ absolute: root, display: display.replace(/[\\/]+$/, '') || display }];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    const real = realPath(dir.absolute);
    if (visited.has(real)) continue;
    visited.add(real);
    for (const entry of readDirectory(dir.absolute, dir.display, onSkip)) {
      if (SKIPPED_DIRECTORIES.has(entry.name)) continue;
      const absolute = path.join(dir.absolute, entry.name);
      const kind = entryKind(entry, absolute);
      const shown = joinDisplay(dir.display, entry.name);
      if (kind === 'directory' && !(entry.isSymbolicLink() && containsPath(realPath(absolute), real))) pending.push({ absolute, display: shown });
      // A markdown file that cannot be opened is still listed, so that reading it says why.
      else if ((kind === 'file' || kind === 'unreadable') && MARKDOWN.test(entry.name)) found.push(shown);
      else if (kind === 'unreadable') onSkip(`skipping ${shown}: cannot read it (a loop of symbolic links)`);
    }
  }
  return found;
}

/** `outer` is `inner` or one of its ancestors (both real, absolute paths). */
function containsPath(outer: string, inner: string): boolean {
  if (outer === inner) return true;
  const prefix = outer.endsWith(path.sep) ? outer : outer + path.sep;
  return inner.startsWith(prefix);
}

function expandGlobOrRefuse(pattern: string, cwd: string, command: string, onSkip: OnSkip): string[] {
  try {
    return expandGlob(pattern, cwd, onSkip);
  } catch (error) {
    if (error instanceof TooManyAlternativesError) throw new CliError(error.message, command);
    throw error;
  }
}

/** Paths (display form) matching a glob, relative to `cwd` unless the pattern is absolute. */
export function expandGlob(pattern: string, cwd: string, onSkip: OnSkip = () => {}): string[] {
  const found = new Set<string>();
  // Patterns use `/`; on Windows a `\` is a separator too (elsewhere it is part of a name).
  const slashed = path.sep === '\\' ? pattern.replace(/\\/g, '/') : pattern;
  for (const alternative of expandBraces(slashed)) {
    const { base, segments } = splitPattern(alternative);
    if (segments.length === 0) {
      // A brace alternative without wildcards names one path: keep it if it is a file.
      if (statOrUndefined(path.resolve(cwd, base))?.isFile()) found.add(base);
      continue;
    }
    const root = path.resolve(cwd, base || '.');
    matchSegments(root, base, segments, 0, found, new Set([realPath(root)]), new Set(), onSkip);
  }
  return [...found];
}

/**
 * `walked` holds each (real directory, pattern position) already matched: symlinks that fan
 * out (a/l1 and a/l2 both to b, b/l1 and b/l2 both to c, …) reach one directory by 2^depth
 * paths, and it yields the same files (by real path) every time, so it is walked once.
 */
function matchSegments(dirAbsolute: string, dirDisplay: string, segments: string[], index: number, found: Set<string>, onPath: Set<string>, walked: Set<string>, onSkip: OnSkip): void {
  const visit = `${index}\0${segments.length}\0${realPath(dirAbsolute)}`;
  if (walked.has(visit)) return;
  walked.add(visit);
  const segment = segments[index]!;
  const last = index === segments.length - 1;
  const entries = readDirectory(dirAbsolute, dirDisplay, onSkip);
  // `onPath` holds the real directories on the way down: a symlink to one of them, or to a
  // directory around them, would walk the same tree again.
  const descend = (absolute: string, display: string, next: number) => {
    const real = realPath(absolute);
    if (onPath.has(real) || [...onPath].some((walked) => containsPath(real, walked))) return;
    onPath.add(real);
    matchSegments(absolute, display, segments, next, found, onPath, walked, onSkip);
    onPath.delete(real);
  };

  if (segment === '**') {
    // Zero directories: the rest of the pattern applies right here (`**` last means any file).
    if (last) matchSegments(dirAbsolute, dirDisplay, [...segments, '*'], index + 1, found, onPath, walked, onSkip);
    else matchSegments(dirAbsolute, dirDisplay, segments, index + 1, found, onPath, walked, onSkip);
    for (const entry of entries) {
      if (entry.name.startsWith('.') || SKIPPED_DIRECTORIES.has(entry.name)) continue;
      const absolute = path.join(dirAbsolute, entry.name);
      if (entryKind(entry, absolute) === 'directory') descend(absolute, joinDisplay(dirDisplay, entry.name), index);
    }
    return;
  }
  const matcher = segmentMatcher(segment);
  for (const entry of entries) {
    if (!dotAllowed(entry.name, segment) || !matcher.test(entry.name)) continue;
    const absolute = path.join(dirAbsolute, entry.name);
    const kind = entryKind(entry, absolute);
    const shown = joinDisplay(dirDisplay, entry.name);
    if (last && (kind === 'file' || kind === 'unreadable')) found.add(shown);
    else if (!last && kind === 'directory') descend(absolute, shown, index + 1);
  }
}

function readDirectory(dir: string, display: string, onSkip: OnSkip): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    onSkip(`skipping ${display || '.'}/: cannot read the folder (${describeFsError(error)})`);
    return [];
  }
}

/** Why a path that exists cannot be opened, in words; undefined when it just does not exist. */
function statFailure(absolute: string): string | undefined {
  try {
    fs.statSync(absolute);
    return undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !isLink(absolute)) return undefined;
    return describeFsError(error);
  }
}

function isLink(absolute: string): boolean {
  try {
    return fs.lstatSync(absolute).isSymbolicLink();
  } catch {
    return false;
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file (a broken symbolic link?)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ELOOP') return 'a loop of symbolic links';
  return error instanceof Error ? error.message : String(error);
}

/** What an entry is, following symlinks; a link in a loop (ELOOP) cannot be read, a broken link is neither. */
function entryKind(entry: fs.Dirent, absolute: string): 'file' | 'directory' | 'unreadable' | 'other' {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  if (!entry.isSymbolicLink()) return 'other';
  const target = statOrUndefined(absolute);
  if (!target) return statFailure(absolute)?.includes('loop') ? 'unreadable' : 'other';
  return target.isFile() ? 'file' : target.isDirectory() ? 'directory' : 'other';
}

function statOrUndefined(absolute: string): fs.Stats | undefined {
  try {
    return fs.statSync(absolute);
  } catch {
    return undefined;
  }
}

function realPath(absolute: string): string {
  try {
    return fs.realpathSync(absolute);
  } catch {
    return absolute;
  }
}
