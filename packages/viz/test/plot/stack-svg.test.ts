import { describe, expect, it } from 'vitest';
import { lineChart, stackSvg } from '../../src/index.js';
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

  it('refuses text that is not one of the plots, and an empty list', () => {
    expect(() => stackSvg(['<div>hello</div>'])).toThrow("stackSvg: picture 0 is not SVG text with a numeric width and height on its root (it starts '<div>hello</div>')");
    expect(() => stackSvg([])).toThrow('stackSvg: no pictures to stack');
  });
});
