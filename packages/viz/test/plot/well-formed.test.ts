import { describe, expect, it } from 'vitest';
import { tensor } from '@tapegrad/tensor';
import { contourPath, imageGrid, lineChart, stackSvg } from '../../src/index.js';
import { elements } from './parse-svg.js';
import { xmlProblem } from './well-formed.js';

/** Names a learner might give: markup characters, quotes, an ANSI colour code pasted from a terminal. */
const HOSTILE = ['a < b & "c" \'d\' > e', '\u001b[31mred\u001b[0m', 'bell\u0007', 'x]]>y'];

describe('the plots are well-formed XML', () => {
  it('the checker finds what makes XML ill-formed, and accepts what does not', () => {
    expect(xmlProblem('<a x="1 > 0" y=\'2\'><b/>a &gt; b &amp; &#955;</a>\n')).toBeNull();
    expect(xmlProblem('<a><b></a></b>')).toBe('</a> where <b> is open');
    expect(xmlProblem('<a>&</a>')).toBe("text: bare '&' at '&'");
    expect(xmlProblem('<a x="1" x="2"/>')).toBe('<a> has the attribute x twice');
    expect(xmlProblem('<a x=1/>')).toBe("<a> has something that is not an attribute: 'x=1'");
    expect(xmlProblem('<a x="<"/>')).toBe('\'<\' inside the tag at 0: \'a x="<"/\'');
    expect(xmlProblem('<a/><b/>')).toBe('a second root element <b>');
    expect(xmlProblem('<a>\u0007</a>')).toBe('text: forbidden character U+0007');
    expect(xmlProblem('<a>')).toBe('<a> is never closed');
  });

  it('with titles, labels and names full of markup and control characters, which read back as written (controls as U+FFFD)', () => {
    const [title, xLabel, yLabel] = HOSTILE;
    const pictures = [
      lineChart(HOSTILE.map((name, s) => ({ name, y: [s, s + 1] })), { title, xLabel, yLabel }),
      lineChart([{ name: HOSTILE[1], y: [0.5, 0.05] }], { title, logY: true }),
      imageGrid(tensor([[[0, 1]], [[1, 0]], [[2, 2]], [[3, 1]]]), { title, labels: HOSTILE }),
      contourPath((x, y) => x * x + y * y, {
        xRange: [-1, 1],
        yRange: [-1, 1],
        title,
        xLabel,
        yLabel,
        paths: HOSTILE.map((name, p) => ({ name, points: [[0.5, 0.1 * p], [0, 0]] })),
        marks: [{ name: HOSTILE[0], at: [0, 0] }],
      }),
    ];
    for (const svg of [...pictures, stackSvg(pictures, { columns: 2, title })]) expect(xmlProblem(svg)).toBeNull();
    const names = elements(pictures[0], 'g', 'legend-entry').map((entry) => entry.attributes['data-name']);
    expect(names).toEqual(['a < b & "c" \'d\' > e', '\uFFFD[31mred\uFFFD[0m', 'bell\uFFFD', 'x]]>y']);
    expect(elements(pictures[2], 'text', 'cell-label').map((label) => label.content)).toEqual(names);
  });
});
