/**
 * What the demo shows while it trains: a live bar in a terminal, plain lines anywhere else. A CI
 * log or a file cannot redraw a line, so there a bar would print hundreds of half-lines; plain
 * lines say the same things once, and the per-epoch lines are identical in both.
 */
import { Presets, SingleBar } from 'cli-progress';

/** One epoch, as printed at its end and recorded in metrics.json. */
export interface EpochRecord {
  /** 1-based. */
  readonly epoch: number;
  /** Mean training loss over the epoch's examples (on the augmented images the model saw). */
  readonly trainLoss: number;
  /** Accuracy on the validation split after the epoch, in [0, 1]; absent when not measured. */
  readonly valAccuracy?: number;
  /** Wall time of the epoch, validation included; absent when not measured. */
  readonly seconds?: number;
  /** Training images per second over the epoch (validation excluded); absent when not measured. */
  readonly imagesPerSecond?: number;
}

/** The calls a training loop makes; how they show is the reporter's business. */
export interface TrainingProgress {
  /** An epoch of `batches` batches starts. */
  startEpoch(epoch: number, epochs: number, batches: number): void;
  /** `done` batches of the epoch are finished; `runningLoss` is the mean loss so far. */
  batch(done: number, runningLoss: number, imagesPerSecond: number): void;
  /** The epoch is over: print its line. */
  endEpoch(record: EpochRecord, epochs: number): void;
}

/** The line each epoch ends with: `epoch  3/30  loss 0.2345  val 96.80 %  0.3 s  28,500 img/s`. */
export function formatEpoch(record: EpochRecord, epochs: number): string {
  const { epoch, trainLoss, valAccuracy, seconds, imagesPerSecond } = record;
  const parts = [epochLabel(epoch, epochs), `loss ${trainLoss.toFixed(4)}`];
  if (valAccuracy !== undefined) parts.push(`val ${percent(valAccuracy)}`);
  if (seconds !== undefined) parts.push(`${seconds.toFixed(1)} s`);
  if (imagesPerSecond !== undefined) parts.push(rate(imagesPerSecond));
  return parts.join('  ');
}

/** A fraction as a percentage with two decimals: `96.80 %`. */
export function percent(fraction: number): string {
  return `${(100 * fraction).toFixed(2)} %`;
}

/** The reporter for `stream`: a bar when it is a terminal that can redraw a line, plain lines otherwise. */
export function progressFor(stream: NodeJS.WriteStream): TrainingProgress {
  // TERM=dumb (an Emacs shell buffer, for one) is a terminal that shows escape codes as text.
  return stream.isTTY && process.env.TERM !== 'dumb' ? new BarProgress(stream) : new LineProgress(stream);
}

function epochLabel(epoch: number, epochs: number): string {
  return `epoch ${String(epoch).padStart(String(epochs).length)}/${epochs}`;
}

function rate(imagesPerSecond: number): string {
  return `${Math.round(imagesPerSecond).toLocaleString('en-US')} img/s`;
}

/** Columns of the bar when the terminal has room for them. */
const BAR_COLUMNS = 24;

/** A cli-progress bar per epoch, replaced by the epoch's line when the epoch ends. */
class BarProgress implements TrainingProgress {
  readonly #stream: NodeJS.WriteStream;
  #bar: SingleBar | null = null;

  constructor(stream: NodeJS.WriteStream) {
    this.#stream = stream;
  }

  startEpoch(epoch: number, epochs: number, batches: number): void {
    const label = epochLabel(epoch, epochs);
    // The bar gets the columns the text beside it leaves (the text as wide as it usually gets), so
    // the line fits an 80-column terminal; on a narrower one the bar goes and the line is cut at
    // the edge (linewrap: true) instead of wrapping onto lines a redraw cannot clear.
    const text = `${label}  batch ${batches}/${batches}  loss 0.0000  00,000 img/s  ETA 00s`;
    const barsize = Math.max(0, Math.min(BAR_COLUMNS, (this.#stream.columns || 80) - text.length - 1));
    // The training loop never yields to the event loop, so the bar redraws from update() itself
    // (synchronousUpdate), at most every 200 ms, instead of from cli-progress's timer. For the same
    // reason a Ctrl-C kills the process before any handler could run: the bar leaves the cursor
    // and the terminal's line wrapping alone (no hideCursor, linewrap: true), so there is nothing
    // to restore.
    this.#bar = new SingleBar({
      stream: this.#stream,
      format: `${label} {bar} batch {value}/{total}  loss {loss}  {rate}  ETA {eta}s`,
      barsize,
      linewrap: true,
      clearOnComplete: true,
    }, Presets.shades_classic);
    this.#bar.start(batches, 0, { loss: '-', rate: '- img/s' });
  }

  batch(done: number, runningLoss: number, imagesPerSecond: number): void {
    this.#bar?.update(done, { loss: runningLoss.toFixed(4), rate: rate(imagesPerSecond) });
  }

  endEpoch(record: EpochRecord, epochs: number): void {
    this.#bar?.stop();
    this.#bar = null;
    this.#stream.write(`${formatEpoch(record, epochs)}\n`);
  }
}

/** Seconds between two batch lines: a slow epoch still shows it is alive; a fast one prints only its end. */
const LINE_INTERVAL_SECONDS = 10;

/** Plain lines: the epoch's line at its end, and a batch line when an epoch runs long. */
class LineProgress implements TrainingProgress {
  readonly #stream: NodeJS.WriteStream;
  #label = '';
  #batches = 0;
  #lastLine = 0;

  constructor(stream: NodeJS.WriteStream) {
    this.#stream = stream;
  }

  startEpoch(epoch: number, epochs: number, batches: number): void {
    this.#label = epochLabel(epoch, epochs);
    this.#batches = batches;
    this.#lastLine = performance.now();
  }

  batch(done: number, runningLoss: number, imagesPerSecond: number): void {
    const now = performance.now();
    if (now - this.#lastLine < LINE_INTERVAL_SECONDS * 1000 || done === this.#batches) return;
    this.#lastLine = now;
    this.#stream.write(`${this.#label}  batch ${done}/${this.#batches}  loss ${runningLoss.toFixed(4)}  ${rate(imagesPerSecond)}\n`);
  }

  endEpoch(record: EpochRecord, epochs: number): void {
    this.#stream.write(`${formatEpoch(record, epochs)}\n`);
  }
}
