/**
 * Where an axis puts its ticks: "nice" steps of 1, 2 or 5 × 10ᵏ on a linear axis, decades on a
 * log axis, the way matplotlib and d3 choose them.
 */

/** A tick: its value, and the text written beside it. */
export interface Tick {
  readonly value: number;
  readonly label: string;
}

/** About how many labelled ticks an axis gets. */
const TARGET_TICKS = 5;

/** The nice step (1, 2 or 5 × 10ᵏ) that cuts `span` into about `target` pieces. */
export function niceStep(span: number, target = TARGET_TICKS): number {
  const raw = span / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / magnitude;
  const nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  return nice * magnitude;
}

/**
 * The ticks of a linear axis over [lo, hi]. With `extend`, the axis grows to the ticks just
 * outside the data (a loss from 0.23 to 2.3 gets the axis 0 to 2.5); without, only ticks inside
 * [lo, hi] are returned. `wholeNumbers` keeps the step at least 1 (epochs have no halves).
 */
export function linearTicks(lo: number, hi: number, { extend, wholeNumbers = false }: { extend: boolean; wholeNumbers?: boolean }): { domain: [number, number]; ticks: Tick[] } {
  [lo, hi] = widenEmpty(lo, hi);
  let step = niceStep(hi - lo);
  if (wholeNumbers) step = Math.max(1, step);
  const first = extend ? Math.floor(lo / step + 1e-9) : Math.ceil(lo / step - 1e-9);
  const last = extend ? Math.ceil(hi / step - 1e-9) : Math.floor(hi / step + 1e-9);
  const ticks: Tick[] = [];
  for (let k = first; k <= last; k++) {
    const value = roundToStep(k * step, step);
    ticks.push({ value, label: formatTick(value, step) });
  }
  return { domain: extend ? [roundToStep(first * step, step), roundToStep(last * step, step)] : [lo, hi], ticks };
}

/** A zero-width range (one value, a constant series) widened so it can be drawn. */
function widenEmpty(lo: number, hi: number): [number, number] {
  if (hi > lo) return [lo, hi];
  const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
  return [lo - pad, hi + pad];
}

/**
 * `k · step` without the float noise of the product (0.1 · 3 = 0.30000000000000004): rounded to
 * a thousandth of the step, which keeps ticks of a narrow range far from zero apart
 * (10¹⁵ + 0.5 is not 10¹⁵, as a fixed 12 significant digits would make it).
 */
function roundToStep(value: number, step: number): number {
  if (value === 0) return 0;
  const digits = Math.ceil(Math.log10(Math.abs(value) / step)) + 3;
  return Number(value.toPrecision(Math.min(100, Math.max(1, digits))));
}

/** As many decimals as the step needs; powers of ten in exponent form when the numbers get long. */
function formatTick(value: number, step: number): string {
  if (value === 0) return '0';
  if (Math.abs(value) >= 1e6 || step < 1e-4) return value.toExponential().replace('e+', 'e');
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return value.toFixed(decimals);
}

/** An axis this many decades long or shorter also labels 2 and 5 × 10ᵏ: two bare decades tell too little. */
const FEW_DECADES = 2;

/** The decades a double can reach without being 0 or Infinity (1e-324 is 0). */
const [LOWEST_DECADE, HIGHEST_DECADE] = [-323, 308];

/**
 * The ticks of a log axis over [lo, hi] (both > 0): the axis runs from the decade at or below lo
 * to the decade at or above hi, labelled 10ᵏ at every decade (every second, third … when there
 * are more than eight), with unlabelled minor ticks at 2–9 × 10ᵏ when every decade is labelled.
 * An axis of one or two decades labels 2 × 10ᵏ and 5 × 10ᵏ too, as matplotlib does, so data
 * within a decade (a loss from 0.21 to 0.29) can be read off.
 */
export function logTicks(lo: number, hi: number): { domain: [number, number]; ticks: Tick[]; minor: number[] } {
  const first = Math.max(LOWEST_DECADE, Math.floor(Math.log10(lo) + 1e-9));
  let last = Math.min(HIGHEST_DECADE, Math.ceil(Math.log10(hi) - 1e-9));
  if (last <= first) last = first + 1;
  const every = Math.ceil((last - first) / 8);
  const labelled = last - first <= FEW_DECADES ? [2, 5] : [];
  const ticks: Tick[] = [];
  const minor: number[] = [];
  for (let k = first; k <= last; k++) {
    if ((k - first) % every === 0) ticks.push({ value: decade(k), label: `10${superscript(k)}` });
    if (every > 1 || k === last) continue;
    for (let m = 2; m <= 9; m++) {
      const value = Number(`${m}e${k}`);
      if (labelled.includes(m)) ticks.push({ value, label: `${m}×10${superscript(k)}` });
      else minor.push(value);
    }
  }
  return { domain: [decade(first), decade(last)], ticks, minor };
}

/** 10ᵏ exactly as written (`10 ** -4` is 0.00009999999999999999). */
function decade(k: number): number {
  return Number(`1e${k}`);
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** `-3` as `⁻³`, so a log tick reads 10⁻³ in plain text, without `<tspan>` tricks. */
function superscript(exponent: number): string {
  const digits = [...String(Math.abs(exponent))].map((digit) => SUPERSCRIPT_DIGITS[Number(digit)]).join('');
  return exponent < 0 ? `⁻${digits}` : digits;
}
