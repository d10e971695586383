/**
 * Building page elements in one expression: `element('button', { testid: 'reset' }, 'Reset')`.
 * The page is small enough that this is all the framework it needs.
 */

/** Attributes of {@link element}: `testid` becomes `data-testid`, `class` the class list, the rest plain attributes. */
export type Attributes = Record<string, string> & { testid?: string };

/** A new `tag` element with `attributes` and `children` (strings become text). */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name === 'testid' ? 'data-testid' : name, value);
  }
  node.append(...children);
  return node;
}
