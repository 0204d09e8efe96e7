import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as oniguruma from 'vscode-oniguruma';
import { grammarText } from '../../../scripts/grammar/injectionGrammar.mjs';
import { hasPhaseLensScope, injectionPath, loadOniguruma, scoped, tokenize, type Token } from './tokenize';

const ID = 'variable.other.constant.phase-id';

/** The texts scoped as phase ids on each line of `markdown`. */
async function idsPerLine(markdown: string): Promise<string[][]> {
  return (await tokenize(markdown)).map((line) => scoped(line, ID));
}

async function only(markdown: string): Promise<Token[]> {
  const lines = await tokenize(markdown);
  assert.equal(lines.length, 1);
  return lines[0]!;
}

describe('injection grammar', () => {
  before(loadOniguruma);

  it('is the grammar scripts/grammar/injectionGrammar.mjs writes (run it after changing the script)', () => {
    assert.equal(readFileSync(injectionPath, 'utf8'), grammarText);
  });

  it('compiles every regex with the Oniguruma engine VS Code uses', () => {
    const grammar = JSON.parse(readFileSync(injectionPath, 'utf8'));
    const regexes: string[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if ((key === 'match' || key === 'begin' || key === 'end' || key === 'while') && typeof value === 'string') regexes.push(value);
          else walk(value);
        }
      }
    };
    walk(grammar);
    assert.ok(regexes.length >= 10, `only ${regexes.length} regexes found`);
    for (const regex of regexes) assert.doesNotThrow(() => new oniguruma.OnigScanner([regex]), `does not compile: ${regex}`);
    assert.equal(grammar.scopeName, 'phaselens.injection');
    assert.match(grammar.injectionSelector, /^L:text\.html\.markdown /);
  });

  describe('dependency fields', () => {
    it('highlights the ids in every way a field is written', async () => {
      const lines = await idsPerLine(
        [
          '**Dependencies**: P0, P1',
          '**Builds On**: 2A+2B',
          'Depends on: Milestone 3',
          '**Depends on:** Phase 6 and Stage 1',
          '- **Requires**: P5.1.1, M1',
          '  - Blocked by: Phases 2A, 2B and 3',
          '> **After**: Week 1-2',
        ].join('\n'),
      );
      assert.deepEqual(lines, [['P0', 'P1'], ['2A', '2B'], ['Milestone', '3'], ['Phase', '6', 'Stage', '1'], ['P5.1.1', 'M1'], ['Phases', '2A', '2B', '3'], ['Week', '1-2']]);
    });

    it('takes a bare number only when the whole value is a list of ids', async () => {
      assert.deepEqual(await idsPerLine('**Dependencies**: 3\n**Dependencies**: 2.1, 2.2\n**Requires**: Node 18 and the file scanner\n**Dependencies**: the 3 services'), [
        ['3'],
        ['2.1', '2.2'],
        [],
        [],
      ]);
    });

    it('marks "None" and leaves prose alone', async () => {
      const none = await only('**Dependencies**: None');
      assert.deepEqual(scoped(none, 'constant.language.none'), ['None']);
      assert.deepEqual(await idsPerLine('**Dependencies**: existing file scanner (complete ✅)'), [[]]);
    });

    it('is a field only when the label starts the line and a colon follows it', async () => {
      const lines = await tokenize('**Next Review**: After P5.1.1\nAfter completing P5.1.1, you will have it\nThe dependencies: P1 and P2\n**Dependencies** are listed below P1');
      for (const line of lines) assert.deepEqual(scoped(line, 'meta.field.dependencies'), []);
      assert.equal(hasPhaseLensScope(lines), false);
    });

    it('keeps Markdown inside the value: bold, links, code', async () => {
      const [line] = await tokenize('**Dependencies**: P1 (see **notes** and [the plan](plan.md), `P9`)');
      assert.deepEqual(scoped(line!, ID), ['P1']);
      assert.deepEqual(scoped(line!, 'markup.bold.markdown'), ['**Dependencies**', '**notes**']);
      assert.ok(line!.some((token) => token.text === 'the plan' && token.scopes.some((scope) => scope.startsWith('string.other.link.title'))));
      assert.ok(line!.some((token) => token.text === 'P9' && token.scopes.includes('markup.inline.raw.string.markdown')));
    });
  });

  describe('status fields', () => {
    const statusOf = async (value: string) => {
      const line = await only(`**Status**: ${value}`);
      return ['markup.inserted.status.done', 'markup.changed.status.in-progress', 'markup.deleted.status.blocked', 'constant.language.status.planned']
        .map((scope) => [scope.split('.').pop(), scoped(line, scope)] as const)
        .filter(([, texts]) => texts.length > 0);
    };

    it('scopes each status by what it says', async () => {
      assert.deepEqual(await statusOf('✅ Complete'), [['done', ['✅ Complete']]]);
      assert.deepEqual(await statusOf('Done (2024-05-01)'), [['done', ['Done']]]);
      assert.deepEqual(await statusOf('🚧 In Progress'), [['in-progress', ['🚧 In Progress']]]);
      assert.deepEqual(await statusOf('**In Progress**'), [['in-progress', ['In Progress']]]);
      assert.deepEqual(await statusOf('Blocked on the vendor'), [['blocked', ['Blocked']]]);
      assert.deepEqual(await statusOf('Planned'), [['planned', ['Planned']]]);
      assert.deepEqual(await statusOf('Not started'), [['planned', ['Not started']]]);
      assert.deepEqual(await statusOf('✅'), [['done', ['✅']]]);
    });

    it('follows the parser: the value must lead with a status word', async () => {
      assert.deepEqual(await statusOf('✅ Planning Complete'), []);
      assert.deepEqual(await statusOf('✅ Ready'), [['planned', ['✅ Ready']]]);
      assert.deepEqual(await statusOf('Donezo'), []);
    });

    it('reads the label in its usual forms', async () => {
      for (const line of ['**Status:** Done', 'Status: Done', '- **Status**: Done', '**State**: Done']) {
        assert.deepEqual(scoped(await only(line), 'markup.inserted.status.done'), ['Done'], line);
      }
    });
  });

  describe('headings', () => {
    it('highlights the id a heading starts with, and one in trailing parentheses', async () => {
      const lines = await idsPerLine(
        [
          '## Phase 2A: SQL File Execution',
          '### P3.1: Telemetry (Week 1-2)',
          '## Week 13-14: Security Foundation (P5.1)',
          '## 🚀 **Phase 1**: Setup',
          '#### START HERE: P5.1.1 - First slice',
          '## Milestone 0 — Kickoff ##',
          '## Introduction to phase 3',
          '## 1. Overview',
        ].join('\n'),
      );
      assert.deepEqual(lines, [['Phase 2A'], ['P3.1'], ['Week 13-14', 'P5.1'], ['Phase 1'], ['P5.1.1'], ['Milestone 0'], [], []]);
    });

    it('keeps the heading scopes around the id', async () => {
      const line = await only('## Phase 2A: Sync');
      const id = line.find((token) => token.text === 'Phase 2A')!;
      assert.ok(id.scopes.includes('markup.heading.markdown') && id.scopes.includes('entity.name.section.markdown'));
    });
  });

  describe('where it must not reach', () => {
    it('nothing inside fenced or indented code, inline code or comments', async () => {
      const lines = await tokenize(
        [
          '```markdown',
          '## Phase 1: Setup',
          '**Dependencies**: P0, P1',
          '**Status**: ✅ Complete',
          '```',
          '',
          '~~~',
          'Depends on: Milestone 3',
          '~~~',
          '',
          '    **Status**: Done',
          '',
          '`**Status**: Done` is how you write it',
          '',
          '<!-- **Dependencies**: P3 -->',
        ].join('\n'),
      );
      lines.forEach((line, index) => assert.equal(hasPhaseLensScope([line]), false, `line ${index + 1}: ${line.map((token) => token.text).join('')}`));
    });

    it('leaves every line without a field or a heading id exactly as Markdown tokenizes it', async () => {
      const markdown = [
        '# Release plan',
        '',
        'Some *prose* with **bold**, `code` and a [link](https://example.com).',
        '',
        '- [ ] A task',
        '- [x] A done task',
        '  1. nested',
        '',
        '> A quote: with a colon',
        '',
        '| Phase | Status |',
        '| --- | --- |',
        '| 1 | Done |',
        '',
        'Status of the project: fine',
        '',
        '```js',
        'const status = "Done";',
        '```',
      ].join('\n');
      assert.deepEqual(await tokenize(markdown), await tokenize(markdown, { inject: false }));
    });

    it('after a field, the next lines are Markdown as usual', async () => {
      const markdown = '**Dependencies**: P1\n- [ ] Build it\n\n## Next';
      const [, ...withField] = await tokenize(markdown);
      const [, ...without] = await tokenize(markdown, { inject: false });
      assert.deepEqual(withField, without);
    });
  });
});
