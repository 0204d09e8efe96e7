import { capitalizedPhaseName, type Finding, workspaceFor, type WorkspaceIndex } from '../../core/api';

/**
 * A broken reference with a "did you mean 2B?" fix also points at 2B itself, as related
 * information, so the user can check the suggestion before taking it. The rule offers the
 * replacement only when the graph's suggestion is a good one, so a preferred fix is the sign
 * to look the suggestion up. Findings are copied, never changed in place.
 */
export function withSuggestionLocations(findings: readonly Finding[], index: WorkspaceIndex): Finding[] {
  return findings.map((finding) => {
    if (finding.rule !== 'broken-dependency' || !finding.fixes?.some((fix) => fix.isPreferred)) return finding;
    const unresolved = workspaceFor(index, finding.file).unresolved.find(
      ({ ref }) => ref.range.line === finding.line && ref.range.column === finding.column && ref.range.endLine === finding.endLine && ref.range.endColumn === finding.endColumn,
    );
    const suggestion = unresolved?.suggestion;
    if (!suggestion) return finding;
    const related = {
      file: suggestion.plan.file,
      range: suggestion.phase.idRange,
      message: `Did you mean ${capitalizedPhaseName(suggestion.phase)}? It is defined here`,
    };
    return { ...finding, related: [...(finding.related ?? []), related] };
  });
}
