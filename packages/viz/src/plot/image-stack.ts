/**
 * Reading a tensor as a stack of small images: `[n, h, w]`, or `[n, h·w]` rows (a batch of
 * flattened MNIST digits, a classifier's weights as rows) with the image shape given. A shape that
 * cannot be a stack is an error saying which shape was meant and how to get it.
 */
import { formatShape, Tensor } from '@tapegrad/tensor';
import { kindOf } from '../kind-of.js';

/** n images of h × w values, row-major, image after image. */
export interface ImageStack {
  readonly count: number;
  readonly height: number;
  readonly width: number;
  readonly values: ArrayLike<number>;
}

/** The images in `images`, checked: a known shape, at least one image, no NaN or ±Infinity. */
export function readImageStack(where: string, images: Tensor, imageShape: readonly number[] | undefined): ImageStack {
  if (!((images as unknown) instanceof Tensor)) {
    const fix = Array.isArray(images) || ArrayBuffer.isView(images) ? 'wrap the values: tensor(images) (nested arrays [n][h][w], or flat rows with imageShape)' : 'pass a Tensor';
    throw new Error(`${where}: images must be a Tensor [n, height, width] (or [n, height × width] with imageShape), got ${kindOf(images)}; ${fix}`);
  }
  const { shape } = images;
  if (imageShape !== undefined && !(Array.isArray(imageShape) && imageShape.length === 2 && imageShape.every((extent) => Number.isInteger(extent) && extent >= 1))) {
    const got = Array.isArray(imageShape) ? `[${imageShape.join(', ')}]` : kindOf(imageShape);
    throw new Error(`${where}: imageShape must be [height, width] in whole numbers ≥ 1; got ${got}`);
  }
  let height: number;
  let width: number;
  if (shape.length === 3) {
    [, height, width] = shape;
    if (imageShape !== undefined && (imageShape[0] !== height || imageShape[1] !== width)) {
      throw new Error(`${where}: images ${formatShape(shape)} are ${height} × ${width}, but imageShape says [${imageShape.join(', ')}]; leave imageShape out for [n, h, w] images`);
    }
  } else if (shape.length === 2 && imageShape !== undefined) {
    [height, width] = imageShape;
    if (height * width !== shape[1]) {
      const columns = height * width === shape[0] ? ` The images are its columns (like W [${shape[0]}, classes]): pass images.transpose(0, 1).` : '';
      throw new Error(`${where}: rows of ${shape[1]} values cannot be ${height} × ${width} = ${height * width} images (images ${formatShape(shape)}, imageShape [${height}, ${width}]).${columns}`);
    }
  } else if (shape.length === 2) {
    throw new Error(
      `${where}: images ${formatShape(shape)} are flat rows; pass imageShape: [height, width] with height × width = ${shape[1]} (MNIST: [28, 28]), ` +
        `or one image as image.unsqueeze(0)`,
    );
  } else {
    // A convolution's weights [out, 1, kh, kw] are the common rank-4 case: say how to draw them.
    const kernels = shape.length === 4 && shape[1] === 1 ? `; conv weights [out, 1, kh, kw] are weight.reshape([${shape[0]}, ${shape[2]}, ${shape[3]}])` : '';
    throw new Error(`${where}: images ${formatShape(shape)} must be [n, height, width], or [n, height × width] with imageShape; one image [h, w] is image.unsqueeze(0)${kernels}`);
  }
  const count = shape[0];
  if (count === 0) throw new Error(`${where}: images ${formatShape(shape)} holds no images to draw; pass at least one`);
  const values = images.buffer;
  const bad = values.findIndex((value) => !Number.isFinite(value));
  if (bad >= 0) {
    const pixels = height * width;
    const [image, row, column] = [Math.floor(bad / pixels), Math.floor((bad % pixels) / width), bad % width];
    throw new Error(`${where}: image ${image} has ${values[bad]} at row ${row}, column ${column}; every value must be finite (replace NaN/Infinity before drawing)`);
  }
  return { count, height, width, values };
}
