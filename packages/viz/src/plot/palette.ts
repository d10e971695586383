/**
 * Series colours: matplotlib's default cycle ("tab10"), the colours the course's plots use. A
 * series' colour depends only on its position, so the same call always draws the same picture.
 */
const TAB10 = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'] as const;

/** The colour of the `index`-th series (0-based), cycling after ten. */
export function seriesColour(index: number): string {
  return TAB10[index % TAB10.length];
}
