import { describe, expect, it } from 'vitest';
import { formatResult, formatStarted, parseChildLine } from '../src/child-protocol.js';
import { formatFigure } from '../src/report/format-number.js';
import { formatTimes, isRegression, ratioPhrase, speedRatio } from '../src/report/ratio.js';
import { AGAINST_COMPARISON, PEER_COMPARISON, renderTable, type TableSpec } from '../src/report/table.js';
import type { CaseResult } from '../src/results.js';

const GFLOPS: TableSpec = { id: 'matmul', title: 'matmul', unit: 'GFLOP/s', higherIsBetter: true };
const MS: TableSpec = { id: 'mlp', title: 'mlp', unit: 'ms/step', higherIsBetter: false };

function ok(library: string, figure: number, caseId = 'N=128 float32'): CaseResult {
  return { workload: 'matmul', caseId, library, status: 'ok', figure, unit: 'GFLOP/s', samplesMs: [1, 1, 1], spread: 0.04 };
}

describe('ratios', () => {
  it('is a speed ratio whichever way the unit runs', () => {
    expect(speedRatio(23, 10, true)).toBeCloseTo(2.3); // GFLOP/s: more is faster
    expect(speedRatio(10, 23, false)).toBeCloseTo(2.3); // ms: less is faster
  });

  it('reads as "N× faster" or "N× slower"', () => {
    expect(ratioPhrase('tapegrad', 'tfjs-wasm', 2.3)).toBe('tapegrad is 2.30× faster than tfjs-wasm');
    expect(ratioPhrase('tapegrad', 'jax-js', 0.5)).toBe('tapegrad is 2.00× slower than jax-js');
    expect(formatTimes(1.049)).toBe('1.05×');
    expect(formatTimes(23.45)).toBe('23.4×');
    expect(formatTimes(234.5)).toBe('235×');
  });

  it('flags a loss of more than 10 %', () => {
    expect(isRegression(0.89)).toBe(true);
    expect(isRegression(0.91)).toBe(false);
    expect(isRegression(1.2)).toBe(false);
  });

  it('prints figures with three significant digits and no exponent', () => {
    expect(formatFigure(0.012345)).toBe('0.0123');
    expect(formatFigure(1.2345)).toBe('1.23');
    expect(formatFigure(123.45)).toBe('123');
    expect(formatFigure(12345.6)).toBe('12346');
  });
});

describe('renderTable', () => {
  it('compares every peer with tapegrad and prints WRONG and unsupported rows with their reasons', () => {
    const table = renderTable(GFLOPS, [
      ok('tapegrad', 23),
      ok('tfjs-wasm', 10),
      { workload: 'matmul', caseId: 'N=128 float32', library: 'bad-lib', status: 'wrong', message: 'C: max relative error 1e+0' },
      { workload: 'matmul', caseId: 'N=128 float32', library: 'jax-js', status: 'unsupported', message: 'no float64' },
    ], PEER_COMPARISON);
    expect(table).toContain('tapegrad is 2.30× faster than tfjs-wasm');
    expect(table).toContain('WRONG: C: max relative error 1e+0');
    expect(table).toContain('no float64');
    expect(table).toContain('(reference)');
    expect(table).not.toMatch(/faster than bad-lib/);
    // A markdown table: every row has the same number of cells.
    const rows = table.split('\n').filter((line) => line.startsWith('|'));
    expect(new Set(rows.map((row) => row.split(' | ').length)).size).toBe(1);
  });

  it('with --against, prints new/old and flags a regression', () => {
    const table = renderTable(MS, [
      { ...ok('tapegrad-old', 10), unit: 'ms/step' },
      { ...ok('tapegrad-new', 12), unit: 'ms/step' },
    ], AGAINST_COMPARISON);
    expect(table).toContain('new is 1.20× slower than old ⚠ REGRESSION (>10 %)');
    expect(table).not.toContain('within the ± spread');
  });

  it('says when a flagged loss is within the rows\' spread', () => {
    const table = renderTable(MS, [
      { ...ok('tapegrad-old', 10), unit: 'ms/step', spread: 0.3 },
      { ...ok('tapegrad-new', 12), unit: 'ms/step', spread: 0.2 },
    ], AGAINST_COMPARISON);
    expect(table).toContain('REGRESSION (>10 %, but within the ± spread');
  });
});

describe('child protocol', () => {
  it('round-trips results and ignores lines that are not its own', () => {
    const result = ok('tapegrad', 1.5);
    expect(parseChildLine(formatResult(result))).toEqual({ kind: 'result', result });
    expect(parseChildLine(formatStarted('N=128 float32'))).toEqual({ kind: 'started', caseId: 'N=128 float32' });
    expect(parseChildLine('Hi, looks like you are running TensorFlow.js in Node.js')).toBeNull();
  });
});
