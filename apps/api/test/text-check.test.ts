import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextCheck } from '../src/imports/text-check.js';

/** Runs a TextCheck over `bytes` cut into chunks at `cuts`, and returns its first problem. */
function check(bytes: Uint8Array, cuts: number[] = []): TextCheck['problem'] {
  const text = new TextCheck();
  let start = 0;
  for (const cut of [...new Set(cuts)].filter((at) => at > 0 && at < bytes.length).sort((a, b) => a - b).concat(bytes.length)) {
    text.add(Buffer.from(bytes.subarray(start, cut)));
    start = cut;
  }
  text.end();
  return text.problem;
}

// Bytes near the edges of UTF-8's ranges, so that random arrays often hold both valid and invalid sequences.
const byte = fc.oneof(fc.constantFrom(0x00, 0x0a, 0x2c, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff), fc.integer({ min: 0, max: 255 }));

describe('TextCheck', () => {
  it('finds a problem exactly when the bytes are not UTF-8, hold NUL or start with a UTF-16 byte-order mark, wherever the chunks are cut', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }).chain((plain) => fc.tuple(fc.constant(plain), fc.array(byte, { maxLength: 12 }), fc.array(fc.nat(60), { maxLength: 6 }))), ([plain, mixed, cuts]) => {
        const bytes = Buffer.concat([Buffer.from(plain), Buffer.from(mixed)]);
        const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
        const whole = check(bytes);
        // The reference: Node's own validator and a search for NUL.
        expect(whole === null).toBe(isUtf8(bytes) && !bytes.includes(0) && !utf16);
        // Cutting the same bytes into chunks finds the same problem at the same offset.
        expect(check(bytes, cuts)).toEqual(whole);
      }),
      { numRuns: 2000, seed: 42001 },
    );
  });

  it('accepts every Unicode character, split between chunks at every point, and places a bad byte after them', () => {
    const text = Buffer.from('a\u00e9\u0800\uffff\u{10000}\u{10ffff}\ufffd,z\n');
    for (let cut = 0; cut <= text.length; cut += 1) expect(check(text, [cut]), `cut at ${cut}`).toBeNull();
    const latin1 = Buffer.concat([text, Buffer.from('Z\u00fcrich', 'latin1')]);
    expect(check(latin1, [text.length + 2])).toMatchObject({ offset: text.length + 1, reason: expect.stringMatching(/^the text is not valid UTF-8 \(byte 0xFC\)/) });
  });

  it('names a character cut off by the end of the file, a NUL, overlong forms and surrogates', () => {
    expect(check(Buffer.from([0x61, 0xe2, 0x82]))).toMatchObject({ offset: 1, reason: expect.stringMatching(/ends in the middle of a character \(byte 0xE2\)/) });
    expect(check(Buffer.from('ab\u0000c'))).toMatchObject({ offset: 2, shownAs: '\u0000' });
    // C0 AF is an overlong "/", ED A0 80 an encoded surrogate, F4 90 80 80 past U+10FFFF.
    for (const bad of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]]) expect(check(Buffer.from([0x41, ...bad, 0x41]))).toMatchObject({ offset: 1, shownAs: '\uFFFD' });
  });
});
