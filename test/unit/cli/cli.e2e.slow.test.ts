import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { buildCli, fixtureText, removeTempDirs, repoRoot, runCli, sharedSeeds, tempDir, writeTree } from './cliHarness';

const packageVersion = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version as string;
const CONTRACT_FIELDS = ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message', 'phase'];

describe('cli: phaselens end to end', function () {
  let cli: string;
  const run = (args: string[], cwd?: string, env?: Record<string, string>) => runCli(cli, args, cwd, env);
  const fixture = (name: string) => path.join('test/fixtures/cli/plans', name);

  before(async () => {
    cli = await buildCli();
  });
  after(removeTempDirs);

  describe('help and version', () => {
    it('prints the package version', () => {
      const result = run(['--version']);
      assert.equal(result.code, 0);
      assert.equal(result.stdout, `${packageVersion}\n`);
      assert.equal(run(['-v']).stdout, `${packageVersion}\n`);
    });

    it('prints general and per-command help', () => {
      const general = run(['--help']);
      assert.equal(general.code, 0);
      assert.match(general.stdout, /^phaselens \d+\.\d+\.\d+/);
      for (const command of ['parse', 'lint', 'graph']) assert.match(general.stdout, new RegExp(`\\n  ${command} `));
      const lint = run(['lint', '--help']);
      assert.equal(lint.code, 0);
      assert.match(lint.stdout, /^Usage: phaselens lint /);
      assert.match(lint.stdout, /--max-warnings/);
      assert.equal(run(['help', 'graph']).stdout, run(['graph', '-h']).stdout);
    });

    it('runs as an executable script through its shebang', function () {
      if (process.platform === 'win32') this.skip();
      fs.chmodSync(cli, 0o755);
      const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
      assert.equal(execFileSync(cli, ['--version'], { encoding: 'utf8' }), `${packageVersion}\n`);
    });
  });

  describe('usage and I/O failures exit 2 with one line and a hint', () => {
    const cases: Array<[string, string[], RegExp]> = [
      ['a missing file', ['lint', 'no/such/plan.md'], /no such file or directory: no\/such\/plan\.md/],
      ['an unknown option', ['lint', '--fromat', 'json', fixture('clean.md')], /unknown option '--fromat' for 'lint'/],
      ['no input', ['lint'], /no input files/],
      ['no command', [], /no command given/],
      ['an unknown command', ['check', fixture('clean.md')], /unknown command 'check'/],
      ['a bad format', ['lint', '--format', 'xml', fixture('clean.md')], /'--format' must be one of stylish, json, sarif/],
      ['a bad --max-warnings', ['lint', '--max-warnings', 'many', fixture('clean.md')], /'--max-warnings' must be a whole number/],
      ['a missing option value', ['graph', fixture('clean.md'), '--format'], /'--format' needs a value/],
      ['a glob matching nothing', ['parse', 'test/fixtures/cli/plans/*.txt'], /no files match 'test\/fixtures\/cli\/plans\/\*\.txt'/],
      ['a missing config', ['lint', '--config', 'nowhere.json', fixture('clean.md')], /cannot read config nowhere\.json: no such file/],
    ];
    for (const [what, args, message] of cases) {
      it(`for ${what}`, () => {
        const result = run(args);
        assert.equal(result.code, 2, result.stderr);
        assert.equal(result.stdout, '');
        assert.match(result.stderr, message);
        assert.match(result.stderr, /\(see 'phaselens( \w+)? --help'\)\n$/);
        assert.equal(result.stderr.split('\n').length, 2, 'one line');
      });
    }
  });

  describe('parse', () => {
    it('prints the JSON contract shape with files as given and resolved set across files', () => {
      const result = run(['parse', '--json', 'test/fixtures/cli/plans']);
      assert.equal(result.code, 0, result.stderr);
      const { plans } = JSON.parse(result.stdout);
      // The directory walk keeps plans with phases: notes.md has none.
      assert.deepEqual(
        plans.map((plan: { file: string }) => plan.file),
        ['clean', 'orchestrator', 'roadmap', 'stages-a', 'stages-b'].map((name) => `test/fixtures/cli/plans/${name}.md`),
      );
      const orchestrator = plans[1];
      assert.equal(orchestrator.title, 'Release Orchestrator: Linear Delivery Pipeline');
      const phase = orchestrator.phases.find((p: { id: string }) => p.id === '1C');
      assert.deepEqual(Object.keys(phase).slice(0, 9), ['id', 'title', 'line', 'endLine', 'status', 'tasks', 'successCriteria', 'dependsOn', 'children']);
      assert.equal(phase.title, 'Publishing');
      assert.deepEqual(Object.keys(phase.tasks[0]).slice(0, 3), ['text', 'done', 'line']);
      assert.deepEqual(Object.keys(phase.successCriteria[0]).slice(0, 2), ['text', 'line']);
      assert.deepEqual(
        phase.dependsOn.map((ref: { id: string; resolved: boolean }) => [ref.id, ref.resolved]),
        [['1B', true], ['1E', false]],
      );
      // Stage 3 is defined only in stages-b.md: resolved through the workspace, not the file.
      const stage1 = plans[3].phases[0];
      assert.deepEqual(stage1.dependsOn.map((ref: { id: string; resolved: boolean }) => [ref.id, ref.resolved]), [['Stage 3', true]]);
    });

    it('prints a readable outline without --json', () => {
      const result = run(['parse', fixture('orchestrator.md'), fixture('clean.md')]);
      assert.equal(result.code, 0, result.stderr);
      const lines = result.stdout.split('\n');
      assert.equal(lines[0], 'test/fixtures/cli/plans/clean.md  Search Service: Implementation Plan  (2 phases)');
      assert.ok(lines.includes('  1C  Publishing  · planned · tasks 0/1 · 1 criterion · after 1B, 1E? · line 28'), result.stdout);
      assert.ok(lines.includes('  1A  Packaging  · in-progress · tasks 1/2 · 1 criterion · line 13'), result.stdout);
    });

    it('reads a file given by name even when it defines no phase', () => {
      const result = run(['parse', '--json', fixture('notes.md')]);
      assert.equal(result.code, 0);
      const { plans } = JSON.parse(result.stdout);
      assert.equal(plans.length, 1);
      assert.equal(plans[0].title, 'Meeting Notes');
      assert.deepEqual(plans[0].phases, []);
    });
  });

  describe('lint', () => {
    it('prints nothing and exits 0 for a clean plan', () => {
      const result = run(['lint', fixture('clean.md')]);
      assert.deepEqual(result, { code: 0, stdout: '', stderr: '' });
    });

    it('prints the stylish report, exits 0 on warnings alone', () => {
      const result = run(['lint', fixture('orchestrator.md'), fixture('roadmap.md')]);
      assert.equal(result.code, 0, result.stderr);
      const lines = result.stdout.split('\n');
      assert.equal(lines[1], 'test/fixtures/cli/plans/orchestrator.md');
      assert.match(lines[2]!, /^ {2}29:29 {2}warning {2}Phase 1C depends on "1E", which no plan defines\. Did you mean "1D"\? +broken-dependency$/);
      assert.ok(lines.includes('test/fixtures/cli/plans/roadmap.md'));
      assert.equal(lines.at(-2), '✖ 4 problems (0 errors, 4 warnings, 0 infos)');
    });

    it('exits 1 on errors (a dependency cycle across two files)', () => {
      const result = run(['lint', fixture('stages-a.md'), fixture('stages-b.md')]);
      assert.equal(result.code, 1);
      assert.match(result.stdout, /error {2}Stage \d is part of a dependency cycle/);
      assert.match(result.stdout, /✖ \d+ problems \(2 errors, /);
    });

    it('exits 1 when warnings exceed --max-warnings, and says so', () => {
      const args = [fixture('orchestrator.md'), fixture('roadmap.md')];
      assert.equal(run(['lint', '--max-warnings', '4', ...args]).code, 0);
      const over = run(['lint', '--max-warnings', '3', ...args]);
      assert.equal(over.code, 1);
      assert.equal(over.stderr, 'phaselens: too many warnings (4, maximum 3)\n');
    });

    it('shows errors only with --quiet, while warnings still count for --max-warnings', () => {
      const quiet = run(['lint', '--quiet', fixture('orchestrator.md'), fixture('stages-a.md'), fixture('stages-b.md')]);
      assert.equal(quiet.code, 1);
      assert.doesNotMatch(quiet.stdout, / {2}warning {2}/);
      assert.match(quiet.stdout, /✖ 2 problems \(2 errors, 0 warnings, 0 infos\)/);
      const hidden = run(['lint', '--quiet', '--max-warnings', '0', fixture('orchestrator.md')]);
      assert.deepEqual([hidden.code, hidden.stdout], [1, '']);
      assert.match(hidden.stderr, /too many warnings \(2, maximum 0\)/);
    });

    it('prints JSON findings with the contract fields first', () => {
      const result = run(['lint', '--format', 'json', 'test/fixtures/cli/plans']);
      assert.equal(result.code, 1);
      const findings = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
      assert.ok(findings.length >= 5);
      for (const finding of findings) {
        assert.deepEqual(Object.keys(finding).slice(0, CONTRACT_FIELDS.length), CONTRACT_FIELDS);
        assert.ok(['error', 'warning', 'info', 'hint'].includes(finding.severity as string));
        assert.ok(Number.isInteger(finding.line) && (finding.line as number) >= 1);
        assert.ok(Number.isInteger(finding.column) && (finding.column as number) >= 0);
      }
      const broken = findings.find((finding) => finding.rule === 'broken-dependency' && finding.phase === '1C')!;
      assert.deepEqual([broken.file, broken.line, broken.column], ['test/fixtures/cli/plans/orchestrator.md', 29, 28]);
    });

    it('prints SARIF 2.1.0 with rule metadata and 1-based columns', () => {
      const result = run(['lint', '--format', 'sarif', 'test/fixtures/cli/plans']);
      assert.equal(result.code, 1);
      const log = JSON.parse(result.stdout);
      assert.equal(log.version, '2.1.0');
      assert.match(log.$schema, /sarif-2\.1\.0/);
      assert.equal(log.runs.length, 1);
      const { driver } = log.runs[0].tool;
      assert.equal(driver.name, 'phaselens');
      assert.equal(driver.version, packageVersion);
      for (const rule of driver.rules) {
        assert.match(rule.id, /^[a-z]+(-[a-z]+)*$/);
        assert.equal(typeof rule.shortDescription.text, 'string');
        assert.ok(rule.helpUri.endsWith(`docs/rules/${rule.id}.md`));
        assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
      }
      const json = JSON.parse(run(['lint', '--format', 'json', 'test/fixtures/cli/plans']).stdout);
      assert.equal(log.runs[0].results.length, json.length);
      log.runs[0].results.forEach((sarif: any, i: number) => {
        assert.equal(driver.rules[sarif.ruleIndex].id, sarif.ruleId);
        assert.equal(sarif.ruleId, json[i].rule);
        assert.equal(sarif.level, { error: 'error', warning: 'warning', info: 'note', hint: 'note' }[json[i].severity as string]);
        const { artifactLocation, region } = sarif.locations[0].physicalLocation;
        assert.equal(artifactLocation.uri, json[i].file);
        assert.equal(artifactLocation.uriBaseId, '%SRCROOT%');
        assert.deepEqual(region, {
          startLine: json[i].line,
          startColumn: json[i].column + 1,
          endLine: json[i].endLine,
          endColumn: json[i].endColumn + 1,
        });
      });
    });
  });

  describe('configuration', () => {
    const writeConfig = (dir: string, name: string, config: unknown) => fs.writeFileSync(path.join(dir, name), JSON.stringify(config));

    it('reads .phaselensrc.json from the current directory, unless --no-config', () => {
      const dir = tempDir('config');
      writeTree(dir, { 'a.md': fixtureText('stages-a.md'), 'b.md': fixtureText('stages-b.md') });
      assert.equal(run(['lint', 'a.md', 'b.md'], dir).code, 1);
      writeConfig(dir, '.phaselensrc.json', { rules: { 'dependency-cycle': 'warning' } });
      const relaxed = run(['lint', 'a.md', 'b.md'], dir);
      assert.equal(relaxed.code, 0);
      assert.match(relaxed.stdout, /warning {2}Stage \d is part of a dependency cycle/);
      assert.equal(run(['lint', '--no-config', 'a.md', 'b.md'], dir).code, 1);
    });

    it('takes --config FILE with severities and rule options', () => {
      const dir = tempDir('config');
      writeTree(dir, { 'roadmap.md': fixtureText('roadmap.md') });
      const before = JSON.parse(run(['lint', '--format', 'json', 'roadmap.md'], dir).stdout) as Array<{ rule: string }>;
      assert.equal(before.filter((f) => f.rule === 'missing-success-criteria').length, 0);
      writeConfig(dir, 'lint.json', { rules: { mojibake: 'off', 'missing-success-criteria': { severity: 'error', options: { kinds: ['day'], quietWhereUnused: false } } } });
      const result = run(['lint', '--config', 'lint.json', '--format', 'json', 'roadmap.md'], dir);
      assert.equal(result.code, 1);
      const after = JSON.parse(result.stdout) as Array<{ rule: string; severity: string }>;
      assert.equal(after.filter((f) => f.rule === 'mojibake').length, 0);
      assert.deepEqual(
        after.filter((f) => f.rule === 'missing-success-criteria').map((f) => f.severity),
        ['error', 'error', 'error'],
      );
    });

    it('stops with exit 2 on a broken configuration', () => {
      const dir = tempDir('config');
      writeTree(dir, { 'a.md': fixtureText('clean.md'), 'bad.json': '{ "rules": ', 'typo.json': '{ "rules": { "mojibak": "off" } }' });
      const invalid = run(['lint', '--config', 'bad.json', 'a.md'], dir);
      assert.equal(invalid.code, 2);
      assert.match(invalid.stderr, /config bad\.json is not valid JSON/);
      const typo = run(['lint', '--config', 'typo.json', 'a.md'], dir);
      assert.equal(typo.code, 2);
      assert.match(typo.stderr, /Unknown rule "mojibak"; did you mean "mojibake"\?/);
    });
  });

  describe('inputs: files, directories and globs', () => {
    let root: string;
    before(() => {
      root = tempDir('inputs');
      writeTree(root, {
        'docs/plans/orchestrator.md': fixtureText('orchestrator.md'),
        'docs/plans/deep/er/stages-a.markdown': fixtureText('stages-a.md'),
        'docs/stages-b.MD': fixtureText('stages-b.md'),
        'docs/notes.md': fixtureText('notes.md'),
        'docs/plan.txt': fixtureText('clean.md'),
        'docs/node_modules/pkg/PHASE_1.md': fixtureText('clean.md'),
        'docs/.git/PHASE_2.md': fixtureText('clean.md'),
        'docs/.github/clean.md': fixtureText('clean.md'),
        'other/roadmap.md': fixtureText('roadmap.md'),
        'empty/notes.md': fixtureText('notes.md'),
      });
      // A symlink back up the tree must not make the walk loop.
      fs.symlinkSync('../..', path.join(root, 'docs/plans/loop'), 'dir');
    });
    const files = (args: string[]) => {
      const result = run(['parse', '--json', ...args], root);
      assert.equal(result.code, 0, result.stderr);
      return (JSON.parse(result.stdout).plans as Array<{ file: string }>).map((plan) => plan.file);
    };

    it('walks a directory for markdown plans, skipping node_modules, .git, phase-less notes and loops', () => {
      assert.deepEqual(files(['docs']), ['docs/.github/clean.md', 'docs/plans/deep/er/stages-a.markdown', 'docs/plans/orchestrator.md', 'docs/stages-b.MD']);
      assert.deepEqual(files(['docs/']), files(['docs']));
      assert.deepEqual(files(['.']).slice(-1), ['other/roadmap.md']);
    });

    it('keeps the spelling of the given directory in file names', () => {
      const result = run(['parse', '--json', '../docs/plans'], path.join(root, 'other'));
      assert.deepEqual(
        JSON.parse(result.stdout).plans.map((plan: { file: string }) => plan.file),
        ['../docs/plans/deep/er/stages-a.markdown', '../docs/plans/orchestrator.md'],
      );
    });

    it('expands globs itself: *, **, ? and {a,b}', () => {
      assert.deepEqual(files(['docs/*.md']), ['docs/notes.md']);
      assert.deepEqual(files(['docs/**/*.{md,markdown}']), ['docs/notes.md', 'docs/plans/deep/er/stages-a.markdown', 'docs/plans/orchestrator.md']);
      assert.deepEqual(files(['**/roadmap.md', 'docs/stages-?.MD']), ['docs/stages-b.MD', 'other/roadmap.md']);
      assert.deepEqual(files(['{docs/plans,other}/*.md']), ['docs/plans/orchestrator.md', 'other/roadmap.md']);
    });

    it('takes an existing path literally even when its name looks like a glob', () => {
      const dir = tempDir('literal');
      writeTree(dir, { 'plan[1].md': fixtureText('clean.md'), 'plan1.md': fixtureText('roadmap.md') });
      const result = run(['parse', '--json', 'plan[1].md'], dir);
      assert.deepEqual(JSON.parse(result.stdout).plans.map((plan: { file: string }) => plan.file), ['plan[1].md']);
      const globbed = run(['parse', '--json', 'plan[0-9].md'], dir);
      assert.deepEqual(JSON.parse(globbed.stdout).plans.map((plan: { file: string }) => plan.file), ['plan1.md']);
    });

    it('sorts and removes repeats, a file named twice or reached twice is read once', () => {
      assert.deepEqual(files(['other/roadmap.md', 'docs/plans', 'other/roadmap.md', 'other']), [
        'docs/plans/deep/er/stages-a.markdown',
        'docs/plans/orchestrator.md',
        'other/roadmap.md',
      ]);
    });

    it('warns, and exits 0, when the inputs hold no plan at all', () => {
      const result = run(['lint', 'empty'], root);
      assert.equal(result.code, 0);
      assert.equal(result.stdout, '');
      assert.equal(result.stderr, 'phaselens: warning: no phase plans found in empty\n');
    });

    it('lints plans across the given inputs as one workspace', () => {
      const result = run(['lint', '--format', 'json', 'docs'], root);
      assert.equal(result.code, 1, 'the Stage cycle spans stages-a.markdown and stages-b.MD');
      assert.ok((JSON.parse(result.stdout) as Array<{ rule: string }>).some((f) => f.rule === 'dependency-cycle'));
    });

    it('skips files over 10 MB with a warning', () => {
      const dir = tempDir('big');
      writeTree(dir, { 'small.md': fixtureText('clean.md') });
      fs.writeFileSync(path.join(dir, 'huge.md'), `# Phase 1: Huge\n${'- [ ] task\n'.repeat(1_000_000)}`);
      const result = run(['parse', '--json', '.'], dir);
      assert.equal(result.code, 0);
      assert.deepEqual(JSON.parse(result.stdout).plans.map((plan: { file: string }) => plan.file), ['small.md']);
      assert.match(result.stderr, /^phaselens: warning: skipping huge\.md: 10\.5 MB is over the 10 MB limit\n$/);
    });
  });

  describe('graph', () => {
    it('prints Mermaid by default and DOT on request', () => {
      const mermaid = run(['graph', fixture('orchestrator.md'), fixture('stages-a.md'), fixture('stages-b.md')]);
      assert.equal(mermaid.code, 0);
      assert.match(mermaid.stdout, /^flowchart LR\n/);
      assert.match(mermaid.stdout, /\n {2}f0_1A --> f0_1B\n/);
      assert.match(mermaid.stdout, /\n {2}missing_1E -\.-> f0_1C\n/);
      assert.match(mermaid.stdout, /\n {2}linkStyle \d+(,\d+)* stroke:/, 'the Stage cycle is highlighted');
      const dot = run(['graph', '--format', 'dot', '--direction', 'TB', fixture('orchestrator.md')]);
      assert.equal(dot.code, 0);
      assert.match(dot.stdout, /^digraph phaselens \{\n {2}rankdir=TB;/);
      assert.match(dot.stdout, /\n {2}"f0_1A" -> "f0_1B";\n/);
    });
  });

  describe('the shared seeds', () => {
    before(function () {
      if (!fs.existsSync(sharedSeeds)) {
        console.log(`      (skipped: ${sharedSeeds} is not present)`);
        this.skip();
      }
    });

    it('parses every seed into the JSON contract', () => {
      const relative = path.relative(repoRoot, sharedSeeds).split(path.sep).join('/');
      const result = run(['parse', '--json', relative]);
      assert.equal(result.code, 0, result.stderr);
      const { plans } = JSON.parse(result.stdout);
      const expected = fs.readdirSync(sharedSeeds).filter((name) => name.endsWith('.md')).sort().map((name) => `${relative}/${name}`);
      assert.deepEqual(plans.map((plan: { file: string }) => plan.file), expected);
      for (const plan of plans) {
        assert.ok(plan.phases.length > 0, plan.file);
        for (const phase of plan.phases) {
          assert.equal(typeof phase.id, 'string');
          assert.ok(phase.line >= 1 && phase.endLine >= phase.line);
          assert.ok(['planned', 'in-progress', 'done', 'blocked'].includes(phase.status));
        }
      }
    });

    it('lints the seeds with a stable exit code and valid JSON', () => {
      const result = run(['lint', '--format', 'json', sharedSeeds]);
      assert.ok(result.code === 0 || result.code === 1, result.stderr);
      const findings = JSON.parse(result.stdout) as Array<{ severity: string }>;
      assert.equal(result.code, findings.some((finding) => finding.severity === 'error') ? 1 : 0);
    });
  });
});
