/**
 * Draws a frame's DOT into the page with `renderSvg` (Graphviz compiled to WebAssembly). Renders
 * are asynchronous and a learner clicks faster than they finish, so only the newest request is
 * put on screen.
 */
import { renderSvg } from '@tapegrad/viz';

/** The drawing area of the walk-through. */
export class GraphView {
  #requested = 0;

  constructor(private readonly container: HTMLElement) {}

  /** Renders `dot`; resolves to true once it is on screen, false when a newer request replaced it. */
  async show(dot: string): Promise<boolean> {
    const request = ++this.#requested;
    const svg = await renderSvg(dot);
    if (request !== this.#requested) return false;
    this.container.innerHTML = svg;
    return true;
  }

  /** Empties the drawing (the expression has an error). */
  clear(): void {
    this.#requested++;
    this.container.replaceChildren();
  }
}
