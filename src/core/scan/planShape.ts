import type { Plan } from '../model';

/**
 * Whether a value read back from a persisted cache has the plan model's shape all the way
 * down: every field the graph, the lint rules and the views read has its type, in every phase,
 * task, criterion, dependency and range. A damaged cache file (a disk error, a truncated write,
 * another tool's edit) must cost a reparse, never a crash on every start. Extra fields are
 * allowed (a newer parser adds them under a new PARSER_VERSION anyway).
 */

type Check = (value: unknown) => boolean;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString: Check = (value) => typeof value === 'string';
const isBoolean: Check = (value) => typeof value === 'boolean';
/** Line numbers and columns: finite integers (a NaN or a fraction breaks every table indexed by line). */
const isInteger: Check = (value) => Number.isInteger(value);
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value);
const oneOf =
  (...allowed: readonly string[]): Check =>
  (value) =>
    typeof value === 'string' && allowed.includes(value);
const arrayOf =
  (check: Check): Check =>
  (value) =>
    Array.isArray(value) && value.every(check);
/** The fields' list is made once, not per value: a warm start checks every range of a thousand plans. */
const record = (fields: Record<string, Check>): Check => {
  const names = Object.keys(fields);
  const checks = Object.values(fields);
  return (value) => {
    if (!isRecord(value)) return false;
    for (let i = 0; i < names.length; i++) if (!checks[i]!(value[names[i]!])) return false;
    return true;
  };
};

const STATUSES = ['planned', 'in-progress', 'done', 'blocked'] as const;

const isRange = record({ line: isInteger, column: isInteger, endLine: isInteger, endColumn: isInteger });

/** Nesting deeper than any heading outline or dotted id can give: deeper is damage (and would risk the stack). */
const MAX_DEPTH = 64;

const taskFields = record({ text: isString, done: isBoolean, line: isInteger, checkbox: isRange, heading: optional(isRange) });

const isTask = (value: unknown, depth = 0): boolean =>
  depth < MAX_DEPTH &&
  taskFields(value) &&
  Array.isArray((value as { children?: unknown }).children) &&
  ((value as { children: unknown[] }).children).every((child) => isTask(child, depth + 1));

const isCriterion = record({ text: isString, line: isInteger, done: optional(isBoolean), checkbox: optional(isRange) });

const isDependency = record({ id: isString, key: isString, line: isInteger, range: isRange, resolved: isBoolean, markedComplete: isBoolean, repeats: optional(arrayOf(isRange)), section: optional(oneOf('id', 'name')) });

const isStatusField = record({ line: isInteger, rawValue: isString, valueRange: isRange, status: optional(oneOf(...STATUSES)) });

const isSection = record({ line: isInteger, endLine: isInteger, level: isInteger, title: isString, idLeads: isBoolean, criteriaOnly: isBoolean });

const phaseFields = record({
  id: isString,
  key: isString,
  kind: isString,
  title: isString,
  heading: isString,
  line: isInteger,
  endLine: isInteger,
  level: isInteger,
  idRange: isRange,
  sections: arrayOf(isSection),
  status: oneOf(...STATUSES),
  statusSource: oneOf('field', 'heading', 'tasks', 'default'),
  statusField: optional(isStatusField),
  tasks: arrayOf((task) => isTask(task)),
  successCriteria: arrayOf(isCriterion),
  dependsOn: arrayOf(isDependency),
  parentId: optional(isString),
  empty: isBoolean,
});

const isPhase = (value: unknown, depth = 0): boolean =>
  depth < MAX_DEPTH &&
  phaseFields(value) &&
  Array.isArray((value as { children?: unknown }).children) &&
  ((value as { children: unknown[] }).children).every((child) => isPhase(child, depth + 1));

const isMojibakeRun = record({ range: isRange, text: isString, repaired: optional(isString), codePage: oneOf('windows-1252', 'windows-1254') });

const planFields = record({
  file: isString,
  title: isString,
  phases: arrayOf((phase) => isPhase(phase)),
  successCriteria: arrayOf(isCriterion),
  lineCount: isInteger,
  eol: oneOf('\n', '\r\n'),
  mojibake: arrayOf(isMojibakeRun),
});

export function isPlanShape(value: unknown): value is Plan {
  return planFields(value);
}
