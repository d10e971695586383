/**
 * The legend: a row of entries (a coloured sample and a name) above the plot area, wrapping onto
 * more rows when they do not fit. Above, not inside: it never hides a curve, wherever the data go.
 */
import { cross, dot, hollowDot } from './markers.js';
import { escapeXml } from '../escape-xml.js';
import { element, textWidth } from './svg.js';

/** How an entry's sample is drawn: a line (a series, a path), or a marker alone. */
export type LegendSample = 'line' | 'hollow-dot' | 'dot' | 'cross';

/** One entry of the legend. */
export interface LegendEntry {
  readonly name: string;
  readonly colour: string;
  readonly sample: LegendSample;
  /** The line's `stroke-dasharray` (a series past the tenth), for a `'line'` sample. */
  readonly dash?: string;
}

const ROW_HEIGHT = 18;
const SAMPLE_WIDTH = 22;
const SAMPLE_GAP = 5;
const ENTRY_GAP = 16;

/** Rows of entries that fit in `width` pixels; an entry wider than a row gets a row of its own. */
function rowsOf(entries: readonly LegendEntry[], width: number): LegendEntry[][] {
  const rows: LegendEntry[][] = [];
  let used = Infinity;
  for (const entry of entries) {
    const entryWidth = SAMPLE_WIDTH + SAMPLE_GAP + textWidth(entry.name);
    if (used + ENTRY_GAP + entryWidth > width) {
      rows.push([]);
      used = -ENTRY_GAP;
    }
    rows[rows.length - 1].push(entry);
    used += ENTRY_GAP + entryWidth;
  }
  return rows;
}

/** The height the legend takes in a row `width` pixels wide (0 without entries). */
export function legendHeight(entries: readonly LegendEntry[], width: number): number {
  return rowsOf(entries, width).length * ROW_HEIGHT;
}

/** The legend's elements, its first row starting at (`left`, `top`), each row at most `width` wide. */
export function drawLegend(entries: readonly LegendEntry[], left: number, top: number, width: number): string[] {
  const drawn = rowsOf(entries, width).flatMap((row, r) => {
    const y = top + r * ROW_HEIGHT + ROW_HEIGHT / 2;
    let x = left;
    return row.map((entry) => {
      const parts = [...sample(entry, x, y), element('text', { x: x + SAMPLE_WIDTH + SAMPLE_GAP, y, 'dominant-baseline': 'central' }, escapeXml(entry.name))];
      x += SAMPLE_WIDTH + SAMPLE_GAP + textWidth(entry.name) + ENTRY_GAP;
      return element('g', { class: 'legend-entry', 'data-name': entry.name }, parts.join(''));
    });
  });
  return drawn.length === 0 ? [] : [element('g', { class: 'legend' }, `\n${drawn.join('\n')}\n`)];
}

function sample({ colour, sample: kind, dash }: LegendEntry, x: number, y: number): string[] {
  const middle = x + SAMPLE_WIDTH / 2;
  const line = element('line', { x1: x, y1: y, x2: x + SAMPLE_WIDTH, y2: y, stroke: colour, 'stroke-width': 2, 'stroke-dasharray': dash });
  switch (kind) {
    case 'line':
      return [line];
    case 'hollow-dot':
      return [hollowDot(middle, y, colour)];
    case 'dot':
      return [dot(middle, y, colour)];
    case 'cross':
      return [cross(middle, y, colour)];
  }
}
