import { mul, tensor } from '@tapegrad/tensor';
import { describe, expect, it } from 'vitest';
import { toDot, toMermaid } from '../../src/index.js';
import { courseCircuit } from '../course-circuit.js';
import { parseDot } from './parse-dot.js';

/** The node statements (`id` → label) and edges of a flowchart `toMermaid` wrote. */
function parseMermaid(text: string) {
  const nodes = new Map<string, string>();
  const edges: string[] = [];
  const classes = new Map<string, string[]>();
  for (const line of text.split('\n').slice(1)) {
    const node = /^ {2}(\w+)\(?\["(.*)"\]\)?$/.exec(line);
    const edge = /^ {2}(\w+) --> (\w+)$/.exec(line);
    const assigned = /^ {2}class (\S+) (\w+)$/.exec(line);
    if (node) nodes.set(node[1], node[2].replace(/<br\/>/g, '\n').replace(/<\/?b>/g, ''));
    else if (edge) edges.push(`${edge[1]}->${edge[2]}`);
    else if (assigned) classes.set(assigned[2], assigned[1].split(','));
    else if (line !== '' && !line.startsWith('  classDef ')) throw new Error(`unexpected line: ${line}`);
  }
  return { nodes, edges, classes };
}

describe('toMermaid', () => {
  it('writes the course circuit as a left-to-right flowchart with the same nodes and edges as toDot', () => {
    const { q, f } = courseCircuit();
    q.retainGrad();
    f.retainGrad();
    f.backward({ retainGraph: true });
    const text = toMermaid(f);
    expect(text.split('\n')[0]).toBe('flowchart LR');
    const chart = parseMermaid(text);
    const dot = parseDot(toDot(f));
    expect(chart.nodes).toEqual(new Map([...dot.nodes].map(([id, node]) => [id, node.text])));
    expect(chart.nodes.get('t2')).toBe('q\ndata 3\ngrad -4');
    expect(chart.nodes.get('op4')).toBe('mul');
    expect(chart.edges).toEqual(dot.edges.map((edge) => `${edge.from}->${edge.to}`));
    expect(text).toContain('  op2(["<b>add</b>"])');
  });

  it('puts parameters, results, ops and highlighted nodes in classes of their own', () => {
    const { q, f } = courseCircuit();
    const chart = parseMermaid(toMermaid(f, { highlight: [q] }));
    expect(chart.classes).toEqual(
      new Map([
        ['parameter', ['t0', 't1', 't3']],
        ['highlighted', ['op2', 't2']],
        ['op', ['op4']],
        ['result', ['t4']],
      ]),
    );
  });

  it("escapes labels with Mermaid's entity codes", () => {
    const x = tensor(1, { requiresGrad: true, label: 'a "b" <c> #d `e` &f' });
    const text = toMermaid(mul(x, 2));
    expect(text).toContain('t0["<b>a #34;b#34; #60;c#62; #35;d #96;e#96; #38;f</b><br/>data 1"]');
    const multiline = tensor(1, { requiresGrad: true, label: 'first\nsecond' });
    expect(toMermaid(multiline)).toBe('flowchart LR\n  t0["<b>first<br/>second</b><br/>data 1"]\n  classDef parameter fill:#dbeafe,stroke:#1e40af,color:#000000\n  class t0 parameter\n');
  });

  it('collapses like toDot', () => {
    const w = tensor([1, 2, 3, 4, 5, 6, 7], { requiresGrad: true, label: 'w' });
    const chart = parseMermaid(toMermaid(mul(w, 2)));
    expect([...chart.nodes.values()]).toEqual(['w [7]', '%1\ndata 2', 'mul\n[7]']);
    expect(chart.edges).toEqual(['t0->op2', 't1->op2']);
  });
});
