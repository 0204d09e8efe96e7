// Tokenizes markdown the way VS Code does: vscode-textmate with the Oniguruma regex engine, the
// Markdown grammar (from the tm-grammars package: the same source VS Code ships) and the
// PhaseLens injection grammar, registered for text.html.markdown as package.json contributes it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { repoRoot } from '../../support/paths';

const require = createRequire(__filename);
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const contribution = manifest.contributes.grammars.find((grammar: { scopeName: string }) => grammar.scopeName === 'phaselens.injection');
export const injectionPath = path.join(repoRoot, contribution.path);

export interface Token {
  text: string;
  scopes: string[];
}

let engine: Promise<void> | undefined;
const registries = new Map<boolean, Promise<textmate.Registry>>();

/** The Oniguruma engine VS Code uses, loaded once per process. */
export function loadOniguruma(): Promise<void> {
  engine ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  })();
  return engine;
}

function loadRegistry(inject: boolean): Promise<textmate.Registry> {
  let registry = registries.get(inject);
  if (registry) return registry;
  registry = (async () => {
    await loadOniguruma();
    const grammars: Record<string, string> = {
      'text.html.markdown': require.resolve('tm-grammars/grammars/markdown.json'),
      'phaselens.injection': injectionPath,
    };
    return new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName) => {
        const file = grammars[scopeName];
        return file ? textmate.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
      },
      getInjections: (scopeName) => (inject && contribution.injectTo.includes(scopeName) ? [contribution.scopeName] : undefined),
    });
  })();
  registries.set(inject, registry);
  return registry;
}

/** Every line of `markdown` as tokens with their scope stacks; `inject: false` leaves PhaseLens out. */
export async function tokenize(markdown: string, { inject = true } = {}): Promise<Token[][]> {
  const grammar = await (await loadRegistry(inject)).loadGrammar('text.html.markdown');
  if (!grammar) throw new Error('the Markdown grammar did not load');
  let state = textmate.INITIAL;
  const lines: Token[][] = [];
  for (const line of markdown.split('\n')) {
    const result = grammar.tokenizeLine(line, state);
    lines.push(result.tokens.map((token) => ({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes })));
    state = result.ruleStack;
  }
  return lines;
}

/** The texts on `line` that carry a scope starting with `prefix`, joined token by token. */
export function scoped(line: readonly Token[], prefix: string): string[] {
  const found: string[] = [];
  let previous = false;
  for (const token of line) {
    const has = token.scopes.some((scope) => scope === prefix || scope.startsWith(`${prefix}.`));
    if (has && previous) found[found.length - 1] += token.text;
    else if (has) found.push(token.text);
    previous = has;
  }
  return found;
}

/** Whether any token of the document carries a PhaseLens scope. */
export function hasPhaseLensScope(lines: readonly Token[][]): boolean {
  return lines.some((line) => line.some((token) => token.scopes.some((scope) => scope.endsWith('.phaselens'))));
}
