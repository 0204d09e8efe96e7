// The source of syntaxes/phaselens.injection.json: the grammar's regexes built from named parts,
// so the label and status word lists stay readable and in step with the parser
// (src/core/parse/fields.ts, status.ts, dependencies.ts). Run it after a change:
//   node scripts/grammar/injectionGrammar.mjs
// A unit test fails while the committed JSON differs from what this writes.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const NUMBER = String.raw`\d{1,4}[A-Za-z]?(?:\.\d{1,4}[A-Za-z]?){0,4}`;
const CAL_NUMBER = String.raw`\d{1,4}(?:[ \t]?[-–][ \t]?\d{1,4})?`;
const DEP_LABELS = String.raw`dependencies|dependency|depends[ \t]+on|depends|builds?[ \t]+on|built[ \t]+on|requires|prerequisites?|blocked[ \t]+by|after|depende(?:[ \t]+de)?`;
const STATUS_LABELS = String.raw`status|state|estado`;
const WORDS = String.raw`phases?|stages?|milestones?|features?|epics?|stor(?:y|ies)|sprints?|steps?`;
const CAL_WORDS = String.raw`weeks?|days?`;
const ID = 'variable.other.constant.phase-id.phaselens';
const PICTO = String.raw`(?:[\x{2190}-\x{21FF}\x{2300}-\x{23FF}\x{2460}-\x{27BF}\x{2900}-\x{297F}\x{2B00}-\x{2BFF}\x{1F000}-\x{1FAFF}]\x{FE0F}?)`;
const END_OF_WORD = String.raw`(?![\p{L}\p{N}_])`;

/** Status words and emoji, as the parser reads them; the value must lead with one. */
const STATUS = [
  ['done', 'markup.inserted.status.done.phaselens', String.raw`complete[d]?|done|finished|shipped|delivered|closed|resolved|implemented|merged|released`, String.raw`[\x{2705}\x{2714}\x{2611}\x{1F7E2}]`],
  ['in-progress', 'markup.changed.status.in-progress.phaselens', String.raw`in[- ]?progress|wip|work[ \t]+in[ \t]+progress|ongoing|active|started|underway|under[ \t]+way|in[ \t]+development|in[ \t]+review`, String.raw`[\x{1F6A7}\x{1F504}\x{1F7E1}\x{23F3}]`],
  ['blocked', 'markup.deleted.status.blocked.phaselens', String.raw`blocked|on[ \t]+hold|stalled|stuck`, String.raw`[\x{26D4}\x{1F6D1}\x{274C}\x{1F534}]`],
  ['planned', 'constant.language.status.planned.phaselens', String.raw`planned|pending|ready|not[ \t]+(?:yet[ \t]+)?started|todo|to[ -]do|next|upcoming|backlog|proposed|draft|queued|scheduled|open|new|future|tbd`, String.raw`[\x{2B1C}\x{26AA}\x{1F4CB}\x{1F532}\x{1F5D3}]`],
];

/** A field: the label starts the line (or the list item / quote it stands in), bold or not, then a colon inside or outside the bold. */
function fieldBegin(labels) {
  return (
    String.raw`(?i)(?:^|\G)([ ]{0,3})(?:` +
    String.raw`((\*\*|__)[ \t]*(` + labels + String.raw`)[ \t]*(:)[ \t]*(\3))` + // **Label:**
    String.raw`|((\*\*|__)[ \t]*(` + labels + String.raw`)[ \t]*(\8))[ \t]*(:)` + // **Label**:
    String.raw`|(` + labels + String.raw`)[ \t]*(:)` + // Label:
    String.raw`)[ \t]*`
  );
}

function fieldCaptures() {
  const bold = 'markup.bold.markdown';
  const punct = 'punctuation.definition.bold.markdown';
  const sep = 'punctuation.separator.key-value.markdown';
  const label = 'meta.label.phaselens';
  return {
    2: { name: bold }, 3: { name: punct }, 4: { name: label }, 5: { name: sep }, 6: { name: punct },
    7: { name: bold }, 8: { name: punct }, 9: { name: label }, 10: { name: punct }, 11: { name: sep },
    12: { name: label }, 13: { name: sep },
  };
}

const inValue = [{ include: 'text.html.markdown#inline' }, { include: 'text.html.derivative' }];
const numberId = { match: String.raw`(?<![\w.])` + NUMBER + String.raw`(?![\w.])`, name: ID };

