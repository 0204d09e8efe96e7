// What a PhaseLens .vsix may and must contain. Kept apart from the packaging script so a unit
// test can check the rules themselves against made-up file lists.

/** vsce's own files, and ours under extension/: the extension bundle, media, grammars, docs. */
const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/readme\.md$/i,
  /^extension\/changelog\.md$/i,
  /^extension\/license(?:\.txt|\.md)?$/i,
  /^extension\/dist\/extension\.js$/,
  /^extension\/dist\/planParserWorker\.js$/,
  /^extension\/dist\/markdownStack\.js$/,
  /^extension\/dist\/mcpServer\.js$/,
  /^extension\/media\/[^/]+\.(?:png|svg)$/,
  /^extension\/media\/graph\/graph\.(?:js|css)$/,
  /^extension\/syntaxes\/[^/]+\.json$/,
];

/** A package this big has picked up something it should not ship. */
export const MAX_VSIX_BYTES = 1024 * 1024;

/**
 * The files the manifest points at (entry point, grammars, icons), as package-relative paths.
 * Codicon references (`$(play)`) and themed icon objects are handled; URLs are not files.
 */
export function referencedFiles(manifest) {
  const files = new Set();
  const add = (value) => {
    if (typeof value === 'string' && !value.startsWith('$(') && !/^[a-z]+:/i.test(value)) files.add(value.replace(/^\.\//, ''));
    else if (value && typeof value === 'object') for (const themed of Object.values(value)) add(themed);
  };
  add(manifest.main);
  add(manifest.icon);
  const contributes = manifest.contributes ?? {};
  for (const grammar of contributes.grammars ?? []) add(grammar.path);
  for (const containers of Object.values(contributes.viewsContainers ?? {})) for (const container of containers) add(container.icon);
  for (const views of Object.values(contributes.views ?? {})) for (const view of views) add(view.icon);
  for (const command of contributes.commands ?? []) add(command.icon);
  return [...files].sort();
}

/**
 * Problems with a package's file list. `exists(path)` says whether a package-relative path is
 * in the repository: a file the manifest references but nobody has added yet is a warning
 * (the package still works, with a default icon), while one that exists but was left out of
 * the package is an error.
 */
export function checkVsixContents({ paths, totalBytes, manifest, exists }) {
  const errors = [];
  const warnings = [];
  const inside = new Set(paths);
  for (const path of paths) {
    if (!ALLOWED.some((pattern) => pattern.test(path))) errors.push(`${path} must not be in the package (only dist/extension.js, dist/markdownStack.js, dist/planParserWorker.js, dist/mcpServer.js, media/, syntaxes/, README, CHANGELOG, LICENSE and package.json ship)`);
  }
  const required = ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/markdownStack.js', 'extension/dist/planParserWorker.js', 'extension/dist/mcpServer.js'];
  for (const path of required) if (!inside.has(path)) errors.push(`${path} is missing from the package`);
  for (const [name, pattern] of [['README', /^extension\/readme\.md$/i], ['CHANGELOG', /^extension\/changelog\.md$/i], ['LICENSE', /^extension\/license(?:\.txt|\.md)?$/i]]) {
    if (!paths.some((path) => pattern.test(path))) errors.push(`the ${name} is missing from the package`);
  }
  for (const file of referencedFiles(manifest)) {
    if (inside.has(`extension/${file}`)) continue;
    if (exists(file)) errors.push(`package.json references ${file}, which is in the repository but not in the package`);
    else warnings.push(`package.json references ${file}, which does not exist yet: the package ships without it`);
  }
  if (totalBytes > MAX_VSIX_BYTES) errors.push(`the package is ${totalBytes} bytes, more than ${MAX_VSIX_BYTES}: something large slipped in`);
  return { errors, warnings };
}
