/**
 * A strict check that text is well-formed XML, for the plots' SVG: one root element, every tag
 * closed in order, attribute values quoted and unique per tag, `<` and `&` only as markup or
 * entity references, and no character XML forbids. Strict where a browser's HTML parser would
 * forgive: an SVG file is XML, and an image viewer or an `<img>` that loads it fails on the first
 * error. (Checked against Chromium's DOMParser on the same inputs while it was written.)
 */

const NAME = /^[A-Za-z_:][\w.:-]*$/;
const ENTITY = /^&(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);/;
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Every `&` in `text` starts an entity reference; nothing forbidden. Throws naming `where` otherwise. */
function checkCharacters(text: string, where: string): void {
  const forbidden = FORBIDDEN.exec(text);
  if (forbidden) throw new Error(`${where}: forbidden character U+${forbidden[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
  for (let at = text.indexOf('&'); at >= 0; at = text.indexOf('&', at + 1)) {
    if (!ENTITY.test(text.slice(at))) throw new Error(`${where}: bare '&' at '${text.slice(at, at + 12)}'`);
  }
}

/** The first problem that makes `xml` not well-formed, or null when it is well-formed. */
export function xmlProblem(xml: string): string | null {
  try {
    checkWellFormed(xml);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

function checkWellFormed(xml: string): void {
  const open: string[] = [];
  let roots = 0;
  let at = 0;
  while (at < xml.length) {
    const lt = xml.indexOf('<', at);
    const text = xml.slice(at, lt < 0 ? xml.length : lt);
    if (open.length === 0 && text.trim() !== '') throw new Error(`text outside the root element: '${text.trim().slice(0, 20)}'`);
    checkCharacters(text, 'text');
    if (lt < 0) break;
    const gt = tagEnd(xml, lt);
    const tag = xml.slice(lt + 1, gt);
    if (tag.includes('<')) throw new Error(`'<' inside the tag at ${lt}: '${tag.slice(0, 30)}'`);
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      if (open.at(-1) !== name) throw new Error(`</${name}> where ${open.length === 0 ? 'nothing is open' : `<${open.at(-1)}> is open`}`);
      open.pop();
    } else {
      const selfClosing = tag.endsWith('/');
      const [name, ...rest] = (selfClosing ? tag.slice(0, -1) : tag).split(/(?=\s)/);
      if (!NAME.test(name)) throw new Error(`bad element name '${name}'`);
      checkAttributes(name, rest.join(''));
      if (open.length === 0 && ++roots > 1) throw new Error(`a second root element <${name}>`);
      if (!selfClosing) open.push(name);
    }
    at = gt + 1;
  }
  if (open.length > 0) throw new Error(`<${open.at(-1)}> is never closed`);
  if (roots === 0) throw new Error('no root element');
}

/** Where the tag opened at `lt` ends: the first `>` outside a quoted attribute value (`>` may stand in one). */
function tagEnd(xml: string, lt: number): number {
  let quote: string | null = null;
  for (let at = lt + 1; at < xml.length; at++) {
    const c = xml[at];
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return at;
    }
  }
  throw new Error(`the tag at ${lt} is never closed`);
}

/** `text` must be nothing but ` name="value"` pairs, each name once. */
function checkAttributes(element: string, text: string): void {
  const seen = new Set<string>();
  const pair = /\s+([^\s=]+)\s*=\s*("[^"]*"|'[^']*')/y;
  let at = 0;
  for (let match = pair.exec(text); match !== null; match = pair.exec(text)) {
    const [, name, quoted] = match;
    if (!NAME.test(name)) throw new Error(`<${element}> has a bad attribute name '${name}'`);
    if (seen.has(name)) throw new Error(`<${element}> has the attribute ${name} twice`);
    seen.add(name);
    checkCharacters(quoted, `<${element} ${name}>`);
    at = pair.lastIndex;
  }
  if (text.slice(at).trim() !== '') throw new Error(`<${element}> has something that is not an attribute: '${text.slice(at).trim().slice(0, 30)}'`);
}
