/**
 * Whether ops are being recorded: `noGrad` switches recording off for a callback, as
 * PyTorch's `torch.no_grad()` does, and `detectAnomaly` switches NaN/Inf checking on.
 * @module
 */

/** The process-wide switches; each is changed only for the duration of a callback. */
const mode = { grad: true, anomaly: false };

/** Runs `fn` with `mode[key]` set to `value`, restoring the previous value even on a throw. */
function withMode<T>(key: keyof typeof mode, value: boolean, fn: () => T): T {
  const previous = mode[key];
  mode[key] = value;
  try {
    return fn();
  } finally {
    mode[key] = previous;
  }
}

/** True when ops applied to tensors that require grad are recorded on the tape. */
export function isGradEnabled(): boolean {
  return mode.grad;
}

/**
 * Runs `fn` without recording any op and returns its value. Use it for evaluation, for
 * parameter updates, and anywhere a result must not carry a graph.
 *
 * ```ts
 * const accuracy = noGrad(() => model.forward(x).argmax(1).eq(y).astype('float64').mean().item());
 * ```
 */
export function noGrad<T>(fn: () => T): T {
  return withGradEnabled(false, fn);
}

/** Runs `fn` with recording switched on or off, restoring the previous mode afterwards. */
export function withGradEnabled<T>(enabled: boolean, fn: () => T): T {
  return withMode('grad', enabled, fn);
}

/** True inside `detectAnomaly`. */
export function isAnomalyEnabled(): boolean {
  return mode.anomaly;
}

/**
 * Runs `fn` (forward and any `backward` inside it) checking every op's output and every
 * gradient for NaN or ±Inf. The first one found throws, naming the op, its inputs' shapes and
 * labels, and the stack where the op was created, starting at the user's line (tapegrad's own
 * frames are left out). Slower: it captures a stack per recorded op, which it does nowhere else.
 *
 * ```ts
 * detectAnomaly(() => model.forward(x).log().mean().backward());
 * // detectAnomaly: log produced -Infinity at flat index 3 of its output [8] from inputs [8] float64.
 * // The op was created at:
 * //     at train (/home/me/train.ts:42:31) …
 * ```
 */
export function detectAnomaly<T>(fn: () => T): T {
  return withAnomalyEnabled(true, fn);
}

/**
 * Runs `fn` with anomaly checks on or off. Backward switches the per-op forward check off while a
 * rule runs, so a NaN is reported once, against the op whose gradient it is.
 */
export function withAnomalyEnabled<T>(enabled: boolean, fn: () => T): T {
  return withMode('anomaly', enabled, fn);
}
