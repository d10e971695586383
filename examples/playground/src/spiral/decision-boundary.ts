/**
 * The decision-boundary picture: the plane coloured by the class the net predicts there, with
 * the training points on top. The net is evaluated on a coarse grid (one forward pass for all
 * cells) and the canvas scales it up smoothly.
 */

/** The square of the plane the picture shows; the spirals lie inside the unit disc. */
const EXTENT = 1.1;
/** Grid cells per side: 100² = 10⁴ points, one batched forward pass per picture. */
const GRID = 100;
const REGION_COLOURS: readonly (readonly [number, number, number])[] = [
  [253, 214, 214],
  [211, 228, 253],
  [210, 244, 220],
];
const POINT_COLOURS = ['#dc2626', '#2563eb', '#16a34a'];

/** The grid cells' centres as x, y pairs, row by row from the top (y = +EXTENT). */
export function gridPoints(): Float64Array {
  const points = new Float64Array(GRID * GRID * 2);
  for (let row = 0; row < GRID; row++) {
    for (let column = 0; column < GRID; column++) {
      const i = row * GRID + column;
      points[2 * i] = -EXTENT + (2 * EXTENT * (column + 0.5)) / GRID;
      points[2 * i + 1] = EXTENT - (2 * EXTENT * (row + 0.5)) / GRID;
    }
  }
  return points;
}

/**
 * Paints `classes` (one per grid cell, as from {@link gridPoints}) and the points `x` ([n, 2]
 * flat) with labels `y` on `canvas`.
 */
export function drawDecisionBoundary(canvas: HTMLCanvasElement, classes: Int32Array, x: ArrayLike<number>, y: ArrayLike<number>): void {
  const context = canvas.getContext('2d');
  if (!context) throw new Error('drawDecisionBoundary: the canvas has no 2d context');
  const regions = new ImageData(GRID, GRID);
  classes.forEach((k, i) => {
    const [r, g, b] = REGION_COLOURS[k % REGION_COLOURS.length];
    regions.data.set([r, g, b, 255], 4 * i);
  });
  const grid = document.createElement('canvas');
  grid.width = GRID;
  grid.height = GRID;
  grid.getContext('2d')!.putImageData(regions, 0, 0);
  context.imageSmoothingEnabled = true;
  context.drawImage(grid, 0, 0, canvas.width, canvas.height);

  const toPixel = (value: number, size: number) => ((value + EXTENT) / (2 * EXTENT)) * size;
  for (let i = 0; i < y.length; i++) {
    context.beginPath();
    context.arc(toPixel(x[2 * i], canvas.width), canvas.height - toPixel(x[2 * i + 1], canvas.height), 3, 0, 2 * Math.PI);
    context.fillStyle = POINT_COLOURS[y[i] % POINT_COLOURS.length];
    context.fill();
    context.strokeStyle = 'white';
    context.lineWidth = 0.8;
    context.stroke();
  }
}
