import { describe, expect, it } from 'vitest';
import { renderSvg, toDot } from '../../src/index.js';
import { courseCircuit } from '../course-circuit.js';

describe('renderSvg', () => {
  it('renders the course circuit to an SVG showing its labels and values, the same bytes every time', async () => {
    const { f } = courseCircuit();
    f.backward({ retainGraph: true });
    const svg = await renderSvg(f);
    expect(svg).toMatch(/^<\?xml[^]*<svg [^]*<\/svg>\n?$/);
    const texts = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((match) => match[1].replace(/&#45;/g, '-'));
    expect(texts.sort()).toEqual(
      ['x', 'data -2', 'grad -4', 'y', 'data 5', 'grad -4', 'add', 'q', 'data 3', 'z', 'data -4', 'grad 3', 'mul', 'f', 'data -12'].sort(),
    );
    expect(await renderSvg(courseCircuit().f)).not.toBe(svg); // no gradients before backward
    const again = courseCircuit();
    again.f.backward({ retainGraph: true });
    expect(await renderSvg(again.f)).toBe(svg);
  });

  it('renders DOT text as well, and passes the drawing options on', async () => {
    const { q, f } = courseCircuit();
    expect(await renderSvg(toDot(f, { highlight: [q] }))).toBe(await renderSvg(f, { highlight: [q] }));
    expect(await renderSvg(f, { highlight: [q] })).toContain('#fde68a');
  });

  it('marks the highlighted nodes with the class "highlighted" in the SVG: q and the add that made it', async () => {
    const { q, f } = courseCircuit();
    const svg = await renderSvg(f, { highlight: [q] });
    // Graphviz writes each node as <g class="node …"> followed by a <title> holding its DOT id.
    const nodes = [...svg.matchAll(/<g id="node\d+" class="([^"]*)">\n<title>(\w+)<\/title>/g)].map((match) => [match[2], match[1]]);
    expect(nodes).toHaveLength(7);
    expect(nodes.filter(([, classes]) => classes === 'node highlighted').map(([id]) => id)).toEqual(['op2', 't2']);
    expect(nodes.filter(([, classes]) => classes === 'node').map(([id]) => id).sort()).toEqual(['op4', 't0', 't1', 't3', 't4']);
  });

  it('rejects DOT text Graphviz cannot parse, naming renderSvg', async () => {
    await expect(renderSvg('digraph { a -> }')).rejects.toThrow(/^renderSvg: Graphviz could not lay out the DOT text/);
  });
});
