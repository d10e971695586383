/**
 * Series styles: matplotlib's default colour cycle ("tab10"), the colours the course's plots use,
 * and past the first ten a dash pattern, so that the 11th series does not look like the 1st. A
 * series' style depends only on its position, so the same call always draws the same picture.
 */
const TAB10 = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'] as const;

/** Solid for the first ten series, then dashed, dotted, dash-dotted (`stroke-dasharray` values); after forty the styles repeat. */
const DASHES = [undefined, '7 4', '2 3', '8 3 2 3'] as const;

/** How a series (a line, a path) is drawn. */
export interface SeriesStyle {
  readonly colour: string;
  /** A `stroke-dasharray`, or undefined for a solid line. */
  readonly dash?: string;
}

/** The style of the `index`-th series (0-based). */
export function seriesStyle(index: number): SeriesStyle {
  return { colour: TAB10[index % TAB10.length], dash: DASHES[Math.floor(index / TAB10.length) % DASHES.length] };
}
