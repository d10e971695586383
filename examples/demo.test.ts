/**
 * `pnpm demo` as a user runs it, in child processes whose stdout is a pipe (as in CI): its flags,
 * its plain-line output, the files it saves (reloaded here, they must predict the digits the run
 * reported; the loss curve read back, it must show the numbers metrics.json records; the weight
 * pictures decoded, they must show the saved weights) and its determinism. Every training run uses `--quick` (2,000 training images).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setDefaultDtype, type Tensor } from '@tapegrad/tensor';
import type { Conv2d, Linear } from '@tapegrad/nn';
import { load } from '@tapegrad/nn/node';
import { loadMnist } from '@tapegrad/data/node';
import { cnn, mlp } from './mnist-models.js';
import { LinearScores } from './demo/linear-scores.js';
import { predictLabels, type ScoreModel } from './demo/predict.js';
import { progressFor } from './demo/progress.js';
import { RUN_FILES } from './demo/run-files.js';
import { lossCurveSvg } from './demo/loss-curve.js';
import { numberAfter } from './test-support/printed-numbers.js';
import { plottedCharts } from './test-support/plotted-values.js';

const here = dirname(fileURLToPath(import.meta.url));
const output = mkdtempSync(join(tmpdir(), 'tapegrad-demo-'));
afterAll(() => rmSync(output, { recursive: true, force: true }));

interface DemoRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `examples/demo.ts` with `args`, as `npx tsx examples/demo.ts …` would, without throwing on a
 * non-zero exit. A demo that hangs is killed after 100 s (status null), before vitest's timeout,
 * which cannot interrupt a synchronous spawn.
 */
function demo(...args: string[]): DemoRun {
  return spawnSync(process.execPath, ['--import', 'tsx', join(here, 'demo.ts'), ...args], { cwd: here, encoding: 'utf8', timeout: 100_000 });
}

/** A quick training run writing into its own folder under the test's temporary directory. */
function train(name: string, ...args: string[]): DemoRun & { folder: string } {
  const folder = join(output, name);
  const run = demo('--quick', '--out', folder, ...args);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return { ...run, folder };
}

interface Metrics {
  command: string;
  epochs: { trainLoss: number; valAccuracy?: number }[];
  testAccuracy: number;
  k?: number;
}

function metricsOf(folder: string): Metrics {
  return JSON.parse(readFileSync(join(folder, RUN_FILES.metrics), 'utf8')) as Metrics;
}

function predictionsOf(folder: string): number[] {
  return JSON.parse(readFileSync(join(folder, RUN_FILES.predictions), 'utf8')) as number[];
}

/** Loads `folder`'s model.safetensors into `model` and predicts the 1,000 test digits with it. */
async function reloadedPredictions(model: ScoreModel, folder: string): Promise<number[]> {
  await load(model, join(folder, RUN_FILES.weights));
  return Array.from(predictLabels(model, loadMnist({ seed: 0 }).test.x).buffer);
}

/** The files a run's `saved … in <folder>` line lists. */
function savedFiles({ stdout, folder }: { stdout: string; folder: string }): string[] {
  const line = stdout.split('\n').find((text) => text.startsWith('saved ') && text.includes(` in ${folder}`));
  expect(line).toBeDefined();
  return line!.slice('saved '.length, line!.indexOf(` in ${folder}`)).split(', ');
}

/** A decoded PNG: size, channels (1 grey, 3 RGB) and the colour of a pixel. */
interface Png {
  readonly width: number;
  readonly height: number;
  readonly channels: number;
  pixel(x: number, y: number): number[];
}

/**
 * Decodes the PNG at `path` as the viz package's encoder (fast-png) writes it: 8-bit grey or RGB,
 * rows unfiltered. Checks the signature, and that the pixel data inflates to exactly the rows the
 * header promises. (fast-png is the viz package's dependency, not one the examples can import.)
 */
function readPng(path: string): Png {
  const bytes = readFileSync(path);
  expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    at += 12 + length; // length, type, body, CRC
  }
  expect(header).toBeDefined();
  const [width, height, bitDepth, colourType] = [header!.readUInt32BE(0), header!.readUInt32BE(4), header![8], header![9]];
  expect(bitDepth).toBe(8);
  const channels = { 0: 1, 2: 3 }[colourType as 0 | 2];
  expect(channels, `colour type ${colourType}`).toBeDefined();
  const rows = inflateSync(Buffer.concat(data));
  const rowBytes = 1 + width * channels; // a filter byte, then the pixels
  expect(rows.length).toBe(height * rowBytes);
  for (let y = 0; y < height; y++) expect(rows[y * rowBytes], `filter of row ${y}`).toBe(0);
  return { width, height, channels, pixel: (x, y) => [...rows.subarray(y * rowBytes + 1 + x * channels, y * rowBytes + 1 + (x + 1) * channels)] };
}

