/**
 * `imageGrid` and `imageGridPng`: many small images in a grid, such as the linear classifier's
 * ten 28×28 templates, a batch of MNIST digits or a first layer's weights. The PNG is the grid of
 * pixels; the SVG is the same grid with a title and a label under each image.
 */
import { encode } from 'fast-png';
import type { Tensor } from '@tapegrad/tensor';
import { kindOf } from '../kind-of.js';
import { base64 } from './base64.js';
import { paintImage, whiteBitmap } from './bitmap.js';
import { type ColourScale, colourScales, type ImageColours, type ImageScaling } from './colour-scale.js';
import { readImageStack, type ImageStack } from './image-stack.js';
import { checkRange, checkWholeNumber } from './option-checks.js';
import { escapeXml } from '../escape-xml.js';
import { element, svgDocument, textWidth, TITLE_FONT_SIZE, TITLE_HEIGHT, titleText } from './svg.js';

/** Options of {@link imageGrid} and {@link imageGridPng}. */
export interface ImageGridOptions {
  /** Images per row; default min(n, 10). */
  readonly columns?: number;
  /** `[height, width]` of each image when `images` is `[n, height × width]` (flat rows). */
  readonly imageShape?: readonly [number, number];
  /**
   * The values that span the colours: `'each'` (default) stretches every image over the whole
   * scale on its own, min to max, as the course displays its templates; `'all'` uses one range for
   * every image, so they compare with each other; `[lo, hi]` fixes it (`[0, 1]` for pixels in 0–1).
   * A constant image (or all of them, with `'all'`) spans 0 to its value: all 0 is black, all 1 white.
   */
  readonly scaling?: ImageScaling;
  /**
   * `'gray'` (default): low black, high white. `'diverging'`: negative blue, zero white, positive
   * red, symmetric about zero (the range is ±max |value|), for signed weights.
   */
  readonly colours?: ImageColours;
  /** Screen pixels per image pixel, a whole number; default 3 (a 28×28 image is 84 pixels wide). */
  readonly pixelSize?: number;
  /** Pixels between neighbouring images; default 4. */
  readonly gap?: number;
  /** One label per image, written under it (SVG only). */
  readonly labels?: readonly string[];
  /** Written above the grid (SVG only). */
  readonly title?: string;
}

/** Where the images of a grid go, in pixels from the top-left of the grid of images. */
interface GridLayout {
  readonly stack: ImageStack;
  readonly columns: number;
  readonly rows: number;
  readonly pixelSize: number;
  readonly gap: number;
  /** One image's size on screen. */
  readonly cellWidth: number;
  readonly cellHeight: number;
  /** The colour scale of each image. */
  readonly scales: (image: number) => ColourScale;
}

function layoutGrid(where: string, images: Tensor, options: ImageGridOptions): GridLayout {
  const { imageShape, columns: asked, pixelSize = 3, gap = 4, scaling = 'each', colours = 'gray', labels } = options;
  const stack = readImageStack(where, images, imageShape);
  if (asked !== undefined) checkWholeNumber(where, 'columns', asked);
  checkWholeNumber(where, 'pixelSize', pixelSize);
  if (!(Number.isInteger(gap) && gap >= 0)) throw new Error(`${where}: gap must be a whole number ≥ 0; got ${String(gap)}`);
  if (typeof scaling !== 'string') checkRange(where, 'scaling', scaling);
  else if (scaling !== 'each' && scaling !== 'all') throw new Error(`${where}: scaling must be 'each', 'all' or [lo, hi]; got '${String(scaling)}'`);
  if (colours !== 'gray' && colours !== 'diverging') throw new Error(`${where}: colours must be 'gray' or 'diverging'; got '${String(colours)}'`);
  if (labels !== undefined && !(Array.isArray(labels) && labels.every((label) => typeof label === 'string'))) {
    const got = Array.isArray(labels) ? `an array holding ${kindOf(labels.find((label) => typeof label !== 'string'))}` : kindOf(labels);
    throw new Error(`${where}: labels must be an array of strings, one per image, got ${got}; for numbers write labels: digits.map(String)`);
  }
  if (labels !== undefined && labels.length !== stack.count) {
    throw new Error(`${where}: ${labels.length} labels for ${stack.count} images; give one label per image (or none)`);
  }
  const columns = Math.min(asked ?? 10, stack.count);
  return {
    stack,
    columns,
    rows: Math.ceil(stack.count / columns),
    pixelSize,
    gap,
    cellWidth: stack.width * pixelSize,
    cellHeight: stack.height * pixelSize,
    scales: colourScales(stack, scaling, colours),
  };
}

