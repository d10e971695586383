/**
 * The run's learning curves as a picture, loss-curve.svg next to metrics.json: the training loss
 * of each epoch, and under it the validation accuracy after each epoch where the model measures
 * it (the networks). Two charts, not one with two series: a loss and an accuracy have different
 * units and ranges, and the course plots them apart too.
 */
import { lineChart, stackSvg } from '@tapegrad/viz';
import type { EpochRecord } from './progress.js';

/** The curves of `history` for `--model model`, or null for a model that does not train in epochs (KNN). */
export function lossCurveSvg(model: string, history: readonly EpochRecord[]): string | null {
  if (history.length === 0) return null;
  const epochs = history.map((record) => record.epoch);
  const size = { width: 640, height: 300 };
  const loss = lineChart([{ name: 'training loss', x: epochs, y: history.map((record) => record.trainLoss) }], {
    ...size,
    title: `${model}: training loss per epoch`,
    xLabel: 'epoch',
    yLabel: 'loss',
  });
  const measured = history.filter((record) => record.valAccuracy !== undefined);
  if (measured.length === 0) return loss;
  const accuracy = lineChart([{ name: 'validation accuracy', x: measured.map((record) => record.epoch), y: measured.map((record) => 100 * record.valAccuracy!) }], {
    ...size,
    title: `${model}: validation accuracy after each epoch`,
    xLabel: 'epoch',
    yLabel: 'accuracy (%)',
  });
  return stackSvg([loss, accuracy]);
}
