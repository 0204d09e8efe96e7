import assert from 'node:assert/strict';
import { integerOption, parseArgs, type OptionSpec } from '../../../src/cli/args';
import { CliError } from '../../../src/cli/errors';

const specs: OptionSpec[] = [
  { name: 'format', takesValue: true, choices: ['stylish', 'json'] },
  { name: 'max-warnings', takesValue: true },
  { name: 'quiet', short: 'q' },
];

describe('cli: arguments', () => {
  it('reads flags, values in both spellings and positionals in order', () => {
    const { options, positionals } = parseArgs(['a.md', '--format', 'json', '-q', 'docs', '--max-warnings=3'], specs, 'lint');
    assert.deepEqual([...options], [['format', 'json'], ['quiet', true], ['max-warnings', '3']]);
    assert.deepEqual(positionals, ['a.md', 'docs']);
  });

  it('lets a later option win and treats everything after -- as input', () => {
    const { options, positionals } = parseArgs(['--format=json', '--format', 'stylish', '--', '--quiet', '-'], specs, 'lint');
    assert.equal(options.get('format'), 'stylish');
    assert.equal(options.has('quiet'), false);
    assert.deepEqual(positionals, ['--quiet', '-']);
  });

  it('takes the next argument as a value even when it starts with a dash', () => {
    assert.equal(parseArgs(['--max-warnings', '-1'], specs, 'lint').options.get('max-warnings'), '-1');
  });

  const failures: Array<[string[], RegExp]> = [
    [['--fromat', 'json'], /^unknown option '--fromat' for 'lint'$/],
    [['-x'], /^unknown option '-x' for 'lint'$/],
    [['--format'], /^option '--format' needs a value$/],
    [['--format', 'xml'], /^option '--format' must be one of stylish, json \(got 'xml'\)$/],
    [['--quiet=yes'], /^option '--quiet' takes no value$/],
  ];
  for (const [argv, message] of failures) {
    it(`rejects ${argv.join(' ')} as a usage error of the command`, () => {
      assert.throws(
        () => parseArgs(argv, specs, 'lint'),
        (error: unknown) => error instanceof CliError && message.test(error.message) && error.command === 'lint',
      );
    });
  }

  it('reads whole numbers with a floor', () => {
    assert.equal(integerOption(undefined, 'max-warnings', 0, 'lint'), undefined);
    assert.equal(integerOption('0', 'max-warnings', 0, 'lint'), 0);
    assert.equal(integerOption('12', 'max-warnings', 0, 'lint'), 12);
    for (const bad of ['-1', '1.5', 'ten', '', true] as const) {
      assert.throws(() => integerOption(bad, 'max-warnings', 0, 'lint'), CliError, String(bad));
    }
  });
});
