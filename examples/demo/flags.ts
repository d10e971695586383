/**
 * The demo's command line. A bad flag is a {@link UsageError} whose message is one line, which
 * the demo prints above the usage, so a typo is told what was wrong and what is right.
 */
import { MODEL_NAMES, MODELS, type ModelName } from './models.js';

/** The settings the command line chose. */
export interface DemoFlags {
  readonly model: ModelName;
  /** Passes over the training images; undefined: the model's default. */
  readonly epochs: number | undefined;
  /** Seed of the initial weights, the batch order and the shifts. */
  readonly seed: number;
  /** Output folder; undefined: `demo-output/<model>`. */
  readonly out: string | undefined;
  /** Train on a subset for a couple of epochs: a smoke test. */
  readonly quick: boolean;
  /** Print the usage and stop. */
  readonly help: boolean;
}

/** A command line the demo cannot run; the message is one line. */
export class UsageError extends Error {}

/** Training images `--quick` keeps, and the epochs it trains unless `--epochs` says otherwise. */
export const QUICK = { trainImages: 2000, epochs: 3 } as const;

/** The `--help` text. */
export function usage(): string {
  const width = Math.max(...MODEL_NAMES.map((name) => name.length));
  const models = MODEL_NAMES.map((name, i) => {
    const { brief, defaultEpochs } = MODELS[name];
    const epochs = defaultEpochs === null ? 'does not train in epochs' : `${defaultEpochs} epochs`;
    return `${i === 0 ? '  --model NAME  ' : '                '}${name.padEnd(width)}  ${brief} (${i === 0 ? 'default; ' : ''}${epochs})`;
  });
  return [
    'usage: pnpm demo [--model NAME] [--epochs N] [--seed S] [--out DIR] [--quick] [--help]',
    '       (or npx tsx examples/demo.ts with the same flags)',
    '',
    'Trains a digit classifier on MNIST (8,000 training, 1,000 validation, 1,000 test images),',
    'prints the loss and validation accuracy of each epoch, then the test accuracy and the wall',
    'time, and saves the model, metrics.json, the test predictions, the loss curve',
    '(loss-curve.svg) and the weights as pictures (templates.svg/.png for softmax and svm,',
    'first-layer.svg/.png for mlp and cnn) in an output folder.',
    '',
    ...models,
    '  --epochs N    passes over the training images, a whole number ≥ 1 (default: the model’s, above)',
    '  --seed S      seed of the initial weights, the batch order and the shifts (knn: of the folds),',
    '                a whole number ≥ 0 (default 0); the split of the images is always the same',
    '  --out DIR     folder for model.safetensors, metrics.json, test-predictions.json,',
    '                loss-curve.svg and the pictures (default demo-output/<model>)',
    `  --quick       a smoke test: ${QUICK.trainImages.toLocaleString('en-US')} training images, ${QUICK.epochs} epochs unless --epochs`,
    '                (the accuracy stays below the promised one)',
    '  --help, -h    print this and exit',
  ].join('\n');
}

const VALUE_FLAGS = ['model', 'epochs', 'seed', 'out'] as const;
const SWITCHES = ['quick', 'help'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

/** Reads `args` (`process.argv.slice(2)`): `--name value` or `--name=value`; throws a {@link UsageError}. */
export function parseFlags(args: readonly string[]): DemoFlags {
  const values: Partial<Record<ValueFlag, string>> = {};
  const switches = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    // npm's habit `pnpm demo -- --model cnn` reaches the demo with the `--`; with no positional
    // arguments to set apart, it means nothing here.
    if (args[i] === '--') continue;
    const arg = args[i] === '-h' ? '--help' : args[i];
    if (!arg.startsWith('-')) throw new UsageError(`unexpected argument '${arg}'; every setting is a flag such as --epochs 5`);
    const [name, inline] = arg.startsWith('--') ? splitOnce(arg.slice(2), '=') : [arg, undefined];
    if ((SWITCHES as readonly string[]).includes(name) && inline === undefined) {
      switches.add(name);
    } else if ((VALUE_FLAGS as readonly string[]).includes(name)) {
      const value = inline ?? args[++i];
      // `--model --epochs 3` left out the model: say so, rather than reject the stray `3`.
      if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
      values[name as ValueFlag] = value;
    } else {
      throw new UsageError(`unknown flag '${arg}'`);
    }
  }
  const model = parseModel(values.model ?? MODEL_NAMES[0]);
  const epochs = values.epochs === undefined ? undefined : wholeNumber('epochs', values.epochs, 1);
  if (epochs !== undefined && MODELS[model].defaultEpochs === null) {
    throw new UsageError(`--epochs does not apply to --model ${model}, which does not train in epochs`);
  }
  return {
    model,
    epochs,
    seed: values.seed === undefined ? 0 : wholeNumber('seed', values.seed, 0),
    out: values.out,
    quick: switches.has('quick'),
    help: switches.has('help'),
  };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function parseModel(value: string): ModelName {
  if (!(MODEL_NAMES as string[]).includes(value)) throw new UsageError(`--model must be one of ${MODEL_NAMES.join(', ')}; got '${value}'`);
  return value as ModelName;
}

function wholeNumber(flag: string, value: string, least: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < least) {
    throw new UsageError(`--${flag} must be a whole number ≥ ${least}; got '${value}'`);
  }
  return number;
}
