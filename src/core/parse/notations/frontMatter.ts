import type { Node } from 'yaml';
import { markdownStack } from '../loadMarkdownStack';
import type { Phase, Range, Task } from '../../model';
import { cleanText } from '../../text/clean';

/**
 * YAML front matter (`---` … `---` on the first lines). Cursor's `.cursor/plans/*.plan.md`
 * keeps its work there: `name`, `overview` and `todos: [{id, content, status}]`. Such a plan is
 * one phase named by `name` whose tasks are the todos; a todo's `status` value is its checkbox.
 */
export interface FrontMatter {
  /** 1-based line of the closing `---`. */
  endLine: number;
  phase?: Phase;
}

const FENCE = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
const DONE = /^(?:completed?|done)$/i;
const UNDER_WAY = /^(?:in[_ -]?progress|active|started)$/i;

export function readFrontMatter(lines: readonly string[], file: string): FrontMatter | undefined {
  if (!FENCE.test(lines[0] ?? '')) return undefined;
  let endLine = 0;
  for (let index = 1; index < lines.length; index++) {
    if (CLOSE.test(lines[index]!)) {
      endLine = index + 1;
      break;
    }
  }
  if (endLine === 0) return undefined;
  const source = lines.slice(1, endLine - 1).join('\n');
  const { LineCounter, parseDocument, isMap, isSeq, isScalar } = markdownStack().yaml;
  const counter = new LineCounter();
  let document;
  try {
    document = parseDocument(source, { lineCounter: counter, uniqueKeys: false });
  } catch {
    return { endLine };
  }
  if (document.errors.length > 0 || !isMap(document.contents)) return { endLine };
  const todos = document.get('todos', true);
  if (!isSeq(todos)) return { endLine };
  /** Source position → document range (the front matter starts on line 2). */
  const at = (offset: number, length: number): Range => {
    const { line, col } = counter.linePos(offset);
    return { line: line + 1, column: col - 1, endLine: line + 1, endColumn: col - 1 + length };
  };
  const tasks: Task[] = [];
  for (const item of todos.items) {
    if (!isMap(item)) continue;
    const content = item.get('content', true);
    if (!isScalar(content) || typeof content.value !== 'string' || !content.range) continue;
    const status = item.get('status', true);
    const statusText = isScalar(status) && typeof status.value === 'string' ? status.value : 'pending';
    const contentRange = at(content.range[0], 0);
    const task: Task = { text: cleanText(content.value), done: DONE.test(statusText), line: contentRange.line, checkbox: contentRange, children: [] };
    if (UNDER_WAY.test(statusText)) task.inProgress = true;
    if (isScalar(status) && status.range) task.statusValue = at(status.range[0], status.range[1] - status.range[0]);
    tasks.push(task);
  }
  const name = scalarText(document.get('name', true)) ?? file.split(/[\\/]/).pop()!.replace(/\.plan\.md$|\.md$/i, '');
  const nameNode = document.get('name', true) as Node | undefined;
  const line = nameNode?.range ? at(nameNode.range[0], 0).line : 1;
  const idRange: Range = { line, column: 0, endLine: line, endColumn: lines[line - 1]?.length ?? 0 };
  const phase: Phase = {
    id: name,
    key: `plan:${name.toLowerCase().replace(/\s+/g, '-')}`,
    kind: 'plan',
    title: cleanText(scalarText(document.get('overview', true)) ?? name).slice(0, 200),
    heading: lines[line - 1] ?? '',
    line,
    endLine,
    level: 1,
    idRange,
    sections: [{ line, endLine, level: 1, title: name, idLeads: true, criteriaOnly: false }],
    status: 'planned',
    statusSource: 'default',
    tasks,
    successCriteria: [],
    dependsOn: [],
    children: [],
    empty: tasks.length === 0,
    notation: 'front-matter',
  };
  return { endLine, phase };
}

function scalarText(node: unknown): string | undefined {
  return markdownStack().yaml.isScalar(node) && typeof node.value === 'string' && node.value.trim() ? node.value.trim() : undefined;
}
