/**
 * Plans of any size in the styles of the seeds: P-numbered roadmaps with week ranges, "Phase 2A"
 * orchestration plans with success gates, day-by-day week plans full of code blocks, readiness
 * summaries with features, tables and mojibake, and spec-kit task lists. Deterministic for a
 * seed, so every run of the benchmark (and every test) sees the same text.
 *
 * The text is our own: it imitates the shape of real plans (heading forms, fields, task lists,
 * fences, tables, emoji and mojibake) without copying any of them.
 */

export type PlanStyle = 'roadmap' | 'orchestrator' | 'weekPlan' | 'summary' | 'specTasks';

export const PLAN_STYLES: readonly PlanStyle[] = ['roadmap', 'orchestrator', 'weekPlan', 'summary', 'specTasks'];

export interface GenerateOptions {
  /** Stop adding phases once the plan has at least this many lines. */
  lines: number;
  seed: number;
  /** Default: picked from the seed. `mixed` takes each top-level phase from the next style in turn. */
  style?: PlanStyle | 'mixed';
  /** Write mojibake (UTF-8 read as Windows-1252) instead of emoji, as three of the seeds do. Default: from the seed. */
  mojibake?: boolean;
}

/** mulberry32: small, fast and good enough to vary text. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = ['cache', 'scanner', 'policy gate', 'migration runner', 'template store', 'telemetry pipeline', 'query planner', 'session broker', 'audit log', 'feature flag service', 'schema linter', 'sandbox', 'retry queue', 'index builder', 'config loader', 'release train', 'health check', 'rate limiter', 'dashboard', 'sync engine'];
const VERBS = ['Implement', 'Add', 'Create', 'Wire up', 'Harden', 'Document', 'Benchmark', 'Refactor', 'Validate', 'Migrate', 'Instrument', 'Review'];
const QUALIFIERS = ['with exponential backoff', 'behind a feature flag', 'for offline use', 'across all tools', 'with structured logging', 'in under 200ms', 'with full test coverage', 'for the CLI and the API', 'without blocking the UI', 'using SAVEPOINT and ROLLBACK'];
const TOPICS = ['Security Foundation', 'Offline Resilience', 'Advanced Execution', 'Observability', 'Administration Tools', 'SQL File Execution', 'Template Creation', 'Database Cloning', 'Auto-Rebuild Integration', 'Environment Commands', 'Remote Configuration', 'Telemetry & Metrics', 'Language Expansion', 'Query Intelligence', 'Performance & Scale', 'Deployment Automation', 'User Documentation', 'Release Readiness'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const PEOPLE = ['Dr. Sarah Chen', 'Alex Novak', 'Morgan Hayes', 'Priya Raman', 'Jonas Weber'];

/** Emoji as the seeds write them, and the same emoji as mojibake (their UTF-8 bytes read as Windows-1252). */
const EMOJI = {
  check: ['✅', 'âœ…'],
  clipboard: ['📋', 'ðŸ“‹'],
  target: ['🎯', 'ðŸŽ¯'],
  rocket: ['🚀', 'ðŸš€'],
  chart: ['📊', 'ðŸ“Š'],
  calendar: ['📅', 'ðŸ“…'],
  construction: ['🚧', 'ðŸš§'],
  arrow: ['→', 'â†’'],
  dash: ['—', 'â€”'],
} as const;

class Writer {
  readonly out: string[] = [];
  readonly pick: <T>(items: readonly T[]) => T;
  readonly chance: (p: number) => boolean;
  readonly int: (min: number, max: number) => number;

  constructor(readonly next: () => number, private readonly mojibake: boolean) {
    this.pick = (items) => items[Math.floor(next() * items.length)]!;
    this.chance = (p) => next() < p;
    this.int = (min, max) => min + Math.floor(next() * (max - min + 1));
  }

  emoji(name: keyof typeof EMOJI): string {
    return EMOJI[name][this.mojibake ? 1 : 0];
  }

  line(text = '') {
    this.out.push(text);
  }

