import assert from 'node:assert/strict';
import { parseWebviewMessage, type ShownPlan } from '../../../src/vscode/graph/messages';

const PLAN = 'file:///work/plans/PHASE_2.md';
const shown = new Map<string, ShownPlan>([[PLAN, { lineCount: 40, keys: new Set(['phase:2a', 'phase:2b']) }]]);

describe('graph view: messages from the webview', () => {
  it('accepts a reveal of a phase on screen, at a line inside its file', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'reveal', uri: PLAN, key: 'phase:2b', line: 12 }, shown), {
      type: 'reveal',
      uri: PLAN,
      key: 'phase:2b',
      line: 12,
    });
    assert.deepEqual(parseWebviewMessage({ type: 'reveal', uri: PLAN, key: 'phase:2a', line: 40 }, shown)?.type, 'reveal');
    assert.deepEqual(parseWebviewMessage({ type: 'reveal', uri: PLAN, key: 'phase:2a', line: 1 }, shown)?.type, 'reveal');
  });

  it('keeps only the checked fields of a message', () => {
    const parsed = parseWebviewMessage({ type: 'reveal', uri: PLAN, key: 'phase:2a', line: 3, command: 'workbench.action.terminal.new' }, shown);
    assert.deepEqual(Object.keys(parsed!).sort(), ['key', 'line', 'type', 'uri']);
    assert.deepEqual(parseWebviewMessage({ type: 'ready', extra: 1 }, shown), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'rendered', nodes: 3, edges: 0 }, shown), { type: 'rendered', nodes: 3, edges: 0 });
  });

  it('rejects a plan that is not shown, a key not drawn from it, and lines outside the file', () => {
    const reveal = (fields: Record<string, unknown>) => parseWebviewMessage({ type: 'reveal', uri: PLAN, key: 'phase:2a', line: 3, ...fields }, shown);
    for (const fields of [
      { uri: 'file:///etc/passwd' },
      { uri: 'command:workbench.action.terminal.new' },
      { uri: PLAN.toUpperCase() },
      { key: 'phase:9' },
      { key: '' },
      { line: 0 },
      { line: 41 },
      { line: -1 },
      { line: 2.5 },
      { line: Number.NaN },
      { line: Number.POSITIVE_INFINITY },
      { line: '3' },
      { uri: 42 },
      { key: ['phase:2a'] },
      { uri: PLAN + 'x'.repeat(5000) },
    ]) {
      assert.equal(reveal(fields), undefined, JSON.stringify(fields));
    }
  });

  it('rejects unknown types and anything that is not a plain message object', () => {
    for (const junk of [
      undefined,
      null,
      'reveal',
      42,
      [],
      ['reveal'],
      {},
      { type: 'eval', code: 'process.exit()' },
      { type: 'REVEAL', uri: PLAN, key: 'phase:2a', line: 3 },
      { type: ['ready'] },
      { type: 'rendered', nodes: -1, edges: 0 },
      { type: 'rendered', nodes: 1.5, edges: 0 },
      { type: 'rendered', nodes: 1 },
    ]) {
      assert.equal(parseWebviewMessage(junk, shown), undefined, JSON.stringify(junk));
    }
  });

  it('ignores fields a message only inherits', () => {
    const inherited = Object.create({ type: 'reveal', uri: PLAN, key: 'phase:2a', line: 3 });
    assert.equal(parseWebviewMessage(inherited, shown), undefined);
    const polluted = JSON.parse(`{"__proto__": {"type": "ready"}}`);
    assert.equal(parseWebviewMessage(polluted, shown), undefined);
  });

  it('accepts no reveal while nothing is shown', () => {
    assert.equal(parseWebviewMessage({ type: 'reveal', uri: PLAN, key: 'phase:2a', line: 3 }, new Map()), undefined);
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }, new Map()), { type: 'ready' });
  });
});
