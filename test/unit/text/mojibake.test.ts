import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { MojibakeRun, Range, TextEdit } from '../../../src/core/model';
import {
  CODE_PAGE_TABLES,
  decodeCodePage,
  UNDEFINED,
  WINDOWS_1252,
  WINDOWS_1254,
  type CodePage,
} from '../../../src/core/text/codePages';
import {
  cleanMojibake,
  findMojibake,
  mojibakeBlocks,
  repairEdits,
  repairMojibake,
} from '../../../src/core/text/mojibake';

const repoRoot = path.resolve(__dirname, '../../..');
const shared = path.resolve(repoRoot, '../shared');
const seedsDir = path.join(shared, 'seeds');
const corpusDir = path.join(shared, 'corpus', 'plans');

/** What a Windows program makes of `text` when it reads its UTF-8 bytes as `page`. */
function damage(text: string, page: CodePage, undefinedBytes: 'control' | 'drop' = 'drop'): string {
  return decodeCodePage(Buffer.from(text, 'utf8'), page, undefinedBytes);
}

/** The text a range covers, with lines split the way the model splits them (CRLF, LF, lone CR). */
function sliceRange(text: string, range: Range): string {
  assert.equal(range.line, range.endLine, 'a run stays on one line');
  const line = text.split(/\r\n|\r|\n/)[range.line - 1]!;
  assert.ok(range.endColumn <= line.length, 'range ends inside its line');
  return line.slice(range.column, range.endColumn);
}

function offsetOf(text: string, line: number, column: number): number {
  const breaks = /\r\n|\r|\n/g;
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const found = breaks.exec(text);
    offset = found ? found.index + found[0].length : text.length;
  }
  return offset + column;
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const byOffset = edits
    .map((edit) => ({
      start: offsetOf(text, edit.range.line, edit.range.column),
      end: offsetOf(text, edit.range.endLine, edit.range.endColumn),
      newText: edit.newText,
    }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const edit of byOffset) out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  return out;
}

function assertRangesExact(text: string, runs: readonly MojibakeRun[]): void {
  for (const run of runs) assert.equal(sliceRange(text, run.range), run.text, JSON.stringify(run.range));
}

function summary(runs: readonly MojibakeRun[]): Array<[string, string | undefined, CodePage]> {
  return runs.map((run) => [run.text, run.repaired, run.codePage]);
}

describe('code page tables', () => {
  it('list the undefined bytes of each page', () => {
    const undefinedBytes = (table: readonly number[]) =>
      table.flatMap((code, index) => (code === UNDEFINED ? [0x80 + index] : []));
    assert.deepEqual(undefinedBytes(WINDOWS_1252), [0x81, 0x8d, 0x8f, 0x90, 0x9d]);
    assert.deepEqual(undefinedBytes(WINDOWS_1254), [0x81, 0x8d, 0x8e, 0x8f, 0x90, 0x9d, 0x9e]);
  });

  it('map the bytes where the two pages differ', () => {
    const at = (page: CodePage, byte: number) => String.fromCharCode(CODE_PAGE_TABLES[page][byte - 0x80]!);
    assert.deepEqual([0x8a, 0x8e, 0x9a, 0x9e, 0x80, 0x99].map((b) => at('windows-1252', b)), ['Š', 'Ž', 'š', 'ž', '€', '™']);
    assert.deepEqual([0xd0, 0xdd, 0xde, 0xf0, 0xfd, 0xfe].map((b) => at('windows-1252', b)), ['Ð', 'Ý', 'Þ', 'ð', 'ý', 'þ']);
    assert.deepEqual([0xd0, 0xdd, 0xde, 0xf0, 0xfd, 0xfe].map((b) => at('windows-1254', b)), ['Ğ', 'İ', 'Ş', 'ğ', 'ı', 'ş']);
  });

  it('decode damage the way it is found in the wild', () => {
    assert.equal(damage('✅', 'windows-1252'), 'âœ…');
    assert.equal(damage('🎯', 'windows-1252'), 'ðŸŽ¯');
    assert.equal(damage('📋', 'windows-1254'), 'ğŸ“‹');
    // 0x8E is undefined in 1254: dropped, or kept as its C1 control.
    assert.equal(damage('🎯', 'windows-1254'), 'ğŸ¯');
    assert.equal(damage('🎯', 'windows-1254', 'control'), 'ğŸ\u008e¯');
    assert.equal(damage('🏗️', 'windows-1254'), 'ğŸ—ï¸');
  });
});

