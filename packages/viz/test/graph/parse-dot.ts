/**
 * Reads back what `toDot` wrote, so tests check the graph's structure (which node has which
 * text, which edges go where) instead of matching substrings of the whole text.
 */

/** One node statement: its id, its label as plain text (one line per table row or `<BR/>`), the whole statement. */
export interface ParsedNode {
  readonly id: string;
  readonly text: string;
  /** The statement as written, attributes and label markup included. */
  readonly statement: string;
}

/** One edge statement: its ends, and the input's name written at its head (null when none). */
export interface ParsedEdge {
  readonly from: string;
  readonly to: string;
  readonly role: string | null;
}

/** A DOT graph as its node statements (by id) and its edges (in order). */
export interface ParsedDot {
  readonly nodes: Map<string, ParsedNode>;
  readonly edges: ParsedEdge[];
}

/** Parses the DOT subset `toDot` writes: one statement per line. */
export function parseDot(dot: string): ParsedDot {
  const nodes = new Map<string, ParsedNode>();
  const edges: ParsedEdge[] = [];
  for (const line of dot.split('\n')) {
    const edge = /^\s*(\w+) -> (\w+)(?: \[headlabel="([^"]*)",[^\]]*\])?;$/.exec(line);
    if (edge) {
      edges.push({ from: edge[1], to: edge[2], role: edge[3] ?? null });
      continue;
    }
    const node = /^\s*(\w+) \[.*, label=<(.*)>\];$/.exec(line);
    if (node) nodes.set(node[1], { id: node[1], statement: line.trim(), text: labelText(node[2]) });
  }
  return { nodes, edges };
}

/** An HTML-like label as text: rows and line breaks become newlines, tags go, entities decode. */
function labelText(html: string): string {
  return html
    .replace(/<\/TR>|<BR\/>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .trim();
}

/** The id of the node whose first line is `name` (a tensor's label or an op's name); throws if not exactly one. */
export function nodeNamed(parsed: ParsedDot, name: string): ParsedNode {
  const found = [...parsed.nodes.values()].filter((node) => node.text.split('\n')[0].split(' ')[0] === name);
  if (found.length !== 1) throw new Error(`expected one node named ${name}, found ${found.length}`);
  return found[0];
}

/** The ids of the nodes `id` has edges to, in order. */
export function successors(parsed: ParsedDot, id: string): string[] {
  return parsed.edges.filter((edge) => edge.from === id).map((edge) => edge.to);
}

/** The ids of the nodes with edges into `id`, in order. */
export function predecessors(parsed: ParsedDot, id: string): string[] {
  return parsed.edges.filter((edge) => edge.to === id).map((edge) => edge.from);
}
