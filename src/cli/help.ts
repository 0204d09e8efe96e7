import { version } from '../../package.json';

export const VERSION: string = version;

export const MAIN_HELP = `phaselens ${VERSION} — read, lint and graph markdown phase plans

Usage: phaselens <command> [options] FILE|DIR|GLOB…

Commands:
  parse   Print the plan model (an outline, or JSON with --json)
  lint    Report problems: missing success criteria, broken dependencies, cycles, mojibake…
  graph   Print the dependency graph as Mermaid or Graphviz DOT
  help    Show help for a command

Inputs: a FILE is read as given; a DIR means the markdown files under it that define at
least one phase (node_modules and .git are skipped); a GLOB ('docs/**/*.md', quoted) is
expanded by phaselens itself.

Options:
  -h, --help      Show help (also: phaselens <command> --help)
  -v, --version   Print the version

Exit codes: 0 clean (or only warnings), 1 lint errors (or too many warnings), 2 usage or I/O failure.
`;

export const COMMAND_HELP: Record<string, string> = {
  parse: `Usage: phaselens parse [--json] FILE|DIR|GLOB…

Print every plan with its phases, task progress, success criteria and dependencies.
A dependency marked '?' resolves nowhere in the given files.

Options:
  --json       Print { "plans": [ … ] }: the plan model, with "resolved" set across all given files
  -h, --help   Show this help
`,
  lint: `Usage: phaselens lint [options] FILE|DIR|GLOB…

Lint plans: every dependency resolves across all the given files.

Options:
  --format <stylish|json|sarif>  Output format (default: stylish)
  --max-warnings <n>             Exit 1 when there are more than n warnings
  --quiet                        Print errors only (warnings still count for --max-warnings)
  --config <file>                Rule settings, JSON: { "rules": { "rule-id": "off"|"info"|"warning"|"error" } }
                                 or { "rule-id": { "severity": …, "options": { … } } }
  --no-config                    Ignore ./.phaselensrc.json
  --fix                          Repair in place what needs no decision (garbled text, a status
                                 that contradicts its tasks), then report what remains
  -h, --help                     Show this help

Without --config, ./.phaselensrc.json is read when it exists.
Disable in a plan: <!-- phaselens-disable rule-id -->, <!-- phaselens-disable-next-line rule-id -->.
`,
  graph: `Usage: phaselens graph [--format mermaid|dot] [--direction LR|TB|RL|BT] FILE|DIR|GLOB…

Print the dependency graph of all given plans. Arrows run from a dependency to the phase that
builds on it ("2A --> 2B": 2B builds on 2A); missing phases are dashed, cycles red.

Options:
  --format <mermaid|dot>      Output format (default: mermaid)
  --direction <LR|TB|RL|BT>   Layout direction (default: LR)
  -h, --help                  Show this help
`,
  help: `Usage: phaselens help [command]

Show help for phaselens or one of its commands: parse, lint, graph.
`,
};
