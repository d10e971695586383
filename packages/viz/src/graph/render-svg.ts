/**
 * DOT to SVG with Graphviz compiled to WebAssembly: no system Graphviz, and the same code runs
 * in Node and in the browser.
 * @module
 */
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { Tensor } from '@tapegrad/tensor';
import { buildDrawing } from './drawing.js';
import { writeDot } from './dot.js';
import type { DotOptions } from './options.js';

/** Loading compiles ~2 MB of WebAssembly: done once, on first use, and shared by every call. */
let graphviz: Promise<Graphviz> | null = null;

function loadGraphviz(): Promise<Graphviz> {
  graphviz ??= Graphviz.load().catch((error: unknown) => {
    graphviz = null; // let a later call try again
    throw error;
  });
  return graphviz;
}

/**
 * Renders the graph of `y` (drawn as by {@link toDot} with `options`), or DOT text you made
 * yourself, to an SVG document, using Graphviz compiled to WebAssembly (loaded once, on first
 * use). Works in Node and in the browser; the same input always gives the same bytes.
 *
 * ```ts
 * const svg = await renderSvg(f);          // the graph of f
 * const same = await renderSvg(toDot(f));  // or DOT text
 * ```
 * @param y The output whose graph to draw, or DOT text (then `options` is ignored).
 * @throws (rejects) Like {@link toDot}, or when Graphviz cannot parse the DOT text.
 */
export async function renderSvg(y: Tensor | string, options?: DotOptions): Promise<string> {
  const dot = typeof y === 'string' ? y : writeDot(buildDrawing('renderSvg', y, options));
  const engine = await loadGraphviz();
  let svg: string;
  try {
    svg = engine.dot(dot);
  } catch (error) {
    throw new Error(`renderSvg: Graphviz could not lay out the DOT text: ${error instanceof Error ? error.message : String(error)}`);
  }
  return svg;
}