describe('findMojibake', () => {
  const examples: Array<[string, string, CodePage]> = [
    ['✅', 'âœ…', 'windows-1252'],
    ['🎯', 'ðŸŽ¯', 'windows-1252'],
    ['🎯', 'ğŸ\u008e¯', 'windows-1254'],
    ['📋', 'ðŸ“‹', 'windows-1252'],
    ['📋', 'ğŸ“‹', 'windows-1254'],
    ['─', 'â”€', 'windows-1252'],
    ['→', 'â†’', 'windows-1252'],
    ['é', 'Ã©', 'windows-1252'],
    ['Ž', 'Å½', 'windows-1252'],
    ['ş', 'ÅŸ', 'windows-1252'],
    ['ğ', 'ÄŸ', 'windows-1252'],
    ['€', 'â‚¬', 'windows-1252'],
    ['“', 'â€œ', 'windows-1252'],
    ['中', 'ä¸\u00ad', 'windows-1252'],
  ];
  for (const [intended, damaged, page] of examples) {
    const shown = JSON.stringify(damaged).replace(/[\u0080-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    it(`repairs ${shown} to ${intended} (${page})`, () => {
      const text = `- [ ] Ship it ${damaged} today`;
      const runs = findMojibake(text);
      assert.deepEqual(runs, [
        {
          range: { line: 1, column: 14, endLine: 1, endColumn: 14 + damaged.length },
          text: damaged,
          repaired: intended,
          codePage: page,
        },
      ]);
      assert.equal(repairMojibake(text), `- [ ] Ship it ${intended} today`);
    });
  }

  it('repairs what both pages make of every example', () => {
    for (const intended of ['✅', '🎯', '📋', '─', '→', 'é', '🏗️', '⚙️', '❌', '┐', 'naïve café', 'Müller ß']) {
      for (const page of ['windows-1252', 'windows-1254'] as const) {
        const damaged = damage(intended, page, 'control');
        assert.equal(repairMojibake(damaged), intended, `${page} ${JSON.stringify(damaged)}`);
      }
    }
  });

  it('labels each run with its code page when one file mixes both', () => {
    const text = `${damage('📋 Plan', 'windows-1254')}\n${damage('🎯 Goal', 'windows-1252')}\n✅ = ${damage('✅', 'windows-1254')}`;
    assert.deepEqual(summary(findMojibake(text)), [
      ['ğŸ“‹', '📋', 'windows-1254'],
      ['ðŸŽ¯', '🎯', 'windows-1252'],
      // ✅ has no byte where the pages differ: the run is labelled with the default page.
      ['âœ…', '✅', 'windows-1252'],
    ]);
  });

  it('splits a box-drawing line into one run per damaged stretch', () => {
    const text = damage('┌──┬──┐', 'windows-1252', 'control') + ' x ' + damage('│', 'windows-1252');
    const runs = findMojibake(text);
    assert.deepEqual(summary(runs), [
      ['â”Œâ”€â”€â”¬â”€â”€â”\u0090', '┌──┬──┐', 'windows-1252'],
      ['â”‚', '│', 'windows-1252'],
    ]);
    assertRangesExact(text, runs);
  });

  describe('leaves legitimate text alone', () => {
    const legitimate = [
      'café, naïve, Müller, résumé',
      'costs £5 © 2024 ACME ® ™',
      'Wait… pages 2–3 — and then',
      'Değişiklik İşlemi: ılık su, dağ yolu, yağmur, şeker, IĞDIR, ŞİŞLİ',
      'Straße, Grüße…, „Straße“, Strauß’ Walzer',
      'a lone Â here, and Â.',
      'ação, informação, INFORMAÇÃO…, São Paulo, NÃO',
      '“quoted” and ‘single’ with the café’s menu and “café”',
      '“CAFÉ”, ÉCOLE’S, CITTÀ”, PIÙ”, NOËL”, DAĞ”, DAĞ’A, Øresund”',
      '¿Qué? ¡Sí! « déjà vu », señor’s, Ça va?',
      '½ cup, 20°C, ±5%, 3×4, x²',
      'Ünlü Ålborg’ Ôté ß– à®',
      '中文“引用”，日本語の「テスト」…',
    ];
    for (const text of legitimate) {
      it(JSON.stringify(text), () => {
        assert.deepEqual(findMojibake(text), []);
        assert.equal(repairMojibake(text), text);
        assert.equal(cleanMojibake(text), text);
      });
    }
  });

  it('does not swallow neighbouring good text', () => {
    const text = `£${damage('✅', 'windows-1252')}£ café${damage('é', 'windows-1252')}…`;
    const runs = findMojibake(text);
    assert.deepEqual(summary(runs), [
      ['âœ…', '✅', 'windows-1252'],
      ['Ã©', 'é', 'windows-1252'],
    ]);
    assert.equal(repairMojibake(text), '£✅£ caféé…');
    assertRangesExact(text, runs);
  });

  describe('runs that lost bytes', () => {
    it('report an emoji whose bytes were dropped as one unrepairable run', () => {
      const text = `## ${damage('🏗️', 'windows-1254')} Architecture`;
      assert.equal(text, '## ğŸ—ï¸ Architecture');
      const runs = findMojibake(text);
      assert.deepEqual(runs, [
        { range: { line: 1, column: 3, endLine: 1, endColumn: 8 }, text: 'ğŸ—ï¸', codePage: 'windows-1254' },
      ]);
      assert.equal(repairMojibake(text), text);
    });

    it('repair the intact part and report the broken part separately', () => {
      const text = `echo "${damage('⚙️', 'windows-1252')}  Running"`;
      assert.equal(text, 'echo "âš™ï¸  Running"');
      assert.deepEqual(summary(findMojibake(text)), [
        ['âš™', '⚙', 'windows-1252'],
        ['ï¸', undefined, 'windows-1252'],
      ]);
      assert.equal(repairMojibake(text), 'echo "⚙ï¸  Running"');
    });

    it('repair a run whose undefined byte survived as a C1 control', () => {
      assert.equal(damage('❌ no', 'windows-1252', 'control'), 'â\u009dŒ no');
      assert.deepEqual(summary(findMojibake('â\u009dŒ no')), [['â\u009dŒ', '❌', 'windows-1252']]);
      assert.deepEqual(summary(findMojibake(damage('❌ no', 'windows-1252'))), [['âŒ', undefined, 'windows-1252']]);
    });

    it('report 1254 damage whose 0x8E was dropped as unrepairable', () => {
      assert.deepEqual(summary(findMojibake('## ğŸ¯ Quick Summary')), [['ğŸ¯', undefined, 'windows-1254']]);
    });

    it('report a lost closing quote, arrow and corner', () => {
      const text = damage('“Hi” ← you ┌─┐', 'windows-1252');
      assert.deepEqual(summary(findMojibake(text)), [
        ['â€œ', '“', 'windows-1252'],
        ['â€', undefined, 'windows-1252'],
        ['â†', undefined, 'windows-1252'],
        ['â”Œâ”€', '┌─', 'windows-1252'],
        ['â”', undefined, 'windows-1252'],
      ]);
    });
  });

  it('gives exact ranges across CRLF lines and after a BOM', () => {
    const text = `\ufeff# ${damage('✅', 'windows-1252')} Done\r\n\r\n- [x] ${damage('📋', 'windows-1254')} copy\r\n  ${damage('🎯', 'windows-1254')}\r\n`;
    const runs = findMojibake(text);
    assert.deepEqual(
      runs.map((run) => run.range),
      [
        // The BOM is part of line 1 as given, so it counts as a column.
        { line: 1, column: 3, endLine: 1, endColumn: 6 },
        { line: 3, column: 6, endLine: 3, endColumn: 10 },
        { line: 4, column: 2, endLine: 4, endColumn: 5 },
      ],
    );
    assertRangesExact(text, runs);
  });

  it('never throws on hostile input', () => {
    for (const text of ['', '\n', '\r\n', 'Ã', 'â', 'ð', '\ud83d', '\udc00Ã©', 'Ã©\ud83d', '\u0080\u0081', 'ðŸ'.repeat(10)]) {
      assert.doesNotThrow(() => {
        findMojibake(text);
        repairMojibake(text);
        cleanMojibake(text);
      });
    }
  });
});

describe('repairMojibake', () => {
  it('keeps CRLF, BOM, unrepairable runs and every other byte', () => {
    const text = `\ufeff# Plan ${damage('✅', 'windows-1252')}\r\n- ${damage('❌', 'windows-1252')} broken\r\n- café ${damage('→', 'windows-1252')} done\r\n`;
    assert.equal(repairMojibake(text), '\ufeff# Plan ✅\r\n- âŒ broken\r\n- café → done\r\n');
  });

  it('returns the text unchanged when nothing can be repaired', () => {
    const text = 'café ğŸ¯ naïve\r\n';
    assert.equal(repairMojibake(text), text);
  });
});

describe('repairEdits', () => {
  it('are the edits repairMojibake applies', () => {
    const text = `# ${damage('🎯', 'windows-1252')} Goal\n\n${damage('┌─┐ → ✅', 'windows-1252')}\n${damage('📋', 'windows-1254')} café\r\n`;
    const edits = repairEdits(findMojibake(text));
    assert.deepEqual(
      edits.map((edit) => edit.newText),
      ['🎯', '┌─', '→', '✅', '📋'],
    );
    assert.equal(applyEdits(text, edits), repairMojibake(text));
  });

  it('accept runs found earlier and skip the unrepairable ones', () => {
    const text = damage('✅ ❌', 'windows-1252');
    const runs = findMojibake(text);
    assert.equal(runs.length, 2);
    assert.deepEqual(repairEdits(runs), [{ range: runs[0]!.range, newText: '✅' }]);
  });
});

describe('cleanMojibake', () => {
  const cases: Array<[string, string]> = [
    ['## ğŸ¯ Quick Summary', '## Quick Summary'],
    ['ğŸ—ï¸ Architecture Improvements', 'Architecture Improvements'],
    ['Ready âŒ', 'Ready'],
    ['Ready âŒ\r\nnext', 'Ready\r\nnext'],
    ['   ğŸ¯ Indented', '   Indented'],
    ['a ğŸ¯b', 'a b'],
    ['Phase 3 âœ… and ðŸŽ¯', 'Phase 3 ✅ and 🎯'],
    ['âš™ï¸  Running', '⚙  Running'],
    ['ğŸ“ ğŸ” two lost', 'two lost'],
    ['**ğŸ¯ Goal**', '**Goal**'],
    ['echo "âŒ Unknown phase"', 'echo "Unknown phase"'],
    ['(â³ pending)', '(pending)'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      assert.equal(cleanMojibake(input), expected);
    });
  }

  it('returns text without damage unchanged', () => {
    const clean = 'Implement the SQL file executor and its tests. '.repeat(20);
    assert.equal(cleanMojibake(clean), clean);
  });
});

describe('mojibakeBlocks', () => {
  it('groups runs on adjacent lines into one block', () => {
    const text = ['# âœ… Done', '- ğŸ¯ lost', '- â†’ next', '', 'clean', 'âŒ gone'].join('\n');
    const blocks = mojibakeBlocks(findMojibake(text));
    assert.deepEqual(
      blocks.map((block) => [block.range, block.runs.map((run) => run.text), block.repairable, block.unrepairable]),
      [
        [{ line: 1, column: 2, endLine: 3, endColumn: 5 }, ['âœ…', 'ğŸ¯', 'â†’'], true, 1],
        [{ line: 6, column: 0, endLine: 6, endColumn: 2 }, ['âŒ'], false, 1],
      ],
    );
  });

  it('is empty without runs', () => {
    assert.deepEqual(mojibakeBlocks([]), []);
  });
});

describe('properties', () => {
  // Characters damage is made of, so that random strings hit the interesting cases often.
  const mojibakeAlphabet = [
    ...'ÂÃÄÅâãäåæçèéêëìíîïðñòóôğĞİŞşı',
    ...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ¡¢£©®°±²³´µ¶·¸¹º»¼½¾¿',
    ...'\u0080\u0081\u008d\u008f\u0090\u009d\u00a0\u00ad',
    ...'ab \n\r\t',
  ];
  const mojibakeish = fc.string({ unit: fc.constantFrom(...mojibakeAlphabet), maxLength: 60 });
  const anyText = fc.oneof(fc.string({ unit: 'binary' }), mojibakeish);

  it('never throw, never grow the text, and give exact ranges', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const runs = findMojibake(text);
        assertRangesExact(text, runs);
        assert.ok(repairMojibake(text).length <= text.length);
        assert.ok(cleanMojibake(text).length <= text.length);
        assert.equal(applyEdits(text, repairEdits(runs)), repairMojibake(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('leave text without a lead-byte character unchanged', () => {
    const noLead = /[\u00c2-\u00f4\u011e\u011f\u0130\u015e]/g;
    fc.assert(
      fc.property(anyText, (raw) => {
        const text = raw.replace(noLead, '');
        assert.deepEqual(findMojibake(text), []);
        assert.equal(repairMojibake(text), text);
        assert.equal(cleanMojibake(text), text);
      }),
      { numRuns: 1000 },
    );
  });

  /**
   * Every byte of the character's UTF-8 form is defined in the page, and the detector trusts the
   * damaged form: two-byte characters must be Latin, combining marks, Greek, Cyrillic, Hebrew
   * letters or Arabic, and not end in a byte that reads as closing punctuation (… ‘ ’ “ ” – —),
   * which a word's last letter is legitimately followed by.
   */
  function roundTrips(char: string, page: CodePage): boolean {
    const bytes = Buffer.from(char, 'utf8');
    if (bytes.some((byte) => byte >= 0x80 && CODE_PAGE_TABLES[page][byte - 0x80] === UNDEFINED)) return false;
    if (bytes.length !== 2) return true;
    const codePoint = char.codePointAt(0)!;
    const trustedScript =
      (codePoint >= 0xa0 && codePoint <= 0x24f) ||
      (codePoint >= 0x300 && codePoint <= 0x52f) ||
      (codePoint >= 0x5d0 && codePoint <= 0x5ea) ||
      (codePoint >= 0x600 && codePoint <= 0x6ff);
    return trustedScript && ![0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97].includes(bytes[1]!);
  }
  const roundTripChar = fc.oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    fc.constantFrom(...'✅🎯📋─→é🚀│┌└├¿ñ中文ßÖ€™'),
    fc.constantFrom(...'ab .\n'),
  );
  const roundTripText = (page: CodePage) =>
    fc.array(roundTripChar.filter((char) => roundTrips(char, page)), { maxLength: 40 }).map((chars) => chars.join(''));

  for (const page of ['windows-1252', 'windows-1254'] as const) {
    it(`repair what ${page} damage made of any text`, () => {
      fc.assert(
        fc.property(roundTripText(page), (text) => {
          const damaged = damage(text, page);
          assert.equal(repairMojibake(damaged), text);
          assert.equal(cleanMojibake(damaged), text);
        }),
        { numRuns: 2000 },
      );
    });
  }

  it('never invent characters when bytes were lost', () => {
    const anyChar = fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.constantFrom(...'✅🎯📋─┐❌⏳🔍📝⚙️→é ab'));
    const lossyText = fc.array(anyChar, { maxLength: 40 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(lossyText, fc.constantFrom<CodePage>('windows-1252', 'windows-1254'), (text, page) => {
        for (const run of findMojibake(damage(text, page, 'drop'))) {
          if (run.repaired !== undefined) assert.ok(text.includes(run.repaired), `${run.repaired} not in ${text}`);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the seeds', function () {
  before(function () {
    if (!existsSync(seedsDir)) {
      console.warn(`  (skipping: no seeds at ${seedsDir})`);
      this.skip();
    }
  });

  const seed = (prefix: string) => {
    const file = readdirSync(seedsDir).find((name) => name.startsWith(prefix));
    assert.ok(file, `seed ${prefix}`);
    return readFileSync(path.join(seedsDir, file), 'utf8');
  };
  const counts = (runs: readonly MojibakeRun[]) => ({
    repairable: runs.filter((run) => run.repaired !== undefined).length,
    unrepairable: runs.filter((run) => run.repaired === undefined).length,
  });
  const unrepairableTexts = (runs: readonly MojibakeRun[]) =>
    [...new Set(runs.filter((run) => run.repaired === undefined).map((run) => run.text))].sort();

  it('001 and 003 have no mojibake', () => {
    assert.deepEqual(findMojibake(seed('001_')), []);
    assert.deepEqual(findMojibake(seed('003_')), []);
  });

  it('000 mixes 1252 and 1254 damage, some of it with lost bytes', () => {
    const text = seed('000_');
    const runs = findMojibake(text);
    assertRangesExact(text, runs);
    assert.deepEqual(new Set(runs.map((run) => run.codePage)), new Set(['windows-1252', 'windows-1254']));
    assert.deepEqual(counts(runs), { repairable: 202, unrepairable: 21 });
    // 🎯 (1254 lost 0x8E), 🏗️ (lost 0x8F twice), ┐ and ← (lost 0x90), 📝 (lost 0x9D).
    assert.deepEqual(unrepairableTexts(runs), ['â†', 'â”', 'ğŸ¯', 'ğŸ—ï¸', 'ğŸ“'].sort());

    const repaired = repairMojibake(text);
    const lines = repaired.split('\n');
    assert.equal(lines[0], '# Phase 3 - Ready for Implementation ✅');
    assert.ok(text.split('\n').includes("## ğŸ“‹ What's Been Prepared"));
    assert.ok(lines.includes("## 📋 What's Been Prepared"));
    assert.equal(lines.length, text.split('\n').length);
    // What is left after the repair is exactly the damage that cannot be repaired.
    assert.deepEqual(
      summary(findMojibake(repaired)),
      summary(runs.filter((run) => run.repaired === undefined)),
    );
    assert.deepEqual(findMojibake(cleanMojibake(text)), []);
  });

  it('002 is 1252 damage with lost bytes', () => {
    const text = seed('002_');
    const runs = findMojibake(text);
    assertRangesExact(text, runs);
    assert.ok(runs.every((run) => run.codePage === 'windows-1252'));
    assert.deepEqual(counts(runs), { repairable: 85, unrepairable: 12 });
    // ❌ ⏳ (lost 0x9D, 0x8F), 📝 🔍 (lost 0x9D, 0x8D), the emoji variation selector (lost 0x8F).
    assert.deepEqual(unrepairableTexts(runs), ['âŒ', 'â³', 'ðŸ“', 'ðŸ”', 'ï¸'].sort());
    assert.ok(repairMojibake(text).includes('## 🎯 Orchestration Overview'));
    assert.equal(applyEdits(text, repairEdits(runs)), repairMojibake(text));
  });

  it('004 is 1252 damage that repairs completely', () => {
    const text = seed('004_');
    const runs = findMojibake(text);
    assertRangesExact(text, runs);
    assert.deepEqual(counts(runs), { repairable: 22, unrepairable: 0 });
    assert.deepEqual(findMojibake(repairMojibake(text)), []);
    assert.ok(repairMojibake(text).includes('## 📋 PHASE 3 OVERVIEW'));
  });
});

describe('the corpus', function () {
  before(function () {
    if (!existsSync(corpusDir)) {
      console.warn(`  (skipping: no corpus at ${corpusDir})`);
      this.skip();
    }
  });

  it('has no false positives (none of its plans is damaged: Portuguese, Spanish, Chinese, ×, —, ±)', () => {
    const files = readdirSync(corpusDir).filter((name) => name.endsWith('.md'));
    assert.ok(files.length >= 50);
    const flagged = files.filter((name) => findMojibake(readFileSync(path.join(corpusDir, name), 'utf8')).length > 0);
    assert.deepEqual(flagged, []);
  });
});
