import { buildWorkspaceIndex } from '../../core/api';
import { parseArgs } from '../args';
import { plansToJson } from '../formats/planJson';
import { plansToOutline } from '../formats/outline';
import type { CliIo } from '../io';
import { loadPlans } from '../workspace';

export function runParse(argv: readonly string[], io: CliIo): number {
  const { options, positionals } = parseArgs(argv, [{ name: 'json' }], 'parse');
  const plans = loadPlans(positionals, io, 'parse').map((loaded) => loaded.plan);
  const index = buildWorkspaceIndex(plans);
  io.stdout(options.has('json') ? plansToJson(plans, index) : plansToOutline(plans, index));
  return 0;
}
