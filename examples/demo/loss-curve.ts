/**
 * The run's learning curves as a picture, loss-curve.svg next to metrics.json: the training loss
 * of each epoch, and under it the validation accuracy after each epoch where the model measures
 * it (the networks). Two charts, not one with two series: a loss and an accuracy have different
 * units and ranges, and the course plots them apart too.
 */
import { lineChart, stackSvg } from '@tapegrad/viz';
import type { EpochRecord } from './progress.js';

/**
 * The curves of `history` for `--model model`, or null for a model that does not train in epochs
 * (KNN). A loss that turned NaN or infinite (training diverged) is drawn up to the epoch before,
 * and the title says from which epoch on it is missing, so the run's files are still written (the
 * accuracy, which stays a number, is drawn for every epoch: its fall to chance shows the damage).
 */
export function lossCurveSvg(model: string, history: readonly EpochRecord[]): string | null {
  const size = { width: 640, height: 300 };
  const charts: string[] = [];
  const firstBad = history.findIndex((record) => !Number.isFinite(record.trainLoss));
  const drawn = firstBad < 0 ? history : history.slice(0, firstBad);
  if (drawn.length > 0) {
    const missing = firstBad < 0 ? '' : ` (${history[firstBad].trainLoss} from epoch ${history[firstBad].epoch} on)`;
    charts.push(
      lineChart([{ name: 'training loss', x: drawn.map((record) => record.epoch), y: drawn.map((record) => record.trainLoss) }], {
        ...size,
        title: `${model}: training loss per epoch${missing}`,
        xLabel: 'epoch',
        yLabel: 'loss',
      }),
    );
  }
  const measured = history.filter((record) => record.valAccuracy !== undefined);
  if (measured.length > 0) {
    charts.push(
      lineChart([{ name: 'validation accuracy', x: measured.map((record) => record.epoch), y: measured.map((record) => 100 * record.valAccuracy!) }], {
        ...size,
        title: `${model}: validation accuracy after each epoch`,
        xLabel: 'epoch',
        yLabel: 'accuracy (%)',
      }),
    );
  }
  return charts.length === 0 ? null : charts.length === 1 ? charts[0] : stackSvg(charts);
}
