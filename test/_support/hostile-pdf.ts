/**
 * Small hostile PDFs, written object by object with a correct
 * cross-reference table: nested form XObjects whose work doubles with each
 * level, an image whose declared size dwarfs its bytes, pages whose text is
 * lost. And deterministic byte damage (a seeded PRNG) for fixtures.
 */
import { deflateSync } from 'node:zlib';

/** Objects (1-based: the first is the catalog) → a PDF with a valid xref. Each entry is the object's body (dict, or dict + stream). */
export function writePdf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(chunk);
    offset += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** A stream object's body. */
export function stream(dict: string, data: Buffer | string): Buffer {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  return Buffer.concat([Buffer.from(`<< ${dict} /Length ${bytes.length} >>\nstream\n`, 'latin1'), bytes, Buffer.from('\nendstream', 'latin1')]);
}

/**
 * One page drawing form X0; form Xk draws X(k+1) `fanOut` times, for `depth`
 * levels; the last draws a line of text and a stroked path. Work grows as
 * fanOut^depth: 2^40 leaves from a file of a few KB.
 */
export function nestedFormsPdf(depth: number, fanOut = 2): Buffer {
  // 1 catalog, 2 pages, 3 page, 4 font, 5 page content, 6.. forms
  const form = (k: number) => 6 + k;
  const objects: (string | Buffer)[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources << /XObject << /X0 ${form(0)} 0 R >> >> >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    stream('', 'q /X0 Do Q'),
  ];
  for (let k = 0; k < depth; k++) {
    const last = k === depth - 1;
    const body = last ? 'BT /F1 12 Tf 72 720 Td (ITA) Tj ET 72 700 m 300 700 l S' : Array.from({ length: fanOut }, () => `q /X${k + 1} Do Q`).join(' ');
    const res = last ? '/Font << /F1 4 0 R >>' : `/XObject << /X${k + 1} ${form(k + 1)} 0 R >>`;
    objects.push(stream(`/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << ${res} >>`, body));
  }
  return writePdf(objects);
}

/**
 * One page showing one image that declares `width` × `height` pixels of
 * `colorSpace` at 8 bits, its data Flate-compressed zeros (`dataBytes` of
 * them, default: all it declares; a few MB of zeros compress to a few KB).
 */
export function hugeImagePdf(width: number, height: number, options: { colorSpace?: 'DeviceGray' | 'DeviceRGB'; dataBytes?: number } = {}): Buffer {
  const cs = options.colorSpace ?? 'DeviceRGB';
  const comps = cs === 'DeviceRGB' ? 3 : 1;
  const raw = options.dataBytes ?? width * height * comps;
  // deflate zeros in one go for small sizes; larger ones are cut (pdfjs pads a short image)
  const data = deflateSync(Buffer.alloc(Math.min(raw, 64 * 1024 * 1024)), { level: 9 });
  return writePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im0 5 0 R >> >> >>',
    stream('', 'q 595 0 0 842 0 0 cm /Im0 Do Q'),
    stream(`/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /${cs} /BitsPerComponent 8 /Filter /FlateDecode`, data),
  ]);
}

/** A seeded PRNG (mulberry32, variants.ts's): the same damage for the same seed, on every machine. */
import { rng as prng } from './variants.js';

export { prng };

/**
 * `bytes` damaged by seed: either digits of cross-reference entries changed
 * to other digits (offsets that point elsewhere: the xref still parses, the
 * objects behind it do not), or bits flipped anywhere, near the start and
 * end (where the structure is) more often.
 */
export function damaged(bytes: Uint8Array, seed: number): Uint8Array {
  const r = prng(seed);
  const out = bytes.slice();
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const entries = [...text.matchAll(/\d{10} \d{5} n/g)].map((m) => m.index);
  const n = 1 + Math.floor(r() * 3);
  if (entries.length > 0 && seed % 2 === 0) {
    for (let i = 0; i < n; i++) {
      const at = (entries[Math.floor(r() * entries.length)] as number) + 4 + Math.floor(r() * 6);
      out[at] = 48 + Math.floor(r() * 10);
    }
  } else {
    for (let i = 0; i < n * 3; i++) {
      const zone = r();
      const at = zone < 0.35 ? Math.floor(r() * Math.min(out.length, 1024)) : zone < 0.7 ? out.length - 1 - Math.floor(r() * Math.min(out.length, 1024)) : Math.floor(r() * out.length);
      out[at] = (out[at] as number) ^ (1 << Math.floor(r() * 8));
    }
  }
  return out;
}

/** A one-font page of `lines` (Helvetica), its content Flate-compressed: the text that `lostTextPdf` damages. */
function textContent(lines: string[]): Buffer {
  return Buffer.from(lines.map((l, i) => `BT /F1 12 Tf 72 ${760 - i * 16} Td (${l}) Tj ET`).join('\n'), 'latin1');
}

/**
 * A page whose text is there but lost: `damaged` — its Flate content
 * stream cut in the middle, garbage after; `unmapped` — every glyph of a font
 * with no Unicode map (a Type3 font, no ToUnicode, whose glyph names
 * say private-use code points), painted as small squares.
 */
export function lostTextPdf(kind: 'damaged' | 'unmapped', lines: string[]): Buffer {
  const page = (res: string) => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << ${res} >> >>`;
  if (kind === 'damaged') {
    // the text's Flate data cut halfway, garbage after
    const z = deflateSync(textContent(lines));
    const cut = Buffer.concat([z.subarray(0, Math.floor(z.length / 2)), Buffer.alloc(64, 0xff)]);
    return writePdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      page('/Font << /F1 5 0 R >>'),
      stream('/Filter /FlateDecode', cut),
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ]);
  }
  const codes = Array.from({ length: 95 }, (_, i) => i + 32);
  const name = (c: number) => `/uniF${c.toString(16).toUpperCase().padStart(3, '0')}`; // private-use code points
  const procs = codes.map((c) => `${name(c)} 6 0 R`).join(' ');
  return writePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    page('/Font << /F1 5 0 R >>'),
    stream('', textContent(lines)),
    `<< /Type /Font /Subtype /Type3 /FontBBox [0 0 600 700] /FontMatrix [0.001 0 0 0.001 0 0] /FirstChar 32 /LastChar 126 /Widths [${codes.map(() => 600).join(' ')}] /Encoding << /Type /Encoding /Differences [32 ${codes.map(name).join(' ')}] >> /CharProcs << ${procs} >> /Resources << >> >>`,
    stream('', '600 0 d0 50 0 500 650 re f'),
  ]);
}