/** The full-strength ends of the diverging scale, ColorBrewer RdBu's darkest red and blue. */
const [RED, BLUE] = [[178, 24, 43], [33, 102, 172]];

/**
 * Checks that each image of `weights` (`[n, side·side]`) is drawn in `png` in its grid place
 * (`columns` per row, `pixelSize` screen pixels per weight, 4 pixels apart) and scaled on its
 * own: its largest |weight| is the full red (positive) or blue (negative) of its sign.
 */
function expectStrongestWeightsSaturated(png: Png, weights: Tensor, side: number, columns: number, pixelSize: number): void {
  const [count, pixels] = weights.shape;
  const cell = side * pixelSize + 4;
  const values = weights.buffer;
  for (let image = 0; image < count; image++) {
    let strongest = 0;
    for (let p = 1; p < pixels; p++) if (Math.abs(values[image * pixels + p]) > Math.abs(values[image * pixels + strongest])) strongest = p;
    const x = (image % columns) * cell + (strongest % side) * pixelSize;
    const y = Math.floor(image / columns) * cell + Math.floor(strongest / side) * pixelSize;
    expect(png.pixel(x, y), `image ${image}, weight ${strongest}`).toEqual(values[image * pixels + strongest] > 0 ? RED : BLUE);
  }
}

/** The `<image>` elements of an imageGrid SVG and the labels under them. */
function gridOf(svg: string): { images: number; labels: string[] } {
  return { images: svg.match(/<image /g)?.length ?? 0, labels: [...svg.matchAll(/<text class="cell-label"[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]) };
}

/** `'0'` … `'n − 1'`. */
function numbered(n: number): string[] {
  return Array.from({ length: n }, (_, i) => String(i));
}

beforeAll(() => {
  // The demo trains in float32; the models rebuilt here must match the saved dtype.
  setDefaultDtype('float32');
});

describe('demo flags', () => {
  it('--help lists every flag and every model, and exits 0', () => {
    const { status, stdout } = demo('--help');
    expect(status).toBe(0);
    for (const flag of ['--model', '--epochs', '--seed', '--out', '--quick', '--help']) expect(stdout).toContain(flag);
    for (const model of ['mlp', 'cnn', 'softmax', 'svm', 'knn']) expect(stdout).toMatch(new RegExp(`^ .* ${model} `, 'm'));
  });

  it.each([
    { args: ['--model', 'foo'], error: "demo: --model must be one of mlp, cnn, softmax, svm, knn; got 'foo'" },
    { args: ['--epochs', '-1'], error: "demo: --epochs must be a whole number ≥ 1; got '-1'" },
    { args: ['--bogus'], error: "demo: unknown flag '--bogus'" },
    { args: ['-x'], error: "demo: unknown flag '-x'" },
    { args: ['--model', '--epochs', '3'], error: 'demo: --model needs a value' },
  ])('rejects $args with exit code 2, a one-line error and the usage', ({ args, error }) => {
    const { status, stdout, stderr } = demo(...args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    const [first, blank, usageLine] = stderr.split('\n');
    expect(first).toBe(error);
    expect(blank).toBe('');
    expect(usageLine).toMatch(/^usage: pnpm demo /);
  });

  it('skips the `--` that `pnpm demo -- --help` passes on', () => {
    const { status, stdout } = demo('--', '--help');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^usage: pnpm demo /);
  });

  it('refuses an --out it cannot make (a file; on Linux, a folder in /proc) before training, with exit code 2 and one line', () => {
    const file = join(output, 'a-file');
    writeFileSync(file, '');
    // Node's recursive mkdir never returns for a folder in /proc: the demo must not use it.
    const procfs = existsSync('/proc/self') ? ['/proc/tapegrad-demo'] : [];
    for (const folder of [file, ...procfs]) {
      const { status, stdout, stderr } = demo('--out', folder);
      expect(status).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.startsWith(`demo: cannot save the run in ${folder}: `)).toBe(true);
      expect(stderr).toMatch(/^[^\n]+; choose another folder with --out DIR\n$/);
    }
  });
});

