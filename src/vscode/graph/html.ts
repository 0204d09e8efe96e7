import { randomBytes } from 'node:crypto';

/**
 * The graph webview's page: a static shell (toolbar, canvas, legend) whose script draws what the
 * extension posts. Nothing inline runs: the one script and the one stylesheet are files from
 * `media/graph/`, admitted by a fresh nonce; no handler attributes, no eval, nothing remote.
 * Free of `vscode`, so the policy is unit-tested.
 */
export interface GraphHtmlParts {
  /** `webview.cspSource`: the origin the webview serves local resources from. */
  cspSource: string;
  nonce: string;
  /** `webview.asWebviewUri` of media/graph/graph.js and graph.css, as strings. */
  scriptUri: string;
  styleUri: string;
}

/** A nonce for one page load: 128 random bits. */
export function makeNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function graphHtml(parts: GraphHtmlParts): string {
  const nonce = attribute(parts.nonce);
  const legendItem = (swatch: string, text: string) => `<li><span class="swatch ${swatch}" aria-hidden="true"></span>${text}</li>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(contentSecurityPolicy(parts.cspSource, parts.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attribute(parts.styleUri)}" nonce="${nonce}">
<title>Phase Graph</title>
</head>
<body>
<header class="toolbar">
  <span id="scope" class="scope">Phase graph</span>
  <input id="filter" class="filter" type="search" placeholder="Filter phases" aria-label="Filter phases by id, title or file" spellcheck="false">
  <div class="zoom" role="group" aria-label="Zoom">
    <button id="zoom-out" type="button" title="Zoom out (-)" aria-label="Zoom out">−</button>
    <button id="zoom-fit" type="button" title="Show the whole graph (0)" aria-label="Fit the whole graph to the window">Fit</button>
    <button id="zoom-in" type="button" title="Zoom in (+)" aria-label="Zoom in">+</button>
  </div>
</header>
<main id="canvas" class="canvas">
  <svg id="graph" class="graph" role="group" aria-label="Dependency graph: dependencies on the left, the phases that build on them to the right" xmlns="http://www.w3.org/2000/svg">
    <defs>
      <marker id="arrow-dependency" class="arrow dependency" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker>
      <marker id="arrow-cycle" class="arrow cycle" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker>
      <marker id="arrow-missing" class="arrow missing" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker>
    </defs>
    <g id="viewport"><g id="edges"></g><g id="nodes"></g></g>
  </svg>
  <p id="empty" class="empty">Loading the plans…</p>
</main>
<footer class="footer">
  <span id="summary" class="summary" aria-live="polite"></span>
  <ul class="legend" aria-label="Legend">
    ${legendItem('done', 'Done')}
    ${legendItem('in-progress', 'In progress')}
    ${legendItem('planned', 'Planned')}
    ${legendItem('waiting', 'Waiting')}
    ${legendItem('blocked', 'Blocked')}
    ${legendItem('missing', 'Missing')}
    ${legendItem('edge dependency', 'Builds on')}
    ${legendItem('edge cycle', 'Cycle')}
    ${legendItem('edge missing', 'Broken reference')}
  </ul>
  <span class="hint">Drag to pan · wheel to zoom · Enter opens a phase</span>
</footer>
<script nonce="${nonce}" src="${attribute(parts.scriptUri)}"></script>
</body>
</html>
`;
}

function attribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
