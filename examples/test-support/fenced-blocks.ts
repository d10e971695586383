/**
 * The fenced code blocks of a Markdown file, for the test that checks the guides' code against
 * the files in examples/guides (guides.test.ts).
 */

/** One ```` ```lang ```` … ```` ``` ```` block of a Markdown file. */
export interface FencedBlock {
  /** The word after the opening fence (`ts`, `text`, `sh` …), '' when there is none. */
  language: string;
  /** 1-based line of the opening fence, for messages that say where to look. */
  line: number;
  /** 1-based line of the closing fence. */
  endLine: number;
  /** The lines between the fences, each ending in '\n', with the fence's own indentation removed. */
  text: string;
}

const OPENING_FENCE = /^( *)(`{3,}|~{3,})\s*([^\s`]*)/;

/** Every fenced block of `markdown`, in order; throws on a fence left open, naming `name` and its line. */
export function fencedBlocks(markdown: string, name: string): FencedBlock[] {
  const lines = markdown.split('\n');
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const opening = OPENING_FENCE.exec(lines[i]);
    if (!opening) continue;
    const [, indent, fence, language] = opening;
    const body: string[] = [];
    let end = i + 1;
    // CommonMark: the block ends at a line of the same fence character, at least as long.
    while (end < lines.length && !isClosingFence(lines[end], fence)) {
      body.push(lines[end].startsWith(indent) ? lines[end].slice(indent.length) : lines[end].trimStart());
      end++;
    }
    if (end === lines.length) throw new Error(`${name}:${i + 1}: the ${fence}${language} block is never closed; add a ${fence} line after it`);
    blocks.push({ language, line: i + 1, endLine: end + 1, text: body.map((line) => `${line}\n`).join('') });
    i = end;
  }
  return blocks;
}

function isClosingFence(line: string, fence: string): boolean {
  const trimmed = line.trim();
  return trimmed.length >= fence.length && trimmed === fence[0].repeat(trimmed.length);
}