describe('demo progress bar', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  /** What the bar writes to a terminal `columns` wide over an epoch of 125 batches. */
  function barOutput(columns: number): string {
    vi.stubEnv('TERM', 'xterm');
    vi.useFakeTimers(); // the bar redraws at most every 200 ms
    let written = '';
    const terminal = { isTTY: true, columns, write: (text: string) => ((written += text), true) };
    const progress = progressFor(terminal as unknown as NodeJS.WriteStream);
    progress.startEpoch(12, 30, 125);
    for (let done = 1; done <= 125; done++) {
      vi.advanceTimersByTime(10);
      progress.batch(done, 0.2345, 31_784);
    }
    progress.endEpoch({ epoch: 12, trainLoss: 0.2345, valAccuracy: 0.974 }, 30);
    return written;
  }

  it('fits the epoch, batch, running loss and throughput on an 80-column line, and cuts a narrower one instead of wrapping', () => {
    for (const columns of [80, 40]) {
      const out = barOutput(columns);
      // Each redraw goes back to the line's start (ESC[1G) and writes one line of text.
      const frames = out.split('\x1b[1G').slice(1).map((frame) => frame.replace(/\x1b(\[[\d;?]*[A-Za-z]|[78])/g, ''));
      const bars = frames.filter((frame) => frame.includes('batch'));
      expect(bars.length).toBeGreaterThan(3);
      for (const bar of bars) expect(bar.length).toBeLessThanOrEqual(columns);
      if (columns === 80) expect(bars.at(-1)).toMatch(/^epoch 12\/30 [█░]+ batch 125\/125 {2}loss 0\.2345 {2}31,784 img\/s {2}ETA 0s$/);
      expect(frames.at(-1)).toBe('epoch 12/30  loss 0.2345  val 97.40 %\n');
    }
  });

  it('leaves the cursor shown and line wrapping on, so a Ctrl-C in mid-epoch leaves the terminal as it was', () => {
    const out = barOutput(80);
    expect(out).not.toContain('\x1b[?25l'); // hide the cursor
    expect(out).not.toContain('\x1b[?7l'); // turn off line wrapping
  });
});

