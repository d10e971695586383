/**
 * The loss curve beside the decision boundary, drawn with viz's `lineChart` (SVG text, the same
 * function the Node examples use for their plots).
 */
import { lineChart } from '@tapegrad/viz';

/** Longest curve drawn point for point; longer histories are thinned so redrawing stays cheap. */
const MAX_POINTS = 400;

/** Replaces `container`'s content with the chart of `losses` (one per epoch, epoch 1 first). */
export function drawLossChart(container: HTMLElement, losses: readonly number[]): void {
  if (losses.length === 0) {
    container.replaceChildren();
    return;
  }
  const stride = Math.ceil(losses.length / MAX_POINTS);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < losses.length; i += stride) {
    x.push(i + 1);
    y.push(losses[i]);
  }
  if (x[x.length - 1] !== losses.length) {
    x.push(losses.length);
    y.push(losses[losses.length - 1]);
  }
  container.innerHTML = lineChart([{ name: 'training loss', x, y }], { title: 'softmax cross-entropy', xLabel: 'epoch', yLabel: 'loss', logY: true, width: 420, height: 300 });
}
