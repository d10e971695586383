import { describe, expect, it } from 'vitest';
import { contourPath, lineChart, stackSvg } from '../../src/index.js';
import { elements } from './parse-svg.js';

describe('stackSvg', () => {
  it('nests the pictures one above the other, as wide as the widest and as tall as all with the gaps', () => {
    const loss = lineChart([{ name: 'training loss', y: [1, 0.5, 0.2] }], { width: 500, height: 300 });
    const accuracy = lineChart([{ name: 'validation accuracy', y: [0.8, 0.9, 0.95] }], { width: 600, height: 250 });
    const svg = stackSvg([loss, accuracy], { gap: 10 });
    const [outer, first, second] = elements(svg, 'svg');
    expect([outer.attributes.width, outer.attributes.height]).toEqual(['600', String(300 + 10 + 250)]);
    expect([first.attributes.x, first.attributes.y, first.attributes.width]).toEqual(['0', '0', '500']);
    expect([second.attributes.x, second.attributes.y, second.attributes.height]).toEqual(['0', '310', '250']);
    // Each chart is whole inside: its series and its own ticks.
    expect(elements(first.content, 'g', 'series')[0].attributes['data-name']).toBe('training loss');
    expect(elements(second.content, 'g', 'series')[0].attributes['data-name']).toBe('validation accuracy');
    expect(svg.match(/<svg/g)).toHaveLength(3);
    expect(svg.match(/<\/svg>/g)).toHaveLength(3);
  });

  it('lays out panels in rows of `columns` under a title, and keeps each panel\'s clip path its own', () => {
    const panel = (name: string, height: number): string =>
      contourPath((x, y) => x * x + y * y, { xRange: [-1, 1], yRange: [-1, 1], levels: [0.5], resolution: 10, paths: [{ name, points: [[0.5, 0.5], [0, 0]] }], width: 300, height });
    const panels = [panel('SGD', 250), panel('Momentum', 280), panel('Adam', 250)];
    const svg = stackSvg(panels, { columns: 2, gap: 6, title: 'one optimizer per panel' });
    const [outer, ...nested] = elements(svg, 'svg');
    expect(nested.map(({ attributes }) => [attributes.x, attributes.y].map(Number))).toEqual([
      [0, 36],
      [306, 36],
      [0, 36 + 280 + 6], // the first row is as tall as its tallest panel
    ]);
    expect([outer.attributes.width, outer.attributes.height].map(Number)).toEqual([606, 36 + 280 + 6 + 250]);
    expect(elements(svg, 'text', 'title')[0].content).toBe('one optimizer per panel');
    // The same geometry gives the same clip-path id in each panel: prefixed, each panel uses its own.
    const ids = elements(svg, 'clipPath').map((clip) => clip.attributes.id);
    expect(new Set(ids).size).toBe(3);
    nested.forEach(({ content }, p) => {
      for (const group of [...elements(content, 'g', 'contours'), ...elements(content, 'g', 'paths')]) expect(group.attributes['clip-path']).toBe(`url(#${ids[p]})`);
    });
    expect(() => stackSvg(panels, { columns: 0 })).toThrow('stackSvg: columns must be a whole number ≥ 1; got 0');
  });

  it('refuses text that is not one of the plots, and an empty list', () => {
    expect(() => stackSvg(['<div>hello</div>'])).toThrow("stackSvg: picture 0 is not SVG text with a numeric width and height on its root (it starts '<div>hello</div>')");
    expect(() => stackSvg([])).toThrow('stackSvg: no pictures to stack');
  });
});
