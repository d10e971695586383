/**
 * One markdown table per workload (readable in a terminal, pasteable into docs/performance.md):
 * a row per case × library with the median figure, its spread, the number of timed repetitions,
 * and the ratio to the reference library of that case (tapegrad, or tapegrad-old with --against).
 */
import type { CaseResult } from '../results.js';
import { formatFigure } from './format-number.js';
import { isRegression, ratioPhrase, speedRatio } from './ratio.js';

export interface TableSpec {
  id: string;
  title: string;
  unit: string;
  higherIsBetter: boolean;
}

export interface Comparison {
  /** The library every other row is compared with. */
  reference: string;
  /** How the phrase names the two sides: with --against, "new" and "old". */
  subjectName(row: string): string;
  referenceName: string;
  /** Whether the phrase reads "reference is N× faster than row" (peers) or "row is N× faster than reference" (--against). */
  rowIsSubject: boolean;
}

export const PEER_COMPARISON: Comparison = { reference: 'tapegrad', referenceName: 'tapegrad', subjectName: (row) => row, rowIsSubject: false };
export const AGAINST_COMPARISON: Comparison = { reference: 'tapegrad-old', referenceName: 'old', subjectName: () => 'new', rowIsSubject: true };

function cellFor(result: CaseResult): string {
  switch (result.status) {
    case 'ok':
      return formatFigure(result.figure!);
    case 'wrong':
      return `WRONG: ${result.message}`;
    case 'failed':
      return `FAILED: ${result.message}`;
    case 'unsupported':
      return result.message ?? 'not available';
  }
}

/** The ratio cell, and whether it is a regression (only in --against mode). */
export function ratioCell(row: CaseResult, reference: CaseResult | undefined, spec: TableSpec, comparison: Comparison): { text: string; regression: boolean } {
  if (row.library === comparison.reference) return { text: '(reference)', regression: false };
  if (!reference || reference.status !== 'ok' || row.status !== 'ok') return { text: '', regression: false };
  if (comparison.rowIsSubject) {
    const ratio = speedRatio(row.figure!, reference.figure!, spec.higherIsBetter);
    const regression = isRegression(ratio);
    // On a shared machine a 10 % loss can be noise: say so when the two rows' spreads cover it.
    const withinNoise = (row.spread ?? 0) + (reference.spread ?? 0) > 1 - ratio;
    const flag = regression ? ` ⚠ REGRESSION (>10 %${withinNoise ? ', but within the ± spread: re-run it with --only' : ''})` : '';
    return { text: `${ratioPhrase(comparison.subjectName(row.library), comparison.referenceName, ratio)}${flag}`, regression };
  }
  const ratio = speedRatio(reference.figure!, row.figure!, spec.higherIsBetter);
  return { text: ratioPhrase(comparison.referenceName, row.library, ratio), regression: false };
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function renderTable(spec: TableSpec, results: CaseResult[], comparison: Comparison): string {
  const header = ['case', 'library', `${spec.unit} (${spec.higherIsBetter ? 'higher' : 'lower'} is better)`, '±', 'reps', 'ratio', 'note'];
  const rows: string[][] = [];
  const caseIds = [...new Set(results.map((r) => r.caseId))];
  for (const caseId of caseIds) {
    const ofCase = results.filter((r) => r.caseId === caseId);
    const reference = ofCase.find((r) => r.library === comparison.reference);
    ofCase.forEach((row, i) => {
      rows.push([
        i === 0 ? caseId : '',
        row.library,
        cellFor(row),
        row.status === 'ok' && row.spread !== undefined ? `${Math.round(row.spread * 100)} %` : '',
        row.samplesMs ? String(row.samplesMs.length) : '',
        ratioCell(row, reference, spec, comparison).text,
        row.note ?? '',
      ].map(escapeCell));
    });
  }
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  return [`### ${spec.title} — ${spec.unit}`, '', line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
