import type { LaidOutGraph } from '../../core/api';

/**
 * What the graph panel and its webview say to each other. The webview is a page the extension
 * does not control once it runs, so everything it sends is checked here before anything acts on
 * it: a known `type`, and for a reveal a plan the panel is showing, a phase key drawn from that
 * plan and a line inside the file. This module stays free of `vscode` so it is unit-tested.
 */

/** What the panel is drawing. */
export interface GraphScope {
  kind: 'workspace' | 'plan';
  /** `Uri.toString()` of the plan, for a plan graph. */
  uri?: string;
}

/** The extension → webview message: a laid-out graph to draw. */
export interface GraphModelMessage {
  type: 'model';
  scope: GraphScope & { title: string };
  /** Every plan the graph draws phases of, with the name the user knows it by. */
  files: Array<{ uri: string; label: string }>;
  graph: LaidOutGraph;
}

/** The webview script loaded and wants the current graph. */
export interface ReadyMessage {
  type: 'ready';
}

/** A node was clicked (or Enter pressed on it): open the plan at that phase. */
export interface RevealMessage {
  type: 'reveal';
  uri: string;
  key: string;
  line: number;
}

/** The webview drew a model: how many nodes and edges are on screen. */
export interface RenderedMessage {
  type: 'rendered';
  nodes: number;
  edges: number;
}

export type WebviewMessage = ReadyMessage | RevealMessage | RenderedMessage;

/** What the panel currently shows of one plan, to check a reveal against. */
export interface ShownPlan {
  /** Lines in the plan's text. */
  lineCount: number;
  /** Identity keys of the plan's phases drawn in the graph. */
  keys: ReadonlySet<string>;
}

/** Longer than any real URI or key: a longer string is junk, not a name. */
const MAX_TEXT = 4096;

/**
 * The message as the panel may act on it, rebuilt from its checked fields only; undefined for
 * anything else (unknown type, wrong field types, a plan not shown, a line outside the file).
 */
export function parseWebviewMessage(value: unknown, shown: ReadonlyMap<string, ShownPlan>): WebviewMessage | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const message = value as Record<string, unknown>;
  switch (ownField(message, 'type')) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal': {
      const uri = ownField(message, 'uri');
      const key = ownField(message, 'key');
      const line = ownField(message, 'line');
      if (!isText(uri) || !isText(key) || !Number.isSafeInteger(line)) return undefined;
      const plan = shown.get(uri);
      if (!plan || !plan.keys.has(key)) return undefined;
      const lineNumber = line as number;
      if (lineNumber < 1 || lineNumber > plan.lineCount) return undefined;
      return { type: 'reveal', uri, key, line: lineNumber };
    }
    case 'rendered': {
      const nodes = ownField(message, 'nodes');
      const edges = ownField(message, 'edges');
      if (!isCount(nodes) || !isCount(edges)) return undefined;
      return { type: 'rendered', nodes, edges };
    }
    default:
      return undefined;
  }
}

/** A field the object itself holds: nothing inherited (`__proto__`, `toString`) counts. */
function ownField(object: Record<string, unknown>, name: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, name) ? object[name] : undefined;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT;
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
