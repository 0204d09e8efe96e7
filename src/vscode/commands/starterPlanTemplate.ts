/**
 * The plan "Create Starter Plan" writes: a small, real plan in the style PhaseLens reads best
 * (phases, a nested sub-phase pair, tasks with a subtask, success criteria and dependencies),
 * so the tree, the lenses and the lint have something to show at once. Lints clean.
 */
export const DEFAULT_PLAN_NAME = 'PHASE_1_PLAN.md';

export interface StarterPlanOptions {
  /** Shown in a field under the title (never in a heading, where "phase-9-app" would read as a phase); usually the workspace folder's name. */
  project: string;
  /** `YYYY-MM-DD`. */
  date: string;
}

export function starterPlanText({ project, date }: StarterPlanOptions): string {
  const name = project.replace(/[\r\n#`*_[\]]+/g, ' ').replace(/\s+/g, ' ').trim() || 'My Project';
  return `# Delivery Plan

**Project**: ${name}
**Owner**: (your name)
**Created**: ${date}

---

## 📋 Overview

Replace this paragraph with what the plan delivers and for whom. PhaseLens reads this file as a
plan: every \`## Phase N: …\` heading is a phase, \`- [ ]\` items are its tasks, **Success Criteria**
say when it is finished and **Depends on** names the phases that must finish first. Tick tasks here
or in the Phases view, and start or complete a phase from the lens above its heading.

---

## Phase 1: Groundwork

**Status**: Planned

- [ ] Agree on the scope and the first milestone
- [ ] Set up the repository, the build and CI
- [ ] Write down how to run the project locally

**Success Criteria**:
- [ ] A fresh clone builds and passes its tests with one command
- [ ] CI runs on every push

---

## Phase 2: First Feature

**Depends on**: Phase 1

**Success Criteria**:
- A user can walk through the main flow from start to finish
- Automated tests cover the main flow and its error cases

### Phase 2A: Core Logic

- [ ] Model the main data types
- [ ] Implement the main flow
  - [ ] Unit tests for the edge cases

### Phase 2B: User Interface

**Depends on**: 2A

- [ ] Sketch the screens
- [ ] Connect them to the core logic

---

## Phase 3: Release

**Depends on**: Phase 2

- [ ] Write the changelog and the user guide
- [ ] Tag the release and publish it

**Success Criteria**:
- [ ] Someone outside the team installs it from the guide alone
- [ ] The release notes list every user-visible change
`;
}

/**
 * `PHASE_1_PLAN.md`, or the first of `PHASE_1_PLAN-2.md`, `-3`, … that does not exist yet:
 * a starter plan never overwrites a file.
 */
export async function freePlanName(preferred: string, exists: (name: string) => boolean | Promise<boolean>): Promise<string> {
  const withExtension = /\.(md|markdown)$/i.test(preferred) ? preferred : `${preferred}.md`;
  if (!(await exists(withExtension))) return withExtension;
  const dot = withExtension.lastIndexOf('.');
  const stem = withExtension.slice(0, dot);
  const extension = withExtension.slice(dot);
  for (let n = 2; n < MAX_SUFFIX; n++) {
    const candidate = `${stem}-${n}${extension}`;
    if (!(await exists(candidate))) return candidate;
  }
  // A folder with a thousand starter plans: a timestamp is free in practice, and the writer re-checks.
  return `${stem}-${Date.now()}${extension}`;
}

const MAX_SUFFIX = 1000;
