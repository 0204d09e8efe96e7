import { buildWorkspaceIndex, describeNoneReady, nextReadyPhase, phaseName, readyPhases } from '../../core/api';
import { parseArgs } from '../args';
import type { CliIo } from '../io';
import { loadPlans } from '../workspace';

/**
 * `phaselens next`: the ready set (planned phases whose dependencies are all done), in
 * dependency order: what can start now, in parallel. Always exit 0; an empty set is an answer.
 */
export function runNext(argv: readonly string[], io: CliIo): number {
  const { options, positionals } = parseArgs(argv, [{ name: 'json' }], 'next');
  const index = buildWorkspaceIndex(loadPlans(positionals, io, 'next').map((entry) => entry.plan));
  const ready = readyPhases(index);
  if (options.has('json')) {
    const phases = ready.map(({ plan, phase }) => ({
      file: plan.file,
      id: phase.id,
      title: phase.title,
      line: phase.line,
      status: phase.status,
      dependsOn: index.dependenciesOf({ plan, phase }).map((edge) => ({ id: edge.to.phase.id, file: edge.to.plan.file, status: edge.to.phase.status })),
    }));
    io.stdout(`${JSON.stringify({ ready: phases }, null, 2)}\n`);
    return 0;
  }
  if (ready.length === 0) {
    const none = nextReadyPhase(index);
    if (none.kind === 'none') io.stdout(`${describeNoneReady(none, 'in the given plans')}\n`);
    return 0;
  }
  for (const { plan, phase } of ready) io.stdout(`${plan.file}:${phase.line}  ${phaseName(phase)}  ${phase.title.replace(/[\u0000-\u001f\u007f]/g, ' ')}\n`);
  return 0;
}
