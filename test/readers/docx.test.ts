/**
 * DOCX inputs mammoth cannot survive as they are: tables nested thousands
 * deep (a stack overflow in mammoth: "Maximum call stack size exceeded"),
 * other elements nested as deep, and a DTD with entities ("billion laughs":
 * xmldom's two-line message with tabs). Each ends as a document or as one
 * clear line.
 */
import { describe, expect, it } from 'vitest';
import { errorDocument, extract } from '../../src/extract.js';
import { readDocx } from '../../src/readers/docx.js';
import { zip } from '../batch/_zip.js';
import { deflatedPadding, docxParts, docxWith } from './_bombs.js';

const { documentXml } = await docxParts();
const head = documentXml.slice(0, documentXml.indexOf('<w:body>') + 8);
const body = documentXml.slice(head.length, documentXml.indexOf('</w:body>'));
const para = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;

function nestedTables(depth: number): string {
  const open = `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tr><w:tc><w:tcPr><w:tcW w:w="100"/></w:tcPr>${para('ชั้น')}`;
  const inner = para('ข้อความในตารางชั้นในสุด');
  return `${head}${body}${open.repeat(depth)}${inner}${'</w:tc></w:tr></w:tbl>'.repeat(depth)}<w:p/></w:body></w:document>`;
}

describe('DOCX nesting', () => {
  it('tables nested 1,000 deep are read (flattened below level 32) with TABLE_NESTING_FLATTENED, not a stack overflow', async () => {
    const doc = await extract(await docxWith(nestedTables(1000)), { fileName: 'deep.docx' });
    expect(doc.error).toBeNull();
    expect(doc.status).toBe('ok');
    const d = doc.diagnostics.find((x) => x.code === 'TABLE_NESTING_FLATTENED');
    expect(d?.message).toBe('tables in word/document.xml are nested 1000 deep; those below level 32 were read as paragraphs of the cell that holds them');
    // the rest of the document is read as before
    const plain = await extract(await docxWith(documentXml), { fileName: 'plain.docx' });
    expect(doc.entries.length).toBe(plain.entries.length);
    expect(doc.organization).toEqual(plain.organization);
  });

  it('the innermost text survives the flattening', async () => {
    const read = await readDocx(await docxWith(nestedTables(100)));
    const text = JSON.stringify(read.blocks);
    expect(text).toContain('ข้อความในตารางชั้นในสุด');
    expect(read.diagnostics.map((x) => x.code)).toEqual(['TABLE_NESTING_FLATTENED']);
  });

  it('tables 20 deep are left as they are', async () => {
    const read = await readDocx(await docxWith(nestedTables(20)));
    expect(read.diagnostics).toEqual([]);
    expect(JSON.stringify(read.blocks)).toContain('ข้อความในตารางชั้นในสุด');
  });

  it('other elements nested 5,000 deep: CORRUPT_FILE naming the depth', async () => {
    const xml = `${head}${'<w:sdt><w:sdtContent>'.repeat(5000)}${para('x')}${'</w:sdtContent></w:sdt>'.repeat(5000)}</w:body></w:document>`;
    const doc = await extract(await docxWith(xml), { fileName: 'sdt.docx' });
    expect(doc.error).toEqual({ code: 'CORRUPT_FILE', message: "the DOCX's XML (word/document.xml) nests elements 10005 deep (more than 400)" });
  });
});

describe('DOCX entities', () => {
  it('billion laughs in document.xml: CORRUPT_FILE in one line', async () => {
    let entities = '<!ENTITY lol "lol">';
    for (let i = 1; i < 10; i++) entities += `<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`;
    const xml = documentXml.replace('<w:document', `<!DOCTYPE w:document [${entities}]><w:document`).replace('<w:body>', `<w:body>${para('&lol9;')}`);
    const doc = await extract(await docxWith(xml), { fileName: 'laughs.docx' });
    expect(doc.error).toEqual({
      code: 'CORRUPT_FILE',
      message: "the DOCX's XML (word/document.xml) declares a DOCTYPE or entities, which Word never writes (an entity expansion attack?)",
    });
  });
});

describe('DOCX parts mammoth reads besides the XML', () => {
  it('an embedded style map (mammoth/style-map) inflating to 64 MiB counts towards the cap: TOO_LARGE', async () => {
    const { parts } = await docxParts();
    const packed = await deflatedPadding('', 64 * 2 ** 20);
    const bytes = new Uint8Array(zip([...parts, { name: 'word/document.xml', data: documentXml }, { name: 'mammoth/style-map', packed, declaredSize: 64 * 2 ** 20 }]));
    const doc = await extract(bytes, { fileName: 'style-map.docx' });
    expect(doc.error?.code).toBe('TOO_LARGE');
    expect(doc.error?.message).toMatch(/^the DOCX's XML would inflate to [\d.]+ MiB \(mammoth\/style-map: 64\.0 MiB\)/);
  });
});

describe('error records', () => {
  it('carry one line whatever the message (tabs, newlines, control characters)', () => {
    const source = { path: 'x', sha256: null, format: null, pages: null, ocr: false };
    const doc = errorDocument(source, 'CORRUPT_FILE', "[xmldom error]\tentity not found:&lol9;\n@#[line:1,col:2]\r\n\u001b[2J");
    expect(doc.error).toEqual({ code: 'CORRUPT_FILE', message: '[xmldom error] entity not found:&lol9; @#[line:1,col:2] [2J' });
    expect(errorDocument(source, 'TOO_LARGE', 'ก'.repeat(2000)).error?.message).toHaveLength(500);
  });
});
