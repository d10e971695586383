/**
 * The colours of a graph drawing, shared by the DOT and Mermaid writers so both look alike.
 * Parameters are blue (backward fills their gradients), constants grey, highlighted nodes amber.
 * @module
 */
import type { TensorRole } from './drawing.js';

/** Fill, border and text colour of one kind of node. */
export interface NodeColours {
  readonly fill: string;
  readonly border: string;
  readonly text: string;
}

/** The colours of a tensor node by its role. */
export const TENSOR_COLOURS: Readonly<Record<TensorRole, NodeColours>> = {
  parameter: { fill: '#dbeafe', border: '#1e40af', text: '#000000' },
  constant: { fill: '#f3f4f6', border: '#9ca3af', text: '#4b5563' },
  result: { fill: '#ffffff', border: '#374151', text: '#000000' },
};

/** The colours of an op node. */
export const OP_COLOURS: NodeColours = { fill: '#ecfdf5', border: '#047857', text: '#000000' };

/** The colours of a highlighted node, tensor or op. */
export const HIGHLIGHT_COLOURS: NodeColours = { fill: '#fde68a', border: '#b45309', text: '#000000' };

/**
 * The class of a highlighted node in DOT and so in the SVG Graphviz draws from it
 * (`<g class="node highlighted">`); documented on `DotOptions.highlight`.
 */
export const HIGHLIGHT_CLASS = 'highlighted';