describe('demo --model mlp --quick', () => {
  let first: ReturnType<typeof train>;
  beforeAll(() => {
    first = train('mlp-a', '--seed', '7');
  });

  it('prints plain lines: each epoch with a falling loss, then test accuracy well above chance, wall time and the command', () => {
    const { stdout, folder } = first;
    expect(stdout).not.toMatch(/[\r\x1b]/); // no bar redraws or colours when stdout is not a terminal
    const epochs = [...stdout.matchAll(/^epoch (\d)\/3 {2}loss (\d+\.\d+) {2}val (\d+\.\d+) % {2}\d+\.\d s {2}[\d,]+ img\/s$/gm)];
    expect(epochs.map((m) => Number(m[1]))).toEqual([1, 2, 3]);
    const losses = epochs.map((m) => Number(m[2]));
    expect(losses[2]).toBeLessThan(losses[0] * 0.75);
    expect(Number(epochs[2][3])).toBeGreaterThan(75);
    const testAccuracy = numberAfter(stdout, 'test accuracy');
    expect(testAccuracy).toBeGreaterThan(75); // chance is 10 %
    expect(stdout).toMatch(/^training took \d+\.\d s; the whole run \d+\.\d s$/m);
    expect(stdout).toContain('reproduce: npx tsx examples/demo.ts --model mlp --epochs 3 --seed 7 --quick\n');
    const metrics = metricsOf(folder);
    expect(metrics.command).toBe('npx tsx examples/demo.ts --model mlp --epochs 3 --seed 7 --quick');
    expect(metrics.epochs.map((epoch) => epoch.trainLoss.toFixed(4))).toEqual(losses.map((loss) => loss.toFixed(4)));
    expect((100 * metrics.testAccuracy).toFixed(2)).toBe(testAccuracy.toFixed(2));
  });

  it('saves a model that loads into a fresh mlp() and predicts the test digits the run reported', async () => {
    const predicted = await reloadedPredictions(mlp(), first.folder);
    expect(predicted).toEqual(predictionsOf(first.folder));
    const labels = loadMnist({ seed: 0 }).test.y.buffer;
    expect(predicted.filter((digit, i) => digit === labels[i]).length / labels.length).toBe(metricsOf(first.folder).testAccuracy);
  });

  it('draws the loss and the validation accuracy of each epoch, as metrics.json records them, in loss-curve.svg', () => {
    expect(savedFiles(first)).toContain(RUN_FILES.lossCurve);
    const [loss, accuracy, ...others] = plottedCharts(readFileSync(join(first.folder, RUN_FILES.lossCurve), 'utf8'));
    expect(others).toEqual([]);
    expect(loss.series.map((series) => series.name)).toEqual(['training loss']);
    expect(accuracy.series.map((series) => series.name)).toEqual(['validation accuracy']);
    const { epochs } = metricsOf(first.folder);
    expect(loss.series[0].points).toHaveLength(3);
    expect(accuracy.series[0].points).toHaveLength(3);
    epochs.forEach(({ trainLoss, valAccuracy }, i) => {
      const [[lossEpoch, lossValue], [accuracyEpoch, accuracyValue]] = [loss.series[0].points[i], accuracy.series[0].points[i]];
      expect([lossEpoch, accuracyEpoch]).toEqual([expect.closeTo(i + 1, 3), expect.closeTo(i + 1, 3)]);
      expect(lossValue).toBeCloseTo(trainLoss, 3);
      expect(accuracyValue).toBeCloseTo(100 * valAccuracy!, 2); // in percent
    });
  });

  it('draws the weights into the first 32 hidden units, as saved, in first-layer.svg and first-layer.png', async () => {
    const { folder } = first;
    expect(savedFiles(first)).toEqual([RUN_FILES.weights, RUN_FILES.metrics, RUN_FILES.predictions, RUN_FILES.lossCurve, RUN_FILES.firstLayer.svg, RUN_FILES.firstLayer.png]);
    expect(gridOf(readFileSync(join(folder, RUN_FILES.firstLayer.svg), 'utf8'))).toEqual({ images: 32, labels: numbered(32) });
    const png = readPng(join(folder, RUN_FILES.firstLayer.png));
    // 8 units of 28×28 weights a row, 3 screen pixels each, 4 apart: 8·84 + 7·4 by 4·84 + 3·4.
    expect([png.width, png.height, png.channels]).toEqual([700, 348, 3]);
    const model = mlp();
    await load(model, join(folder, RUN_FILES.weights));
    expectStrongestWeightsSaturated(png, (model.at(0) as Linear).weight.slice([0], [32]), 28, 8, 3);
  });

  it('draws a loss that turned NaN up to the epoch before, and says so, instead of losing the run’s files', () => {
    const history = [
      { epoch: 1, trainLoss: 0.9, valAccuracy: 0.8 },
      { epoch: 2, trainLoss: 0.5, valAccuracy: 0.85 },
      { epoch: 3, trainLoss: NaN, valAccuracy: 0.1 },
    ];
    const [loss, accuracy] = plottedCharts(lossCurveSvg('mlp', history)!);
    expect(loss.title).toBe('mlp: training loss per epoch (NaN from epoch 3 on)');
    expect(loss.series[0].points.map(([epoch, value]) => [Math.round(epoch), Number(value.toFixed(3))])).toEqual([[1, 0.9], [2, 0.5]]);
    expect(accuracy.series[0].points.map(([, percent]) => Math.round(percent))).toEqual([80, 85, 10]); // the collapse shows here
    expect(lossCurveSvg('mlp', [{ epoch: 1, trainLoss: Infinity }])).toBeNull();
  });

  it('gives byte-identical weights and the same losses for the same seed, and other weights for another', () => {
    const again = train('mlp-b', '--seed', '7');
    expect(readFileSync(join(again.folder, RUN_FILES.weights)).equals(readFileSync(join(first.folder, RUN_FILES.weights)))).toBe(true);
    expect(metricsOf(again.folder).epochs.map((epoch) => epoch.trainLoss)).toEqual(metricsOf(first.folder).epochs.map((epoch) => epoch.trainLoss));
    expect(readFileSync(join(again.folder, RUN_FILES.lossCurve), 'utf8')).toBe(readFileSync(join(first.folder, RUN_FILES.lossCurve), 'utf8'));
    for (const picture of [RUN_FILES.firstLayer.svg, RUN_FILES.firstLayer.png]) {
      expect(readFileSync(join(again.folder, picture)).equals(readFileSync(join(first.folder, picture))), picture).toBe(true);
    }
    const other = train('mlp-c', '--seed', '8', '--epochs', '1');
    expect(readFileSync(join(other.folder, RUN_FILES.weights)).equals(readFileSync(join(first.folder, RUN_FILES.weights)))).toBe(false);
  });
});

