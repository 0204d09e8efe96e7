import { getPhase, listPhases, nextReady } from './read';
import { completePhase, PHASE_STATUSES, setPhaseStatus, setTask } from './write';
import { fail, type OperationError, type PlanWorkspace, type PlanWrite } from './types';

/**
 * The plan tools, described once: the MCP server lists them as they are, and package.json's
 * `contributes.languageModelTools` carries the same names (with the `phaselens_` prefix), model
 * descriptions and input schemas — a unit test keeps the two equal.
 */
export interface PlanToolDefinition {
  /** MCP name; the VS Code tool is `phaselens_<name>`. */
  name: PlanToolName;
  title: string;
  /** For the model: what it does and when to use it. */
  description: string;
  inputSchema: { type: 'object'; properties: Record<string, unknown>; required?: string[]; additionalProperties?: boolean };
  /** Reads only: allowed in untrusted workspaces and run without confirmation. */
  readOnly: boolean;
}

export const PLAN_TOOL_NAMES = ['list_phases', 'get_phase', 'next_ready_phase', 'set_task', 'set_phase_status', 'complete_phase'] as const;
export type PlanToolName = (typeof PLAN_TOOL_NAMES)[number];

const PHASE = { type: 'string', description: 'The phase id as written in the plan, e.g. "2A", "P5.2.1", "Stage 1" (as list_phases shows it).' };
const FILE = { type: 'string', description: 'The plan file (as list_phases shows it); needed only when the same phase id appears in several plans.' };
const FILE_FILTER = { type: 'string', description: 'Only this plan file (as list_phases shows it).' };

export const PLAN_TOOLS: readonly PlanToolDefinition[] = [
  {
    name: 'list_phases',
    title: 'List plan phases',
    description: 'Lists the phases of the markdown phase plans in the workspace: id, title, status (planned, in-progress, done, blocked), task and criteria progress, file and line. Use it first to see what the plans contain and which ids to pass to the other PhaseLens tools.',
    inputSchema: { type: 'object', properties: { file: FILE_FILTER }, additionalProperties: false },
    readOnly: true,
  },
  {
    name: 'get_phase',
    title: 'Read a phase',
    description: 'Reads one phase of a plan: its tasks (each with the 1-based index that set_task takes, its text and whether it is done), its success criteria, its dependencies with their status, its sub-phases, and the full prompt describing the work. Use it before working on a phase and to check what is still open.',
    inputSchema: { type: 'object', properties: { phase: PHASE, file: FILE }, required: ['phase'], additionalProperties: false },
    readOnly: true,
  },
  {
    name: 'next_ready_phase',
    title: 'Find the next ready phase',
    description: 'Finds the phase to work on next: the first planned phase, in dependency order, whose dependencies are all done, with its full details; or says why none is ready (what is in progress, waiting or blocked). Use it to pick up work.',
    inputSchema: { type: 'object', properties: { file: FILE_FILTER }, additionalProperties: false },
    readOnly: true,
  },
  {
    name: 'set_task',
    title: 'Check off a task',
    description: 'Checks off (done: true, the default) or unchecks (done: false) one task of a phase in its markdown plan. Call it right after you have really finished that task, one task at a time; it changes only that checkbox. The task is its 1-based index from get_phase or its exact text.',
    inputSchema: {
      type: 'object',
      properties: {
        phase: PHASE,
        task: { type: ['integer', 'string'], description: 'The task: its 1-based index within the phase (as get_phase numbers them) or its exact text.' },
        done: { type: 'boolean', description: 'true to check the task off (default), false to uncheck it.' },
        file: FILE,
      },
      required: ['phase', 'task'],
      additionalProperties: false,
    },
    readOnly: false,
  },
  {
    name: 'set_phase_status',
    title: 'Set a phase status',
    description: 'Sets the status of a phase in its plan, in the plan\'s own style: planned, in-progress or blocked (e.g. in-progress when you start a phase, blocked when you cannot go on). Setting done is the same as complete_phase and is refused while anything is open.',
    inputSchema: {
      type: 'object',
      properties: { phase: PHASE, status: { type: 'string', enum: [...PHASE_STATUSES], description: 'The new status.' }, file: FILE },
      required: ['phase', 'status'],
      additionalProperties: false,
    },
    readOnly: false,
  },
  {
    name: 'complete_phase',
    title: 'Complete a phase',
    description: 'Marks a phase done in its plan once all its work is finished. It never checks boxes for you: it refuses, listing what is open, while any task or checkbox success criterion is unchecked, and while a verify command of a success criterion (`verify:`) fails or cannot be run. Check tasks off with set_task as you finish them, then call this.',
    inputSchema: { type: 'object', properties: { phase: PHASE, file: FILE }, required: ['phase'], additionalProperties: false },
    readOnly: false,
  },
];