/** PNG bytes of images `first` to `last − 1` laid out in `layout`'s columns (one image: a 1 × 1 grid). */
function encodeGrid(layout: GridLayout, first: number, last: number): Uint8Array {
  const { stack, pixelSize, gap, cellWidth, cellHeight, scales } = layout;
  const columns = Math.min(layout.columns, last - first);
  const rows = Math.ceil((last - first) / columns);
  const bitmap = whiteBitmap(columns * cellWidth + (columns - 1) * gap, rows * cellHeight + (rows - 1) * gap, scales(first).channels);
  for (let image = first; image < last; image++) {
    const [row, column] = [Math.floor((image - first) / columns), (image - first) % columns];
    paintImage(bitmap, stack, image, scales(image), column * (cellWidth + gap), row * (cellHeight + gap), pixelSize);
  }
  return encode({ width: bitmap.width, height: bitmap.height, data: bitmap.data, channels: bitmap.channels, depth: 8 });
}

/**
 * The images as one PNG: `columns` images per row, `gap` white pixels between them, each image
 * pixel a `pixelSize` square, no margin. 8-bit grey (1 channel) with `colours: 'gray'`, RGB
 * with `'diverging'`. Titles and labels need a font, so they are in {@link imageGrid}'s SVG only.
 *
 * `images` is `[n, h, w]`, or `[n, h·w]` with `imageShape: [h, w]`; any other shape, a wrong
 * `imageShape`, or a NaN is an error that names the shape and the fix.
 *
 * ```ts
 * // The linear classifier's templates: red raises a digit's score, blue lowers it.
 * const png = imageGridPng(classifier.templates(28, 28), { colours: 'diverging', columns: 5 });
 * ```
 */
export function imageGridPng(images: Tensor, options: ImageGridOptions = {}): Uint8Array {
  const layout = layoutGrid('imageGridPng', images, options);
  return encodeGrid(layout, 0, layout.stack.count);
}

const PAD = 8;
const LABEL_HEIGHT = 18;

/**
 * The images as an SVG grid: each image an `<image>` holding its own PNG (pixels drawn as crisp
 * `pixelSize` squares, in the same colours as {@link imageGridPng}), with its label under it and
 * the title above. Options and errors as for {@link imageGridPng}.
 *
 * ```ts
 * const svg = imageGrid(classifier.templates(28, 28), {
 *   colours: 'diverging',
 *   labels: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
 *   title: 'softmax templates',
 * });
 * ```
 */
export function imageGrid(images: Tensor, options: ImageGridOptions = {}): string {
  const layout = layoutGrid('imageGrid', images, options);
  const { stack, columns, rows, gap, cellWidth, cellHeight } = layout;
  const { labels, title } = options;
  const gridWidth = columns * cellWidth + (columns - 1) * gap;
  const width = 2 * PAD + Math.max(gridWidth, title ? textWidth(title, TITLE_FONT_SIZE) : 0);
  const left = (width - gridWidth) / 2;
  const top = PAD + (title ? TITLE_HEIGHT : 0);
  const rowHeight = cellHeight + (labels ? LABEL_HEIGHT : 0);
  const height = top + rows * rowHeight + (rows - 1) * gap + PAD;
  const body: string[] = [];
  if (title) body.push(titleText(width / 2, PAD + 15, title));
  for (let image = 0; image < stack.count; image++) {
    const x = left + (image % columns) * (cellWidth + gap);
    const y = top + Math.floor(image / columns) * (rowHeight + gap);
    const href = `data:image/png;base64,${base64(encodeGrid(layout, image, image + 1))}`;
    body.push(element('image', { class: 'cell', 'data-index': image, x, y, width: cellWidth, height: cellHeight, href }));
    if (labels) body.push(element('text', { class: 'cell-label', x: x + cellWidth / 2, y: y + cellHeight + 14, 'text-anchor': 'middle' }, escapeXml(labels[image])));
  }
  return svgDocument(width, height, body);
}
