/**
 * `@tapegrad/viz`: pictures of what tapegrad computes. Graph drawings of a recorded computation
 * (Graphviz DOT, SVG through Graphviz compiled to WebAssembly, Mermaid), a step-by-step
 * walk-through of the backward pass, and plots (line charts, image grids, contour paths) as SVG
 * with PNG where an image is the point. Runs in Node and in the browser.
 * @module
 */
export { toDot } from './graph/dot.js';
export { toMermaid } from './graph/mermaid.js';
export { renderSvg } from './graph/render-svg.js';
export type { DotOptions } from './graph/options.js';
export { formatNumber, formatValues } from './graph/number-format.js';
export {
  explainBackward, type BackwardExplanation, type BackwardStep, type InputGradient, type ExplainBackwardOptions,
} from './explain/explain-backward.js';
export { localRule, type LocalRule } from './explain/local-rules.js';
export { backwardFrames, backwardFrameCaptions, renderBackwardFrames, type BackwardFrameOptions } from './explain/backward-frames.js';
export { lineChart, type LineChartOptions, type LineSeries } from './plot/line-chart.js';
export { imageGrid, imageGridPng, type ImageGridOptions } from './plot/image-grid.js';
export type { ImageColours, ImageScaling } from './plot/colour-scale.js';
export { contourPath, type ContourPathOptions, type SurfaceMark, type SurfacePath } from './plot/contour-path.js';
export { stackSvg, type StackSvgOptions } from './plot/stack-svg.js';
