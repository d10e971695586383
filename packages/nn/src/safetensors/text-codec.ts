/**
 * UTF-8 for the JSON header. `TextEncoder`/`TextDecoder` exist in every browser and in Node ≥ 11,
 * but this package compiles without DOM or Node types (so browser code cannot reach for Node
 * APIs by accident), so they are looked up on `globalThis` with just the shape used here.
 * @module
 */

interface Utf8Encoder {
  encode(text: string): Uint8Array;
}

interface Utf8Decoder {
  decode(bytes: Uint8Array): string;
}

interface TextCodecGlobals {
  TextEncoder: new () => Utf8Encoder;
  TextDecoder: new (label: string, options: { fatal: boolean }) => Utf8Decoder;
}

const globals = globalThis as unknown as TextCodecGlobals;

/** Encodes text as UTF-8. */
export const utf8Encoder: Utf8Encoder = new globals.TextEncoder();

/** Decodes UTF-8, throwing on malformed bytes (`fatal`) instead of inventing U+FFFD replacement characters. */
export const utf8Decoder: Utf8Decoder = new globals.TextDecoder('utf-8', { fatal: true });
