import type { DependencyRef, Phase, Plan, Section } from '../../model';
import type { Field } from '../fields';
import type { IndexEntry, PhaseDraft } from './finish';
import { innermostPhase, placeOfContent, type OpenHeading, type Place, type Target } from './placement';
import { rangeAt, type RangeAt, type SourceLines } from './sourceText';

/** A field whose value is the list that follows (`**Depends on**:` then bullets). */
export interface PendingField {
  field: Field;
  line: number;
  target: Target;
}

/**
 * The plan while its blocks are read, in one place: the phases made so far (by key), the stack
 * of open sections, a field waiting for its list, and the roadmap index entries of heading
 * phases. Every notation reader adds its phases through `addPhase`.
 */
export class PlanDraft {
  readonly plan: Plan;
  readonly lines: readonly string[];
  readonly range: RangeAt;
  readonly drafts = new Map<Phase, PhaseDraft>();
  readonly byKey = new Map<string, Phase[]>();
  readonly stack: OpenHeading[] = [];
  /** Roadmap index entries (list items, table rows) of phases whose body is a heading section. */
  readonly indexEntries = new Map<string, IndexEntry>();
  /** Sections of phases written outside headings end where their notation ends, not at a heading. */
  readonly fixedEnds = new Set<Section>();
  /** Dependencies already recorded per phase, so a repeated reference is kept as a repeat. */
  readonly dependencyKeys = new Map<Phase, Map<string, DependencyRef>>();
  pending: PendingField | undefined;
  /** The text of the last heading, for the context of phases written in lists. */
  currentHeading = '';

  constructor(
    file: string,
    title: string,
    source: SourceLines,
    /** Keys of the phases that headings define: a list item or row naming one is its index entry. */
    readonly headingKeys: ReadonlySet<string>,
    /** The plan has a phase of a stronger unit than a calendar one ("Week 2"). */
    readonly hasStrongPhase: boolean,
  ) {
    this.lines = source.lines;
    this.range = rangeAt(source);
    this.plan = { file, title, phases: [], successCriteria: [], lineCount: source.lines.length, eol: '\n', mojibake: [] };
  }

  lineText(line: number): string {
    return this.lines[line - 1] ?? '';
  }

  innermostPhase(): Phase | undefined {
    return innermostPhase(this.stack);
  }

  /** Where content goes now: a criteria section, a phase, or the plan itself. */
  context(): Place {
    return placeOfContent(this.stack);
  }

  criteriaOf(target: Target) {
    return target.kind === 'phase' ? target.phase.successCriteria : this.plan.successCriteria;
  }

  /** Records a new phase under `parent` (or the plan): every notation's phases are made here. */
  addPhase(read: { id: string; key: string; kind: Phase['kind'] }, title: string, written: string, section: Section, idRange: Phase['idRange'], parent: Phase | undefined): Phase {
    const phase: Phase = {
      id: read.id,
      key: read.key,
      kind: read.kind,
      title,
      heading: written,
      line: section.line,
      endLine: section.endLine,
      level: Math.ceil(section.level),
      idRange,
      sections: [section],
      status: 'planned',
      statusSource: 'default',
      tasks: [],
      successCriteria: [],
      dependsOn: [],
      children: [],
      empty: false,
    };
    if (parent) {
      phase.parentId = parent.id;
      parent.children.push(phase);
    } else {
      this.plan.phases.push(phase);
    }
    this.drafts.set(phase, { phase, parent });
    this.byKey.set(read.key, [...(this.byKey.get(read.key) ?? []), phase]);
    return phase;
  }
}
