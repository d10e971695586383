/**
 * `@tapegrad/viz`: pictures of what tapegrad computes. Graph drawings of a recorded computation
 * (Graphviz DOT, SVG through Graphviz compiled to WebAssembly, Mermaid), a step-by-step
 * walk-through of the backward pass, and plots (line charts, image grids, contour paths) as SVG
 * with PNG where an image is the point. Runs in Node and in the browser.
 * @module
 */
export {};
