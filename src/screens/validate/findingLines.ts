// The findings list as lines the screen can window and a cursor can walk: one header per code,
// then its occurrences. Pure, so tests and the screen agree on what line N is.
import type { DatasetReport, Finding, FindingGroup } from '../../core/validate/types.js';

export interface FindingLine {
  /** The open dataset, or the validation file checked beside it. */
  source: 'training' | 'validation';
  group: FindingGroup;
  /** null for the group's header line. */
  finding: Finding | null;
}

export function findingLines(report: DatasetReport | null, query: string, validationReport: DatasetReport | null = null): FindingLine[] {
  const lines: FindingLine[] = [];
  if (report) addLines(lines, report, 'training', query);
  if (validationReport) addLines(lines, validationReport, 'validation', query);
  return lines;
}

function addLines(lines: FindingLine[], report: DatasetReport, source: FindingLine['source'], query: string): void {
  const q = query.toLowerCase();
  for (const group of report.findings) {
    const groupMatches = !q || group.code.includes(q) || group.hint.toLowerCase().includes(q);
    const findings = group.examples.filter((f) => groupMatches || f.message.toLowerCase().includes(q) || (f.path ?? '').toLowerCase().includes(q));
    if (!groupMatches && findings.length === 0) continue;
    lines.push({ source, group, finding: null });
    for (const finding of findings) lines.push({ source, group, finding });
  }
}

/** The dataset line a finding line points at: the finding's own, or the group's first; null for the validation file's. */
export function targetLine(line: FindingLine | undefined): { line: number; path: string | null } | null {
  if (!line || line.source === 'validation') return null;
  const finding = line.finding ?? line.group.examples.find((f) => f.line !== null) ?? null;
  if (finding?.line == null) return line.group.lines[0] ? { line: line.group.lines[0], path: null } : null;
  return { line: finding.line, path: finding.path };
}
