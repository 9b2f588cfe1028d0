/**
 * Zip reading (and writing, through test/batch/_zip.ts) for the bench's generated documents:
 * DOCX variants (the fixtures' parts, document.xml changed) and archives
 * of generated documents. Deflate or store, UTF-8 names, no zip64.
 */
import { inflateRawSync } from 'node:zlib';
import { zip } from '../test/batch/_zip.js';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** Entries of a zip (central directory order). */
export function readZip(buf: Buffer): ZipEntry[] {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataAt, dataAt + size);
    out.push({ name, data: method === 8 ? inflateRawSync(raw) : new Uint8Array(raw) });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** A zip of `entries` (deflated unless `store`): the tests' zip writer. */
export function writeZip(entries: readonly ZipEntry[], store = false): Buffer {
  return zip(entries.map((e) => ({ name: e.name, data: e.data, method: store ? 0 : 8 })));
}
