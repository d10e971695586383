import { expect } from 'vitest';

/** The message of the error `fn` throws; fails the test when it throws nothing or a non-Error. */
export function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return (error as Error).message;
  }
  throw new Error('expected the call to throw, but it returned normally');
}
