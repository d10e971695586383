/**
 * Reading the numbers an example printed, for the tests that check them: `loss 0.1234`,
 * `∂f/∂x = -4`, `test accuracy 97.20 %`.
 */
import { expect } from 'vitest';

const NUMBER = String.raw`(-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?)`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every number printed right after `label` (plain text, not a pattern; spaces after it skipped), in order. */
export function numbersAfter(out: string, label: string): number[] {
  return [...out.matchAll(new RegExp(`${escapeRegExp(label)}\\s*${NUMBER}`, 'g'))].map((match) => Number(match[1]));
}

/** The first number printed after `label`; fails the test, naming the label, if there is none. */
export function numberAfter(out: string, label: string): number {
  const numbers = numbersAfter(out, label);
  expect(numbers.length, `"${label} <number>" in the output`).toBeGreaterThan(0);
  return numbers[0];
}
