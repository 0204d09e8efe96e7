import assert from 'node:assert/strict';
import { codeSpans, findVerifyCommand, withoutVerifyClause } from '../../../src/core/verify';

const command = (line: string) => findVerifyCommand(line)?.command;

describe('verify commands: the forms a criterion line may carry', () => {
  it('reads a parenthesized check anywhere on the line', () => {
    assert.equal(command('- Unit tests pass (verify: `npm test`)'), 'npm test');
    assert.equal(command('- Unit tests pass (verify: `npm test`) and stay fast'), 'npm test');
    assert.equal(command('- Unit tests pass ( Verify:`npm test` )'), 'npm test');
  });

  it('reads a trailing check after an em dash, an en dash or a spaced hyphen', () => {
    assert.equal(command('- Lint is clean — verify: `npm run lint`'), 'npm run lint');
    assert.equal(command('- Lint is clean – verify: `npm run lint`  '), 'npm run lint');
    assert.equal(command('- Lint is clean - verify: `npm run lint`'), 'npm run lint');
  });

  it('reads a check that is the whole item, after a list marker, checkbox or label', () => {
    assert.equal(command('- [ ] verify: `make check`'), 'make check');
    assert.equal(command('1. [x] Verify: `make check`'), 'make check');
    assert.equal(command('  * verify: `make check`'), 'make check');
    assert.equal(command('**Done when**: verify: `make check`'), 'make check');
  });

  it('accepts a bold or italic label', () => {
    assert.equal(command('- Builds (**verify:** `cargo build`)'), 'cargo build');
    assert.equal(command('- Builds — **Verify**: `cargo build`'), 'cargo build');
    assert.equal(command('- Builds — _verify:_ `cargo build`'), 'cargo build');
  });

  it('takes exactly the code span, by CommonMark rules for backtick runs and spaces', () => {
    assert.equal(command('- Greets (verify: `` echo `hi` `` )'), 'echo `hi`');
    assert.equal(command("- Quotes (verify: `grep -q 'a b' file.txt`)"), "grep -q 'a b' file.txt");
    assert.equal(command('- Pipes (verify: `npm test 2>&1 | tee log; test ${PIPESTATUS[0]} -eq 0`)'), 'npm test 2>&1 | tee log; test ${PIPESTATUS[0]} -eq 0');
  });

  it('runs nothing that is not a code span right after the label', () => {
    assert.equal(command('- Unit tests pass (verify: npm test)'), undefined);
    assert.equal(command('- Unit tests pass (verify: `npm test` then `npm run e2e`)'), undefined);
    assert.equal(command('- Unit tests pass — verify: `npm test` by hand'), undefined);
    assert.equal(command('- Unit tests pass (verify: ``)'), undefined);
    assert.equal(command('- Unit tests pass (verify: `   `)'), undefined);
    assert.equal(command('- Unit tests pass (verify: `npm test`'), undefined);
    assert.equal(command('- Sneaky (verify: `true\u0003rm -rf x`)'), undefined);
    assert.equal(command('- Sneaky (verify: `true\u001b[201~`)'), undefined);
    assert.equal(command('- We verify: `npm test` in prose'), undefined);
    assert.equal(command('- preverify: `npm test`'), undefined);
  });

  it('ignores a verify clause written inside a code span or after an escaped backtick', () => {
    assert.equal(command('- Document the `(verify: `x`)` syntax'), undefined);
    assert.equal(command('- Document ``(verify: `x`)`` syntax'), undefined);
    assert.equal(command('- Escaped (verify: \\`rm -rf x`)'), undefined);
  });

  it('takes the first check when a line has two', () => {
    assert.equal(command('- Both (verify: `a`) (verify: `b`)'), 'a');
  });

  it('reports where the clause stands so labels can drop it', () => {
    const line = '- Unit tests pass (verify: `npm test`) fast';
    const found = findVerifyCommand(line)!;
    assert.equal(line.slice(found.column, found.endColumn), '(verify: `npm test`)');
  });

  it('finds code spans as CommonMark does', () => {
    assert.deepEqual(
      codeSpans('a `b` ``c ` d`` `unclosed').map((span) => span.content),
      ['b', 'c ` d'],
    );
  });

  it('drops the verify clause from a display text', () => {
    assert.equal(withoutVerifyClause('Unit tests pass (verify: npm test)', 'npm test'), 'Unit tests pass');
    assert.equal(withoutVerifyClause('Unit tests pass (verify: `npm test`) and stay fast', 'npm test'), 'Unit tests pass and stay fast');
    assert.equal(withoutVerifyClause('Nothing is broken (verify: (exit 3))', '(exit 3)'), 'Nothing is broken');
    assert.equal(withoutVerifyClause('Lint is clean — verify: npm run lint', 'npm run lint'), 'Lint is clean');
    assert.equal(withoutVerifyClause('Builds (**verify:** cargo build)', 'cargo build'), 'Builds');
    assert.equal(withoutVerifyClause('verify: make check', 'make check'), 'verify: make check');
    assert.equal(withoutVerifyClause('No check here', 'x'), 'No check here');
  });
});
