/**
 * The three examples a learner can load with one click: the course notes' two circuits and a
 * tiny two-layer net, each written in the playground's own expression language so it can be
 * edited afterwards.
 */

/** One preset: the two boxes' text and a sentence on what to look for. */
export interface Preset {
  /** Stable id, used in `data-testid="preset-<id>"`. */
  readonly id: string;
  readonly title: string;
  readonly expression: string;
  readonly values: string;
  readonly lookFor: string;
}

/** The presets in the order the buttons show them. */
export const PRESETS: readonly Preset[] = [
  {
    id: 'circuit',
    title: 'Circuit f = (x + y) z',
    expression: 'q = x + y; f = q * z',
    values: 'x=-2, y=5, z=-4',
    lookFor: 'Forward: q = 3, f = -12. Backward: mul swaps its inputs (∂f/∂z = q = 3, ∂f/∂q = z = -4), add distributes (∂f/∂x = ∂f/∂y = -4).',
  },
  {
    id: 'neuron',
    title: 'Sigmoid neuron',
    expression: 'dot = w0*x0 + w1*x1 + w2; f = sigmoid(dot)',
    values: 'w0=2, x0=-1, w1=-3, x1=-2, w2=-3',
    lookFor: 'f = σ(1) ≈ 0.731; the sigmoid passes back σ(1 - σ) ≈ 0.197, so dx ≈ [0.39, -0.59] and dw ≈ [-0.20, -0.39, 0.20].',
  },
  {
    id: 'two-layer',
    title: '2-layer net',
    expression: 'h = tanh(x @ W1 + b1); s = h @ W2 + b2; d = s - t; loss = sum(d * d)',
    values: 'x=[[1, -1]], W1=[[0.5, -0.3], [0.8, 0.2]], b1=[0.1, -0.1], W2=[[1], [-0.5]], b2=[0.2], t=[[1]]',
    lookFor: 'matmul sends back g·Bᵀ to A and Aᵀ·g to B; the broadcast bias adds its gradient over the batch; d is used twice, so its two gradients add.',
  },
];