export function planTool(name: string): PlanToolDefinition | undefined {
  return PLAN_TOOLS.find((tool) => tool.name === name);
}

export type PlanToolOutcome = { ok: true; kind: 'read'; value: unknown } | { ok: true; kind: 'write'; write: PlanWrite } | { ok: false; error: OperationError };

type Input = Record<string, unknown>;

function optionalString(input: Input, key: string): string | undefined | OperationError {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : { code: 'invalid-input', message: `\`${key}\` must be a string.` };
}

function isError(value: unknown): value is OperationError {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

/** Runs one tool on plain input (as a model sends it); never throws on bad input. */
export function runPlanTool(name: string, rawInput: unknown, workspace: PlanWorkspace): PlanToolOutcome {
  const input: Input = typeof rawInput === 'object' && rawInput !== null && !Array.isArray(rawInput) ? (rawInput as Input) : {};
  const file = optionalString(input, 'file');
  if (isError(file)) return { ok: false, error: file };
  const phase = typeof input.phase === 'string' ? input.phase : typeof input.phase === 'number' ? String(input.phase) : '';
  const read = (outcome: { ok: true; value: unknown } | { ok: false; error: OperationError }): PlanToolOutcome => (outcome.ok ? { ok: true, kind: 'read', value: outcome.value } : outcome);
  const write = (outcome: { ok: true; value: PlanWrite } | { ok: false; error: OperationError }): PlanToolOutcome => (outcome.ok ? { ok: true, kind: 'write', write: outcome.value } : outcome);
  const query = { phase, ...(file !== undefined ? { file } : {}) };
  switch (name) {
    case 'list_phases':
      return read(listPhases(workspace, file));
    case 'get_phase':
      return read(getPhase(workspace, query));
    case 'next_ready_phase':
      return read(nextReady(workspace, file));
    case 'set_task': {
      const task = input.task;
      if (typeof task !== 'number' && typeof task !== 'string') return fail('invalid-input', '`task` must be a 1-based task index or the exact text of a task.');
      if (input.done !== undefined && typeof input.done !== 'boolean') return fail('invalid-input', '`done` must be true or false.');
      return write(setTask(workspace, { ...query, task, ...(typeof input.done === 'boolean' ? { done: input.done } : {}) }));
    }
    case 'set_phase_status':
      return write(setPhaseStatus(workspace, { ...query, status: typeof input.status === 'string' ? input.status : '' }));
    case 'complete_phase':
      return write(completePhase(workspace, query));
    default:
      return fail('unknown-tool', `No PhaseLens tool "${name}". Tools: ${PLAN_TOOL_NAMES.join(', ')}.`);
  }
}

/** How a tool's answer reads to a model: the data as indented JSON, or the write's message. */
export function toolResultText(outcome: PlanToolOutcome): string {
  if (!outcome.ok) return JSON.stringify({ error: outcome.error.code, message: outcome.error.message, ...(outcome.error.candidates ? { candidates: outcome.error.candidates } : {}), ...(outcome.error.open ? { open: outcome.error.open } : {}), ...(outcome.error.failedChecks ? { failedChecks: outcome.error.failedChecks } : {}) }, null, 2);
  if (outcome.kind === 'read') return JSON.stringify(outcome.value, null, 2);
  return outcome.write.message;
}
