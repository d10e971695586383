/**
 * What a fuzz run covered, printed at its end so the numbers can be reported: programs, steps by
 * role, forks, diamonds and broadcasts, deliberate errors checked, ops drawn and primitives taped
 * per op name, and the programs whose gradient check met a kink (skipped there, as gradcheck
 * reports kinks apart) or had to move off a point where an op sits at its kink.
 */
import { getOp } from '@tapegrad/tensor';
import type { GradcheckReport } from '../../src/index.js';
import type { Program, StepRole } from './program.js';

function increment(counts: Map<string, number>, key: string, by = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

const BROADCASTING = new Set(['add', 'sub', 'mul', 'div', 'pow', 'maximum', 'minimum', 'where']);

/**
 * How much of a program is more than a chain: values read by two or more steps (forks), steps
 * whose operands share an ancestor or are one value (diamonds: the paths rejoin; the output's
 * sums, which rejoin everything, are not counted), and broadcasting calls whose result is larger
 * than one of their operands.
 */
function graphShape(program: Program): { forks: number; diamonds: number; broadcasts: number } {
  const reads = new Map<number, number>();
  const ancestors = new Map<number, Set<number>>();
  const sizes = new Map<number, number>();
  program.leaves.forEach((leaf, id) => {
    ancestors.set(id, new Set([id]));
    sizes.set(id, leaf.values.length);
  });
  let diamonds = 0;
  let broadcasts = 0;
  for (const step of program.steps) {
    if (step.error) continue;
    for (const id of new Set(step.args)) reads.set(id, (reads.get(id) ?? 0) + 1);
    const own = new Set<number>([step.out]);
    let shared = new Set(step.args).size < step.args.length;
    for (const id of step.args) {
      for (const a of ancestors.get(id)!) {
        if (own.has(a)) shared = true;
        own.add(a);
      }
    }
    if (shared && step.role !== 'output') diamonds++;
    ancestors.set(step.out, own);
    const size = step.values?.length ?? 0;
    sizes.set(step.out, size);
    if (BROADCASTING.has(step.op) && step.args.some((id) => sizes.get(id)! < size)) broadcasts++;
  }
  const forks = [...reads.values()].filter((n) => n >= 2).length;
  return { forks, diamonds, broadcasts };
}

export class FuzzSummary {
  programs = 0;
  draws = 0;
  maxSteps = 0;
  misuses = 0;
  kinkPrograms = 0;
  kinkEntries = 0;
  /** Programs whose gradient check failed only at their first point and passed once the leaves moved. */
  movedOffKinks = 0;
  /** Of those, the ones whose program was differentiable at the first point (the chain rule through subgradients was not). */
  movedOffSmooth = 0;
  checkedEntries = 0;
  tapeNodes = 0;
  forks = 0;
  diamonds = 0;
  broadcasts = 0;
  readonly steps = new Map<StepRole, number>();
  readonly drawn = new Map<string, number>();
  readonly misused = new Map<string, number>();
  readonly taped = new Map<string, number>();
  readonly #started = Date.now();

  movedOff(smooth: boolean): void {
    this.movedOffKinks++;
    if (smooth) this.movedOffSmooth++;
  }

  add(program: Program, tapedOps: readonly string[], report: GradcheckReport): void {
    this.programs++;
    this.draws += program.draws;
    this.maxSteps = Math.max(this.maxSteps, program.steps.length);
    for (const step of program.steps) {
      this.steps.set(step.role, (this.steps.get(step.role) ?? 0) + 1);
      if (step.role === 'draw') increment(this.drawn, step.op);
      if (step.role === 'misuse') {
        this.misuses++;
        increment(this.misused, step.op);
      }
    }
    const shape = graphShape(program);
    this.forks += shape.forks;
    this.diamonds += shape.diamonds;
    this.broadcasts += shape.broadcasts;
    this.tapeNodes += tapedOps.length;
    for (const name of tapedOps) increment(this.taped, name);
    if (report.kinks.length > 0) this.kinkPrograms++;
    this.kinkEntries += report.kinks.length;
    for (const input of report.perInput) this.checkedEntries += input.entries;
  }

  /** Names of `ops` never drawn as a program's op. */
  undrawn(ops: readonly string[]): string[] {
    return ops.filter((name) => !this.drawn.has(name));
  }

  toString(): string {
    const seconds = (Date.now() - this.#started) / 1000;
    const totalSteps = [...this.steps.values()].reduce((a, b) => a + b, 0);
    const roles = [...this.steps.entries()].map(([role, n]) => `${role} ${n}`).join(', ');
    const count = (counts: Map<string, number>, name: string, width: number) => String(counts.get(name) ?? 0).padStart(width);
    // A composite runs as primitives, which the tape lists under their own names.
    const taped = (name: string) => (getOp(name)?.kind === 'composite' ? '(composite)'.padStart(8) : count(this.taped, name, 8));
    const perOp = [...new Set([...this.drawn.keys(), ...this.taped.keys()])]
      .sort()
      .map((name) => `  ${name.padEnd(20)} drawn ${count(this.drawn, name, 7)}   misused ${count(this.misused, name, 5)}   taped ${taped(name)}`);
    return [
      `fuzzed graphs: ${this.programs} programs in ${seconds.toFixed(1)} s`,
      `  ops drawn ${this.draws} (${(this.draws / Math.max(1, this.programs)).toFixed(1)} per program); ` +
        `steps ${totalSteps} (${roles}); longest program ${this.maxSteps} steps`,
      `  forks ${this.forks}, diamonds ${this.diamonds}, broadcasting calls ${this.broadcasts}`,
      `  tape nodes checked ${this.tapeNodes}; gradient entries checked ${this.checkedEntries}`,
      `  deliberate errors checked ${this.misuses}`,
      `  kinks skipped: ${this.kinkEntries} entries in ${this.kinkPrograms} programs (their gradient check passed apart from the kinks); ` +
        `${this.movedOffKinks} programs sat where an op is at its kink, disagreed there and passed with the leaves moved by ~1e-3 ` +
        `(${this.movedOffSmooth} of them differentiable at that point)`,
      ...perOp,
    ].join('\n');
  }
}
