/**
 * Hand-written PDFs for hostile-input tests: tiny, valid (or deliberately
 * not), made on the spot so the tests need no fixture files.
 */
export interface PdfSpec {
  /** Text of each page (Latin-1 only); a number gives that many pages saying "Page n". */
  pages: string[] | number;
  /** Pages are a full-page 1×1 white image and no text. */
  imageOnly?: boolean;
  /** An /Encrypt dictionary whose user password is not empty. */
  encrypted?: boolean;
}

const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);

export function pdf(spec: PdfSpec): Buffer {
  const texts = typeof spec.pages === 'number' ? Array.from({ length: spec.pages }, (_, i) => `Page ${i + 1}`) : spec.pages;
  const objects: string[] = []; // objects[i] is object i + 1
  const add = (body: string) => objects.push(body) as number;
  const stream = (s: string, dict = '') => `<< ${dict} /Length ${Buffer.byteLength(s, 'latin1')} >>\nstream\n${s}\nendstream`;
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add('PAGES');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const image = add(stream('\xff', '/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8'));
  const kids: number[] = [];
  const shared = new Map<string, number>();
  for (const text of texts) {
    const content = spec.imageOnly ? 'q 595 0 0 842 0 0 cm /Im1 Do Q' : `BT /F1 14 Tf 72 770 Td (${esc(text)}) Tj ET`;
    const c = shared.get(content) ?? add(stream(content));
    shared.set(content, c);
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> /XObject << /Im1 ${image} 0 R >> >> /Contents ${c} 0 R >>`));
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const encrypt = spec.encrypted ? add(`<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`) : null;
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  const id = encrypt ? ` /Encrypt ${encrypt} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]` : '';
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${id} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
