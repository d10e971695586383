/**
 * The playground in a real browser: Vite builds the page, `preview` serves it on 127.0.0.1, and
 * Debian's Chromium (driven by playwright-core, no browser download) steps the course's circuit
 * forward and backward, checks the notes' numbers in the drawing and the panel, shows a parse
 * error, and trains the spiral net until its loss is low. Screenshots go to test-output/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaygroundStatus } from '../src/status.js';

const CHROMIUM = '/usr/bin/chromium';
/**
 * The flags this machine needs (see the Node machine notes): headless without a GPU, and no
 * background network traffic, which a closed network refuses many connections at a time.
 */
const CHROMIUM_FLAGS = ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** The spiral net must get below this loss: Adam reaches it after ~170 epochs. */
const LOSS_THRESHOLD = 0.1;
const MIN_ACCURACY = 0.95;
/** Measured: 1.8 s alone, 3.6 s with the tensor suite and three busy loops on 2 cores; 5x margin. */
const TRAINING_TIMEOUT_MS = 20_000;
/** Building the page and starting Chromium: 5 s alone, ~17 s under that load. */
const SETUP_TIMEOUT_MS = 120_000;
/** The decision regions' colours (decision-boundary.ts): after training, each class owns a good part of the plane. */
const REGION_COLOURS = [[253, 214, 214], [211, 228, 253], [210, 244, 220]];

const root = fileURLToPath(new URL('..', import.meta.url));
const screenshots = join(root, 'test-output');

let outDir: string;
let server: PreviewServer;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`playground test: ${CHROMIUM} is missing; install Debian's Chromium with: apt-get install -y chromium`);
  }
  outDir = mkdtempSync(join(tmpdir(), 'tapegrad-playground-'));
  mkdirSync(screenshots, { recursive: true });
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, open: false } });
  const runningAsRoot = process.getuid?.() === 0;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS, ...(runningAsRoot ? ['--no-sandbox'] : [])] });
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('playground test: vite preview reported no local URL');
  await page.goto(url);
  try {
    await page.waitForFunction(() => window.__playground?.ready === true, null, { timeout: SETUP_TIMEOUT_MS / 2 });
  } catch (error) {
    // A timeout alone says nothing; the page's own errors say why it never got ready.
    throw new Error(`playground test: the page at ${url} never became ready; its console errors: ${JSON.stringify(consoleErrors)}`, { cause: error });
  }
}, SETUP_TIMEOUT_MS);

// Each step in its own finally: a browser that fails to close must not leave the server running.
afterAll(async () => {
  try {
    await browser?.close();
  } finally {
    try {
      await server?.close();
    } finally {
      if (outDir) rmSync(outDir, { recursive: true, force: true });
    }
  }
});

function status(): Promise<PlaygroundStatus> {
  return page.evaluate(() => window.__playground);
}

/** Clicks `testid` and waits until the frame it led to is drawn (rendering is asynchronous). */
async function clickAndWaitForDrawing(testid: string): Promise<void> {
  await page.getByTestId(testid).click();
  await page.waitForFunction(() => window.__playground.walkthrough.drawnFrame === window.__playground.walkthrough.frame);
}

/** Presses `testid` until it is disabled; returns how many times it was pressed. */
async function pressUntilDisabled(testid: string): Promise<number> {
  let presses = 0;
  while (await page.getByTestId(testid).isEnabled()) {
    await clickAndWaitForDrawing(testid);
    presses++;
    if (presses > 50) throw new Error(`${testid} never became disabled`);
  }
  return presses;
}

/** The text of the one tensor box in the drawing whose first word is `name` (e.g. "q data 3 grad -4"). */
async function drawnNode(name: string): Promise<string> {
  // The <text> elements only: each node's <title> holds Graphviz's node id, not what is drawn.
  // The first <text> of a box is its name, so `d` and `d * d` are told apart.
  const boxes = await page.getByTestId('graph').locator('g.node').evaluateAll((nodes) =>
    nodes.map((node) => Array.from(node.querySelectorAll('text'), (text) => (text.textContent ?? '').trim())),
  );
  const matches = boxes.filter((texts) => texts[0] === name && texts.some((text) => text.startsWith('data')));
  if (matches.length !== 1) throw new Error(`expected one tensor box named ${name} in the drawing, found ${JSON.stringify(boxes)}`);
  return matches[0].join(' ').replace(/\s+/g, ' ');
}

