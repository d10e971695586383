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
/** The spiral net must get below this loss: Adam reaches it after ~170 epochs (seconds, even on a slow machine). */
const LOSS_THRESHOLD = 0.1;
const MIN_ACCURACY = 0.95;
const TRAINING_TIMEOUT_MS = 20_000;

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
  await page.waitForFunction(() => window.__playground?.ready === true, null, { timeout: 30_000 });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
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

/** The text of each tensor box in the drawing whose first word is `name` (e.g. "q [] float64 data 3 grad -4"). */
async function drawnNode(name: string): Promise<string> {
  // The <text> elements only: each node's <title> holds Graphviz's node id, not what is drawn.
  const texts = await page.getByTestId('graph').locator('g.node').evaluateAll((nodes) =>
    nodes.map((node) => Array.from(node.querySelectorAll('text'), (text) => text.textContent ?? '').join(' ').replace(/\s+/g, ' ').trim()),
  );
  const matches = texts.filter((text) => text.split(' ')[0] === name && text.includes('data'));
  if (matches.length !== 1) throw new Error(`expected one tensor box named ${name} in the drawing, found ${JSON.stringify(texts)}`);
  return matches[0];
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
  });

  it("gives the sigmoid neuron the notes' gradients dx ≈ [0.39, -0.59], dw ≈ [-0.20, -0.39, 0.20]", async () => {
    await clickAndWaitForDrawing('preset-neuron');
    await clickAndWaitForDrawing('finish-forward');
    expect((await status()).walkthrough.values.f).toBe('0.7311');
    await pressUntilDisabled('step-backward');
    expect((await status()).walkthrough.grads).toMatchObject({ dot: '0.1966', x0: '0.3932', x1: '-0.5898', w0: '-0.1966', w1: '-0.3932', w2: '0.1966' });
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
    expect(await page.getByTestId('loss-chart').locator('svg').count()).toBe(1);
    await page.getByTestId('spiral').screenshot({ path: join(screenshots, 'spiral.png') });
    expect(consoleErrors).toEqual([]);
  });
});
