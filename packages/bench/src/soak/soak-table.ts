/**
 * The soak's printout: a markdown table with one row per memory sample (readable in a terminal,
 * pasteable into docs/performance.md), then one line per checked counter with its growth.
 * @module
 */
import type { MemoryGrowth } from './memory-growth.js';
import type { MemorySample } from './memory-sample.js';

/** A memory sample with how training went since the previous one. */
export interface SoakRecord {
  readonly sample: MemorySample;
  /** Mean loss over the steps since the previous sample. */
  readonly meanLoss: number;
  /** Wall time per step since the previous sample, the sample's own garbage collection excluded. */
  readonly msPerStep: number;
}

const megabytes = (bytes: number) => (bytes / 2 ** 20).toFixed(2);

/** The records as a markdown table; sizes in MiB. */
export function soakTable(records: readonly SoakRecord[]): string {
  const header = ['step', 'heapUsed MiB', 'external MiB', 'arrayBuffers MiB', 'rss MiB', 'threads', 'mean loss', 'ms/step'];
  const rows = records.map(({ sample, meanLoss, msPerStep }) => [
    String(sample.step),
    megabytes(sample.heapUsed),
    megabytes(sample.external),
    megabytes(sample.arrayBuffers),
    megabytes(sample.rss),
    sample.threads === null ? '?' : String(sample.threads),
    Number.isNaN(meanLoss) ? '' : meanLoss.toFixed(4),
    Number.isNaN(msPerStep) ? '' : msPerStep.toFixed(2),
  ]);
  const widths = header.map((title, c) => Math.max(title.length, ...rows.map((row) => row[c].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, c) => cell.padStart(widths[c])).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => `${'-'.repeat(width + 1)}:`).join('|')}|`, ...rows.map(line)].join('\n');
}

/**
 * `heapUsed: 9.10 → peak 9.30 MiB after warm-up (+2.2 %, limit 10.0 %), trend +1.5 bytes/step`,
 * one line per counter.
 */
export function growthLines(growth: readonly MemoryGrowth[], limit: number): string[] {
  const percent = (fraction: number) => `${(100 * fraction).toFixed(1)} %`;
  const signed = (value: number, text: string) => `${value >= 0 ? '+' : ''}${text}`;
  return growth.map(({ counter, baseline, peak, growth: fraction, bytesPerStep }) => {
    const verdict = fraction > limit ? '  ✗ GREW' : '';
    return (
      `${counter}: ${megabytes(baseline)} → peak ${megabytes(peak)} MiB after warm-up ` +
      `(${signed(fraction, percent(fraction))}, limit ${percent(limit)}), trend ${signed(bytesPerStep, bytesPerStep.toFixed(1))} bytes/step${verdict}`
    );
  });
}