  sentence(): string {
    const clause = `${this.pick(VERBS)} the ${this.pick(NOUNS)} ${this.pick(QUALIFIERS)}`;
    const then = this.chance(0.65) ? `, then ${this.pick(VERBS).toLowerCase()} the ${this.pick(NOUNS)}` : '';
    const why = this.chance(0.3) ? ` so that the ${this.pick(NOUNS)} keeps working ${this.pick(QUALIFIERS)}` : '';
    return clause + then + why;
  }

  paragraph(sentences: number) {
    const parts: string[] = [];
    for (let i = 0; i < sentences; i++) parts.push(`${this.sentence()}.`);
    // Wrap like an editor would, so paragraphs span several lines.
    for (let i = 0; i < parts.length; i += 2) this.line(parts.slice(i, i + 2).join(' '));
    this.line();
  }

  tasks(count: number, donePart: number, prefix = '- ') {
    for (let i = 0; i < count; i++) {
      const done = this.next() < donePart;
      this.line(`${prefix}[${done ? 'x' : ' '}] ${this.sentence()}${this.chance(0.2) ? ` (\`src/${this.pick(NOUNS).replace(/ /g, '-')}.ts\`)` : ''}`);
      if (this.chance(0.15)) this.line(`  - [${done ? 'x' : ' '}] ${this.sentence()}`);
    }
  }

  bullets(count: number, marker = '-') {
    for (let i = 0; i < count; i++) this.line(`${marker} ${this.sentence()}`);
  }

  criteria(label: string, count: number) {
    this.line(label);
    for (let i = 0; i < count; i++) this.line(`- ${this.emoji('check')} ${this.sentence()}`);
    this.line();
  }

  code(language: string, lines: number) {
    this.line(`\`\`\`${language}`);
    for (let i = 0; i < lines; i++) {
      const noun = this.pick(NOUNS).replace(/ /g, '_');
      if (language === 'yaml') this.line(`${'  '.repeat(i % 3)}${noun}: ${this.int(1, 500)}`);
      else if (language === 'bash') this.line(i === 0 ? '# Set up the environment' : `make ${noun} && ./scripts/${noun}.sh --verbose`);
      else this.line(i === 0 ? `def ${noun}(self, *args):` : `    result = self.${noun}.run(${this.int(1, 9)})  # ${this.sentence().toLowerCase()}`);
    }
    this.line('```');
    this.line();
  }

  table(rows: number) {
    this.line('| Aspect | Original | Revised | Impact |');
    this.line('|--------|----------|---------|--------|');
    for (let i = 0; i < rows; i++) this.line(`| **${this.pick(TOPICS)}** | ${this.int(1, 30)} days | ${this.int(1, 30)} days | ${this.pick(QUALIFIERS)} |`);
    this.line();
  }

  status(): string {
    return this.pick([`${this.emoji('check')} Complete`, `${this.emoji('construction')} In Progress`, 'Planned', 'Not started', 'Blocked', `${this.emoji('rocket')} **READY TO BEGIN**`]);
  }
}

/** One top-level phase (with its sub-phases) per call, in the given style. */
type PhaseWriter = (w: Writer, number: number, major: number) => void;

const writeRoadmapPhase: PhaseWriter = (w, n, major) => {
  const id = `P${major}.${n}`;
  w.line(`## ${w.emoji('calendar')} Week ${2 * n - 1}-${2 * n}: ${w.pick(TOPICS)} (${id})`);
  w.line();
  w.line(`**Focus**: ${w.sentence()}`);
  w.line(`**Status**: ${w.status()}`);
  w.line(`**Dependencies**: ${n > 1 ? `P${major}.${n - 1}${w.chance(0.3) ? `, P${major}.${Math.max(1, n - 2)}.1` : ''}` : 'None'}`);
  w.line();
  const subs = w.int(2, 4);
  for (let s = 1; s <= subs; s++) {
    w.line(`### ${id}.${s}: ${w.pick(TOPICS)} (${w.int(2, 6)} hours)${s === 1 && w.chance(0.3) ? ' - **START HERE**' : ''}`);
    w.tasks(w.int(4, 7), n < 3 ? 0.8 : 0.2);
    w.line();
    if (w.chance(0.5)) w.paragraph(w.int(1, 3));
    w.line('#### Success Criteria:');
    for (let i = 0; i < w.int(2, 4); i++) w.line(`- ${w.emoji('check')} ${w.sentence()}`);
    w.line();
  }
  w.line('---');
  w.line();
};

const writeOrchestratorPhase: PhaseWriter = (w, n) => {
  const letters = 'ABCD';
  for (let s = 0; s < w.int(2, 4); s++) {
    w.line(`### **Phase ${n}${letters[s]}: ${w.pick(TOPICS)}**`);
    w.line();
    w.line(`**Builds On**: ${s > 0 ? `${n}${letters[s - 1]}` : n > 1 ? `${n - 1}A` : 'None'} ${w.pick(NOUNS)}`);
    w.line(`**Tests**: ${w.int(10, 40)}+ tests ${w.emoji('arrow')} ${w.pick(QUALIFIERS)}`);
    w.line();
    w.bullets(w.int(3, 6));
    w.line();
    if (w.chance(0.4)) w.code('bash', w.int(3, 6));
    w.line(`**Success Gate**: \`tool ${w.pick(NOUNS).replace(/ /g, '-')}\` ${w.pick(QUALIFIERS)}`);
    w.line();
    w.line('---');
    w.line();
  }
};

const writeWeekPlanPhase: PhaseWriter = (w, n) => {
  w.line(`## ${w.emoji('target')} PHASE ${n} WEEK PLAN`);
  w.line();
  for (let d = 0; d < w.int(2, 5); d++) {
    w.line(`### Day ${d + 1} (${WEEKDAYS[d]}): ${w.pick(TOPICS)}`);
    w.line(`**Lead**: ${w.pick(PEOPLE)} & ${w.pick(PEOPLE)}`);
    w.line();
    w.line('#### Morning Session (9 AM - 1 PM)');
    w.paragraph(w.int(1, 2));
    w.code(w.pick(['python', 'yaml', 'bash']), w.int(5, 14));
    w.line('#### Afternoon Session (1 PM - 5 PM)');
    w.tasks(w.int(3, 6), 0.3);
    w.line();
  }
  w.line(`## ${w.emoji('chart')} PHASE ${n} SUCCESS CRITERIA`);
  w.line();
  w.criteria('**Functional**', w.int(2, 4));
  w.criteria('**Quality**', w.int(2, 3));
};

const writeSummaryPhase: PhaseWriter = (w, n) => {
  w.line(`## ${w.emoji('clipboard')} Phase ${n} - ${w.pick(TOPICS)} ${w.emoji('check')}`);
  w.line();
  w.line(`**Status**: ${w.status()}`);
  w.line(`**Next Step**: User approval ${w.emoji('arrow')} Implementation start`);
  w.line();
  for (let f = 1; f <= w.int(2, 4); f++) {
    w.line(`### **Feature ${f}: ${w.pick(TOPICS)}**`);
    for (let i = 0; i < w.int(3, 5); i++) w.line(`- ${w.emoji('check')} **${w.pick(['Critical Finding', 'Action', 'Timeline', 'Tests', 'Security'])}**: ${w.sentence()}`);
    w.line();
  }
  if (w.chance(0.6)) w.table(w.int(3, 6));
  w.line(`### **Security Architecture (Feature ${w.int(1, 2)})**`);
  w.paragraph(w.int(1, 3));
  w.line(`## ${w.emoji('check')} Approval Checklist`);
  w.line();
  for (let i = 0; i < w.int(3, 6); i++) w.line(`- [ ] ${w.emoji('check')} Do you approve the ${w.pick(NOUNS)} ${w.pick(QUALIFIERS)}?`);
  w.line();
  w.line(`## ${w.emoji('chart')} Success Criteria`);
  w.line();
  w.criteria('### **Functional**', w.int(2, 4));
};

const writeSpecTasksPhase: PhaseWriter = (w, n) => {
  w.line(`## Phase ${n}: ${w.pick(TOPICS)}`);
  w.line();
  w.line(`**Purpose**: ${w.sentence()}`);
  w.line(`**Independent Test**: ${w.sentence()}`);
  w.line();
  w.line(`### Tests for User Story ${n}`);
  w.line();
  for (let i = 0; i < w.int(3, 8); i++) {
    const task = n * 100 + i;
    w.line(`- [${w.chance(0.4) ? 'X' : ' '}] T${String(task).padStart(3, '0')} ${w.chance(0.5) ? '[P] ' : ''}[US${n}] ${w.sentence()} in src/${w.pick(NOUNS).replace(/ /g, '_')}.py`);
  }
  w.line();
  w.line(`**Checkpoint**: User Story ${n} ${w.pick(QUALIFIERS)}`);
  w.line();
  w.line(`**Depends on**: Phase ${Math.max(1, n - 1)}`);
  w.line();
  w.line('---');
  w.line();
};

const WRITERS: Record<PlanStyle, PhaseWriter> = {
  roadmap: writeRoadmapPhase,
  orchestrator: writeOrchestratorPhase,
  weekPlan: writeWeekPlanPhase,
  summary: writeSummaryPhase,
  specTasks: writeSpecTasksPhase,
};

function writePreamble(w: Writer, style: PlanStyle | 'mixed', major: number) {
  const titles: Record<PlanStyle, string> = {
    roadmap: `Phase ${major}: ${w.pick(TOPICS)} Implementation Plan`,
    orchestrator: 'Phase Orchestrator: Linear Development Pipeline',
    weekPlan: `Production Readiness Plan: ${w.pick(TOPICS)}`,
    summary: `Readiness Summary ${w.emoji('dash')} ${w.pick(TOPICS)}`,
    specTasks: `Tasks: ${w.pick(TOPICS)}`,
  };
  const title = titles[style === 'mixed' ? 'roadmap' : style];
  w.line(`# ${title}`);
  w.line();
  w.line(`**Document**: Phase ${major} Implementation Plan  `);
  w.line(`**Date**: 2025-0${w.int(1, 9)}-${w.int(10, 28)}  `);
  w.line(`**Status**: ${w.status()}`);
  if (w.chance(0.5)) w.line(`**Dependencies**: P0, P1, P${Math.max(2, major - 1)} complete ${w.emoji('check')}`);
  w.line();
  w.line('---');
  w.line();
  w.line(`## ${w.emoji('clipboard')} Executive Summary`);
  w.line();
  w.paragraph(w.int(2, 4));
  w.line('### Key Deliverables');
  for (let i = 0; i < w.int(3, 5); i++) w.line(`- **${w.pick(TOPICS)}**: ${w.sentence()}`);
  w.line();
}

/** A plan of at least `lines` lines (the last phase is finished, so a few more). */
export function generatePlan(options: GenerateOptions): string {
  const next = random(options.seed);
  const style = options.style ?? PLAN_STYLES[options.seed % PLAN_STYLES.length]!;
  const mojibake = options.mojibake ?? options.seed % 5 < 2;
  const w = new Writer(next, mojibake);
  const major = 1 + (options.seed % 9);
  writePreamble(w, style, major);
  const writerFor = (n: number) => WRITERS[style === 'mixed' ? PLAN_STYLES[n % PLAN_STYLES.length]! : style];
  for (let n = 1; w.out.length < options.lines; n++) writerFor(n)(w, n, major);
  return `${w.out.join('\n')}\n`;
}

/** Names like the files agent-heavy repositories hold: PHASE_3_PLAN.md, ROADMAP.md, specs/…/tasks.md. */
export function planFileName(index: number): string {
  const forms = [`PHASE_${index}_PLAN.md`, `phase-${index}-roadmap.md`, `specs/${String(index).padStart(3, '0')}-feature/tasks.md`, `docs/plans/STAGE_${index}.md`];
  return forms[index % forms.length]!;
}
