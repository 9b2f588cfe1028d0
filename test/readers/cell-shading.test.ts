/**
 * Cells filled with a colour: month and quarter columns drawn as a Gantt
 * chart (the months of a measure shaded, nothing written in them). HTML
 * gives the fill in bgcolor or a background style; Word in <w:shd> of the
 * cell's properties, which mammoth drops (the DOCX step carries it through).
 */
import { Document, Packer, Paragraph, ShadingType, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';
import type { TableBlock } from '../../src/model/blocks.js';
import { SHADED_SENTINEL, cellFilled, paints } from '../../src/readers/_cell-fill.js';
import { markShadedCells, shadingPaints } from '../../src/readers/_docx-shading.js';
import { readDocx } from '../../src/readers/docx.js';
import { htmlToBlocks } from '../../src/readers/html.js';
import { docxParts, docxWith } from './_bombs.js';

const tableOf = (blocks: Array<{ type: string }>) => blocks.find((b): b is TableBlock => b.type === 'table')!;
const shadedCells = (t: TableBlock) => t.rows.map((r) => r.cells.map((c) => (c.shaded ? 1 : 0)).join(''));

describe('colours that shade a cell', () => {
  it('paints: greys and theme colours do; white, near-white, transparent and auto do not', () => {
    expect(['#A6A6A6', 'BFBFBF', 'rgb(255, 192, 0)', 'orange', '#8db3e2', 'hsl(0, 0%, 60%)'].map(paints)).toEqual([true, true, true, true, true, true]);
    expect(['#FFFFFF', 'white', 'FFFFFF', '#fefefe', 'transparent', 'auto', 'none', '', 'rgba(0,0,0,0)', 'not-a-colour'].map(paints)).toEqual(
      Array(10).fill(false),
    );
  });

  it('HTML: bgcolor, background-color and the background shorthand', () => {
    expect(cellFilled({ bgcolor: '#c0c0c0' })).toBe(true);
    expect(cellFilled({ style: 'border:1px solid; background-color: #FFC000' })).toBe(true);
    expect(cellFilled({ style: 'background: rgb(146, 208, 80) none repeat scroll 0% 0%' })).toBe(true);
    expect(cellFilled({ style: 'background: url(x.png) no-repeat' })).toBe(false);
    expect(cellFilled({ style: 'background-color: white', bgcolor: '' })).toBe(false);
    expect(cellFilled({})).toBe(false);
  });

  it('Word: the fill of a clear shading, the colour of a solid pattern; nil and auto are none', () => {
    expect(shadingPaints('<w:shd w:val="clear" w:color="auto" w:fill="A6A6A6"/>')).toBe(true);
    expect(shadingPaints('<w:shd w:val="solid" w:color="FFC000" w:fill="auto"/>')).toBe(true);
    expect(shadingPaints('<w:shd w:val="clear" w:color="auto" w:fill="auto"/>')).toBe(false);
    expect(shadingPaints('<w:shd w:val="clear" w:color="auto" w:fill="FFFFFF"/>')).toBe(false);
    expect(shadingPaints('<w:shd w:val="nil" w:fill="A6A6A6"/>')).toBe(false);
  });
});

describe('shaded cells read', () => {
  it('HTML: the shaded cells of a row are marked, the others not, text kept', () => {
    const t = tableOf(
      htmlToBlocks(`<table><tr><th style="background:#d9d9d9">มาตรการ</th><th>ต.ค.</th><th>พ.ย.</th><th>ธ.ค.</th></tr>
        <tr><td>จัดอบรม</td><td bgcolor="#a6a6a6"></td><td style="background-color:#a6a6a6">&nbsp;</td><td></td></tr></table>`),
    );
    expect(shadedCells(t)).toEqual(['1000', '0110']);
    expect(t.rows[0]!.cells[0]!.paragraphs).toEqual(['มาตรการ']);
  });

  it('HTML: a class of the page\'s <style> that paints shades its cells (Google Docs\' export); a white class, a later white rule and an inline white style do not', () => {
    const css = '<style>.c1{border:1pt solid;background-color:#ffffff;width:18pt}.c8{padding:2pt;background-color:#b7b7b7}td.c9{background:#d9d9d9 none}.c10{color:red}.c11{background-color:#999}.c11{background-color:#fff}</style>';
    const html = `<html><head>${css}</head><body><table><tr><td class="c8">a</td><td class="c1">b</td><td class="c9 c4">c</td><td class="c10">d</td><td class="c11">e</td><td class="c8" style="background-color:#ffffff">f</td><td class="c1 c8">g</td></tr></table></body></html>`;
    expect(shadedCells(tableOf(htmlToBlocks(html)))).toEqual(['1010001']);
  });

  it('DOCX: Word\'s shading reaches the cells though mammoth drops it, and no sentinel is left in any text', async () => {
    const c = (text: string, fill?: string) =>
      new TableCell({ children: [new Paragraph(text)], ...(fill ? { shading: { type: ShadingType.CLEAR, fill, color: 'auto' } } : {}) });
    const doc = new Document({
      sections: [
        {
          children: [
            new Table({
              rows: [
                new TableRow({ children: [c('มาตรการ', 'D9D9D9'), c('ต.ค.'), c('พ.ย.'), c('ธ.ค.')] }),
                new TableRow({ children: [c('จัดอบรม'), c('', 'A6A6A6'), c('', 'A6A6A6'), c('', 'FFFFFF')] }),
              ],
            }),
          ],
        },
      ],
    });
    const read = await readDocx(new Uint8Array(await Packer.toBuffer(doc)));
    const t = tableOf(read.blocks);
    expect(shadedCells(t)).toEqual(['1000', '0110']);
    expect(t.rows.map((r) => r.cells.map((x) => x.paragraphs.join('|')))).toEqual([
      ['มาตรการ', 'ต.ค.', 'พ.ย.', 'ธ.ค.'],
      ['จัดอบรม', '', '', ''],
    ]);
    expect(JSON.stringify(read.blocks)).not.toContain(SHADED_SENTINEL);
  });

  it('DOCX: the sentinel goes into the shaded cell itself, not into a table nested in it or a cell after it', async () => {
    const { documentXml } = await docxParts();
    const head = documentXml.slice(0, documentXml.indexOf('<w:body>') + 8);
    const shd = '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="A6A6A6"/></w:tcPr>';
    const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
    const inner = `<w:tbl><w:tr><w:tc>${p('ใน')}</w:tc></w:tr></w:tbl>`;
    const xml = `${head}<w:tbl><w:tr><w:tc>${shd}${inner}${p('นอก')}</w:tc><w:tc>${p('ถัดไป')}</w:tc></w:tr></w:tbl><w:p/></w:body></w:document>`;
    const marked = markShadedCells(xml);
    expect(marked.cells).toBe(1);
    expect(marked.xml).toContain(`นอก</w:t></w:r><w:r><w:t>${SHADED_SENTINEL}`);
    const t = tableOf((await readDocx(await docxWith(xml))).blocks);
    expect(t.rows[0]!.cells.map((x) => Boolean(x.shaded))).toEqual([true, false]);
  });
});

describe('shaded month columns give periods', () => {
  const doc = (rows: string) => `<html><body><p>มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</p>
    <p>เทศบาลเมืองตัวอย่าง อำเภอเมือง จังหวัดตัวอย่าง</p>
    <table border="1"><tr><th>ที่</th><th>มาตรการ</th><th>ต.ค.</th><th>พ.ย.</th><th>ธ.ค.</th><th>ม.ค.</th><th>ผู้รับผิดชอบ</th></tr>${rows}</table></body></html>`;
  const S = ' style="background-color:#a6a6a6"';

  it('the shaded months of a row are its period, one range per run', async () => {
    const d = await extract(
      doc(`<tr><td>1</td><td>จัดอบรมเจ้าหน้าที่</td><td${S}></td><td${S}></td><td></td><td></td><td>กองคลัง</td></tr>
           <tr><td>2</td><td>เผยแพร่ข้อมูล</td><td></td><td${S}></td><td></td><td${S}></td><td>สำนักปลัด</td></tr>`),
      { fileName: 'x.html' },
    );
    expect(d.entries.map((e) => e.periods.map((p) => [p.start, p.end]))).toEqual([
      [['2024-10', '2024-11']],
      [
        ['2024-11', '2024-11'],
        ['2025-01', '2025-01'],
      ],
    ]);
  });

  it('a row shaded as a whole (banded rows) marks no month', async () => {
    const d = await extract(
      doc(`<tr><td${S}>1</td><td${S}>จัดอบรมเจ้าหน้าที่</td><td${S}></td><td${S}></td><td${S}></td><td${S}>✓</td><td${S}>กองคลัง</td></tr>`),
      { fileName: 'x.html' },
    );
    expect(d.entries.map((e) => e.periods.map((p) => [p.start, p.end]))).toEqual([[['2025-01', '2025-01']]]);
  });

  it('a shaded cell merged across months shades each of them', async () => {
    const d = await extract(doc(`<tr><td>1</td><td>จัดอบรมเจ้าหน้าที่</td><td></td><td colspan="3"${S}></td><td>กองคลัง</td></tr>`), { fileName: 'x.html' });
    expect(d.entries.map((e) => e.periods.map((p) => [p.start, p.end]))).toEqual([[['2024-11', '2025-01']]]);
  });
});
