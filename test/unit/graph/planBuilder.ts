// Hand-built plans for graph tests: the graph reads only ids, keys, lines, status and
// dependencies, so these fill the rest of the model with plain, valid values.
import { parseIdToken } from '../../../src/core/ids';
import type { DependencyRef, Phase, PhaseStatus, Plan } from '../../../src/core/model';

export interface PhaseSpec {
  id: string;
  title?: string;
  status?: PhaseStatus;
  deps?: string[];
  line?: number;
  endLine?: number;
  children?: PhaseSpec[];
}

const range = (line: number) => ({ line, column: 0, endLine: line, endColumn: 1 });

function keyOf(id: string): string {
  const parsed = parseIdToken(id);
  if (!parsed) throw new Error(`not an id: ${id}`);
  return parsed.key;
}

export function dependency(id: string, line = 1): DependencyRef {
  return { id, key: keyOf(id), line, range: range(line), resolved: false, markedComplete: false };
}

export function phase(spec: PhaseSpec, nextLine: { value: number }, parentId?: string): Phase {
  const parsed = parseIdToken(spec.id)!;
  const line = spec.line ?? nextLine.value;
  nextLine.value = line + 10;
  const children = (spec.children ?? []).map((child) => phase(child, nextLine, spec.id));
  const endLine = spec.endLine ?? Math.max(line + 5, ...children.map((child) => child.endLine));
  const built: Phase = {
    id: spec.id,
    key: parsed.key,
    kind: parsed.kind,
    title: spec.title ?? `Work of ${spec.id}`,
    heading: `Phase ${spec.id}: ${spec.title ?? ''}`,
    line,
    endLine,
    level: 2,
    idRange: range(line),
    sections: [{ line, endLine, level: 2, title: spec.title ?? '', idLeads: true, criteriaOnly: false }],
    status: spec.status ?? 'planned',
    statusSource: 'default',
    tasks: [],
    successCriteria: [],
    dependsOn: (spec.deps ?? []).map((dep) => dependency(dep, line + 1)),
    children,
    empty: false,
  };
  if (parentId !== undefined) built.parentId = parentId;
  return built;
}

export function plan(file: string, specs: PhaseSpec[]): Plan {
  const nextLine = { value: 3 };
  const phases = specs.map((spec) => phase(spec, nextLine));
  return { file, title: `Plan ${file}`, phases, successCriteria: [], lineCount: nextLine.value + 10, eol: '\n', mojibake: [] };
}

/** `file#id` of a phase reference, for readable assertions. */
export function name(ref: { plan: Plan; phase: Phase } | undefined): string {
  return ref ? `${ref.plan.file}#${ref.phase.id}` : 'undefined';
}
