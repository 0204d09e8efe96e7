import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Range, Rule, Severity } from '../../core/api';

export interface SarifContext {
  rules: readonly Rule[];
  toolVersion: string;
  /** Where the rule pages live: `<docsBase>/<rule-id>.md`. */
  docsBase: string;
  informationUri: string;
  /** Relative file names resolve against this directory (`%SRCROOT%`). */
  cwd: string;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/**
 * SARIF 2.1.0 for code scanning: one run, every rule described (id, short description, help
 * page, default level), one result per finding. SARIF counts columns from 1, the model from 0.
 */
export function formatSarif(findings: readonly Finding[], context: SarifContext): string {
  const known = new Map(context.rules.map((rule) => [rule.id, rule]));
  const ruleIds = [...context.rules.map((rule) => rule.id)];
  for (const finding of findings) if (!ruleIds.includes(finding.rule)) ruleIds.push(finding.rule);
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'phaselens',
            version: context.toolVersion,
            informationUri: context.informationUri,
            rules: ruleIds.map((id) => {
              const rule = known.get(id);
              return {
                id,
                shortDescription: { text: rule?.description ?? id },
                helpUri: `${context.docsBase}/${id}.md`,
                ...(rule ? { defaultConfiguration: { level: LEVEL[rule.defaultSeverity] }, properties: { tags: rule.tags } } : {}),
              };
            }),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(context.cwd.endsWith(path.sep) ? context.cwd : context.cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results: findings.map((finding) => ({
          ruleId: finding.rule,
          ruleIndex: ruleIndex.get(finding.rule)!,
          level: LEVEL[finding.severity],
          message: { text: finding.message },
          locations: [location(finding.file, finding)],
          ...(finding.phase !== undefined ? { properties: { phase: finding.phase } } : {}),
          ...(finding.related?.length
            ? {
                relatedLocations: finding.related.map((related, id) => ({
                  id,
                  ...location(related.file, related.range),
                  message: { text: related.message },
                })),
              }
            : {}),
          ...(finding.fixes?.length
            ? {
                fixes: finding.fixes.map((fix) => ({
                  description: { text: fix.title },
                  artifactChanges: [
                    {
                      artifactLocation: artifact(finding.file),
                      replacements: fix.edits.map((edit) => ({ deletedRegion: region(edit.range), insertedContent: { text: edit.newText } })),
                    },
                  ],
                })),
              }
            : {}),
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function location(file: string, range: Range) {
  return { physicalLocation: { artifactLocation: artifact(file), region: region(range) } };
}

function region(range: Range) {
  return { startLine: range.line, startColumn: range.column + 1, endLine: range.endLine, endColumn: range.endColumn + 1 };
}

/** A relative file stays relative to `%SRCROOT%` (what code scanning expects); an absolute one becomes a file URI. */
function artifact(file: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  const segments = file.split(/[\\/]+/).filter((segment, i) => !(segment === '.' && i === 0));
  return { uri: segments.map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}
