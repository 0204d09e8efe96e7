/**
 * Bytes of a file to text, one way for every reader (the CLI and the workspace indexer), so a
 * UTF-16 plan saved by Windows tools reads the same everywhere instead of as an empty or garbled
 * file. The byte-order mark decides the encoding and is not part of the text (as in an editor,
 * whose columns then agree with ours); `encodeText` puts it back when a file is written.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export type DecodedText =
  | { kind: 'text'; text: string; encoding: TextEncodingName; bom: boolean }
  /** NUL bytes and no byte-order mark: a binary file, or UTF-16 that does not say so. */
  | { kind: 'binary' };

/** How far to look for NUL bytes: enough to tell text from binary, little enough to stay cheap. */
const SNIFF_BYTES = 8000;

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { kind: 'text', text: decode('utf-8', bytes.subarray(3)), encoding: 'utf-8', bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { kind: 'text', text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { kind: 'text', text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return { kind: 'binary' };
  return { kind: 'text', text: decode('utf-8', bytes), encoding: 'utf-8', bom: false };
}

function decode(encoding: TextEncodingName, bytes: Uint8Array): string {
  // The mark was taken off above; a second one would be text.
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

/** The text as the bytes of a file in `encoding`, with its byte-order mark when it had one. */
export function encodeText(text: string, encoding: TextEncodingName, bom: boolean): Uint8Array {
  const mark = bom ? '\uFEFF' : '';
  if (encoding === 'utf-8') return new TextEncoder().encode(mark + text);
  const units = mark + text;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const unit = units.charCodeAt(i);
    const [first, second] = encoding === 'utf-16le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff];
    out[i * 2] = first;
    out[i * 2 + 1] = second;
  }
  return out;
}
