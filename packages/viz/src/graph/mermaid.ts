/**
 * The drawing as a Mermaid flowchart, for Markdown pages that render Mermaid (GitHub does).
 * @module
 */
import type { Tensor } from '@tapegrad/tensor';
import { buildDrawing, type OpVertex, type TensorVertex } from './drawing.js';
import type { DotOptions } from './options.js';
import { HIGHLIGHT_CLASS, HIGHLIGHT_COLOURS, OP_COLOURS, TENSOR_COLOURS, type NodeColours } from './style.js';

/**
 * The graph recorded for `y` as a Mermaid `flowchart LR`: the same nodes, text and colours as
 * {@link toDot} (a node per tensor with its values and gradient, a rounded node per op, the
 * inputs' names on the edges into ops whose inputs play different parts), in a
 * syntax Markdown renderers such as GitHub's draw directly. Same graph, same text.
 *
 * ```ts
 * console.log('```mermaid\n' + toMermaid(f) + '```');
 * ```
 * @throws Like {@link toDot}.
 */
export function toMermaid(y: Tensor, options?: Omit<DotOptions, 'rankdir'>): string {
  const drawing = buildDrawing('toMermaid', y, { ...options, rankdir: 'LR' });
  const lines = ['flowchart LR'];
  const classes = new Map<string, string[]>();
  for (const vertex of drawing.vertices) {
    const className = vertex.highlighted ? HIGHLIGHT_CLASS : vertex.type === 'tensor' ? vertex.role : 'op';
    classes.set(className, [...(classes.get(className) ?? []), vertex.id]);
    lines.push(`  ${vertex.id}${vertex.type === 'tensor' ? tensorNode(vertex) : opNode(vertex)}`);
  }
  for (const edge of drawing.edges) lines.push(`  ${edge.from} -->${edge.role === null ? '' : `|${escapeMermaid(edge.role)}|`} ${edge.to}`);
  for (const [className, ids] of classes) {
    lines.push(`  classDef ${className} ${classStyle(className)}`);
    lines.push(`  class ${ids.join(',')} ${className}`);
  }
  return lines.join('\n') + '\n';
}

function tensorNode(vertex: TensorVertex): string {
  const details = [vertex.shape, vertex.dtype].filter((part) => part !== '').join(' ');
  const rows = [`<b>${escapeMermaid(vertex.name)}</b>${details === '' ? '' : ` ${escapeMermaid(details)}`}`];
  if (vertex.data !== null) rows.push(`data ${escapeMermaid(vertex.data)}`);
  if (vertex.grad !== null) rows.push(`grad ${escapeMermaid(vertex.grad)}`);
  return `["${rows.join('<br/>')}"]`;
}

function opNode(vertex: OpVertex): string {
  const rows = [`<b>${escapeMermaid(vertex.op)}</b>`];
  if (vertex.attrs !== '') rows.push(escapeMermaid(vertex.attrs));
  if (vertex.output !== null) {
    const { name, shape, dtype } = vertex.output;
    rows.push(escapeMermaid([name, shape, dtype].filter((part) => part !== '').join(' ')));
  }
  return `(["${rows.join('<br/>')}"])`;
}

function classStyle(className: string): string {
  const colours: NodeColours =
    className === HIGHLIGHT_CLASS ? HIGHLIGHT_COLOURS : className === 'op' ? OP_COLOURS : TENSOR_COLOURS[className as TensorVertex['role']];
  const dashes = className === 'constant' ? ',stroke-dasharray:4 3' : '';
  return `fill:${colours.fill},stroke:${colours.border},color:${colours.text}${dashes}`;
}

/**
 * Escapes text inside a quoted Mermaid label with Mermaid's entity codes: `"` would end the
 * label, `<`, `>` and `&` would be read as HTML, `#` starts an entity code itself, and a
 * backtick switches to Markdown strings. A line break, which would end the statement, becomes `<br/>`.
 */
export function escapeMermaid(text: string): string {
  return text.replace(/[#"<>&`]/g, (c) => `#${c.charCodeAt(0)};`).replace(/\r?\n/g, '<br/>');
}
