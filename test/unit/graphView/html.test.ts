import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { contentSecurityPolicy, graphHtml, makeNonce } from '../../../src/vscode/graph/html';

const MEDIA = path.resolve(__dirname, '../../../media/graph');
const parts = {
  cspSource: 'https://abc.vscode-cdn.net',
  nonce: 'n0nce+/=',
  scriptUri: 'https://abc.vscode-cdn.net/ext/media/graph/graph.js',
  styleUri: 'https://abc.vscode-cdn.net/ext/media/graph/graph.css',
};

/** The policy as a map of directive → sources. */
function policyOf(html: string): Map<string, string[]> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  assert.ok(content, 'the page declares a Content-Security-Policy');
  const decoded = content.replace(/&#39;|&quot;|&amp;/g, (entity) => ({ '&#39;': "'", '&quot;': '"', '&amp;': '&' })[entity]!);
  return new Map(decoded.split(';').map((directive) => directive.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
}

describe('graph view: page and Content-Security-Policy', () => {
  const html = graphHtml(parts);
  const policy = policyOf(html);

  it('denies everything by default and admits scripts by nonce only', () => {
    assert.deepEqual(policy.get('default-src'), ["'none'"]);
    assert.deepEqual(policy.get('script-src'), [`'nonce-${parts.nonce}'`]);
    assert.deepEqual(policy.get('style-src'), [parts.cspSource, `'nonce-${parts.nonce}'`]);
    for (const sources of policy.values()) {
      for (const source of sources) assert.doesNotMatch(source, /unsafe|\*|^https?:$|^data:$/, `no loose source: ${source}`);
    }
  });

  it('loads one script and one stylesheet, both local and carrying the nonce', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]!);
    assert.deepEqual(scripts, [` nonce="${parts.nonce}" src="${parts.scriptUri}"`]);
    assert.match(html, new RegExp(`<link rel="stylesheet" href="${parts.styleUri}" nonce="${parts.nonce.replace(/[+/]/g, '\\$&')}">`));
    // Nothing else is fetched: every URL on the page is the extension's own resource (or the SVG namespace).
    const urls = [...html.matchAll(/\b(?:https?:)?\/\/[^\s"')]+/g)].map((match) => match[0]);
    for (const url of urls) assert.ok(url.startsWith(parts.cspSource) || url === 'http://www.w3.org/2000/svg', url);
  });

  it('has no inline handlers, inline scripts or inline styles', () => {
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i);
    assert.doesNotMatch(html, /<script\b[^>]*>[^<]+<\/script>/);
    assert.doesNotMatch(html, /<style\b|\sstyle\s*=/i);
    assert.doesNotMatch(html, /javascript:/i);
  });

  it('escapes what it puts into attributes', () => {
    const tricky = graphHtml({ ...parts, scriptUri: 'x"><script>alert(1)</script>' });
    assert.equal([...tricky.matchAll(/<script\b/g)].length, 1);
  });

  it('makes a fresh, unguessable nonce for every page', () => {
    const nonces = new Set(Array.from({ length: 50 }, makeNonce));
    assert.equal(nonces.size, 50);
    for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
    assert.equal(contentSecurityPolicy('src', 'n').includes("'nonce-n'"), true);
  });

  it('ships a webview script that builds its DOM without HTML strings or eval', () => {
    const script = fs.readFileSync(path.join(MEDIA, 'graph.js'), 'utf8');
    assert.doesNotMatch(script, /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write)\b/);
    assert.doesNotMatch(script, /\beval\s*\(|new Function\s*\(|set(Timeout|Interval)\s*\(\s*['"`]/);
    assert.doesNotMatch(script, /https?:\/\/(?!www\.w3\.org\/2000\/svg)/, 'the script names no remote URL');
    const style = fs.readFileSync(path.join(MEDIA, 'graph.css'), 'utf8');
    assert.doesNotMatch(style, /@import|url\(/, 'the stylesheet loads nothing');
  });

  it('gives every element the script needs an id the page defines', () => {
    const script = fs.readFileSync(path.join(MEDIA, 'graph.js'), 'utf8');
    const wanted = [...script.matchAll(/byId\('([^']+)'\)/g)].map((match) => match[1]!);
    assert.ok(wanted.length > 5);
    for (const id of wanted) assert.match(html, new RegExp(`\\sid="${id}"`), `#${id}`);
    for (const kind of ['dependency', 'cycle', 'missing']) assert.match(html, new RegExp(`<marker id="arrow-${kind}"`));
  });
});
