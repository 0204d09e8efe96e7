import type { Phase, Section } from '../../model';
import { allPhases, capitalizedPhaseName } from '../../phases';
import { headingOutline, headingTextRange, parentHeadingLookup } from '../headingRange';
import type { Rule } from '../types';

function normalizedTitle(title: string): string {
  return title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

interface Definition {
  phase: Phase;
  section: Section;
}

interface Duplicate {
  first: Definition;
  later: Definition;
}

export const duplicatePhaseId: Rule = {
  id: 'duplicate-phase-id',
  description: 'Two sibling headings in one file start with the same phase id but name different work',
  defaultSeverity: 'warning',
  tags: ['ids'],
  check({ plan, lines, report }) {
    // Only headings that lead with the id, at one level under one parent heading, count: a recap
    // ("PHASE 3 SUCCESS CRITERIA"), a mention ("Security (Feature 2)") or a second section in
    // another part of the document ("## Kickoff" › "### Day 1 Morning Tasks") is not a second definition.
    const definitions: Definition[] = [];
    const keys = new Set<string>();
    for (const phase of allPhases(plan)) {
      for (const section of phase.sections) {
        if (!section.idLeads || section.criteriaOnly) continue;
        definitions.push({ phase, section });
        keys.add(phase.key);
      }
    }
    // Most plans repeat no id: the outline of every heading (a scan of the whole text) is read only when one does.
    if (keys.size === definitions.length) return;
    const parentHeadingLine = parentHeadingLookup(headingOutline(lines));
    const siblings = new Map<number, Map<string, Definition[]>>();
    for (const definition of definitions) {
      const { phase, section } = definition;
      const parent = parentHeadingLine(section.line, section.level) * 10 + section.level;
      const byKey = siblings.get(parent) ?? new Map<string, Definition[]>();
      siblings.set(parent, byKey);
      const list = byKey.get(phase.key) ?? [];
      list.push(definition);
      byKey.set(phase.key, list);
    }

    for (const byKey of siblings.values()) {
      const duplicates: Duplicate[] = [];
      let repeatedIds = 0;
      for (const sameKey of byKey.values()) {
        if (sameKey.length < 2) continue;
        sameKey.sort((a, b) => a.section.line - b.section.line);
        const first = sameKey[0]!;
        const titles = new Set([normalizedTitle(first.section.title)]);
        const before = duplicates.length;
        for (const later of sameKey.slice(1)) {
          const title = normalizedTitle(later.section.title);
          if (titles.has(title)) continue;
          titles.add(title);
          duplicates.push({ first, later });
        }
        if (duplicates.length > before) repeatedIds++;
      }
      // Several ids repeating among the same siblings ("## P1 - Core tests", "## P1 - Protocol
      // tests", "## P2 - …") are labels such as priorities, not phase ids: nothing to renumber.
      if (repeatedIds > 1) continue;
      for (const { first, later } of duplicates) {
        const name = capitalizedPhaseName(later.phase);
        report({
          range: headingTextRange(lines, later.section.line),
          message: `${name} is already defined on line ${first.section.line} ("${first.section.title}"); give "${later.section.title}" a different id`,
          phase: later.phase,
          related: [{ file: plan.file, range: headingTextRange(lines, first.section.line), message: `${name} is first defined here` }],
        });
      }
    }
  },
};
