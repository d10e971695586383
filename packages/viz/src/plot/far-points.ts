/**
 * Keeping a path's coordinates drawable. A diverging optimizer's last points lie 10²⁰⁰ pixels
 * away; SVG renderers compute in float32 and draw such lines as stray strokes across the plot
 * (seen in Chromium). Each segment is cut where it leaves a box around the plot area: what lies
 * beyond the box is clipped away anyway, and the part inside keeps its exact direction (cutting
 * along the segment, not moving its far end, which would turn it).
 */

/** A rectangle in pixels. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

type Point = readonly [number, number];

/** Whether `point` lies in `box` (edges included). */
export function inBox([x, y]: Point, box: Box): boolean {
  return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
}

/**
 * The runs of `pixels` inside `box`: consecutive points joined by segments, each segment cut at
 * the box's edges, and a new run wherever the path comes back in after leaving. A path that
 * never leaves the box is one run of its own points.
 */
export function runsInBox(pixels: readonly Point[], box: Box): Point[][] {
  if (pixels.length === 1) return inBox(pixels[0], box) ? [[pixels[0]]] : [];
  const runs: Point[][] = [];
  let run: Point[] | undefined;
  for (let i = 1; i < pixels.length; i++) {
    const cut = cutToBox(pixels[i - 1], pixels[i], box);
    if (cut === null) {
      run = undefined;
      continue;
    }
    const [from, to] = cut;
    if (run === undefined || from !== pixels[i - 1]) runs.push((run = [from]));
    run.push(to);
    if (to !== pixels[i]) run = undefined;
  }
  return runs;
}

/**
 * The part of the segment a → b inside `box` (Liang–Barsky), or null when none is. An end inside
 * the box is returned as the same object, so the caller can tell a cut end from an original one.
 */
function cutToBox(a: Point, b: Point, box: Box): [Point, Point] | null {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  let [enter, leave] = [0, 1];
  // Each edge as (p, q): the segment is inside that edge where p·t ≤ q.
  const edges: [number, number][] = [[-dx, a[0] - box.left], [dx, box.right - a[0]], [-dy, a[1] - box.top], [dy, box.bottom - a[1]]];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null; // parallel to this edge and outside it
      continue;
    }
    const t = q / p;
    if (p < 0) enter = Math.max(enter, t);
    else leave = Math.min(leave, t);
    if (enter > leave) return null;
  }
  const at = (t: number): Point => [a[0] + t * dx, a[1] + t * dy];
  return [enter === 0 ? a : at(enter), leave === 1 ? b : at(leave)];
}
