/**
 * The base of the learning-rate schedulers: each `step()` advances an epoch counter and sets
 * every parameter group's `lr` from a rule, as PyTorch's `LRScheduler`.
 * @module
 */

/** What a scheduler needs of an optimizer: parameter groups with a settable `lr`. */
export interface SchedulableOptimizer {
  /** The groups whose `lr` the scheduler sets. */
  readonly paramGroups: ReadonlyArray<{ lr: number }>;
}

/**
 * The rule a scheduler applies at each step: the new lr of a group from its current `lr`, its
 * `baseLr` (the group's lr before any scheduler changed it) and the new `epoch` (0 at construction).
 */
export type LrRule = (lr: number, baseLr: number, epoch: number) => number;

/** A scheduler's position, for saving with the optimizer's state dict. */
export interface SchedulerStateDict {
  /** The epoch counter: 0 after construction, +1 per `step()`. */
  lastEpoch: number;
  /** Each group's lr before any scheduler changed it. */
  baseLrs: number[];
  /** The lrs the last step set. */
  lastLr: number[];
}

/**
 * Each group's lr before the first scheduler on it changed anything (PyTorch's `initial_lr`, which
 * it keeps in the group): a second scheduler on the same optimizer — a cosine decay after a
 * `LinearLR` warm-up — takes its base lrs from here, not from the warm-up's scaled-down lr.
 */
const initialLrs = new WeakMap<object, number>();

/** The group's `initial_lr`, recorded on first sight. */
function initialLr(group: { lr: number }): number {
  if (!initialLrs.has(group)) initialLrs.set(group, group.lr);
  return initialLrs.get(group)!;
}

/**
 * A learning-rate scheduler. Like PyTorch's, creating one already applies the rule for epoch 0
 * (so `LinearLR` starts at `startFactor · lr`), and the rules are PyTorch's recursive forms:
 * each step scales the group's current `lr`, so schedulers can be chained.
 *
 * ```ts
 * const scheduler = new StepLR(opt, { stepSize: 30, gamma: 0.1 });
 * for (let epoch = 0; epoch < 100; epoch++) {
 *   trainOneEpoch();          // calls opt.step()
 *   scheduler.step();
 * }
 * ```
 */
export abstract class LRScheduler {
  /** The optimizer whose groups' `lr` this scheduler sets. */
  readonly optimizer: SchedulableOptimizer;
  /**
   * Each group's lr before any scheduler changed it (PyTorch's `base_lrs`, read from the group's
   * `initial_lr`): the lr when the first scheduler on this optimizer was created.
   */
  readonly baseLrs: number[];
  #lastEpoch = -1;
  #lastLr: number[] = [];
  readonly #rule: LrRule;

  /** Takes the groups' initial lrs as base lrs and applies the rule for epoch 0. */
  protected constructor(optimizer: SchedulableOptimizer, rule: LrRule) {
    if (optimizer === null || typeof optimizer !== 'object' || !Array.isArray(optimizer.paramGroups)) {
      throw new Error(`${new.target.name}: the first argument must be an optimizer (an object with paramGroups), got ${optimizer === null ? 'null' : typeof optimizer}`);
    }
    this.optimizer = optimizer;
    this.baseLrs = optimizer.paramGroups.map(initialLr);
    this.#rule = rule;
    this.step();
  }

  /** The epoch counter: 0 after construction, +1 per `step()`. */
  get lastEpoch(): number {
    return this.#lastEpoch;
  }

  /** Advances one epoch and sets each group's `lr`; call it after `optimizer.step()`. */
  step(): void {
    this.#lastEpoch++;
    this.optimizer.paramGroups.forEach((group, g) => {
      (group as { lr: number }).lr = this.#rule(group.lr, this.baseLrs[g], this.#lastEpoch);
    });
    this.#lastLr = this.optimizer.paramGroups.map((group) => group.lr);
  }

  /** The lr of each group as set by the last `step()` (one number per group). */
  getLastLr(): number[] {
    return [...this.#lastLr];
  }

  /** The scheduler's position, to save next to `optimizer.stateDict()`. */
  stateDict(): SchedulerStateDict {
    return { lastEpoch: this.#lastEpoch, baseLrs: [...this.baseLrs], lastLr: [...this.#lastLr] };
  }

  /**
   * Restores a position saved by `stateDict()` (load the optimizer's state dict too: the groups'
   * current `lr` lives there). The group count must match.
   */
  loadStateDict(dict: SchedulerStateDict): void {
    const groups = this.optimizer.paramGroups.length;
    if (!Number.isInteger(dict?.lastEpoch) || dict.lastEpoch < 0) {
      throw new Error(`${this.constructor.name}.loadStateDict: lastEpoch = ${dict?.lastEpoch} must be a whole number ≥ 0`);
    }
    for (const key of ['baseLrs', 'lastLr'] as const) {
      if (!Array.isArray(dict[key]) || dict[key].length !== groups) {
        throw new Error(`${this.constructor.name}.loadStateDict: ${key} must list one lr per parameter group (${groups}), got ${Array.isArray(dict[key]) ? dict[key].length : typeof dict[key]}`);
      }
    }
    this.#lastEpoch = dict.lastEpoch;
    this.baseLrs.splice(0, this.baseLrs.length, ...dict.baseLrs);
    this.#lastLr = [...dict.lastLr];
  }
}
