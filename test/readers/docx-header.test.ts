/**
 * A row's header mark switched off. Word's ST_OnOff lets `<w:tblHeader
 * w:val="false"/>` (or "0", "off") say "not a header row", and some writers
 * (the docx package among them) put it on every data row; mammoth takes any
 * tblHeader element for a header, so every row came out a header and a
 * table whose first row after a page break was a cut row read that row as
 * its header (the whole table then lost its columns).
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/readers/docx.js';
import { docxParts, docxWith } from './_bombs.js';

const row = (cells: string[], tableHeader: boolean) =>
  new TableRow({ tableHeader, children: cells.map((t) => new TableCell({ children: [new Paragraph(t)] })) });

async function docxTable(rows: TableRow[]): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: [new Table({ rows })] }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('DOCX header rows', () => {
  it('rows marked tblHeader w:val="false" are data rows; the marked row stays the header', async () => {
    const bytes = await docxTable([
      row(['ลำดับ', 'มาตรการ', 'ระยะเวลา'], true),
      row(['1', 'จัดทำคู่มือการปฏิบัติงาน', 'ต.ค. 66 - ก.ย. 67'], false),
      row(['2', 'เผยแพร่ข้อมูลบนเว็บไซต์', 'ม.ค. 67'], false),
    ]);
    const read = await readDocx(bytes);
    const table = read.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows.map((r) => r.header)).toEqual([true, false, false]);
    expect(table?.type === 'table' && table.rows[1]!.cells.map((c) => c.paragraphs.join(' '))).toEqual(['1', 'จัดทำคู่มือการปฏิบัติงาน', 'ต.ค. 66 - ก.ย. 67']);
    expect(read.diagnostics).toEqual([]);
  });

  it('"0" and "off" switch it off too; a bare tblHeader and "true" keep it', async () => {
    const { documentXml } = await docxParts();
    const head = documentXml.slice(0, documentXml.indexOf('<w:body>') + 8);
    const tr = (val: string | null, text: string) =>
      `<w:tr><w:trPr>${val === null ? '<w:tblHeader/>' : `<w:tblHeader w:val="${val}"/>`}</w:trPr><w:tc><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc></w:tr>`;
    const xml = `${head}<w:tbl>${tr(null, 'หัว')}${tr('true', 'หัวสอง')}${tr('0', 'หนึ่ง')}${tr('off', 'สอง')}</w:tbl><w:p/></w:body></w:document>`;
    const read = await readDocx(await docxWith(xml));
    const table = read.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows.map((r) => [r.cells[0]!.paragraphs[0], r.header])).toEqual([
      ['หัว', true],
      ['หัวสอง', true],
      ['หนึ่ง', false],
      ['สอง', false],
    ]);
  });
});
