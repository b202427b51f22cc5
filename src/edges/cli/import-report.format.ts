import type { ListingProblem } from '../../domain/listing/listing.ts';
import type { ImportReport } from '../../services/import/import.service.ts';

const MAX_SLUGS_SHOWN = 6;

function slugList(slugs: readonly string[]): string {
  const shown = slugs.slice(0, MAX_SLUGS_SHOWN).join(', ');
  const more = slugs.length - MAX_SLUGS_SHOWN;
  return more > 0 ? `${shown} and ${more} more` : shown;
}

/** Problems with the same message together, most frequent first, each with its slugs. */
function groupProblems(problems: readonly ListingProblem[]): string[] {
  const bySlug = new Map<string, string[]>();
  for (const p of problems) bySlug.set(p.message, [...(bySlug.get(p.message) ?? []), p.slug]);
  return [...bySlug]
    .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
    .map(([message, slugs]) => {
      const unique = [...new Set(slugs)];
      const who =
        unique.length === 1 ? unique[0] : `${unique.length} meetings: ${slugList(unique)}`;
      return `  ${message} — ${who}`;
    });
}

const formatNames = {
  'meeting-guide': 'Meeting Guide feed',
  csv: '12 Step Meeting List CSV',
} as const;

/**
 * The report a volunteer reads after an import: where the meetings went, what was wrong with
 * which meetings, and the counts. Full detail is available as JSON (--json).
 */
export function formatImportReport(report: ImportReport): string {
  const lines: string[] = [];
  const verb = report.dryRun ? 'Checked' : 'Imported';
  const fellowship = {
    default: `Meetings that name no fellowship are listed as ${report.fellowship} (change with --fellowship).`,
    source: `Meetings that name no fellowship are listed as ${report.fellowship}, as on the last import.`,
    option: `Meetings that name no fellowship are listed as ${report.fellowship}.`,
  }[report.fellowshipOrigin];
  lines.push(
    `${verb} ${report.location} as source "${report.source}": a ${formatNames[report.format]}.`,
    fellowship,
  );
  const errors = report.problems.filter((p) => p.severity === 'error');
  const warnings = report.problems.filter((p) => p.severity === 'warning');
  if (errors.length > 0) lines.push(`Left out (${report.skipped}):`, ...groupProblems(errors));
  if (warnings.length > 0) {
    const affected = new Set(warnings.map((w) => w.slug)).size;
    lines.push(`Warnings (${affected} meetings):`, ...groupProblems(warnings));
  }
  const would = report.dryRun ? 'would be ' : '';
  lines.push(
    `Meetings: ${report.read} read, ${would}${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.removed} removed, ${report.skipped} left out`,
  );
  if (report.dryRun) lines.push('Nothing was written.');
  return `${lines.join('\n')}\n`;
}
