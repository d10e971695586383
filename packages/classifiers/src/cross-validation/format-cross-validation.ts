/**
 * The printout of a cross-validation: one line per setting, the best one marked.
 * @module
 */
import type { CrossValidationResult } from './cross-validate.js';

/**
 * The result of `crossValidate` as a table a person can read: one row per setting with its
 * mean score, standard deviation and the score on each fold, the best row marked `*`, and a
 * last line naming the best setting. Scores print with 4 decimals.
 *
 * ```text
 * 5-fold cross-validation on 8000 examples, 4 settings
 *
 *     k  distance  mean    std     fold 1  fold 2  fold 3  fold 4  fold 5
 *     1  l1        0.9271  0.0041  0.9281  0.9244  …
 *  *  1  l2        0.9404  0.0046  …
 *
 * best: k = 1, distance = l2 (mean 0.9404 ± 0.0046)
 * ```
 */
export function formatCrossValidation(result: CrossValidationResult<object>): string {
  const { table, best, folds, examples } = result;
  const options = Object.keys(table[0]?.setting ?? {});
  const header = ['', ...options, 'mean', 'std', ...Array.from({ length: folds }, (_, i) => `fold ${i + 1}`)];
  const rows = table.map((row) => [
    row === best ? '*' : '',
    ...options.map((name) => formatValue((row.setting as Record<string, unknown>)[name])),
    score(row.mean),
    score(row.std),
    ...row.foldScores.map(score),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((cells) => cells[column].length)));
  // Settings and scores right-aligned except text options, which read better left-aligned.
  const leftAligned = header.map((_, column) => column > 0 && column <= options.length && rows.some((cells) => !isNumeric(cells[column])));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (leftAligned[column] ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ')
      .trimEnd();
  const described = options.length === 0 ? 'one setting' : `${table.length} setting${table.length === 1 ? '' : 's'}`;
  const bestSetting = options.length === 0 ? '(the only setting)' : options.map((name) => `${name} = ${formatValue((best.setting as Record<string, unknown>)[name])}`).join(', ');
  return [
    `${folds}-fold cross-validation on ${examples} examples, ${described}`,
    '',
    line(header),
    ...rows.map(line),
    '',
    `best: ${bestSetting} (mean ${score(best.mean)} ± ${score(best.std)})`,
  ].join('\n');
}

function score(value: number): string {
  return value.toFixed(4);
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) return String(value);
  return JSON.stringify(value) ?? String(value);
}

function isNumeric(text: string): boolean {
  return text !== '' && Number.isFinite(Number(text));
}