describe('demo --model softmax, in full (2 s)', () => {
  it('checks its promised accuracy also when run as the reproduce command it prints, with the default epochs spelled out', () => {
    const folder = join(output, 'softmax-full');
    const runs = [demo('--model', 'softmax', '--out', folder)];
    const command = metricsOf(folder).command;
    expect(command).toBe('npx tsx examples/demo.ts --model softmax --epochs 20 --seed 0');
    runs.push(demo(...command.split(' ').slice(3), '--out', folder));
    for (const { status, stdout } of runs) {
      expect(status).toBe(0);
      expect(stdout).toMatch(/^test accuracy \d+\.\d+ % \(\d+ of 1,000, promised ≥ 90\.00 %\)/m);
    }
  });
});

describe('demo, the other models, --quick', () => {
  it('cnn: the saved model loads into a fresh cnn() and predicts the same test digits', async () => {
    const { stdout, folder } = train('cnn', '--model', 'cnn');
    expect(numberAfter(stdout, 'test accuracy')).toBeGreaterThan(75);
    const model = cnn();
    expect(await reloadedPredictions(model, folder)).toEqual(predictionsOf(folder));
    // first-layer.svg and .png: the 8 filters of the first convolution, each 3×3 weight a 28-pixel square.
    expect(gridOf(readFileSync(join(folder, RUN_FILES.firstLayer.svg), 'utf8'))).toEqual({ images: 8, labels: numbered(8) });
    const png = readPng(join(folder, RUN_FILES.firstLayer.png));
    expect([png.width, png.height, png.channels]).toEqual([8 * 84 + 7 * 4, 84, 3]);
    expectStrongestWeightsSaturated(png, (model.at(1) as Conv2d).weight.reshape([8, 9]), 3, 8, 28);
  });

  it('softmax: W and b load into LinearScores and predict the same test digits', async () => {
    const { stdout, folder } = train('softmax', '--model', 'softmax', '--epochs', '2');
    expect(stdout).toMatch(/^epoch 2\/2 {2}loss \d+\.\d+$/m);
    expect(numberAfter(stdout, 'test accuracy')).toBeGreaterThan(80);
    const scores = new LinearScores();
    expect(await reloadedPredictions(scores, folder)).toEqual(predictionsOf(folder));
    // templates.svg and .png: the ten columns of W as 28×28 images, one row, labelled by digit.
    expect(gridOf(readFileSync(join(folder, RUN_FILES.templates.svg), 'utf8'))).toEqual({ images: 10, labels: numbered(10) });
    const png = readPng(join(folder, RUN_FILES.templates.png));
    expect([png.width, png.height, png.channels]).toEqual([10 * 84 + 9 * 4, 84, 3]);
    expectStrongestWeightsSaturated(png, scores.W.transpose(0, 1), 28, 10, 3);
    expect(existsSync(join(folder, RUN_FILES.firstLayer.svg))).toBe(false);
    // The linear classifiers record no validation accuracy per epoch: the loss curve alone.
    const charts = plottedCharts(readFileSync(join(folder, RUN_FILES.lossCurve), 'utf8'));
    expect(charts.map((chart) => chart.series.map((series) => [series.name, series.points.length]))).toEqual([[['training loss', 2]]]);
    metricsOf(folder).epochs.forEach(({ trainLoss }, i) => expect(charts[0].series[0].points[i][1]).toBeCloseTo(trainLoss, 3));
  });

  it('knn: picks k by cross-validation, saves no weights, records k and the predictions', () => {
    const { stdout, folder } = train('knn', '--model', 'knn');
    expect(stdout).toContain('5-fold cross-validation');
    expect(numberAfter(stdout, 'test accuracy')).toBeGreaterThan(85);
    expect(existsSync(join(folder, RUN_FILES.weights))).toBe(false);
    expect(existsSync(join(folder, RUN_FILES.lossCurve))).toBe(false); // no epochs, no curve
    for (const { svg, png } of [RUN_FILES.templates, RUN_FILES.firstLayer]) for (const picture of [svg, png]) expect(existsSync(join(folder, picture)), picture).toBe(false);
    expect(metricsOf(folder).k).toBeGreaterThanOrEqual(1);
    expect(predictionsOf(folder)).toHaveLength(1000);
  });
});
