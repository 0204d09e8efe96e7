import * as nodePath from 'node:path';

/**
 * Where `phaselens.launch.promptTemplate` points, and whether PhaseLens may read it. No
 * `vscode` here: the rules are unit-tested in Node.
 *
 * The template is data (its text becomes the prompt), so it is read in untrusted workspaces
 * too. What matters is which file: the prompt is pasted into a chat or onto the clipboard, so a
 * workspace that could name any file could have a secret (`~/.ssh/id_rsa`) sent along. A value
 * from workspace or folder settings must therefore name a file inside the workspace folder, after
 * following symbolic links (the caller checks the real path with `isInside` again). A value from
 * the user's own settings may name any file.
 */
export interface TemplateSettingValues {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

export type TemplateLocation =
  | { kind: 'default' }
  /** `written`: the setting's value, for messages. `confined`: must stay inside `folder`. */
  | { kind: 'file'; path: string; written: string; confined: boolean; folder: string | undefined }
  | { kind: 'outside-workspace'; written: string }
  | { kind: 'no-folder'; written: string };

type PathApi = Pick<typeof nodePath, 'isAbsolute' | 'resolve' | 'relative' | 'sep'>;

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** `folder`: the plan's workspace folder (a file-system path), if it has one. */
export function locateTemplate(values: TemplateSettingValues, folder: string | undefined, path: PathApi = nodePath): TemplateLocation {
  // The most specific level that sets a value wins; an empty value there means the built-in prompt.
  const fromFolder = text(values.workspaceFolderValue);
  const fromWorkspace = text(values.workspaceValue);
  const written = (fromFolder ?? fromWorkspace ?? text(values.globalValue) ?? '').trim();
  if (!written) return { kind: 'default' };
  const confined = fromFolder !== undefined || fromWorkspace !== undefined;
  if (path.isAbsolute(written)) {
    if (confined && !(folder && isInside(folder, written, path))) return { kind: 'outside-workspace', written };
    return { kind: 'file', path: path.resolve(written), written, confined, folder };
  }
  if (!folder) return { kind: 'no-folder', written };
  const resolved = path.resolve(folder, written);
  if (confined && !isInside(folder, resolved, path)) return { kind: 'outside-workspace', written };
  return { kind: 'file', path: resolved, written, confined, folder };
}

/** `file` is `folder` itself or lies beneath it. */
export function isInside(folder: string, file: string, path: PathApi = nodePath): boolean {
  const relative = path.relative(path.resolve(folder), path.resolve(file));
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

/** Larger than any prompt anyone writes by hand; a bigger file is a wrong path, not a template. */
export const MAX_TEMPLATE_BYTES = 256 * 1024;

type RealPath = (path: string) => Promise<string>;

/**
 * Where creating `file` would really write: the real path of its nearest existing ancestor (every
 * symbolic link on the way followed) with the missing rest appended. A link inside the workspace
 * that points out of it must not let Create Template write outside.
 */
export async function realCreationPath(file: string, realpath: RealPath, path: PathApi & Pick<typeof nodePath, 'dirname' | 'join'> = nodePath): Promise<string> {
  const missing: string[] = [];
  let existing = path.resolve(file);
  for (;;) {
    try {
      return path.join(await realpath(existing), ...missing.reverse());
    } catch (error) {
      const parent = path.dirname(existing);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === existing) throw error;
      missing.push(existing.slice(parent.length).replace(/^[\\/]+/, ''));
      existing = parent;
    }
  }
}

/** Creating `file` writes inside the real path of `folder`. */
export async function creationStaysInside(folder: string, file: string, realpath: RealPath): Promise<boolean> {
  const [realFolder, realFile] = await Promise.all([realpath(folder), realCreationPath(file, realpath)]);
  return isInside(realFolder, realFile);
}
