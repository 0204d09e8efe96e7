/**
 * The plan model: plain data that every view (tree, CodeLens, diagnostics, CLI) reads.
 * Lines are 1-based, columns 0-based, in the one `Range` type below.
 */

/** A span of text. `line`/`endLine` are 1-based; `column`/`endColumn` are 0-based, end exclusive. */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A replacement of `range` by `newText`; the glue applies it as a WorkspaceEdit. */
export interface TextEdit {
  range: Range;
  newText: string;
}

export type PhaseStatus = 'planned' | 'in-progress' | 'done' | 'blocked';

/**
 * The word a phase id is written with. `phase` covers `Phase 3`, `P3` and a bare `3`;
 * the calendar kinds (`week`, `day`, `sprint`) and `step` are weaker than the rest:
 * a heading that carries both kinds of id is named by the stronger one.
 */
export type PhaseKind =
  | 'phase'
  | 'stage'
  | 'milestone'
  | 'feature'
  | 'epic'
  | 'story'
  | 'sprint'
  | 'week'
  | 'day'
  | 'step'
  | 'iteration'
  | 'wave'
  | 'tier'
  | 'release'
  | 'part'
  | 'track'
  | 'round'
  | 'quarter'
  | 'month'
  /** A letter-coded id a document uses as a unit: `S0`…`S11`. */
  | 'coded'
  /** A whole plan file that is one phase (a Cursor `.plan.md`), named by its front matter. */
  | 'plan';

export interface Task {
  /** Display text: emphasis, emoji and mojibake cleaned. */
  text: string;
  done: boolean;
  line: number;
  /** Where the `[ ]`/`[x]` box stands, for toggling it. */
  checkbox: Range;
  children: Task[];
  /** Kiro's `[-]` / `[~]`: under way, not done. */
  inProgress?: boolean;
  /** Kiro's `- [ ]* …`: counted as a task, but never holds its phase open. */
  optional?: boolean;
  /** A front-matter todo's `status` value: toggling writes `completed` / `pending` there instead of a box mark. */
  statusValue?: Range;
}

export interface Criterion {
  text: string;
  line: number;
  /** Present when the criterion is written as a checkbox. */
  done?: boolean;
  checkbox?: Range;
}

export interface DependencyRef {
  /** The id as written in the field: `2A`, `P0`, `Phase 6`, `Milestone 3`. */
  id: string;
  /** Identity key (see `ids.ts`): `phase:2a`, `milestone:3`. */
  key: string;
  line: number;
  /** Where the id is written, for go-to-definition, rename and quick fixes. */
  range: Range;
  /** Filled in by the workspace graph; `parsePlan` resolves within its own file only. */
  resolved: boolean;
  /**
   * Set when the reference is written in a plan-level dependency section rather than the
   * phase's own field (spec-kit's "- **Foundational (Phase 2)**: Depends on Setup completion"):
   * `id` where it names the phase by id ("Phase 1"), `name` where it names it by its title
   * ("Setup"). A name is not an id, so rename leaves it alone; and no quick fix cuts a reference
   * out of such a sentence.
   */
  section?: 'id' | 'name';
  /** The field marks the reference finished ("P0, P1, P2 complete ✅"). */
  markedComplete: boolean;
  /**
   * Where the phase names the same dependency again (a second field, or twice in one:
   * `Depends on: P3` and `Builds On: Phase 3`), so a rename rewrites every spelling. Absent when
   * it is written once.
   */
  repeats?: Range[];
}

/** An explicit `Status:` field, kept so that write-back can respect its style. */
export interface StatusField {
  line: number;
  /** The value as written, after the label (markup and emoji included). */
  rawValue: string;
  /** Range of the value text on its line (after the label and colon). */
  valueRange: Range;
  /** What the value says about the phase's own work; undefined when it describes something else. */
  status?: PhaseStatus;
}

/** One stretch of a document that belongs to a phase: its heading and everything under it. */
export interface Section {
  line: number;
  endLine: number;
  level: number;
  /** The heading's cleaned title (without the id). */
  title: string;
  /** The heading starts with the id ("P5.1.1: …"), rather than naming it later ("Security (Feature 2)"). */
  idLeads: boolean;
  /** A success-criteria heading that names this phase ("PHASE 3 SUCCESS CRITERIA"). */
  criteriaOnly: boolean;
}

export interface Phase {
  /** As written: "2A", "P3.1", "5.1.1", "Stage 1", "Milestone 2", "Week 1". */
  id: string;
  /** Identity key: `phase:3` for `Phase 3`, `P3` and `3`; `milestone:1` for `Milestone 1` and `M1`. */
  key: string;
  kind: PhaseKind;
  /** Display text: emphasis, emoji and mojibake cleaned. */
  title: string;
  /** The heading's text as written (after the `#` marks). */
  heading: string;
  /** Heading line and last line of the first section (sub-headings included). */
  line: number;
  endLine: number;
  /** Heading depth (1–6). */
  level: number;
  /** Where the id is written in the heading line. */
  idRange: Range;
  /** Every section of this phase in document order; the first is the defining heading. */
  sections: Section[];
  status: PhaseStatus;
  /** Why the status is what it is. */
  statusSource: 'field' | 'heading' | 'tasks' | 'default' | 'checkbox';
  statusField?: StatusField;
  tasks: Task[];
  successCriteria: Criterion[];
  dependsOn: DependencyRef[];
  children: Phase[];
  /** Id of the enclosing phase, if any. */
  parentId?: string;
  /** The phase's sections contain nothing but their headings (and no children). */
  empty: boolean;
  /**
   * How the phase is written when it is not a heading: a list item (`- **Phase 1: Setup**`), a
   * table row with a row per phase, a `<details><summary>` block, or a tool's front matter.
   * Lenses and write-back use `line` and these ranges either way.
   */
  notation?: 'list-item' | 'table-row' | 'summary' | 'front-matter';
  /** The checkbox of the list item that stands for this phase (its own, or its roadmap index entry's). */
  checkbox?: Range;
}

/** A run of text that looks like UTF-8 decoded as a single-byte code page. */
export interface MojibakeRun {
  range: Range;
  text: string;
  /** What the author typed; undefined when bytes were lost and the run cannot be repaired. */
  repaired?: string;
  codePage: 'windows-1252' | 'windows-1254';
}

export interface Plan {
  /** As given by the caller (the CLI keeps the command-line spelling). */
  file: string;
  /** The document's first heading, cleaned; the file name when there is none. */
  title: string;
  phases: Phase[];
  /** Criteria that stand outside every phase ("## Success Criteria" at the end of a roadmap): every phase inherits them. */
  successCriteria: Criterion[];
  /** Number of lines in the text. */
  lineCount: number;
  /** End-of-line sequence the file uses, so edits keep it. */
  eol: '\n' | '\r\n';
  mojibake: MojibakeRun[];
}
