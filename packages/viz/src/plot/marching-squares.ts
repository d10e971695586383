/**
 * Contour lines of a function sampled on a grid, by marching squares: in each grid cell, the
 * level crosses the edges whose two corners lie on opposite sides of it (at the linearly
 * interpolated point), and the crossings join into lines. A cell with all four edges crossed (a
 * saddle) is split by the value at its centre. Lines that come back to where they started are
 * closed rings (a bowl's contours); the others end at the grid's border or at a cell left out
 * because a corner is NaN or infinite.
 */

/** Samples of f: `values[j · columns + i]` = f at grid column i, row j. */
export interface SampledGrid {
  readonly columns: number;
  readonly rows: number;
  readonly values: Float64Array;
}

/** One contour line, in fractional grid coordinates (column, row). */
export interface ContourLine {
  readonly points: readonly (readonly [number, number])[];
  /** True when the line is a ring (its last point joins its first). */
  readonly closed: boolean;
}

/** The contour lines of `grid` at `level`, in a fixed order (the grid's cells, bottom row first). */
export function contourLines(grid: SampledGrid, level: number): ContourLine[] {
  const { columns, rows, values } = grid;
  // Every edge between two samples has an id: 2k for the edge from sample k to its right
  // neighbour, 2k + 1 to the one above. A crossing belongs to an edge, so two cells that share
  // the edge share the point, and that is how the pieces join.
  const crossings = new Map<number, readonly [number, number]>();
  const crossing = (from: number, to: number, id: number): number => {
    if (!crossings.has(id)) {
      const t = (level - values[from]) / (values[to] - values[from]);
      const [i, j] = [from % columns, Math.floor(from / columns)];
      crossings.set(id, id % 2 === 0 ? [i + t, j] : [i, j + t]);
    }
    return id;
  };
  // 1 where the sample is at or above the level, 0 below, 2 where it is NaN or infinite.
  const side = new Uint8Array(values.length);
  for (let k = 0; k < values.length; k++) side[k] = !Number.isFinite(values[k]) ? 2 : values[k] >= level ? 1 : 0;
  const segments: [number, number][] = [];
  for (let j = 0; j + 1 < rows; j++) {
    for (let i = 0; i + 1 < columns; i++) {
      const a = j * columns + i;
      const b = a + 1;
      const c = a + columns + 1;
      const d = a + columns;
      const sides = side[a] | (side[b] << 2) | (side[c] << 4) | (side[d] << 6);
      // Most cells lie wholly on one side (all 0, or all 1 = 0b01010101), or touch a bad sample.
      if (sides === 0 || sides === 0b01010101 || (sides & 0b10101010) !== 0) continue;
      const [aboveA, aboveB, aboveC, aboveD] = [side[a] === 1, side[b] === 1, side[c] === 1, side[d] === 1];
      const bottom = aboveA !== aboveB ? crossing(a, b, 2 * a) : -1;
      const right = aboveB !== aboveC ? crossing(b, c, 2 * b + 1) : -1;
      const top = aboveD !== aboveC ? crossing(d, c, 2 * d) : -1;
      const left = aboveA !== aboveD ? crossing(a, d, 2 * a + 1) : -1;
      const crossed = [bottom, right, top, left].filter((edge) => edge >= 0);
      if (crossed.length === 2) {
        segments.push([crossed[0], crossed[1]]);
      } else {
        // A saddle (all four edges crossed): the two corners on the centre's side are joined
        // through the middle, so the lines cut off the other two corners.
        const centreAbove = (values[a] + values[b] + values[c] + values[d]) / 4 >= level;
        if (aboveA === centreAbove) segments.push([bottom, right], [left, top]);
        else segments.push([bottom, left], [right, top]);
      }
    }
  }
  return joinSegments(segments).map(({ edges, closed }) => ({ points: edges.map((edge) => crossings.get(edge)!), closed }));
}

/**
 * Joins segments that share an edge into lines: first the open ones, walked from an end (an
 * edge used by one segment only), then the rings that remain.
 */
function joinSegments(segments: readonly [number, number][]): { edges: number[]; closed: boolean }[] {
  const atEdge = new Map<number, number[]>();
  segments.forEach(([from, to], s) => {
    for (const edge of [from, to]) {
      const list = atEdge.get(edge);
      if (list === undefined) atEdge.set(edge, [s]);
      else list.push(s);
    }
  });
  const used = new Array<boolean>(segments.length).fill(false);
  const walk = (start: number, startEdge: number): { edges: number[]; closed: boolean } => {
    const edges = [startEdge];
    let [segment, edge] = [start, startEdge];
    for (;;) {
      used[segment] = true;
      const [from, to] = segments[segment];
      edge = edge === from ? to : from;
      if (edge === startEdge) return { edges, closed: true };
      edges.push(edge);
      const next = atEdge.get(edge)!.find((other) => !used[other]);
      if (next === undefined) return { edges, closed: false };
      segment = next;
    }
  };
  const lines: { edges: number[]; closed: boolean }[] = [];
  segments.forEach(([from, to], s) => {
    if (used[s]) return;
    if (atEdge.get(from)!.length === 1) lines.push(walk(s, from));
    else if (atEdge.get(to)!.length === 1) lines.push(walk(s, to));
  });
  segments.forEach(([from], s) => {
    if (!used[s]) lines.push(walk(s, from));
  });
  return lines;
}
