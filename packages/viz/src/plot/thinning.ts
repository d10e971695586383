/**
 * Drawing long lines with only the points that show: an optimizer's 20,000 steps, most of them
 * far below a pixel or retracing the same few pixels, and contour lines traced on a fine grid.
 */
import { num } from './svg.js';

/**
 * Path data (`M x y L x y …`) of the steps between `pixels` that show. Points are compared on a
 * half-pixel grid: a step that stays in the same grid cell is merged into the next, and a step
 * between two cells the path has already joined is skipped (the pen lifts and comes down at the
 * next new step), so drawn coordinates are the points themselves, but each visible segment only once.
 */
export function visibleSteps(pixels: readonly (readonly [number, number])[]): string {
  const cell = ([x, y]: readonly [number, number]): string => `${Math.round(2 * x)},${Math.round(2 * y)}`;
  const point = ([x, y]: readonly [number, number]): string => `${num(x)} ${num(y)}`;
  const drawn = new Set<string>();
  let [from, fromCell] = [pixels[0], cell(pixels[0])];
  let d = `M${point(from)}`;
  let penAtFrom = true;
  for (let i = 1; i < pixels.length; i++) {
    const toCell = cell(pixels[i]);
    if (toCell === fromCell) continue;
    const segment = fromCell < toCell ? `${fromCell} ${toCell}` : `${toCell} ${fromCell}`;
    if (drawn.has(segment)) {
      penAtFrom = false;
    } else {
      drawn.add(segment);
      d += `${penAtFrom ? '' : `M${point(from)}`}L${point(pixels[i])}`;
      penAtFrom = true;
    }
    [from, fromCell] = [pixels[i], toCell];
  }
  return d;
}

/**
 * The points of a contour line at least a pixel apart (the last one always kept): a fine grid
 * traces a narrow valley well, and this keeps its smooth curves from costing a point per cell.
 */
export function pixelApart(pixels: readonly (readonly [number, number])[]): (readonly [number, number])[] {
  const kept = [pixels[0]];
  for (let i = 1; i < pixels.length; i++) {
    const [x, y] = kept[kept.length - 1];
    if (i === pixels.length - 1 || Math.hypot(pixels[i][0] - x, pixels[i][1] - y) >= 1) kept.push(pixels[i]);
  }
  return kept;
}
