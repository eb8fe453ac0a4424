import { isUtf8 } from 'node:buffer';

/** The first thing wrong with a file's bytes as UTF-8 text: where it is (a byte offset) and why. */
export interface TextProblem {
  readonly offset: number;
  readonly reason: string;
  /** What the bad byte reads as once decoded: U+FFFD for a byte that is not UTF-8, NUL for NUL. */
  readonly shownAs: string;
}

const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/** How many bytes a UTF-8 sequence that starts with this byte has, or 0 when no sequence starts with it. */
function sequenceLength(byte: number): number {
  if (byte < 0x80) return 1;
  if (byte >= 0xc2 && byte <= 0xdf) return 2;
  if (byte >= 0xe0 && byte <= 0xef) return 3;
  if (byte >= 0xf0 && byte <= 0xf4) return 4;
  return 0;
}

/** The bytes at the end of `bytes` that begin a character the next chunk may finish. */
function unfinishedTail(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back]!;
    // A continuation byte: the character starts further back.
    if ((byte & 0xc0) === 0x80) continue;
    return sequenceLength(byte) > back ? back : 0;
  }
  return 0;
}

/**
 * The offset of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629: no
 * overlong forms, no surrogates, nothing past U+10FFFF), or -1. Byte by byte: only called on the
 * chunk that isUtf8 already refused.
 */
function firstInvalidByte(bytes: Buffer): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    const length = sequenceLength(lead);
    if (length === 0) return index;
    // The second byte's range is narrower after E0, ED, F0 and F4 (overlong forms, surrogates, past U+10FFFF).
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let next = 1; next < length; next += 1) {
      const byte = bytes[index + next];
      if (byte === undefined) return index;
      if (next === 1 ? byte < low || byte > high : (byte & 0xc0) !== 0x80) return index;
    }
    index += length;
  }
  return -1;
}

/**
 * Checks a file's bytes, chunk by chunk as they stream past, for what UTF-8 CSV text must not hold:
 * a UTF-16 byte-order mark, bytes that are not UTF-8 (a file saved as Latin-1, say), NUL bytes,
 * and a character cut off by the end of the file. Keeps the first problem found. Whole chunks are
 * checked natively (isUtf8, indexOf); only a chunk with a problem is walked byte by byte.
 */
export class TextCheck {
  problem: TextProblem | null = null;
  /** Bytes seen so far. */
  bytes = 0;
  /** The last byte seen, or -1 before any. */
  lastByte = -1;
  /** The start of a character that the previous chunk left unfinished. */
  private carry: Buffer = Buffer.alloc(0);

  add(chunk: Buffer): void {
    if (chunk.length === 0) return;
    if (this.problem === null) {
      const start = this.bytes - this.carry.length;
      this.examine(this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]), start, false);
    }
    this.bytes += chunk.length;
    this.lastByte = chunk[chunk.length - 1]!;
  }

  /** The file has ended: what is still held back is checked as it is, and a character it cuts off is a problem. */
  end(): void {
    if (this.problem === null && this.carry.length > 0) this.examine(this.carry, this.bytes - this.carry.length, true);
  }

  /** Checks `data`, which starts at byte `start` of the file; unless `final`, holds back an unfinished character for the next chunk. */
  private examine(data: Buffer, start: number, final: boolean): void {
    this.carry = Buffer.alloc(0);
    // A byte-order mark takes two bytes: wait for the second.
    if (start === 0 && data.length < 2 && !final) {
      this.carry = Buffer.from(data);
      return;
    }
    if (start === 0 && data.length >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff))) {
      this.problem = { offset: 0, reason: 'the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8', shownAs: '' };
      return;
    }
    const tail = unfinishedTail(data);
    const complete = final ? data : data.subarray(0, data.length - tail);
    const invalid = isUtf8(complete) ? -1 : firstInvalidByte(complete);
    const nul = data.indexOf(0);
    if (invalid >= 0 && (nul < 0 || invalid < nul)) {
      const cutOff = final && tail > 0 && invalid === data.length - tail;
      const reason = cutOff
        ? `the text is not valid UTF-8: the file ends in the middle of a character (byte ${hex(data[invalid]!)}); was it cut short?`
        : `the text is not valid UTF-8 (byte ${hex(data[invalid]!)}); was the file saved as Latin-1 or Windows-1252? save it as UTF-8`;
      this.problem = { offset: start + invalid, reason, shownAs: '\uFFFD' };
    } else if (nul >= 0) {
      this.problem = { offset: start + nul, reason: 'the text holds a NUL byte (0x00), which CSV text never has; is the file UTF-16 or binary? save it as UTF-8', shownAs: '\u0000' };
    } else if (!final) {
      this.carry = Buffer.from(data.subarray(complete.length));
    }
  }
}
