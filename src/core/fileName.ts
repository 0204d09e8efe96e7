/** The last segment of a file path or URI string, as written (`C:\plans\a.md`, `plans/a.md`, `file:///x/a.md` → `a.md`). */
export function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

/** The file name a user reads for a URI string: its last path segment, without query or fragment, decoded (`a%20b.md` → `a b.md`). */
export function displayFileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
