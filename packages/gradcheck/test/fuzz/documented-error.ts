/**
 * What counts as a documented error (DESIGN.md, "Errors name the op, the labels and the shapes
 * involved"): an Error — not a TypeError, RangeError or other crash of the JavaScript engine —
 * whose message starts with the op's name and names what the call got wrong. A message that
 * shows `undefined`, `[object Object]` or `NaN` it was not given is a crash dressed as an error.
 */
import type { ExpectedError } from './program.js';

/** Errors the engine throws on its own: from a bad property access, an index, a typed array … */
const ENGINE_ERRORS: readonly (new (...args: never[]) => Error)[] = [TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError];

/** Why `error` is not the documented error `expected` describes, or null when it is. */
export function undocumentedReason(error: unknown, expected: ExpectedError): string | null {
  if (!(error instanceof Error)) return `threw a non-Error value: ${String(error)}`;
  const engine = ENGINE_ERRORS.find((kind) => error instanceof kind);
  if (engine !== undefined) return `threw a ${engine.name}, a crash rather than a documented error: ${error.message}`;
  const message = error.message;
  if (!message.startsWith(`${expected.op}: `) && !message.startsWith(`${expected.op} (`)) {
    return `threw an error that does not start with "${expected.op}: ": ${message}`;
  }
  const missing = expected.mentions.filter((m) => !message.includes(m));
  if (missing.length > 0) return `threw an error that does not name ${missing.map((m) => `"${m}"`).join(', ')}: ${message}`;
  for (const junk of ['undefined', '[object Object]', 'NaN']) {
    if (message.includes(junk) && !expected.mentions.some((m) => m.includes(junk))) return `threw an error showing "${junk}": ${message}`;
  }
  return null;
}
