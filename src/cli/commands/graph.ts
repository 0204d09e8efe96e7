import { buildWorkspaceIndex, type RenderOptions, toDot, toMermaid } from '../../core/api';
import { parseArgs } from '../args';
import type { CliIo } from '../io';
import { loadPlans } from '../workspace';

export function runGraph(argv: readonly string[], io: CliIo): number {
  const { options, positionals } = parseArgs(
    argv,
    [
      { name: 'format', takesValue: true, choices: ['mermaid', 'dot'] },
      { name: 'direction', takesValue: true, choices: ['LR', 'TB', 'RL', 'BT'] },
    ],
    'graph',
  );
  const index = buildWorkspaceIndex(loadPlans(positionals, io, 'graph').map((loaded) => loaded.plan));
  const renderOptions: RenderOptions = { direction: (options.get('direction') as RenderOptions['direction']) ?? 'LR' };
  io.stdout(options.get('format') === 'dot' ? toDot(index, renderOptions) : toMermaid(index, renderOptions));
  return 0;
}
