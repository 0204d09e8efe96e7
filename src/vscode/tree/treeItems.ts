import * as vscode from 'vscode';
import { allPhases, type Plan } from '../../core/api';
import { REVEAL_COMMAND, type RevealOptions } from '../commands/revealPhase';
import {
  criteriaDescription,
  criterionIcon,
  criterionIconId,
  dependenciesDescription,
  dependencyDescription,
  dependencyLabel,
  escapeMarkdown,
  phaseDescription,
  phaseLabel,
  phaseTooltip,
  taskDescription,
  taskTooltip,
} from './describe';
import { locationOf, type CriteriaNode, type CriterionNode, type DependenciesNode, type DependencyNode, type NodeLocation, type PhaseNode, type PlanNode, type TaskNode, type TreeNode } from './nodes';
import { statusStyle } from './statusStyle';
import { displayPath } from '../shared/displayPath';

/**
 * Turns model nodes into what VS Code draws. Every item has a stable `id`, a `contextValue`
 * the menus match (`plan`, `phase:<status>`, `task`, …), and a click that reveals its line.
 */

/** A tree click opens the line in a preview editor and leaves the focus in the tree, as the Explorer does. */
const CLICK_OPTIONS: RevealOptions = { preserveFocus: true, preview: true };

function revealCommand(location: NodeLocation | PhaseNode['target'], title: string): vscode.Command {
  return { command: REVEAL_COMMAND, title, arguments: [location, CLICK_OPTIONS] };
}

function themeIcon(icon: string, color?: string): vscode.ThemeIcon {
  return color ? new vscode.ThemeIcon(icon, new vscode.ThemeColor(color)) : new vscode.ThemeIcon(icon);
}

function markdown(text: string): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString(text, true);
  tooltip.isTrusted = false;
  return tooltip;
}

function at(location: NodeLocation): string {
  return `${displayPath(location.uri)}:${location.line}`;
}

export function planTreeItem(node: PlanNode, entry: { plan: Plan; provisional?: true } | undefined, expanded: boolean): vscode.TreeItem {
  const plan = entry?.plan;
  const uri = vscode.Uri.parse(node.uri);
  const path = displayPath(node.uri);
  const item = new vscode.TreeItem(plan?.title ?? path, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.resourceUri = uri;
  item.iconPath = vscode.ThemeIcon.File;
  item.description = entry?.provisional ? `${path} · reading…` : path;
  item.contextValue = 'plan';
  item.command = revealCommand({ uri: node.uri, line: 1 }, 'Open Plan');
  if (plan) {
    const phases = allPhases(plan);
    const done = phases.filter((phase) => phase.status === 'done').length;
    const started = phases.filter((phase) => phase.status === 'in-progress').length;
    item.tooltip = markdown(`**${escapeMarkdown(plan.title)}**\n\n${phases.length} phases · ${done} done · ${started} in progress\n\n${escapeMarkdown(path)}`);
  }
  return item;
}

export function phaseTreeItem(node: PhaseNode): vscode.TreeItem {
  const hasChildren = node.children.length > 0;
  const expanded = node.phase.status === 'in-progress';
  const state = !hasChildren ? vscode.TreeItemCollapsibleState.None : expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  const label = phaseLabel(node.phase);
  const item = new vscode.TreeItem(label, state);
  const style = statusStyle(node.status);
  item.id = node.id;
  item.iconPath = themeIcon(style.icon, style.color);
  item.description = phaseDescription(node);
  const criteria = node.children.find((child): child is CriteriaNode => child.kind === 'criteria');
  const dependencies = node.children.find((child): child is DependenciesNode => child.kind === 'dependencies');
  item.tooltip = markdown(phaseTooltip(node, criteria, dependencies, at(locationOf(node))));
  // `phase:planned` etc. drive the menus; a waiting phase is still a planned one to them.
  // A provisional phase offers no action: Start, Complete or Copy prompt need the parsed plan, which the store does not hand out yet.
  item.contextValue = node.provisional ? 'outline' : node.status === 'waiting' ? 'phase:planned:waiting' : `phase:${node.status}`;
  item.command = revealCommand(node.target, 'Reveal Phase');
  item.accessibilityInformation = { label: [label, style.label, item.description].filter(Boolean).join(', ') };
  return item;
}

function taskTreeItem(node: TaskNode): vscode.TreeItem {
  const state = node.children.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None;
  const item = new vscode.TreeItem(node.task.text, state);
  item.id = node.id;
  item.checkboxState = {
    state: node.task.done ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked,
    tooltip: node.task.done ? 'Uncheck the task in the plan' : 'Check the task off in the plan',
  };
  item.description = taskDescription(node);
  item.tooltip = markdown(taskTooltip(node, at(locationOf(node))));
  item.contextValue = 'task';
  item.command = revealCommand(locationOf(node), 'Reveal Task');
  return item;
}

function criteriaTreeItem(node: CriteriaNode): vscode.TreeItem {
  const item = new vscode.TreeItem('Success criteria', vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon('checklist');
  item.description = criteriaDescription(node);
  item.contextValue = 'criteria';
  return item;
}

function criterionTreeItem(node: CriterionNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.criterion.text, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  const { done } = node.criterion;
  item.iconPath = done === true ? themeIcon('pass', 'testing.iconPassed') : new vscode.ThemeIcon(criterionIconId(node.criterion));
  item.tooltip = markdown(`${criterionIcon(node.criterion)} ${escapeMarkdown(node.criterion.text)}\n\n${escapeMarkdown(at(locationOf(node)))}`);
  item.contextValue = done === undefined ? 'criterion' : `criterion:${done ? 'met' : 'open'}`;
  item.command = revealCommand(locationOf(node), 'Reveal Criterion');
  return item;
}

function dependenciesTreeItem(node: DependenciesNode): vscode.TreeItem {
  const item = new vscode.TreeItem('Depends on', vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon('references');
  item.description = dependenciesDescription(node);
  item.contextValue = 'dependencies';
  return item;
}

function dependencyTreeItem(node: DependencyNode): vscode.TreeItem {
  const item = new vscode.TreeItem(dependencyLabel(node), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = dependencyDescription(node);
  if (node.resolved) {
    const style = statusStyle(node.resolved.status);
    item.iconPath = themeIcon(style.icon, style.color);
    item.contextValue = 'dependency';
    item.command = revealCommand({ uri: node.resolved.uri, key: node.resolved.phase.key, line: node.resolved.phase.line }, 'Go to Dependency');
    item.tooltip = markdown(`Depends on **${escapeMarkdown(dependencyLabel(node))}**: ${escapeMarkdown(dependencyDescription(node))}\n\n${escapeMarkdown(at(locationOf(node)))}`);
  } else {
    item.iconPath = themeIcon('warning', 'list.warningForeground');
    item.contextValue = 'dependency:unresolved';
    item.command = revealCommand(locationOf(node), 'Reveal Reference');
    item.tooltip = markdown(`No phase answers to **${escapeMarkdown(dependencyLabel(node))}** in this plan or the workspace.\n\n${escapeMarkdown(at(locationOf(node)))}`);
  }
  return item;
}

export function childTreeItem(node: Exclude<TreeNode, PlanNode>): vscode.TreeItem {
  switch (node.kind) {
    case 'phase':
      return phaseTreeItem(node);
    case 'task':
      return taskTreeItem(node);
    case 'criteria':
      return criteriaTreeItem(node);
    case 'criterion':
      return criterionTreeItem(node);
    case 'dependencies':
      return dependenciesTreeItem(node);
    case 'dependency':
      return dependencyTreeItem(node);
  }
}
