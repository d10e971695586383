/**
 * Where in the user's code an op was created, for `detectAnomaly`'s errors: the call stack at
 * that moment with tapegrad's own frames removed, so the first line shown is the user's file and
 * line, not `op.ts` or `unary.ts`. Only `detectAnomaly` asks for it: a stack costs microseconds,
 * far more than a small op.
 * @module
 */

/** Frames shown after tapegrad's own are dropped: the user's line and a few of its callers. */
const FRAMES_SHOWN = 8;

/**
 * V8 keeps 10 frames by default, and a composite op or a layer can spend all of them inside
 * tapegrad before reaching the user's line; raised while capturing, then restored.
 */
const FRAMES_CAPTURED = 64;

/**
 * The folder holding tapegrad's packages, as stack frames spell it: `…/packages/` in the
 * repository, `…/node_modules/@tapegrad/` once installed (this file is `<there>/tensor/src/`).
 * Frames under `<there>/<package>/src/` are tapegrad's own; tests, examples and the user's
 * files are not. A `file:` URL is cut to its path, since Node prints ESM frames as URLs and
 * vitest as paths (`/C:/…` loses its first slash, and frames' backslashes become slashes, so
 * Windows paths compare too); a page's `https:` URL is kept whole, as browsers print frames.
 */
const PACKAGES_ROOT = decodeURIComponent(
  ((import.meta as { readonly url?: string }).url ?? '').replace(/^file:\/\//, '').replace(/[^/]*\/[^/]*\/[^/]*$/, ''),
).replace(/^\/([A-Za-z]:)/, '$1');

/** True for a frame inside a tapegrad package's source. */
function isTapegradFrame(frame: string): boolean {
  if (PACKAGES_ROOT === '') return false;
  const normalised = frame.replaceAll('\\', '/');
  const at = normalised.indexOf(PACKAGES_ROOT);
  return at >= 0 && /^[^/]+\/src\//.test(normalised.slice(at + PACKAGES_ROOT.length));
}

/**
 * The current call stack from the first frame outside tapegrad, one frame per line (as
 * `Error.stack` prints them), or undefined where the engine gives no stack. When every frame is
 * tapegrad's (a bundle, where all code shares one file) the whole stack is returned instead.
 */
export function captureCreationSite(): string | undefined {
  const errorClass = Error as { stackTraceLimit?: number };
  const limit = errorClass.stackTraceLimit;
  if (typeof limit === 'number') errorClass.stackTraceLimit = Math.max(limit, FRAMES_CAPTURED);
  let stack: string | undefined;
  try {
    stack = new Error().stack;
  } finally {
    if (typeof limit === 'number') errorClass.stackTraceLimit = limit;
  }
  if (stack === undefined) return undefined;
  // V8 starts with the message line ("Error"); other engines list frames only.
  const frames = stack.split('\n').filter((line, i) => line.trim() !== '' && !(i === 0 && line.startsWith('Error')));
  const outside = frames.filter((frame) => !isTapegradFrame(frame));
  return (outside.length > 0 ? outside : frames).slice(0, FRAMES_SHOWN).join('\n');
}