const repository = {
  'dependency-field': {
    name: 'meta.paragraph.markdown meta.field.dependencies.phaselens',
    begin: fieldBegin(DEP_LABELS),
    beginCaptures: fieldCaptures(),
    end: '$',
    patterns: [{ include: '#no-dependencies' }, { include: '#bare-id-list' }, { include: '#word-ids' }, { include: '#short-ids' }, ...inValue],
  },
  'no-dependencies': {
    match: String.raw`(?i)\G(?:(\*\*|__|\*|_)?)(none|nothing|n/a|no[ \t]+dependencies)` + END_OF_WORD,
    captures: { 1: { name: 'punctuation.definition.bold.markdown' }, 2: { name: 'constant.language.none.phaselens' } },
  },
  // "3", "2.1, 2.2", "1 & 2": a bare number is an id only when every item of the value is one.
  'bare-id-list': {
    begin: String.raw`\G(?=` + '`?' + NUMBER + '`?' + String.raw`(?:[ \t]*(?:,|&|\+|/|\band\b)[ \t]*` + '`?' + NUMBER + '`?' + String.raw`)*[ \t]*$)`,
    end: '$',
    patterns: [numberId],
  },
  'word-ids': {
    patterns: [
      {
        match: String.raw`(?i)\b(` + WORDS + String.raw`)[ \t]+(` + NUMBER + String.raw`(?:[ \t]*(?:,|&|\+|/|-|–|—|\band\b|\bor\b|\bto\b)[ \t]*` + NUMBER + String.raw`(?![\w]))*)(?![\w])`,
        captures: { 1: { name: ID }, 2: { patterns: [numberId] } },
      },
      {
        match: String.raw`(?i)\b(` + CAL_WORDS + String.raw`)[ \t]+(` + CAL_NUMBER + String.raw`)(?![\w])`,
        captures: { 1: { name: ID }, 2: { name: ID } },
      },
    ],
  },
  'short-ids': {
    match: String.raw`(?<![\w.])(?:P` + NUMBER + String.raw`|M\d{1,4}|\d{1,4}[A-Z](?:\.\d{1,4}[A-Za-z]?)*)(?![\w]|\.\d)`,
    name: ID,
  },
  'status-value': {
    patterns: STATUS.map(([key, scope, words, emoji]) => {
      const value = String.raw`(?:` + PICTO + String.raw`[ \t]*)*(?i:` + words + ')' + END_OF_WORD + '|' + emoji + String.raw`\x{FE0F}?(?=[ \t]*(?:$|[^\p{L}\p{N}\s*_]))`;
      return {
        comment: key,
        match: String.raw`\G(?:((\*\*|__)(` + value + String.raw`)(\2))|(` + value + '))',
        captures: {
          1: { name: 'markup.bold.markdown' }, 2: { name: 'punctuation.definition.bold.markdown' },
          3: { name: scope }, 4: { name: 'punctuation.definition.bold.markdown' },
          5: { name: scope },
        },
      };
    }),
  },
  'status-field': {
    name: 'meta.paragraph.markdown meta.field.status.phaselens',
    begin: fieldBegin(STATUS_LABELS),
    beginCaptures: fieldCaptures(),
    end: '$',
    patterns: [{ include: '#status-value' }, ...inValue],
  },
};

// Phase ids in ATX headings: the id the heading starts with (after emoji, bold or a short label
// such as "START HERE:"), and an id in trailing parentheses ("Security Foundation (P5.1)").
const HEADING_START = String.raw`^[ ]{0,3}#{1,6}[ \t]+(?:[^\p{L}\p{N}\s]+[ \t]*)*(?:[A-Z][A-Z ]{0,24}:[ \t]*)?(?:[^\p{L}\p{N}\s]+[ \t]*)*`;
const HEADING_ID = String.raw`(?i:(?:` + WORDS + String.raw`)[ \t]*` + NUMBER + String.raw`|(?:` + CAL_WORDS + String.raw`)[ \t]*` + CAL_NUMBER + String.raw`)(?![\w.])|P` + NUMBER + String.raw`(?![\w.])|M\d{1,4}(?![\w.])`;
const TRAILING_ID = String.raw`(?i:(?:` + WORDS + String.raw`)[ \t]*` + NUMBER + String.raw`)(?![\w.])|P` + NUMBER + String.raw`(?![\w.])|M\d{1,4}(?![\w.])`;
repository['heading-id'] = {
  patterns: [
    { match: String.raw`(?<=` + HEADING_START + String.raw`)(?:` + HEADING_ID + ')', name: ID },
    // A calendar label in trailing parentheses ("(Week 1-2)") is part of the title, not an id.
    { match: String.raw`(?<=^[ ]{0,3}#{1,6}[ \t].*\()(?:` + TRAILING_ID + String.raw`)(?=\)[^\p{L}\p{N}(]*$)`, name: ID },
  ],
};

export const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'PhaseLens plan fields',
  scopeName: 'phaselens.injection',
  comment:
    'Generated by scripts/grammar/injectionGrammar.mjs: edit that, not this. Injected into Markdown: phase ids in headings and dependency fields, and status values. Fields start their line, list item or quote (as the PhaseLens parser reads them); nothing inside code or comments is touched.',
  injectionSelector: 'L:text.html.markdown -markup.fenced_code -markup.raw -markup.inline.raw -comment -meta.embedded -meta.field.dependencies.phaselens -meta.field.status.phaselens',
  patterns: [{ include: '#dependency-field' }, { include: '#status-field' }, { include: '#heading-id' }],
  repository,
};

export const grammarText = JSON.stringify(grammar, null, 2) + '\n';

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../syntaxes/phaselens.injection.json');
  writeFileSync(target, grammarText);
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}
