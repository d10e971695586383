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

  it('rejects DOT text Graphviz cannot parse, naming renderSvg', async () => {
    await expect(renderSvg('digraph { a -> }')).rejects.toThrow(/^renderSvg: Graphviz could not lay out the DOT text/);
  });
});
