import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { PLAN_TOOLS, type PlanToolOutcome, runPlanTool, toolResultText } from '../../core/api';
import { VERSION } from '../help';
import type { DiskWorkspace } from './diskWorkspace';
import { writePlanSafely } from './writeSafely';

/**
 * `phaselens mcp`: the plan tools over the Model Context Protocol. Each call reads the plans as
 * they are on disk now; writes go through writePlanSafely. Every problem is a tool result with
 * `isError: true` that says what is wrong, never a crash of the server.
 */
export function createPlanServer(workspace: DiskWorkspace): Server {
  const server = new Server(
    { name: 'phaselens', version: VERSION },
    {
      capabilities: { tools: {} },
      instructions:
        'PhaseLens reads the markdown phase plans under this folder. Use next_ready_phase or list_phases to find work, get_phase to read it, set_task to check off each task as soon as it is really done, and complete_phase when everything is; complete_phase refuses while anything is open.',
    },
  );
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: PLAN_TOOLS.map((tool) => ({
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: tool.inputSchema,
      annotations: { title: tool.title, readOnlyHint: tool.readOnly, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, (request): CallToolResult => callTool(workspace, request.params.name, request.params.arguments));
  return server;
}

export function callTool(workspace: DiskWorkspace, name: string, input: unknown): CallToolResult {
  let outcome: PlanToolOutcome;
  try {
    outcome = runPlanTool(name, input, workspace.load());
    if (outcome.ok && outcome.kind === 'write') {
      const written = writePlanSafely(workspace.absolute(outcome.write.source.file), outcome.write);
      if (!written.ok) outcome = written;
    }
  } catch (error) {
    return { content: [{ type: 'text', text: `PhaseLens failed on ${name}: ${error instanceof Error ? error.message : String(error)}` }], isError: true };
  }
  return { content: [{ type: 'text', text: toolResultText(outcome) }], ...(outcome.ok ? {} : { isError: true }) };
}

export async function servePlans(workspace: DiskWorkspace, transport: Transport): Promise<Server> {
  const server = createPlanServer(workspace);
  await server.connect(transport);
  return server;
}
