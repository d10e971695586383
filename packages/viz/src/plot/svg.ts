/**
 * Writing SVG as text: no DOM, so the plots run the same in Node and in a browser, and the same
 * input gives the same bytes (coordinates are rounded to hundredths of a pixel).
 */
import { escapeXml } from '../escape-xml.js';

/** A coordinate or length with at most two decimals and no `-0`: `12.5`, `3`, `-0.25`. */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** Attribute values: numbers go through {@link num}, strings are escaped, undefined is left out. */
export type Attributes = Readonly<Record<string, string | number | undefined>>;

/** Attributes as written in a start tag, each after a space: ` x="1" fill="#fff"`. */
export function attributes(record: Attributes): string {
  return Object.entries(record)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`)
    .join('');
}

/** One element: `<tag a="1"/>`, or `<tag a="1">content</tag>` when there is content (already SVG text). */
export function element(tag: string, record: Attributes, content?: string): string {
  return content === undefined ? `<${tag}${attributes(record)}/>` : `<${tag}${attributes(record)}>${content}</${tag}>`;
}

/** A whole SVG picture `width` × `height` on a white background, one element per line. */
export function svgDocument(width: number, height: number, body: readonly string[]): string {
  const root = attributes({
    xmlns: 'http://www.w3.org/2000/svg',
    width,
    height,
    viewBox: `0 0 ${num(width)} ${num(height)}`,
    'font-family': 'Helvetica, Arial, sans-serif',
    'font-size': 12,
  });
  return [`<svg${root}>`, element('rect', { width, height, fill: '#ffffff' }), ...body, '</svg>', ''].join('\n');
}

/** A rough width of `text` at `fontSize`, for laying out legends and margins without a font to measure with. */
export function textWidth(text: string, fontSize = 12): number {
  return [...text].length * fontSize * 0.6;
}

/** The size of a picture's title, and the height the title's line takes above the picture. */
export const TITLE_FONT_SIZE = 15;
export const TITLE_HEIGHT = 26;

/** A picture's title: bold, centred on `x`, its baseline at `y`. */
export function titleText(x: number, y: number, text: string): string {
  return element('text', { class: 'title', x, y, 'text-anchor': 'middle', 'font-size': TITLE_FONT_SIZE, 'font-weight': 'bold' }, escapeXml(text));
}
