/**
 * A plain-text table whose cells may hold several lines, for terminals: columns padded to their
 * widest line, a rule under the header and between rows.
 * @module
 */

/** Characters a cell's line takes on screen: code points, so `∂` and `ᵀ` count once. */
function widthOf(line: string): number {
  return [...line].length;
}

function padded(line: string, width: number): string {
  return line + ' '.repeat(width - widthOf(line));
}

/** `headers` and `rows` (one string per cell, `\n` between a cell's lines) laid out as a table. */
export function textTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const cells = [headers, ...rows].map((row) => row.map((cell) => cell.split('\n')));
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => Math.max(...row[column].map(widthOf)))));
  const rule = widths.map((width) => '-'.repeat(width)).join('-+-');
  const lines: string[] = [];
  cells.forEach((row, index) => {
    if (index > 0) lines.push(rule);
    const height = Math.max(...row.map((cell) => cell.length));
    for (let i = 0; i < height; i++) {
      lines.push(row.map((cell, column) => padded(cell[i] ?? '', widths[column])).join(' | ').trimEnd());
    }
  });
  return lines.join('\n');
}

/** `text` broken at spaces into lines of at most `width` characters (a longer word keeps its own line). */
export function wrapText(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && widthOf(line) + 1 + widthOf(word) > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines.join('\n');
}