describe('the playground in Chromium', () => {
  it('loads without console errors and starts on the circuit', async () => {
    const { walkthrough } = await status();
    expect(walkthrough.preset).toBe('circuit');
    expect(walkthrough.values).toEqual({ x: '-2', y: '5', z: '-4' });
    expect(consoleErrors).toEqual([]);
  });

  it('steps forward through f = (x + y) z node by node: q = 3, then f = -12', async () => {
    await clickAndWaitForDrawing('preset-circuit');
    await clickAndWaitForDrawing('step-forward');
    expect((await status()).walkthrough.values).toEqual({ x: '-2', y: '5', z: '-4', q: '3' });
    expect(await page.getByTestId('step-panel').textContent()).toContain('q = x + y\n  = -2 + 5\n  = 3');
    expect(await drawnNode('f')).toContain('data ?'); // not computed yet

    expect(await pressUntilDisabled('step-forward')).toBe(1);
    const { walkthrough } = await status();
    expect(walkthrough).toMatchObject({ phase: 'forward', step: 2, forwardSteps: 2, values: { q: '3', f: '-12' } });
    expect(await page.getByTestId('step-panel').textContent()).toContain('f = q * z\n  = 3 * -4\n  = -12');
    expect(await drawnNode('q')).toContain('data 3');
    expect(await drawnNode('f')).toContain('data -12');
  });

  it("steps backward node by node to the notes' gradients: x -4, y -4, z 3", async () => {
    expect(await page.getByTestId('step-backward').isEnabled()).toBe(true);
    expect(await pressUntilDisabled('step-backward')).toBe(3); // the seed, then mul, then add
    const { walkthrough } = await status();
    expect(walkthrough).toMatchObject({ phase: 'backward', step: 2, backwardSteps: 2 });
    expect(walkthrough.grads).toEqual({ f: '1', q: '-4', z: '3', x: '-4', y: '-4' });
    const panel = await page.getByTestId('step-panel').textContent();
    expect(panel).toContain('add distributes');
    expect(panel).toContain('done: ∂f/∂x = -4, ∂f/∂y = -4, ∂f/∂z = 3');
    expect(await drawnNode('x')).toContain('grad -4');
    expect(await drawnNode('y')).toContain('grad -4');
    expect(await drawnNode('z')).toContain('grad 3');
    expect(await drawnNode('q')).toContain('grad -4');
    await page.getByTestId('walkthrough').screenshot({ path: join(screenshots, 'walkthrough.png') });

    await clickAndWaitForDrawing('undo'); // one step back: add not yet processed, x has no gradient
    expect((await status()).walkthrough.grads).toEqual({ f: '1', q: '-4', z: '3' });
    expect(await drawnNode('x')).toBe('x data -2 grad ?');
    expect(await drawnNode('q')).toBe('q data 3 grad -4');

    await clickAndWaitForDrawing('reset');
    expect(await drawnNode('f')).toBe('f data ?');
    expect(await page.getByTestId('step-counter').textContent()).toBe('forward 0/2 · backward 0/2');
  });

  it("gives the sigmoid neuron the notes' gradients dx ≈ [0.39, -0.59], dw ≈ [-0.20, -0.39, 0.20]", async () => {
    await clickAndWaitForDrawing('preset-neuron');
    await clickAndWaitForDrawing('finish-forward');
    expect(await drawnNode('f')).toBe('f data 0.7311');
    await pressUntilDisabled('step-backward');
    expect((await status()).walkthrough.grads).toMatchObject({ dot: '0.1966', x0: '0.3932', x1: '-0.5898', w0: '-0.1966', w1: '-0.3932', w2: '0.1966' });
    expect(await drawnNode('dot')).toBe('dot data 1 grad 0.1966');
    expect(await drawnNode('x0')).toBe('x0 data -1 grad 0.3932');
    expect(await drawnNode('x1')).toBe('x1 data -2 grad -0.5898');
    expect(await drawnNode('w2')).toBe('w2 data -3 grad 0.1966');
  });

  it('steps the 2-layer net to its gradients, readable and scrolled to the node being processed', async () => {
    await clickAndWaitForDrawing('preset-two-layer');
    await clickAndWaitForDrawing('finish-forward');
    expect(await drawnNode('loss')).toBe('loss data 0.5312');
    expect(await pressUntilDisabled('step-backward')).toBe(9); // the seed and eight ops
    expect(await drawnNode('d')).toBe('d [1,1] data [[-0.7289]] grad [[-1.458]]'); // used twice: -0.7289 + -0.7289
    expect(await drawnNode('W2')).toBe('W2 [2,1] data [[1], [-0.5]] grad [[0.2877], [0.7829]]');
    expect(await drawnNode('x')).toBe('x [1,2] data [[1, -1]] grad [[-0.856, -1.017]]');
    // The drawing is wider than the page: it is not shrunk to unreadable, it scrolls, and the
    // node being processed (the first matmul, far left) is in view. viz marks it, and the box
    // of its output, with the class `highlighted`.
    const view = await page.getByTestId('graph').evaluate((graph) => {
      const current = Array.from(graph.querySelectorAll('g.node.highlighted'));
      const [first, last] = [current[0].getBoundingClientRect(), current.at(-1)!.getBoundingClientRect()];
      const box = graph.getBoundingClientRect();
      return {
        highlighted: current.map((node) => (node.querySelector('text')?.textContent ?? '').trim()),
        scrolls: graph.scrollWidth > graph.clientWidth,
        inView: first.left >= box.left && last.right <= box.right,
      };
    });
    expect(view).toEqual({ highlighted: ['matmul', 'x @ W1'], scrolls: true, inView: true });
    await page.getByTestId('walkthrough').screenshot({ path: join(screenshots, 'two-layer.png') });
  });

  it('draws nan for the log of a negative number and says what it means', async () => {
    await page.getByTestId('values-input').fill('x=-1');
    await page.getByTestId('expression-input').fill('log(x)');
    await page.waitForFunction(() => window.__playground.walkthrough.forwardSteps === 1 && window.__playground.walkthrough.drawnFrame === 0);
    await clickAndWaitForDrawing('step-forward');
    expect(await drawnNode('log(x)')).toBe('log(x) data nan');
    expect(await page.getByTestId('step-panel').textContent()).toContain('nan means "not a number"');
  });

  it('shows a parse error under the box, at its position, instead of throwing', async () => {
    await clickAndWaitForDrawing('preset-circuit');
    await page.getByTestId('expression-input').fill('(x + * y) * z');
    await page.waitForFunction(() => window.__playground.walkthrough.error !== null);
    const error = await page.getByTestId('expression-error').textContent();
    expect(error).toBe("In the expression box:\n(x + * y) * z\n     ^\nexpected a number, a name or '(', but found '*' (at character 6)");
    expect(await page.getByTestId('step-forward').isDisabled()).toBe(true);

    await page.getByTestId('expression-input').fill('(x + y) * z');
    await page.waitForFunction(() => window.__playground.walkthrough.error === null && window.__playground.walkthrough.drawnFrame === 0);
    expect((await status()).walkthrough.forwardSteps).toBe(2);
    expect(consoleErrors).toEqual([]);
  });

  it(`trains the spiral net below loss ${LOSS_THRESHOLD} with accuracy over ${MIN_ACCURACY}`, async () => {
    const started = Date.now();
    await page.getByTestId('spiral-start').click();
    await page.waitForFunction((threshold) => (window.__playground.spiral.loss ?? Infinity) < threshold, LOSS_THRESHOLD, { timeout: TRAINING_TIMEOUT_MS });
    await page.getByTestId('spiral-start').click(); // Stop
    const { spiral } = await status();
    console.log(`spiral: loss ${spiral.loss?.toFixed(4)} after ${spiral.epoch} epochs, ${Date.now() - started} ms in the browser (${Math.round(spiral.trainingMs)} ms training, ${Math.round(spiral.drawingMs)} ms drawing)`);
    expect(spiral.running).toBe(false);
    expect(spiral.loss).toBeLessThan(LOSS_THRESHOLD);
    expect(spiral.accuracy).toBeGreaterThan(MIN_ACCURACY);
    expect(await page.getByTestId('spiral-stats').textContent()).toContain(`epoch ${spiral.epoch} · loss ${spiral.loss!.toFixed(4)}`);
    expect(await page.getByTestId('loss-chart').locator('svg').count()).toBe(1);
    // The picture itself: every class's region covers a good part of the plane (before training, one is missing).
    const shares = await page.getByTestId('decision-boundary').evaluate((canvas: HTMLCanvasElement, colours) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      return colours.map(([r, g, b]) => {
        let count = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i] === r && data[i + 1] === g && data[i + 2] === b) count++;
        return count / (canvas.width * canvas.height);
      });
    }, REGION_COLOURS);
    for (const share of shares) expect(share).toBeGreaterThan(0.15);
    await page.getByTestId('spiral').screenshot({ path: join(screenshots, 'spiral.png') });
    expect(consoleErrors).toEqual([]);
  });
});
