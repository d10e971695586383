import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { tensor, zeros } from '@tapegrad/tensor';
import { imageGrid, imageGridPng } from '../../src/index.js';
import { elements } from './parse-svg.js';

/** A [1, 2, 3] image holding 0, 1, …, 5 row by row: a gradient from top-left to bottom-right. */
const gradient = tensor([[[0, 1, 2], [3, 4, 5]]]);

/** The byte at (`x`, `y`), channel `channel`, of a decoded PNG. */
function byteAt(png: ReturnType<typeof decode>, x: number, y: number, channel = 0): number {
  return png.data[(y * png.width + x) * png.channels + channel];
}

/** The decoded PNG of an SVG `<image>`'s data URI. */
function embeddedPng(href: string): ReturnType<typeof decode> {
  expect(href.startsWith('data:image/png;base64,')).toBe(true);
  return decode(Buffer.from(href.slice('data:image/png;base64,'.length), 'base64'));
}

/** PNG's CRC-32 (ISO 3309, the one zlib computes), written out so the check does not trust the encoder. */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe('imageGridPng', () => {
  it('stretches an image from black at its smallest value to white at its largest', () => {
    const png = decode(imageGridPng(gradient, { pixelSize: 1 }));
    expect([png.width, png.height, png.channels, png.depth]).toEqual([3, 2, 1, 8]);
    expect(Array.from(png.data)).toEqual([0, 51, 102, 153, 204, 255]);
  });

  it('is columns × rows images of pixelSize squares with white gaps between them', () => {
    // Five 2×3 images, image k filled with k (image 0 constant: black), 2 columns, 2×2 squares, gap 1.
    const images = tensor(Array.from({ length: 5 }, (_, k) => [[k, k, k], [k, k, k + 1]]));
    const png = decode(imageGridPng(images, { columns: 2, pixelSize: 2, gap: 1 }));
    expect([png.width, png.height]).toEqual([2 * 6 + 1, 3 * 4 + 2 * 1]);
    // Image 4 is in row 2, column 0: its top-left pixel is at (0, 2 · (4 + 1)) and its
    // bottom-right value (the largest) fills the 2×2 square ending at (5, 13).
    expect(byteAt(png, 0, 10)).toBe(0);
    expect([byteAt(png, 4, 12), byteAt(png, 5, 13)]).toEqual([255, 255]);
    expect(byteAt(png, 3, 13)).toBe(0);
    // The gap column between the two columns of images, and the empty cell next to image 4.
    for (let y = 0; y < png.height; y++) expect(byteAt(png, 6, y)).toBe(255);
    expect(byteAt(png, 9, 11)).toBe(255);
  });

  it("scales each image on its own by default, all on one range with 'all', or on a fixed [lo, hi]", () => {
    const images = tensor([[[0, 1]], [[0, 2]]]);
    const bytes = (scaling: 'each' | 'all' | [number, number]): number[] => Array.from(decode(imageGridPng(images, { scaling, pixelSize: 1, gap: 0 })).data);
    expect(bytes('each')).toEqual([0, 255, 0, 255]);
    expect(bytes('all')).toEqual([0, 128, 0, 255]);
    expect(bytes([0, 4])).toEqual([0, 64, 0, 128]);
    expect(bytes([0.5, 1])).toEqual([0, 255, 0, 255]); // clamped at both ends
  });

  it("draws signed values with 'diverging' colours: negative blue, zero white, positive red, symmetric about 0", () => {
    const png = decode(imageGridPng(tensor([[[-2, 0, 1, 2]]]), { colours: 'diverging', pixelSize: 1 }));
    expect(png.channels).toBe(3);
    const pixels = Array.from({ length: 4 }, (_, x) => [0, 1, 2].map((c) => byteAt(png, x, 0, c)));
    expect(pixels).toEqual([
      [33, 102, 172],
      [255, 255, 255],
      [Math.round(255 + (178 - 255) / 2), Math.round(255 + (24 - 255) / 2), Math.round(255 + (43 - 255) / 2)],
      [178, 24, 43],
    ]);
  });

  it('draws a constant image on the range from 0 to its value: all 0 black, all 1 white, all −1 black', () => {
    const images = tensor([[[0, 0]], [[1, 1]], [[-1, -1]], [[7, 7]]]);
    expect(Array.from(decode(imageGridPng(images, { pixelSize: 1, gap: 0, columns: 4 })).data)).toEqual([0, 0, 255, 255, 0, 0, 255, 255]);
    // With 'all', the same for a set of images that are all one value.
    expect(Array.from(decode(imageGridPng(tensor([[[3]], [[3]]]), { scaling: 'all', pixelSize: 1, gap: 0 })).data)).toEqual([255, 255]);
    // Diverging: zero is white whatever the scale, so an all-0 image is white.
    expect(Array.from(decode(imageGridPng(tensor([[[0, 0]]]), { colours: 'diverging', pixelSize: 1 })).data)).toEqual([255, 255, 255, 255, 255, 255]);
  });

  it('draws one image, non-square images, and fewer images than columns in one row', () => {
    const one = decode(imageGridPng(tensor([[[0, 1, 2, 3, 4]]]), { pixelSize: 2 }));
    expect([one.width, one.height]).toEqual([10, 2]);
    expect(Array.from(one.data.slice(0, 10))).toEqual([0, 0, 64, 64, 128, 128, 191, 191, 255, 255]);
    // Three 3×1 images (tall and thin) asked for in 10 columns: one row of three.
    const tall = decode(imageGridPng(tensor([[[0], [1], [2]], [[2], [1], [0]], [[0], [2], [1]]]), { columns: 10, pixelSize: 1, gap: 1 }));
    expect([tall.width, tall.height]).toEqual([3 + 2, 3]);
    expect([0, 1, 2].map((y) => byteAt(tall, 2, y))).toEqual([255, 128, 0]);
  });

  it('writes a valid PNG: the signature, then chunks whose CRCs match, IHDR first and IEND last', () => {
    const bytes = imageGridPng(tensor([[[-1, 0], [1, 2]]]), { colours: 'diverging' });
    expect(Array.from(bytes.slice(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const chunks: string[] = [];
    for (let at = 8; at < bytes.length; ) {
      const length = view.getUint32(at);
      const typeAndData = bytes.subarray(at + 4, at + 8 + length);
      chunks.push(String.fromCharCode(...typeAndData.subarray(0, 4)));
      expect(view.getUint32(at + 8 + length), `CRC of ${chunks.at(-1)}`).toBe(crc32(typeAndData));
      at += 12 + length;
    }
    expect(chunks[0]).toBe('IHDR');
    expect(chunks.at(-1)).toBe('IEND');
    expect(chunks).toContain('IDAT');
    // IHDR: 6 × 6 pixels (2 × 2 values at pixelSize 3), 8 bits, colour type 2 (RGB).
    expect([view.getUint32(16), view.getUint32(20), bytes[24], bytes[25]]).toEqual([6, 6, 8, 2]);
  });

  it('reads flat rows with imageShape as the same images', () => {
    const images = tensor(Array.from({ length: 3 }, (_, k) => Array.from({ length: 6 }, (_, i) => (i * (k + 1)) % 5)));
    expect(imageGridPng(images, { imageShape: [2, 3] })).toEqual(imageGridPng(images.reshape([3, 2, 3])));
  });

  it('gives the same bytes for the same images', () => {
    expect(imageGridPng(gradient)).toEqual(imageGridPng(gradient));
  });
});

describe('imageGrid', () => {
  it('places one <image> per image on the grid, each holding its pixels as a PNG, with its label under it', () => {
    const images = tensor(Array.from({ length: 5 }, (_, k) => [[0, k + 1, 2], [3, 4, 5]]));
    const svg = imageGrid(images, { columns: 3, pixelSize: 2, gap: 4, labels: ['a', 'b', 'c', 'd', 'e'], title: 'five' });
    const cells = elements(svg, 'image', 'cell');
    expect(cells.map((cell) => cell.attributes['data-index'])).toEqual(['0', '1', '2', '3', '4']);
    const boxes = cells.map(({ attributes: { x, y, width, height } }) => [x, y, width, height].map(Number));
    for (const [, , width, height] of boxes) expect([width, height]).toEqual([6, 4]);
    // Columns 6 + 4 pixels apart; the second row lower by an image, its label strip and the gap.
    expect(boxes[1][0] - boxes[0][0]).toBe(10);
    expect(boxes[3][0]).toBe(boxes[0][0]);
    expect(boxes[3][1] - boxes[0][1]).toBe(4 + 18 + 4);
    const labels = elements(svg, 'text', 'cell-label');
    expect(labels.map((label) => label.content)).toEqual(['a', 'b', 'c', 'd', 'e']);
    labels.forEach(({ attributes }, i) => {
      expect(Number(attributes.x)).toBe(boxes[i][0] + 3);
      expect(Number(attributes.y)).toBeGreaterThan(boxes[i][1] + 4);
    });
    expect(elements(svg, 'text', 'title')[0].content).toBe('five');
    // Image 4 is [[0, 5, 2], [3, 4, 5]]: min 0 at the top-left, max 5 at (1, 0) and (2, 1).
    const png = embeddedPng(cells[4].attributes.href);
    expect([png.width, png.height]).toEqual([6, 4]);
    expect([byteAt(png, 0, 0), byteAt(png, 2, 0), byteAt(png, 5, 3)]).toEqual([0, 255, 255]);
  });

  it('draws the pixels imageGridPng draws', () => {
    const svg = imageGrid(gradient, { colours: 'diverging', pixelSize: 3 });
    const png = embeddedPng(elements(svg, 'image', 'cell')[0].attributes.href);
    expect(png).toEqual(decode(imageGridPng(gradient, { colours: 'diverging', pixelSize: 3 })));
  });

  it('refuses shapes it cannot read as images, naming the shape and the fix', () => {
    expect(() => imageGrid(zeros([784]))).toThrow('imageGrid: images [784] must be [n, height, width], or [n, height × width] with imageShape; one image [h, w] is image.unsqueeze(0)');
    expect(() => imageGrid(zeros([10, 784]))).toThrow('imageGrid: images [10,784] are flat rows; pass imageShape: [height, width] with height × width = 784 (MNIST: [28, 28])');
    expect(() => imageGridPng(zeros([784, 10]), { imageShape: [28, 28] })).toThrow(
      'imageGridPng: rows of 10 values cannot be 28 × 28 = 784 images (images [784,10], imageShape [28, 28]). The images are its columns (like W [784, classes]): pass images.transpose(0, 1).',
    );
    expect(() => imageGrid(zeros([2, 28, 28]), { imageShape: [14, 56] })).toThrow('imageGrid: images [2,28,28] are 28 × 28, but imageShape says [14, 56]');
    expect(() => imageGrid(zeros([8, 1, 3, 3]))).toThrow(
      'imageGrid: images [8,1,3,3] must be [n, height, width], or [n, height × width] with imageShape; one image [h, w] is image.unsqueeze(0); ' +
        'conv weights [out, 1, kh, kw] are weight.reshape([8, 3, 3])',
    );
    expect(() => imageGrid(zeros([0, 2, 2]))).toThrow('imageGrid: images [0,2,2] holds no images to draw; pass at least one');
  });

  it('refuses images that are not a Tensor, saying to wrap them with tensor(...)', () => {
    const asImages = (value: unknown) => value as Parameters<typeof imageGrid>[0];
    expect(() => imageGrid(asImages([[1]]))).toThrow(
      'imageGrid: images must be a Tensor [n, height, width] (or [n, height × width] with imageShape), got an Array; wrap the values: tensor(images) (nested arrays [n][h][w], or flat rows with imageShape)',
    );
    expect(() => imageGridPng(asImages(new Float64Array(784)), { imageShape: [28, 28] })).toThrow(
      'imageGridPng: images must be a Tensor [n, height, width] (or [n, height × width] with imageShape), got a Float64Array; wrap the values: tensor(images)',
    );
    expect(() => imageGridPng(asImages(undefined))).toThrow('imageGridPng: images must be a Tensor [n, height, width] (or [n, height × width] with imageShape), got undefined; pass a Tensor');
    // What the message suggests draws.
    expect(imageGrid(tensor([[[1]]]))).toContain('class="cell"');
  });

  it('refuses NaN pixels and bad options with messages that say where and what would do', () => {
    const images = zeros([2, 3, 4]).data();
    images[12 + 4 + 2] = NaN;
    expect(() => imageGrid(tensor(images).reshape([2, 3, 4]))).toThrow('imageGrid: image 1 has NaN at row 1, column 2; every value must be finite');
    expect(() => imageGrid(gradient, { labels: ['a', 'b'] })).toThrow('imageGrid: 2 labels for 1 images; give one label per image');
    expect(() => imageGrid(gradient, { columns: 0 })).toThrow('imageGrid: columns must be a whole number ≥ 1; got 0');
    expect(() => imageGrid(gradient, { pixelSize: 1.5 })).toThrow('imageGrid: pixelSize must be a whole number ≥ 1; got 1.5');
    expect(() => imageGrid(gradient, { scaling: [1, 1] })).toThrow('imageGrid: scaling must be [lo, hi] with finite lo < hi; got [1, 1]');
    expect(() => imageGrid(gradient, { imageShape: [0, 3] as unknown as [number, number] })).toThrow('imageGrid: imageShape must be [height, width] in whole numbers ≥ 1; got [0, 3]');
    expect(() => imageGrid(gradient, { imageShape: 28 as unknown as [number, number] })).toThrow('imageGrid: imageShape must be [height, width] in whole numbers ≥ 1; got the number 28');
    expect(() => imageGrid(gradient, { labels: 'a' as unknown as string[] })).toThrow(`imageGrid: labels must be an array of strings, one per image, got the string "a"; for numbers write labels: digits.map(String)`);
    expect(() => imageGrid(gradient, { labels: [7] as unknown as string[] })).toThrow('imageGrid: labels must be an array of strings, one per image, got an array holding the number 7');
  });
});
