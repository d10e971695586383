/**
 * The text of a gradcheck report. A failure must tell a person, without rerunning anything,
 * which input is wrong, at which entry, by how much against what tolerance, and whether the
 * mismatch is a pattern (a factor, a sign) or a kink — as PyTorch's gradcheck prints the two
 * Jacobians side by side.
 * @module
 */
import { formatShape } from '@tapegrad/tensor';
import { formatNumber } from './format-number.js';
import type { GradcheckReport, InputCheck } from './gradcheck.js';
import { hintFor } from './hint.js';
import type { Kink } from './kink.js';
import { formatIndex } from './multi-index.js';
import { entryFails } from './tolerance.js';

/** Kinks listed before the rest are summarised as a count. */
const KINKS_SHOWN = 10;

/** A one-line summary for an ok report; the full account otherwise. */
export function formatReport(report: GradcheckReport): string {
  return report.ok ? summaryLine(report) : failureText(report);
}

function summaryLine(report: GradcheckReport): string {
  const checked = report.perInput.filter((check) => check.checked);
  const entries = checked.reduce((n, check) => n + check.entries, 0);
  const maxAbs = checked.reduce((m, check) => Math.max(m, check.maxAbsError), 0);
  const maxRel = checked.reduce((m, check) => Math.max(m, check.maxRelError), 0);
  const parts = [
    `gradcheck ok: ${plural(checked.length, 'input')}, ${plural(entries, 'entry', 'entries')} within ` +
      `${formatTolerance(report.tolerance.atol, report.tolerance.rtol)}; max abs error ${formatNumber(maxAbs)}, max rel error ${formatNumber(maxRel)}`,
  ];
  if (report.kinks.length > 0) {
    const shown = report.kinks.slice(0, 3).map(kinkName).join(', ');
    const more = report.kinks.length > 3 ? ', …' : '';
    parts.push(`${plural(report.kinks.length, 'kink')} not counted (${shown}${more})`);
  }
  const float32 = checked.filter((check) => check.float32);
  if (float32.length > 0) {
    const { atol, rtol } = float32[0].tolerance;
    parts.push(`float32 backward for ${float32.map(inputName).join(', ')}, judged at ${formatTolerance(atol, rtol)}`);
  }
  if (checked.length === 0) parts.push('no float inputs, nothing was checked');
  return parts.join('; ');
}

function failureText(report: GradcheckReport): string {
  const failing = report.perInput.filter((check) => check.failures > 0);
  const lines: string[] = [];
  lines.push(
    `gradcheck failed: ${failing.length} of ${report.perInput.filter((check) => check.checked).length} inputs ` +
      `${failing.length === 1 ? 'has a gradient that disagrees' : 'have gradients that disagree'} with centered differences`,
  );
  const output =
    report.projection.size === 1
      ? `f's output ${formatShape(report.outputShape)} is a scalar`
      : `f's output ${formatShape(report.outputShape)} was reduced to sum(f(x)·v) with the fixed v in report.projection`;
  lines.push(`(${output}; eps ${formatNumber(report.eps)}; an entry fails when |analytic − numerical| > atol + rtol·|numerical|)`);
  for (const check of report.perInput) {
    lines.push('');
    lines.push(...(check.failures > 0 ? failingInput(check) : [passingInput(check)]));
  }
  if (report.kinks.length > 0) lines.push('', ...kinkLines(report.kinks));
  if (report.notes.length > 0) {
    lines.push('', 'notes:');
    for (const note of report.notes) lines.push(`  - ${note}`);
  }
  return lines.join('\n');
}

function failingInput(check: InputCheck): string[] {
  const { atol, rtol } = check.tolerance;
  const lines = [
    `${inputName(check)} ${formatShape(check.shape)} ${check.dtype}: ${check.failures} of ${check.entries} entries outside ${formatTolerance(atol, rtol)}`,
  ];
  const worst = check.worst!;
  lines.push(
    `  worst entry ${formatIndex(worst.index)} (flat ${worst.flatIndex}): analytic ${formatNumber(worst.analytic)}, numerical ${formatNumber(worst.numerical)}`,
    `    abs error ${formatNumber(worst.absError)} > allowed ${formatNumber(worst.allowed)}; rel error ${formatNumber(worst.relError)}`,
  );
  lines.push(...table(check).map((row) => `  ${row}`));
  const hint = hintFor(check.worstEntries.filter(entryFails));
  if (hint !== undefined) lines.push(`  hint: ${hint}`);
  return lines;
}

function passingInput(check: InputCheck): string {
  const head = `${inputName(check)} ${formatShape(check.shape)} ${check.dtype}`;
  if (!check.checked) return `${head}: not checked (${check.notes.join('; ')})`;
  return `${head}: ok (max abs error ${formatNumber(check.maxAbsError)}, max rel error ${formatNumber(check.maxRelError)})`;
}

/** The worst entries side by side, columns aligned so the eye can run down them. */
function table(check: InputCheck): string[] {
  const header = ['index', 'analytic', 'numerical', 'abs error', 'rel error', ''];
  const rows = check.worstEntries.map((entry) => [
    formatIndex(entry.index),
    formatNumber(entry.analytic),
    formatNumber(entry.numerical),
    formatNumber(entry.absError),
    formatNumber(entry.relError),
    entryFails(entry) ? 'FAIL' : 'ok',
  ]);
  const widths = header.map((_, column) => Math.max(header[column].length, ...rows.map((row) => row[column].length)));
  return [header, ...rows].map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd());
}

function kinkLines(kinks: readonly Kink[]): string[] {
  const lines = [`kinks (${kinks.length}), not counted as failures — the one-sided slopes differ, so f is not differentiable within ±eps there:`];
  for (const kink of kinks.slice(0, KINKS_SHOWN)) {
    lines.push(
      `  ${kinkName(kink)}: left slope ${formatNumber(kink.left)}, right slope ${formatNumber(kink.right)}; ` +
        `analytic ${formatNumber(kink.analytic)}, numerical ${formatNumber(kink.numerical)}`,
    );
  }
  if (kinks.length > KINKS_SHOWN) lines.push(`  … and ${kinks.length - KINKS_SHOWN} more (report.kinks)`);
  return lines;
}

/** `input 1 (W)`: how the report names an input. */
export function inputName(check: { readonly index: number; readonly label?: string }): string {
  return check.label === undefined ? `input ${check.index}` : `input ${check.index} (${check.label})`;
}

function kinkName(kink: Kink): string {
  return `${inputName({ index: kink.input, label: kink.label })} at ${formatIndex(kink.index)}`;
}

function formatTolerance(atol: number, rtol: number): string {
  return `atol ${formatNumber(atol)} + rtol ${formatNumber(rtol)}·|numerical|`;
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
