/**
 * What a trained model's weights look like, saved next to its loss curve: the linear classifiers'
 * ten templates (templates.svg, .png), the MLP's first hidden units and the CNN's first
 * convolution filters (first-layer.svg, .png). Each weight of the first layer multiplies one
 * pixel, so the weights of a unit laid out as the image show the pattern it responds to.
 */
import type { Tensor } from '@tapegrad/tensor';
import { imageGrid, imageGridPng, type ImageGridOptions } from '@tapegrad/viz';

/** Which pictures: the file names are in `RUN_FILES` (run-files.ts). */
export type WeightPictureKind = 'templates' | 'firstLayer';

/** A model's weights as images, as a family hands them to the demo. */
export interface WeightImages {
  readonly kind: WeightPictureKind;
  /** `[n, height, width]`: one image per class, unit or filter. */
  readonly images: Tensor;
  /** Written above the SVG grid. */
  readonly title: string;
  /** One per image, written under it in the SVG. */
  readonly labels: readonly string[];
  /** Images per row. */
  readonly columns: number;
}

/** The same grid as SVG (with title and labels) and as PNG (the pixels alone). */
export interface WeightPictures {
  readonly kind: WeightPictureKind;
  readonly svg: string;
  readonly png: Uint8Array;
}

/** Screen pixels an image spans across, whatever its size: a 28×28 template and a 3×3 filter both come out 84 wide. */
const IMAGE_PIXELS = 84;

/**
 * Draws `weights` in diverging colours (red positive, blue negative, white zero), each image
 * scaled to its own largest |weight| as the course displays its templates: the shape of each
 * pattern matters here, not how the images' magnitudes compare.
 */
export function drawWeights({ kind, images, title, labels, columns }: WeightImages): WeightPictures {
  const height = images.shape[1];
  const grid: ImageGridOptions = {
    colours: 'diverging',
    scaling: 'each',
    columns,
    pixelSize: Math.max(1, Math.round(IMAGE_PIXELS / height)),
  };
  return { kind, svg: imageGrid(images, { ...grid, title, labels }), png: imageGridPng(images, grid) };
}

/** `'0'`, `'1'`, …, `'n − 1'`: labels that number the images. */
export function numberLabels(count: number): string[] {
  return Array.from({ length: count }, (_, i) => String(i));
}
