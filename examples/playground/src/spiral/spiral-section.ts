/**
 * The spiral section: Start/Stop and Reset, the decision-boundary canvas and the loss curve.
 * Training runs a few epochs per animation frame, then draws, so the page stays responsive and
 * the learner watches the regions bend around the arms.
 */
import { element } from '../dom.js';
import type { SpiralStatus } from '../status.js';
import { drawDecisionBoundary, gridPoints } from './decision-boundary.js';
import { drawLossChart } from './loss-chart.js';
import { SpiralTrainer } from './trainer.js';

/** Training stops by itself here: the loss has long flattened out. */
const MAX_EPOCHS = 2000;
/** Longest a frame may train before it draws, in milliseconds (a frame is ~16 ms). */
const FRAME_BUDGET_MS = 12;
/** The decision regions are redrawn at most this often while training. */
const REGIONS_INTERVAL_MS = 150;
/** The loss chart is redrawn at most this often (it is an SVG rebuilt from scratch). */
const CHART_INTERVAL_MS = 250;

/** Builds the section into `root` and keeps `status` current. */
export function mountSpiral(root: HTMLElement, status: SpiralStatus): void {
  const startButton = element('button', { testid: 'spiral-start' }, 'Start');
  const resetButton = element('button', { testid: 'spiral-reset' }, 'Reset');
  const speed = element(
    'select',
    { testid: 'spiral-speed', title: 'epochs per animation frame' },
    ...[1, 2, 5, 20].map((n) => element('option', { value: String(n), ...(n === 2 ? { selected: '' } : {}) }, `${n} epoch${n > 1 ? 's' : ''} per frame`)),
  );
  const stats = element('p', { testid: 'spiral-stats', class: 'stats' });
  const canvas = element('canvas', { testid: 'decision-boundary', width: '360', height: '360' });
  const chart = element('div', { testid: 'loss-chart', class: 'chart' });
  root.append(
    element('h2', {}, 'Training a 2-layer net on the spiral data'),
    element(
      'p',
      {},
      'Three interleaved spirals (300 points) are not linearly separable. A net with one hidden layer of 100 ReLUs, ' +
        'trained with softmax cross-entropy and Adam (lr 0.01), bends its decision regions along the arms.',
    ),
    element('div', { class: 'controls' }, startButton, resetButton, speed, stats),
    element('div', { class: 'stage' }, canvas, chart),
  );

  const grid = gridPoints();
  let trainer = new SpiralTrainer();
  let running = false;
  let lastRegions = 0;
  let lastChart = 0;
  // Each Start begins a new chain of frames; a frame from an earlier chain (Stop then Start
  // before it ran) sees a newer number and ends, so two chains never train at once.
  let chain = 0;

  /**
   * Updates the numbers, and the pictures that are due: the decision regions (a forward pass over
   * the whole grid) and the loss chart (a new SVG) cost more than an epoch, so a running net
   * redraws them a few times a second rather than every frame.
   */
  const draw = ({ regions, chart: withChart }: { regions: boolean; chart: boolean }) => {
    const started = performance.now();
    if (regions) drawDecisionBoundary(canvas, trainer.classify(grid), trainer.x.buffer, trainer.y.buffer);
    status.accuracy = trainer.accuracy();
    status.epoch = trainer.epoch;
    status.loss = trainer.losses.at(-1) ?? null;
    const loss = status.loss === null ? '–' : status.loss.toFixed(4);
    const finished = trainer.epoch >= MAX_EPOCHS;
    stats.textContent = `epoch ${trainer.epoch} · loss ${loss} · accuracy ${(100 * status.accuracy).toFixed(1)} %${finished ? ' · done: Reset to train again' : ''}`;
    startButton.disabled = finished; // a Start that does nothing would look broken
    if (withChart) drawLossChart(chart, trainer.losses);
    status.drawingMs += performance.now() - started;
  };
  const drawEverything = () => draw({ regions: true, chart: true });

  const setRunning = (on: boolean) => {
    running = on;
    status.running = on;
    startButton.textContent = on ? 'Stop' : 'Start';
  };

  const frame = (mine: number) => {
    if (!running || mine !== chain) return;
    const started = performance.now();
    const epochs = Number(speed.value);
    for (let i = 0; i < epochs && trainer.epoch < MAX_EPOCHS && performance.now() - started < FRAME_BUDGET_MS; i++) trainer.trainEpoch();
    status.trainingMs += performance.now() - started;
    const now = performance.now();
    const done = trainer.epoch >= MAX_EPOCHS;
    const regions = done || now - lastRegions >= REGIONS_INTERVAL_MS;
    const chartDue = done || now - lastChart >= CHART_INTERVAL_MS;
    if (regions) lastRegions = now;
    if (chartDue) lastChart = now;
    draw({ regions, chart: chartDue });
    if (done) setRunning(false);
    else requestAnimationFrame(() => frame(mine));
  };

  startButton.addEventListener('click', () => {
    setRunning(!running && trainer.epoch < MAX_EPOCHS);
    if (running) {
      const mine = ++chain;
      requestAnimationFrame(() => frame(mine));
    }
    else drawEverything(); // the pictures catch up with the last epochs
  });
  resetButton.addEventListener('click', () => {
    setRunning(false);
    trainer = new SpiralTrainer();
    status.trainingMs = 0;
    status.drawingMs = 0;
    drawEverything();
  });
  drawEverything();
}
