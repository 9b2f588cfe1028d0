/**
 * Hostile inputs made on the spot, small on disk: padding bombs for the text,
 * HTML and DOCX readers. Each expands to far more than its size.
 */
import { readFileSync } from 'node:fs';
import { createDeflateRaw } from 'node:zlib';
import JSZip from 'jszip';
import { zip } from '../batch/_zip.js';

export interface Bomb {
  name: string;
  data: Uint8Array | string;
}

/** Raw deflate of `size` bytes of `fill`, made in 1 MiB pieces (never held whole). */
export async function deflatedPadding(prefix: string, size: number, fill = ' ', suffix = ''): Promise<Uint8Array> {
  const out: Buffer[] = [];
  const z = createDeflateRaw({ level: 9 });
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => z.on('end', resolve));
  const piece = Buffer.alloc(2 ** 20, fill);
  z.write(prefix);
  for (let n = 0; n < size; n += piece.length) z.write(piece);
  z.end(suffix);
  await done;
  return new Uint8Array(Buffer.concat(out));
}

/** The parts of a real DOCX (the corpus rendering of 000), document.xml as text. */
export async function docxParts(): Promise<{ parts: Array<{ name: string; data: Uint8Array }>; documentXml: string }> {
  const z = await JSZip.loadAsync(readFileSync('fixtures/docx/000_12d03613c0e47b57.docx'));
  const parts: Array<{ name: string; data: Uint8Array }> = [];
  let documentXml = '';
  for (const name of Object.keys(z.files)) {
    const f = z.files[name]!;
    if (f.dir) continue;
    if (name === 'word/document.xml') documentXml = await f.async('string');
    else parts.push({ name, data: await f.async('uint8array') });
  }
  return { parts, documentXml };
}

/** A DOCX made of the real parts with document.xml replaced. */
export async function docxWith(documentXml: string): Promise<Uint8Array> {
  const { parts } = await docxParts();
  return new Uint8Array(zip([...parts, { name: 'word/document.xml', data: documentXml }]));
}

export async function bombs(): Promise<Bomb[]> {
  const { parts, documentXml } = await docxParts();
  const head = documentXml.slice(0, documentXml.indexOf('<w:body>') + 8);
  const size = 64 * 2 ** 20;
  const padded = await deflatedPadding(head, size, ' ', '</w:body></w:document>');
  const docx = (declaredSize: number) => new Uint8Array(zip([...parts, { name: 'word/document.xml', packed: padded, declaredSize }]));
  return [
    // one row 300,000 cells wide above 150,000 short rows: the grid is 300,000 × 150,001
    { name: 'wide.txt', data: 'รายงาน ITA\n' + 'ก' + '\t'.repeat(300_000) + 'ข\n' + 'ค\tง\n'.repeat(150_000) },
    // 1.2 MB of one-character cells: 600,000 of them
    { name: 'padding.txt', data: 'รายงาน ITA\n' + ('ก\t'.repeat(50) + '\n').repeat(12_000) },
    { name: 'colspan.html', data: '<p>ITA</p><table>' + '<tr><td colspan=1000>x</td></tr>'.repeat(30_000) + '</table>' },
    { name: 'rowspan.html', data: '<p>ITA</p><table><tr><td rowspan=65534>x' + '<td>y'.repeat(1000) + '</tr>' + '<tr><td>z</tr>'.repeat(60_000) + '</table>' },
    { name: 'cells.html', data: '<p>ITA</p><table><tr><td>a' + '<td>'.repeat(250_000) + '<tr><td>b</td></tr>'.repeat(20_000) + '</table>' },
    // document.xml inflating to 64 MiB (four times the cap), its size declared honestly, then declared as 1 KB
    { name: 'declared.docx', data: docx(size + head.length + 22) },
    { name: 'lying.docx', data: docx(1024) },
  ];
}
