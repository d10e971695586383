/**
 * The labels of one program's tensors, never the same twice. The drawing names its boxes by
 * label and the panel keys values and gradients by it, so two nodes typed alike (`a*b + a*b`
 * records two muls) must still be told apart, and a numbered label must not take a name the
 * learner chose.
 */

/** Hands out labels, remembering every one given. */
export class Labels {
  readonly #taken: Set<string>;
  #numbered = 0;

  /** `reserved`: the names of the values box and of the statements, which label their own tensors. */
  constructor(reserved: Iterable<string>) {
    this.#taken = new Set(reserved);
  }

  /** `text` as typed when no tensor has it yet; else `text #2`, `text #3` …, the second `a*b` typed. */
  typed(text: string): string {
    let label = text;
    for (let n = 2; this.#taken.has(label); n++) label = `${text} #${n}`;
    return this.#take(label);
  }

  /** The next of `t1`, `t2` … that is free, for a text too long to label a node. */
  numbered(): string {
    let label: string;
    do label = `t${++this.#numbered}`;
    while (this.#taken.has(label));
    return this.#take(label);
  }

  #take(label: string): string {
    this.#taken.add(label);
    return label;
  }
}
