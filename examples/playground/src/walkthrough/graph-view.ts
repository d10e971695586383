/**
 * Draws a frame's DOT into the page with `renderSvg` (Graphviz compiled to WebAssembly). Renders
 * are asynchronous and a learner clicks faster than they finish, so only the newest request is
 * put on screen.
 */
import { renderSvg } from '@tapegrad/viz';

/**
 * Smallest scale a wide drawing is shrunk to: the labels' 11 pt stay about 11 px high. Shrunk
 * further to fit the width (a 2-layer net's graph is ~2200 px wide), they would be unreadable;
 * a wider drawing scrolls sideways instead, following the highlighted node.
 */
const MIN_SCALE = 0.75;
/** CSS pixels per point: Graphviz sizes its SVG in points. */
const PX_PER_PT = 4 / 3;
/** viz gives the current step's nodes `class="highlighted"`, which Graphviz keeps on each node's `<g>`. */
const HIGHLIGHTED_NODE = 'g.node.highlighted';

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
    this.#fitWidth();
    this.#followHighlight();
    return true;
  }

  /** Empties the drawing (the expression has an error). */
  clear(): void {
    this.#requested++;
    this.container.replaceChildren();
  }

  /** Natural size when it fits, else as narrow as the container allows down to {@link MIN_SCALE}. */
  #fitWidth(): void {
    const svg = this.container.querySelector('svg');
    const widthPt = Number.parseFloat(svg?.getAttribute('width') ?? '');
    const heightPt = Number.parseFloat(svg?.getAttribute('height') ?? '');
    if (!svg || !Number.isFinite(widthPt) || !Number.isFinite(heightPt)) return;
    const natural = widthPt * PX_PER_PT;
    const available = this.container.clientWidth;
    const scale = natural <= available ? 1 : Math.max(available / natural, MIN_SCALE);
    // Both sides set: with only the width, Chrome keeps the height attribute and leaves a gap.
    svg.style.width = `${Math.round(natural * scale)}px`;
    svg.style.height = `${Math.round(heightPt * PX_PER_PT * scale)}px`;
  }

  /** Scrolls sideways to the highlighted node when it is outside the visible part; to the inputs when none is. */
  #followHighlight(): void {
    const node = this.container.querySelector(HIGHLIGHTED_NODE);
    if (!node) {
      this.container.scrollLeft = 0;
      return;
    }
    const box = node.getBoundingClientRect();
    const view = this.container.getBoundingClientRect();
    if (box.left >= view.left && box.right <= view.right) return;
    this.container.scrollLeft += box.left + box.width / 2 - (view.left + view.width / 2);
  }
}
