import assert from 'node:assert/strict';
import { walkPhaseNodes } from '../../../src/vscode/tree/buildNodes';
import {
  criteriaDescription,
  dependenciesDescription,
  dependencyDescription,
  dependencyLabel,
  escapeMarkdown,
  phaseDescription,
  phaseLabel,
  phaseTooltip,
  statusBarText,
  subPhaseProgress,
  taskDescription,
  taskProgress,
  taskTooltip,
  waitingText,
} from '../../../src/vscode/tree/describe';
import type { CriteriaNode, DependenciesNode, PhaseNode, PhaseSummary } from '../../../src/vscode/tree/nodes';
import { statusStyle } from '../../../src/vscode/tree/statusStyle';
import { MOBILE, ROADMAP, treeWorld } from './treeFixtures';

const world = treeWorld();
const roadmap = [...walkPhaseNodes(world.nodes(ROADMAP))];
const mobile = [...walkPhaseNodes(world.nodes(MOBILE))];
const phase = (nodes: PhaseNode[], id: string) => nodes.find((node) => node.phase.id === id)!;
const group = <K extends 'criteria' | 'dependencies'>(node: PhaseNode, kind: K) =>
  node.children.find((child) => child.kind === kind) as (K extends 'criteria' ? CriteriaNode : DependenciesNode) | undefined;

describe('tree words', () => {
  it('labels phases with their name and title', () => {
    assert.deepEqual(roadmap.map((node) => phaseLabel(node.phase)), [
      'Phase 1: Recipe Storage',
      'Phase 2: Shopping Lists',
      'Phase 2A: List Builder',
      'Phase 2B: Live Sync',
      'Phase 3: Meal Planner',
      'Phase 4: Nutrition Facts',
      'Milestone 12: Public Beta',
    ]);
    assert.equal(phaseLabel({ id: 'P3.1', kind: 'phase', title: '' }), 'P3.1');
  });

  it('counts subtasks in the progress, and a parent by its sub-phases', () => {
    assert.deepEqual(taskProgress(phase(roadmap, '2B').phase), { done: 2, total: 5 });
    // Phase 2 has no tasks of its own; one of its two sub-phases is done.
    assert.deepEqual(taskProgress(phase(roadmap, '2').phase), { done: 0, total: 0 });
    assert.deepEqual(subPhaseProgress(phase(roadmap, '2').phase), { done: 1, total: 2 });
  });

  it('describes progress and what a phase waits on', () => {
    assert.deepEqual(roadmap.map(phaseDescription), ['3/3', 'sub-phases 1/2', '2/2', '2/5', '0/2 · waiting on Phase 2', '0/2', '0/2 · waiting on Phase 3']);
    assert.equal(phaseDescription(phase(mobile, 'Stage 2')), '0/2 · waiting on Stage 1, Milestone 12');
  });

  it('shortens a long waiting list', () => {
    const summaries = ['2A', '2B', '2C', '2D'].map((id): PhaseSummary => ({ uri: 'file:///x.md', status: 'planned', phase: { ...phase(roadmap, '2B').phase, id } }));
    assert.equal(waitingText(summaries), 'waiting on Phase 2A, Phase 2B +2');
    assert.equal(waitingText([]), '');
  });

  it('describes criteria groups, dependency groups and dependencies', () => {
    assert.equal(criteriaDescription(group(phase(roadmap, '2'), 'criteria')!), '1/2');
    assert.equal(criteriaDescription(group(phase(roadmap, '2B'), 'criteria')!), '1/2 · from Phase 2');
    assert.equal(criteriaDescription(group(phase(roadmap, '1'), 'criteria')!), '2');

    const beta = group(phase(roadmap, 'Milestone 12'), 'dependencies')!;
    assert.equal(dependenciesDescription(beta), '1 unfinished · 1 not found');
    assert.deepEqual(beta.children.map(dependencyLabel), ['Phase 3: Meal Planner', 'Phase 14C']);
    assert.deepEqual(beta.children.map(dependencyDescription), ['waiting', 'not found']);
    assert.equal(dependenciesDescription(group(phase(roadmap, '2'), 'dependencies')!), 'all done');

    const release = group(phase(mobile, 'Stage 2'), 'dependencies')!;
    assert.deepEqual(release.children.map(dependencyDescription), ['in progress', 'waiting · ROADMAP.md']);
  });

  it('describes a task with subtasks by their progress', () => {
    const offline = phase(roadmap, '2B').children.find((child) => child.kind === 'task' && child.children.length > 0);
    assert.ok(offline && offline.kind === 'task');
    assert.equal(taskDescription(offline), '1/2');
    assert.equal(taskTooltip(offline, 'tree/ROADMAP.md:40'), '$(circle-large-outline) Offline edits queued on the phone\n\nSubtasks: 1/2\n\ntree/ROADMAP\\.md:40');
  });

  it('writes a tooltip with status, progress, criteria, dependencies and location', () => {
    const node = phase(roadmap, '2');
    const tooltip = phaseTooltip(node, group(node, 'criteria'), group(node, 'dependencies'), 'tree/ROADMAP.md:23');
    assert.equal(
      tooltip,
      [
        '$(play-circle) **Phase 2: Shopping Lists**',
        '',
        'In progress · 1/2 sub-phases done',
        '',
        '**Success criteria** 1/2',
        '',
        '- $(pass) A list built from three recipes merges duplicate ingredients',
        '- $(circle-large-outline) Two phones editing one list never lose an item',
        '',
        '**Depends on**',
        '',
        '- $(pass-filled) Phase 1: Recipe Storage: done',
        '',
        'tree/ROADMAP\\.md:23',
      ].join('\n'),
    );
    const waiting = phase(roadmap, 'Milestone 12');
    assert.match(phaseTooltip(waiting, group(waiting, 'criteria'), group(waiting, 'dependencies'), 'x'), /Waiting · 0\/2 tasks · waiting on Phase 3\n[\s\S]*- \$\(warning\) Phase 14C: not found/);
  });

  it('keeps plan text inert in markdown and icon syntax', () => {
    assert.equal(escapeMarkdown('**bold** [link](x) $(rm -rf) <b>'), '\\*\\*bold\\*\\* \\[link\\]\\(x\\) \\\\$\\(rm \\-rf\\) \\<b\\>');
    assert.equal(escapeMarkdown('two\nlines'), 'two lines');
  });

  it('writes the status-bar text with the status icon', () => {
    assert.equal(statusBarText(phase(roadmap, '2B').phase, 'in-progress'), '$(play-circle) Phase 2B · 2/5');
    assert.equal(statusBarText({ ...phase(roadmap, '2B').phase, tasks: [], children: [], id: '$(x)' }, 'waiting'), '$(clock) \\$(x)');
  });

  it('gives every status its own icon', () => {
    const icons = (['planned', 'in-progress', 'done', 'blocked', 'waiting'] as const).map((status) => statusStyle(status).icon);
    assert.equal(new Set(icons).size, icons.length);
    assert.equal(statusStyle('done').color, 'testing.iconPassed');
  });
});
