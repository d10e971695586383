/**
 * The drawing as Graphviz DOT: one HTML-like table per tensor, one small node per op.
 * @module
 */
import type { Tensor } from '@tapegrad/tensor';
import { escapeXml, withoutNonXml } from '../escape-xml.js';
import { buildDrawing, type Drawing, type OpVertex, type TensorVertex, type Vertex } from './drawing.js';
import type { DotOptions } from './options.js';
import { HIGHLIGHT_CLASS, HIGHLIGHT_COLOURS, OP_COLOURS, TENSOR_COLOURS } from './style.js';

/**
 * The graph recorded for `y` as Graphviz DOT, drawn like micrograd's `draw_dot` and the course's
 * circuit diagrams: a box per tensor (its label or `%n` from `tape(y)`, its shape, and for
 * small tensors its values and gradient) and a small node per op between its inputs and its
 * output. Parameters (leaves that require grad) are blue, constants grey. An edge into an op
 * whose inputs play different parts (sub, div, pow, matmul, where, concat, gather …) carries the
 * input's name in the op's local rule (`a`, `b`), so `b − a` is not read as `a − b`; a value
 * written in place after the graph used it says so. Large graphs collapse to one node per op
 * with shapes only (see {@link DotOptions.collapse}).
 *
 * The text depends only on the graph and the options (node ids follow the tape order), so the
 * same computation always gives the same bytes. Render it with {@link renderSvg} or any Graphviz.
 *
 * ```ts
 * const x = tensor(-2, { requiresGrad: true, label: 'x' });
 * const f = mul(add(x, y), z);
 * f.backward({ retainGraph: true }); // keep the graph to draw it after backward
 * const dot = toDot(f);
 * ```
 * @throws When `y` is not a Tensor, an option is invalid, or backward freed the graph (draw
 * before backward, or pass `{ retainGraph: true }`).
 */
export function toDot(y: Tensor, options?: DotOptions): string {
  return writeDot(buildDrawing('toDot', y, options));
}

/** Writes `drawing` out as DOT. */
export function writeDot(drawing: Drawing): string {
  const lines = [
    'digraph tapegrad {',
    `  graph [rankdir=${drawing.options.rankdir}, nodesep=0.25, ranksep=0.35];`,
    '  node [fontname="Helvetica", fontsize=11];',
    '  edge [color="#4b5563", arrowsize=0.7];',
  ];
  for (const vertex of drawing.vertices) {
    lines.push(`  ${vertex.id} ${vertex.type === 'tensor' ? tensorNode(vertex) : opNode(vertex)};`);
  }
  for (const edge of drawing.edges) {
    // A head label sits by the arrow into the op, where the reader asks "which input is this?".
    const attributes = edge.role === null ? '' : ` [headlabel=${quoteDot(edge.role)}, labelfontname="Helvetica", labelfontsize=10, labeldistance=1.6, labelfontcolor="#047857"]`;
    lines.push(`  ${edge.from} -> ${edge.to}${attributes};`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

function tensorNode(vertex: TensorVertex): string {
  const colours = vertex.highlighted ? HIGHLIGHT_COLOURS : TENSOR_COLOURS[vertex.role];
  const details = [vertex.shape, vertex.dtype].filter((part) => part !== '').join(' ');
  const rows = [`<B>${escapeHtml(vertex.name)}</B>${details === '' ? '' : ` ${escapeHtml(details)}`}`];
  if (vertex.data !== null) rows.push(`data ${escapeHtml(vertex.data)}`);
  if (vertex.grad !== null) rows.push(`grad ${escapeHtml(vertex.grad)}`);
  const border = vertex.highlighted ? 2 : 1;
  const style = vertex.role === 'constant' && !vertex.highlighted ? ' STYLE="dashed"' : '';
  const cells = rows.map((row) => `<TR><TD>${row}</TD></TR>`).join('');
  const table =
    `<TABLE BORDER="${border}" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3"${style} ` +
    `BGCOLOR="${colours.fill}" COLOR="${colours.border}">${cells}</TABLE>`;
  return `[${highlightClass(vertex)}shape=plain, fontcolor="${colours.text}", label=<${table}>]`;
}

function opNode(vertex: OpVertex): string {
  const colours = vertex.highlighted ? HIGHLIGHT_COLOURS : OP_COLOURS;
  const lines = [`<B>${escapeHtml(vertex.op)}</B>`];
  if (vertex.attrs !== '') lines.push(`<FONT POINT-SIZE="9">${escapeHtml(vertex.attrs)}</FONT>`);
  if (vertex.output !== null) {
    const { name, shape, dtype } = vertex.output;
    lines.push(escapeHtml([name, shape, dtype].filter((part) => part !== '').join(' ')));
  }
  const shape = vertex.output !== null ? 'box, style="rounded,filled"' : 'ellipse, style=filled, margin="0.05,0.02"';
  const penwidth = vertex.highlighted ? 2 : 1;
  return (
    `[${highlightClass(vertex)}shape=${shape}, fillcolor="${colours.fill}", color="${colours.border}", penwidth=${penwidth}, ` +
    `label=<${lines.join('<BR/>')}>]`
  );
}

/**
 * The `class` attribute of a highlighted node, which Graphviz copies into the SVG
 * (`<g class="node highlighted">`): a page finds and styles the current node by it, not by
 * the drawing's colours.
 */
function highlightClass(vertex: Vertex): string {
  return vertex.highlighted ? `class="${HIGHLIGHT_CLASS}", ` : '';
}

/**
 * `text` as a DOT quoted string: `\` and `"` escaped, and a line break as `\n` (a centred line
 * break in a Graphviz label).
 */
export function quoteDot(text: string): string {
  // Graphviz escapes &, < and > of a plain label into its SVG, but not the characters XML forbids.
  return `"${withoutNonXml(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

/**
 * Escapes text for a Graphviz HTML-like label, which is XML: a label such as `a<b & "c"` must
 * not end the label or open a tag, and a character XML forbids would go on into the SVG
 * Graphviz writes. A line break in a label stays one.
 */
function escapeHtml(text: string): string {
  return escapeXml(text).replace(/\r?\n/g, '<BR/>');
}
