import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { buildCli, removeTempDirs, runCli, tempDir, writeTree } from './cliHarness';

/** Four phases, two of them ready; Phase 3's title and a criterion's text are shell syntax that must never run. */
const PLAN = `# Release

## Phase 1: Base
**Status**: Done

## Phase 2: Exporter
Depends on: Phase 1
- [ ] Write the exporter

### Success Criteria
- [ ] Output file written (verify: \`printf '%s' "two  spaces" > out.txt\`)
- [ ] Fails on purpose — verify: \`echo about to fail; exit 3\`

## Phase 3: $(touch pwned-title) \`touch pwned-tick\`
Depends on: Phase 1
- [ ] Harden

**Done when**: the plan is there; $(touch pwned-criterion) (verify: \`test -f plan.md\`)

## Phase 4: Ship
Depends on: Phase 2, Phase 3
- [ ] Ship it
`;

describe('cli: phaselens verify and next end to end', function () {
  // Each case spawns node and then a shell per check: generous on a loaded machine.
  this.timeout(120_000);
  let cli: string;
  let dir: string;
  const run = (args: string[]) => runCli(cli, args, dir);
  const pwned = () => fs.readdirSync(dir).filter((name) => name.startsWith('pwned'));

  before(async () => {
    cli = await buildCli();
  });
  beforeEach(() => {
    dir = tempDir('verify');
    writeTree(dir, { 'plan.md': PLAN });
  });
  after(removeTempDirs);

  it('passes when every check of the phase passes, running from the current directory', () => {
    const result = run(['verify', '--phase', '3', '.']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^PASS {2}plan\.md:18 {2}Phase 3 {2}the plan is there; \$\(touch pwned-criterion\) {2}`test -f plan\.md` {2}\d+\.\ds\n/);
    assert.match(result.stdout, /1 check: 1 passed, 0 failed\n$/);
    assert.deepEqual(pwned(), []);
  });

  it('fails when any check fails, says which, and runs each code span as one shell command', () => {
    const result = run(['verify', '--phase', 'Phase 2', 'plan.md']);
    assert.equal(result.code, 1);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0]!, /^PASS {2}plan\.md:11 {2}Phase 2 {2}Output file written /);
    assert.match(lines[1]!, /^FAIL {2}plan\.md:12 {2}Phase 2 {2}Fails on purpose {2}`echo about to fail; exit 3`/);
    assert.equal(lines[2], '2 checks: 1 passed, 1 failed');
    assert.match(result.stderr, /exit code 3\n\s+about to fail\n/);
    assert.equal(fs.readFileSync(path.join(dir, 'out.txt'), 'utf8'), 'two  spaces');
  });

  it('runs every phase that has checks without --phase, and reports JSON for machines', () => {
    const result = run(['verify', '--format', 'json', '.']);
    assert.equal(result.code, 1);
    const report = JSON.parse(result.stdout);
    assert.deepEqual(
      report.checks.map((check: { phase: string; passed: boolean; exitCode: number }) => [check.phase, check.passed, check.exitCode]),
      [['2', true, 0], ['2', false, 3], ['3', true, 0]],
    );
    assert.equal(report.passed, 2);
    assert.equal(report.failed, 1);
    assert.match(report.checks[1].output, /about to fail/);
    assert.deepEqual(pwned(), []);
  });

  it('treats an unknown phase as a usage error and runs nothing', () => {
    const result = run(['verify', '--phase', '9', '.']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /no phase '9'/);
    assert.equal(result.stdout, '');
    assert.equal(fs.existsSync(path.join(dir, 'out.txt')), false);
  });

  it('never runs a phase title or criterion text, whichever command reads them', () => {
    for (const args of [['verify', '.'], ['verify', '--phase', '3', '.'], ['next', '.'], ['next', '--json', '.'], ['parse', '.'], ['lint', '.']]) run(args);
    assert.deepEqual(pwned(), []);
  });

  it('stops a check that outlives --timeout and counts it failed', () => {
    writeTree(dir, { 'slow.md': '# Slow\n\n## Phase 1: Wait\n**Done when**: waited (verify: `sleep 30`)\n' });
    const result = run(['verify', '--timeout', '1', 'slow.md']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /timed out/);
  });

  it('passes with a warning when no phase has checks', () => {
    writeTree(dir, { 'bare.md': '# Bare\n\n## Phase 1: Nothing\n- [ ] a task\n' });
    const result = run(['verify', 'bare.md']);
    assert.equal(result.code, 0);
    assert.match(result.stderr, /no phase has verify commands/);
  });

  it('prints the ready set in dependency order, as text and JSON', () => {
    const text = run(['next', '.']);
    assert.equal(text.code, 0);
    assert.deepEqual(
      text.stdout.trimEnd().split('\n').map((line) => line.split('  ').slice(0, 2)),
      [['plan.md:6', 'Phase 2'], ['plan.md:14', 'Phase 3']],
    );
    const json = JSON.parse(run(['next', '--json', '.']).stdout);
    assert.deepEqual(json.ready.map((phase: { id: string }) => phase.id), ['2', '3']);
    assert.deepEqual(json.ready[0].dependsOn, [{ id: '1', file: 'plan.md', status: 'done' }]);
  });

  it('says why nothing is ready', () => {
    writeTree(dir, { 'done.md': '# Done\n\n## Phase 1: Only\n**Status**: Done\n' });
    const result = run(['next', 'done.md']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /Every phase in the given plans is done\./);
  });
});
