/**
 * A tiny zip writer for tests: it writes what real tools refuse to (names
 * with "../", lying sizes, CP874 names without the UTF-8 flag), so archive
 * reading can be tested on hostile archives made on the spot.
 */
import { deflateRawSync } from 'node:zlib';
import { crc32 } from '../../src/batch/_crc32.js';

export interface ZipSpec {
  /** A string is written as UTF-8 (with the UTF-8 flag when not ASCII, unless utf8Flag says otherwise); bytes as they are. */
  name: string | Uint8Array;
  data?: Uint8Array | string;
  /** 0 stored, 8 deflate (default), anything else is written as stored bytes with that method number. */
  method?: number;
  utf8Flag?: boolean;
  /** Extra general-purpose flags (bit 0: encrypted). */
  flags?: number;
  /** The uncompressed size the headers claim (default: the real one). */
  declaredSize?: number;
  /** The CRC-32 the headers claim (default: the real one). */
  crc?: number;
  /** An Info-ZIP Unicode Path extra field with this name. */
  unicodePath?: string;
  /** Unix mode, e.g. 0o120777 for a symbolic link. */
  mode?: number;
  /** Data already deflated (method 8), written as it is; give declaredSize (the CRC is written as 0). */
  packed?: Uint8Array;
}

const enc = new TextEncoder();

/** Windows-874 bytes of ASCII + Thai text (Thai U+0E01–U+0E5B ↔ 0xA1–0xFB). */
export function cp874(s: string): Uint8Array {
  return Uint8Array.from([...s].map((ch) => {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) return c;
    if (c >= 0x0e01 && c <= 0x0e5b) return c - 0x0e01 + 0xa1;
    throw new Error(`not in CP874: ${ch}`);
  }));
}

export function zip(entries: ZipSpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = typeof e.name === 'string' ? Buffer.from(enc.encode(e.name)) : Buffer.from(e.name);
    const data = Buffer.from(typeof e.data === 'string' ? enc.encode(e.data) : (e.data ?? new Uint8Array()));
    const method = e.method ?? 8;
    const packed = e.packed ? Buffer.from(e.packed) : method === 8 ? deflateRawSync(data) : data;
    const nonAscii = typeof e.name === 'string' && /[^\x00-\x7f]/.test(e.name);
    const flags = (e.flags ?? 0) | ((e.utf8Flag ?? nonAscii) ? 0x800 : 0);
    let extra = Buffer.alloc(0);
    if (e.unicodePath !== undefined) {
      const u = Buffer.from(enc.encode(e.unicodePath));
      const body = Buffer.alloc(5 + u.length);
      body[0] = 1;
      body.writeUInt32LE(crc32(name), 1);
      u.copy(body, 5);
      extra = Buffer.concat([Buffer.from([0x75, 0x70, body.length & 0xff, body.length >> 8]), body]);
    }
    const crc = e.crc ?? (e.packed ? 0 : crc32(data));
    const size = e.declaredSize ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(((e.mode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    const l = Buffer.concat([local, name, extra, packed]);
    locals.push(l);
    centrals.push(Buffer.concat([central, name, extra]));
    offset += l.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
