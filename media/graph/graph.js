// @ts-check
// The Dependency Graph webview: draws, as SVG, the laid-out graph the extension posts (the layout is
// computed there), and reports clicks back as `reveal` messages. Pan by dragging, zoom with the wheel,
// type in the filter to highlight phases, Tab through the nodes and press Enter to open one.
// It builds every element through the DOM (no HTML strings, no eval, no inline handlers), as the
// page's Content-Security-Policy requires.
(function () {
  'use strict';

  /** @type {{ postMessage(message: unknown): void; getState(): any; setState(state: unknown): void }} */
  // @ts-ignore acquireVsCodeApi is provided by the webview host.
  const vscode = acquireVsCodeApi();
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const MIN_ZOOM = 0.1;
  const MAX_ZOOM = 3;
  const FIT_MAX_ZOOM = 1.25;
  /** The first view of a graph is never smaller than this: labels stay readable, the rest is a drag away. */
  const READABLE_ZOOM = 0.7;
  const DRAG_THRESHOLD = 4;
  const LABEL_X = 16;
  const LABEL_RIGHT_PADDING = 10;

  const STATUS = {
    done: { word: 'done', glyph: '✓' },
    'in-progress': { word: 'in progress', glyph: '▶' },
    planned: { word: 'planned', glyph: '○' },
    blocked: { word: 'blocked', glyph: '✕' },
    waiting: { word: 'waiting', glyph: '◔' },
  };
  const EDGE_WORDS = { dependency: 'builds on', cycle: 'builds on (on a cycle)', missing: 'names a missing id' };

  const svg = /** @type {SVGSVGElement} */ (/** @type {unknown} */ (byId('graph')));
  const viewport = byId('viewport');
  const edgeLayer = byId('edges');
  const nodeLayer = byId('nodes');
  const scopeLabel = byId('scope');
  const summary = byId('summary');
  const empty = byId('empty');
  const filter = /** @type {HTMLInputElement} */ (byId('filter'));

  /** @type {any} the last model message */
  let model;
  /** @type {Map<string, any>} the last model's nodes by id */
  let nodesById = new Map();
  const saved = vscode.getState() || {};
  let view = isView(saved.view) ? saved.view : { x: 0, y: 0, k: 1 };
  /** The scope the saved view belongs to: a new scope is fitted to the window. */
  let viewScope = typeof saved.scope === 'string' ? saved.scope : undefined;
  /**
   * How the view follows the window: 'readable' or 'all' refit it on every resize (until the user pans or
   * zooms), 'manual' leaves it where the user put it.
   */
  /** @type {'readable' | 'all' | 'manual'} */
  let fitMode = saved.fitMode === 'all' || saved.fitMode === 'manual' ? saved.fitMode : 'readable';
  filter.value = typeof saved.filter === 'string' ? saved.filter : '';

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'model' && message.graph && Array.isArray(message.graph.nodes) && Array.isArray(message.graph.edges)) {
      render(message);
    }
  });

  // ---- drawing ----

  /** @param {any} message */
  function render(message) {
    const focusedId = document.activeElement instanceof SVGGElement ? document.activeElement.dataset.id : undefined;
    model = message;
    const graph = message.graph;
    /** @type {Map<string, string>} */
    const fileLabels = new Map((message.files || []).map((/** @type {any} */ file) => [file.uri, file.label]));
    const scopeTitle = message.scope && typeof message.scope.title === 'string' ? message.scope.title : 'Phase graph';
    // A plan's path can be long: its name fits the toolbar, the whole path is in the tooltip.
    scopeLabel.textContent = scopeTitle.split('/').pop() || scopeTitle;
    scopeLabel.title = scopeTitle;
    summary.textContent = describe(graph);

    nodesById = new Map(graph.nodes.map((/** @type {any} */ node) => [node.id, node]));
    edgeLayer.replaceChildren(...graph.edges.map((/** @type {any} */ edge) => drawEdge(edge, nodesById)));
    // Tab walks the phases in plan order (the model's), missing ids last.
    nodeLayer.replaceChildren(...graph.nodes.map((/** @type {any} */ node) => drawNode(node, fileLabels)));
    for (const element of nodeLayer.querySelectorAll('text')) fitText(/** @type {SVGTextElement} */ (element));

    empty.hidden = graph.nodes.length > 0;
    if (graph.nodes.length === 0) {
      empty.textContent = message.scope && message.scope.kind === 'plan' ? 'This plan has no phases to draw.' : 'No phase plans found in this workspace.';
    }
    applyFilter();

    const scopeKey = JSON.stringify([message.scope && message.scope.kind, message.scope && message.scope.uri]);
    if (scopeKey !== viewScope) {
      viewScope = scopeKey;
      fitMode = 'readable';
    }
    if (fitMode === 'manual') applyView();
    else fit(fitMode);

    if (focusedId) {
      const again = nodeLayer.querySelector(`g.node[data-id="${CSS.escape(focusedId)}"]`);
      if (again instanceof SVGGElement) again.focus({ preventScroll: true });
    }
    vscode.postMessage({ type: 'rendered', nodes: graph.nodes.length, edges: graph.edges.length });
  }

  /** @param {any} graph */
  function describe(graph) {
    const phases = graph.nodes.filter((/** @type {any} */ node) => node.kind === 'phase');
    const done = phases.filter((/** @type {any} */ node) => node.status === 'done').length;
    const parts = [`${phases.length} ${phases.length === 1 ? 'phase' : 'phases'}`];
    if (phases.length > 0) parts.push(`${done} done`);
    const cycleEdges = graph.edges.filter((/** @type {any} */ edge) => edge.kind === 'cycle').length;
    if (cycleEdges > 0) parts.push(`${cycleEdges} ${cycleEdges === 1 ? 'dependency' : 'dependencies'} on a cycle`);
    const missing = graph.nodes.length - phases.length;
    if (missing > 0) parts.push(`${missing} missing ${missing === 1 ? 'id' : 'ids'}`);
    return parts.join(' · ');
  }

  /**
   * @param {any} edge
   * @param {Map<string, any>} nodesById
   */
  function drawEdge(edge, nodesById) {
    /** @type {'dependency' | 'cycle' | 'missing'} */
    const kind = edge.kind === 'cycle' || edge.kind === 'missing' ? edge.kind : 'dependency';
    const path = svgElement('path', { class: `edge ${kind}`, d: pathOf(edge.points, edge.loop), 'marker-end': `url(#arrow-${kind})` });
    const from = nodesById.get(edge.from);
    const to = nodesById.get(edge.to);
    path.dataset.from = edge.from;
    path.dataset.to = edge.to;
    const title = svgElement('title', {});
    title.textContent = `${to ? to.title : edge.to} ${EDGE_WORDS[kind]} ${from ? from.title : edge.from}`;
    path.append(title);
    return path;
  }

  /** Straight where level, an S-curve between columns, square corners around a self-loop. */
  function pathOf(/** @type {Array<{x: number, y: number}>} */ points, /** @type {boolean} */ loop) {
    if (!Array.isArray(points) || points.length === 0) return '';
    let d = `M${points[0].x},${points[0].y}`;
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1];
      const b = points[i];
      if (loop || a.y === b.y) d += ` L${b.x},${b.y}`;
      else {
        const middle = (a.x + b.x) / 2;
        d += ` C${middle},${a.y} ${middle},${b.y} ${b.x},${b.y}`;
      }
    }
    return d;
  }

  /**
   * @param {any} node
   * @param {Map<string, string>} fileLabels
   */
  function drawNode(node, fileLabels) {
    const missing = node.kind === 'missing';
    const shownStatus = node.waiting ? 'waiting' : node.status;
    const style = STATUS[/** @type {keyof typeof STATUS} */ (shownStatus)] || STATUS.planned;
    const classes = ['node', missing ? 'missing' : `status-${node.status}`];
    if (node.waiting) classes.push('waiting');
    if (node.external) classes.push('external');
    const group = svgElement('g', { class: classes.join(' '), transform: `translate(${node.x},${node.y})`, tabindex: '0' });
    group.dataset.id = node.id;

    const fileLabel = missing ? '' : fileLabels.get(node.file) || node.file;
    const fileName = fileLabel.split('/').pop() || fileLabel;
    const meta = missing ? 'not defined in any plan' : `${style.glyph} ${style.word} · ${fileName}${node.external ? ' (other plan)' : ''}`;
    const title = svgElement('title', {});
    const statusLine = node.waiting ? 'Waiting: planned, with a dependency not done yet' : capitalize(style.word);
    title.textContent = missing ? node.title : `${node.title}\n${statusLine}\n${fileLabel}:${node.line}`;
    group.append(title);

    group.append(svgElement('rect', { class: 'box', width: node.width, height: node.height, rx: 6, ry: 6 }));
    if (!missing) group.append(svgElement('rect', { class: 'stripe', x: 1, y: 1, width: 6, height: node.height - 2, rx: 3, ry: 3 }));
    const label = svgElement('text', { class: 'label', x: LABEL_X, y: node.height / 2 - 4 });
    label.textContent = node.label;
    label.dataset.width = String(node.width - LABEL_X - LABEL_RIGHT_PADDING);
    const metaText = svgElement('text', { class: 'meta', x: LABEL_X, y: node.height / 2 + 13 });
    metaText.textContent = meta;
    metaText.dataset.width = label.dataset.width;
    group.append(label, metaText);

    if (missing) {
      group.setAttribute('role', 'img');
      group.setAttribute('aria-label', `${node.label}: not defined in any plan`);
    } else {
      group.setAttribute('role', 'button');
      group.setAttribute('aria-label', `${node.title}, ${style.word}, ${fileLabel} line ${node.line}. Press Enter to open.`);
      group.addEventListener('click', () => {
        if (!suppressClick) reveal(node);
      });
      group.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          reveal(node);
        }
      });
    }
    group.addEventListener('focus', () => ensureVisible(node));
    return group;
  }

  /** Shortens a label that the font draws wider than its box, ending it with `…`. */
  function fitText(/** @type {SVGTextElement} */ text) {
    const room = Number(text.dataset.width);
    const full = text.textContent || '';
    if (!(room > 0) || text.getComputedTextLength() <= room) return;
    const characters = [...full];
    let low = 0;
    let high = characters.length;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      text.textContent = characters.slice(0, middle).join('').trimEnd() + '…';
      if (text.getComputedTextLength() <= room) low = middle;
      else high = middle - 1;
    }
    text.textContent = characters.slice(0, low).join('').trimEnd() + '…';
  }

  /** @param {any} node */
  function reveal(node) {
    vscode.postMessage({ type: 'reveal', uri: node.file, key: node.key, line: node.line });
  }

  // ---- filter ----

  function applyFilter() {
    const query = filter.value.trim().toLowerCase();
    let matches = 0;
    for (const element of nodeLayer.querySelectorAll('g.node')) {
      const node = nodesById.get(/** @type {SVGGElement} */ (element).dataset.id || '');
      const text = node ? `${node.title} ${node.file || ''} ${node.key || ''}`.toLowerCase() : '';
      const match = query !== '' && text.includes(query);
      if (match) matches++;
      element.classList.toggle('match', match);
      element.classList.toggle('dimmed', query !== '' && !match);
    }
    for (const element of edgeLayer.querySelectorAll('path.edge')) element.classList.toggle('dimmed', query !== '');
    filter.classList.toggle('no-match', query !== '' && matches === 0);
    filter.title = query === '' ? '' : `${matches} matching ${matches === 1 ? 'phase' : 'phases'}`;
    save();
  }

  filter.addEventListener('input', applyFilter);
  filter.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      const first = nodeLayer.querySelector('g.node.match');
      if (first instanceof SVGGElement) first.focus();
    } else if (event.key === 'Escape') {
      filter.value = '';
      applyFilter();
    }
  });

  // ---- pan and zoom ----

  function applyView() {
    viewport.setAttribute('transform', `translate(${view.x},${view.y}) scale(${view.k})`);
    save();
  }

  /**
   * Fits the graph to the window: all of it, or ('readable') as much as fits at a size labels can be read,
   * from the top left. Centred along a side that fits.
   */
  function fit(/** @type {'readable' | 'all'} */ mode) {
    fitMode = mode;
    if (!model) return;
    const { width, height } = model.graph;
    const box = svg.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || !(width > 0) || !(height > 0)) return applyView();
    let k = Math.min(box.width / width, box.height / height, FIT_MAX_ZOOM);
    if (mode === 'readable') k = Math.max(k, READABLE_ZOOM);
    k = clamp(k, MIN_ZOOM, MAX_ZOOM);
    const across = width * k;
    const down = height * k;
    view = { k, x: across <= box.width ? (box.width - across) / 2 : 0, y: down <= box.height ? (box.height - down) / 2 : 0 };
    applyView();
  }

  // The page may be laid out after the first model arrives, and the panel resized later: keep fitting until the user takes over.
  new ResizeObserver(() => {
    if (fitMode !== 'manual') fit(fitMode);
  }).observe(svg);

  /** Zooms by `factor` keeping the point (px, py) of the canvas still. */
  function zoom(/** @type {number} */ factor, /** @type {number} */ px, /** @type {number} */ py) {
    fitMode = 'manual';
    const k = clamp(view.k * factor, MIN_ZOOM, MAX_ZOOM);
    view = { k, x: px - ((px - view.x) * k) / view.k, y: py - ((py - view.y) * k) / view.k };
    applyView();
  }

  function zoomAtCenter(/** @type {number} */ factor) {
    const box = svg.getBoundingClientRect();
    zoom(factor, box.width / 2, box.height / 2);
  }

  /** Pans just enough to bring a node (focused by Tab) into the window. */
  function ensureVisible(/** @type {any} */ node) {
    const box = svg.getBoundingClientRect();
    const margin = 24;
    const left = node.x * view.k + view.x;
    const top = node.y * view.k + view.y;
    const right = left + node.width * view.k;
    const bottom = top + node.height * view.k;
    let dx = 0;
    let dy = 0;
    if (left < margin) dx = margin - left;
    else if (right > box.width - margin) dx = box.width - margin - right;
    if (top < margin) dy = margin - top;
    else if (bottom > box.height - margin) dy = box.height - margin - bottom;
    if (dx !== 0 || dy !== 0) {
      fitMode = 'manual';
      view = { ...view, x: view.x + dx, y: view.y + dy };
      applyView();
    }
  }

  svg.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      const box = svg.getBoundingClientRect();
      const step = event.deltaMode === 1 ? 0.05 : 0.0015;
      zoom(Math.exp(-event.deltaY * step), event.clientX - box.left, event.clientY - box.top);
    },
    { passive: false },
  );

  let suppressClick = false;
  /** @type {{ id: number, x: number, y: number, viewX: number, viewY: number, dragging: boolean } | undefined} */
  let drag;
  svg.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    suppressClick = false;
    drag = { id: event.pointerId, x: event.clientX, y: event.clientY, viewX: view.x, viewY: view.y, dragging: false };
  });
  svg.addEventListener('pointermove', (event) => {
    if (!drag || event.pointerId !== drag.id) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.dragging && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    if (!drag.dragging) {
      // Captured only once it is a drag, so a plain click still lands on the node under it.
      drag.dragging = true;
      fitMode = 'manual';
      svg.setPointerCapture(event.pointerId);
      svg.classList.add('dragging');
    }
    view = { ...view, x: drag.viewX + dx, y: drag.viewY + dy };
    applyView();
  });
  const endDrag = (/** @type {PointerEvent} */ event) => {
    if (!drag || event.pointerId !== drag.id) return;
    suppressClick = drag.dragging;
    drag = undefined;
    svg.classList.remove('dragging');
  };
  svg.addEventListener('pointerup', endDrag);
  svg.addEventListener('pointercancel', endDrag);

  byId('zoom-in').addEventListener('click', () => zoomAtCenter(1.25));
  byId('zoom-out').addEventListener('click', () => zoomAtCenter(0.8));
  byId('zoom-fit').addEventListener('click', () => fit('all'));
  document.addEventListener('keydown', (event) => {
    if (event.target instanceof HTMLInputElement || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === '+' || event.key === '=') zoomAtCenter(1.25);
    else if (event.key === '-') zoomAtCenter(0.8);
    else if (event.key === '0') fit('all');
    else if (event.key === '/') {
      event.preventDefault();
      filter.focus();
    } else return;
  });

  // ---- helpers ----

  function save() {
    vscode.setState({ view, scope: viewScope, fitMode, filter: filter.value });
  }

  /**
   * @param {string} name
   * @param {Record<string, string | number>} attributes
   */
  function svgElement(name, attributes) {
    const element = /** @type {SVGElement} */ (document.createElementNS(SVG_NS, name));
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
    return element;
  }

  /** @param {string} id */
  function byId(id) {
    const element = document.getElementById(id);
    if (!element) throw new Error(`the graph page has no #${id}`);
    return element;
  }

  /** @param {unknown} value */
  function isView(value) {
    const candidate = /** @type {any} */ (value);
    return !!candidate && [candidate.x, candidate.y, candidate.k].every((n) => typeof n === 'number' && Number.isFinite(n)) && candidate.k > 0;
  }

  function clamp(/** @type {number} */ value, /** @type {number} */ low, /** @type {number} */ high) {
    return Math.min(high, Math.max(low, value));
  }

  function capitalize(/** @type {string} */ text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  vscode.postMessage({ type: 'ready' });
})();
