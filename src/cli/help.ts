import { version } from '../../package.json';

export const VERSION: string = version;

export const MAIN_HELP = `phaselens ${VERSION} — read, lint and graph markdown phase plans

Usage: phaselens <command> [options] FILE|DIR|GLOB…

Commands:
  parse   Print the plan model (an outline, or JSON with --json)
  lint    Report problems: missing success criteria, broken dependencies, cycles, mojibake…
  graph   Print the dependency graph as Mermaid or Graphviz DOT
  next    Print the ready set: phases that can start now, in dependency order
  verify  Run the verify commands of success criteria (for CI)
  mcp     Serve the plans to AI agents over the Model Context Protocol (stdio)
  help    Show help for a command

Inputs: a FILE is read as given; a DIR means the markdown files under it that define at
least one phase (node_modules and .git are skipped); a GLOB ('docs/**/*.md', quoted) is
expanded by phaselens itself.

Options:
  -h, --help      Show help (also: phaselens <command> --help)
  -v, --version   Print the version

Exit codes: 0 clean (or only warnings), 1 lint errors (or too many warnings), 2 usage or I/O failure.
verify: 0 every check passed, 1 a check failed, 2 usage (an unknown phase too).
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
  next: `Usage: phaselens next [--json] FILE|DIR|GLOB…

Print the ready set: every planned phase whose dependencies are all done, dependencies first.
These can start now, in parallel. Prints why nothing is ready when the set is empty.

Options:
  --json       Print { "ready": [ { "file", "id", "title", "line", "status", "dependsOn" } ] }
  -h, --help   Show this help
`,
  verify: `Usage: phaselens verify [--phase ID] [--format text|json] [--timeout SECONDS] FILE|DIR|GLOB…

Run the checks written in success criteria, from the current directory, one by one:
  - Unit tests pass (verify: \`npm test\`)
  - Lint is clean — verify: \`npm run lint\`
Only the code span runs, as one command line of the platform shell (sh -c, or cmd /d /s /c);
no other text of the plan is ever run. One line per check: PASS/FAIL, where, phase, criterion,
command, time; a failing check's last output lines go to stderr.

Options:
  --phase <ID>                Only this phase's checks ('2A', 'Phase 2A', 'P5.1', 'Stage 1')
  --format <text|json>        Output format (default: text)
  --timeout <seconds>         Stop a check that runs longer, and count it failed
  -h, --help                  Show this help

Exit codes: 0 every check passed (or there were none), 1 a check failed, 2 usage (an unknown
phase, a phase id in more than one plan) or I/O failure.
`,
  mcp: `Usage: phaselens mcp [--root DIR]

Serve the plans under DIR (default: the current directory) to an AI agent over the Model
Context Protocol on stdin/stdout. Tools: list_phases, get_phase, next_ready_phase, set_task,
set_phase_status, complete_phase. complete_phase refuses while a task or checkbox criterion is
open. Writes re-read the file first and refuse, changing nothing, when the lines they change
were edited meanwhile; files are replaced atomically, keeping line endings, BOM and mode.

Add it to an agent, e.g.: claude mcp add phaselens -- npx -y phaselens mcp

Options:
  --root DIR   The folder whose plans are served (default: .)
  -h, --help   Show this help
`,
  help: `Usage: phaselens help [command]

Show help for phaselens or one of its commands: parse, lint, graph, next, verify, mcp.
`,
};
