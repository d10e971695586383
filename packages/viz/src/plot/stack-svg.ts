/**
 * `stackSvg`: several plots in one SVG file, one above the other, such as a loss curve over an
 * accuracy curve (quantities with different units get their own axes, as in the course's
 * training plots, instead of sharing one), or in a grid of small panels, such as one optimizer's
 * path per panel over the same loss surface (six paths in one picture hide each other).
 */
import { checkWholeNumber } from './option-checks.js';
import { attributes, svgDocument, textWidth, TITLE_FONT_SIZE, TITLE_HEIGHT, titleText } from './svg.js';

/** Options of {@link stackSvg}. */
export interface StackSvgOptions {
  /** Pixels between neighbouring pictures, across and down; default 0. */
  readonly gap?: number;
  /** Pictures per row, filled left to right; default 1 (one above the other). */
  readonly columns?: number;
  /** Written above all the pictures. */
  readonly title?: string;
}

const PAD = 10;

/**
 * Puts `pictures` (SVG text with numeric `width` and `height` on the root, as {@link lineChart},
 * {@link imageGrid} and {@link contourPath} return) in rows of `columns`, each in a cell as wide
 * as the widest picture, each row as tall as its tallest, under the `title`. Each keeps its own
 * coordinates: it is nested as an `<svg>` element, and its ids get a prefix of its own, so two
 * pictures defining the same id (two contour plots' clip paths) cannot take each other's.
 *
 * ```ts
 * const svg = stackSvg([
 *   lineChart([{ name: 'training loss', y: losses }], { logY: true }),
 *   lineChart([{ name: 'validation accuracy', y: accuracies }]),
 * ]);
 * ```
 */
export function stackSvg(pictures: readonly string[], options: StackSvgOptions = {}): string {
  const where = 'stackSvg';
  const { gap = 0, columns = 1, title } = options;
  if (!(Number.isFinite(gap) && gap >= 0)) throw new Error(`${where}: gap must be a finite number ≥ 0; got ${String(gap)}`);
  checkWholeNumber(where, 'columns', columns);
  if (pictures.length === 0) throw new Error(`${where}: no pictures to stack; pass at least one SVG string`);
  const sizes = pictures.map((picture, p) => sizeOf(where, picture, p));
  const cellWidth = Math.max(...sizes.map((size) => size.width));
  const across = Math.min(columns, pictures.length);
  const gridWidth = across * cellWidth + (across - 1) * gap;
  const width = title ? Math.max(gridWidth, textWidth(title, TITLE_FONT_SIZE) + 2 * PAD) : gridWidth;
  let top = title ? TITLE_HEIGHT + PAD : 0;
  const nested: string[] = title ? [titleText(width / 2, PAD + 15, title)] : [];
  for (let first = 0; first < pictures.length; first += across) {
    const row = pictures.slice(first, first + across);
    row.forEach((picture, c) => {
      const root = attributes({ x: (width - gridWidth) / 2 + c * (cellWidth + gap), y: top });
      nested.push(prefixIds(picture.trim(), `s${first + c}-`).replace(/^<svg\b/, `<svg${root}`));
    });
    top += Math.max(...row.map((_, c) => sizes[first + c].height)) + gap;
  }
  return svgDocument(width, top - gap, nested);
}

/** `picture` with every `id` it defines, and every `#id` reference to one, prefixed with `prefix`. */
function prefixIds(picture: string, prefix: string): string {
  const ids = new Set([...picture.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]));
  if (ids.size === 0) return picture;
  return picture
    .replace(/\sid="/g, (start) => `${start}${prefix}`)
    .replace(/(url\(#|href="#)([^")]*)/g, (reference, start: string, id: string) => (ids.has(id) ? `${start}${prefix}${id}` : reference));
}

/** The root's width and height; an error naming the picture when it is not SVG text with both. */
function sizeOf(where: string, picture: string, index: number): { width: number; height: number } {
  const root = /^\s*<svg\b[^>]*>/.exec(picture)?.[0];
  const width = Number(root && /\swidth="([^"]*)"/.exec(root)?.[1]);
  const height = Number(root && /\sheight="([^"]*)"/.exec(root)?.[1]);
  if (!root || !(width > 0) || !(height > 0)) {
    throw new Error(
      `${where}: picture ${index} is not SVG text with a numeric width and height on its root (it starts '${picture.slice(0, 40)}'); ` +
        `pass what lineChart, imageGrid or contourPath return`,
    );
  }
  return { width, height };
}
