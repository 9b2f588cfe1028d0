import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Block, type TableBlock, cell, heading, paragraph, position, row, table } from '../../src/model/blocks.js';
import { htmlToBlocks, readHtml } from '../../src/readers/html.js';
import type { ReadError } from '../../src/readers/errors.js';

const at = (line: number | null) => position(null, line);

function onlyTable(blocks: Block[]): TableBlock {
  const tables = blocks.filter((b): b is TableBlock => b.type === 'table');
  expect(tables).toHaveLength(1);
  return tables[0]!;
}

describe('readHtml', () => {
  it('wraps the blocks as an html document', () => {
    expect(readHtml('<p>x</p>')).toEqual({
      format: 'html',
      blocks: [paragraph('x', at(1))],
      pages: null,
      ocr: false,
      diagnostics: [],
    });
  });

  it('reads an empty or text-free document as no blocks', () => {
    expect(htmlToBlocks('')).toEqual([]);
    expect(htmlToBlocks('   \n\t ')).toEqual([]);
    expect(
      htmlToBlocks(
        '<!DOCTYPE html><html><head><title>ชื่อเอกสาร</title><style>p{color:red}</style></head>' +
          '<body><!-- comment --><p> &nbsp; </p><script>var x = "<p>no</p>";</script><table><tr><td> </td></tr></table></body></html>',
      ),
    ).toEqual([]);
  });
});

describe('htmlToBlocks: headings and paragraphs', () => {
  it('reads headings, paragraphs and bold paragraphs in order', () => {
    const html = [
      '<html><head><title>ignored</title></head><body>',
      '<h1>รายงานผล</h1>',
      '<h3>  ส่วนที่ <em>๑</em> </h3>',
      '<p><b>ตัวหนา</b> <strong>ทั้งหมด</strong></p>',
      '<p><b>บางส่วน</b> ไม่หนา</p>',
      '<div><strong>div หนา</strong></div>',
      '<p style="font-weight: bold">styled</p>',
      '<p><b style="font-weight:normal">not really bold</b></p>',
      '</body></html>',
    ].join('\n');
    expect(htmlToBlocks(html)).toEqual([
      heading('รายงานผล', 1, at(2)),
      heading('ส่วนที่ ๑', 3, at(3)),
      paragraph('ตัวหนา ทั้งหมด', at(4), true),
      paragraph('บางส่วน ไม่หนา', at(5), false),
      paragraph('div หนา', at(6), true),
      paragraph('styled', at(7), true),
      paragraph('not really bold', at(8), false),
    ]);
  });

  it('makes one paragraph per block element, including loose text around them', () => {
    const html = 'before<div>intro<p>inner</p>tail</div><ul><li>หนึ่ง</li><li>๒. สอง<ol><li>nested</li></ol></li></ul><blockquote>quote</blockquote>after';
    expect(htmlToBlocks(html).map((b) => (b.type === 'table' ? '' : b.text))).toEqual([
      'before',
      'intro',
      'inner',
      'tail',
      'หนึ่ง',
      '๒. สอง',
      '1. nested', // an ordered list's item shows its number (layout6; before, the number was dropped)
      'quote',
      'after',
    ]);
  });

  it('does not split a paragraph at inline elements (Thai words run across spans)', () => {
    expect(htmlToBlocks('<p><span>การ</span><span>ประเมิน</span><a href="#x">คุณธรรม</a><sup>1</sup></p>')).toEqual([
      paragraph('การประเมินคุณธรรม1', at(1)),
    ]);
  });

  it('decodes entities, collapses whitespace and NBSP, keeps <br> as a newline', () => {
    const html = '<p>  A &amp; B&nbsp;&nbsp;&nbsp;C\n\t  D &lt;tag&gt; &#3585;&#x0E02; &quot;q&quot;</p><p>line 1<br>line 2 <br/> <br>  line 3<br></p>';
    expect(htmlToBlocks(html)).toEqual([
      paragraph('A & B C D <tag> กข "q"', at(1)),
      paragraph('line 1\nline 2\nline 3', at(2)),
    ]);
  });

  it('keeps Thai exactly as written (no normalisation here)', () => {
    // Sara am written as nikhahit + sara aa, and a zero-width space: left alone.
    const text = 'ทํา\u200bงาน ๑๒๓ เจ้าหน้าที่';
    expect(htmlToBlocks(`<p>${text}</p>`)).toEqual([paragraph(text, at(1))]);
  });

  it('keeps the line breaks of <pre>', () => {
    expect(htmlToBlocks('<pre>\na   b\n  c\n</pre>')).toEqual([paragraph('a b\nc', at(1))]);
  });

  it('skips script, style, noscript, template and comments but reads body text', () => {
    const html =
      '<style>.x{}</style><p>a<script>b()</script>c<!-- d --></p><noscript><p>e</p></noscript><template><p>f</p></template><p>g</p>';
    expect(htmlToBlocks(html)).toEqual([paragraph('ac', at(1)), paragraph('g', at(1))]);
  });

  it('records the 1-based source line where each element starts (LF and CRLF)', () => {
    const lf = '<h2>\nหัวข้อ</h2>\n\n<p>\n  one</p>\n\n\n  loose text\n<table>\n<tr><td>a</td></tr>\n<tr>\n<td>b</td></tr>\n</table>';
    const expected = [
      heading('หัวข้อ', 2, at(1)),
      paragraph('one', at(4)),
      paragraph('loose text', at(8)),
      table([row([cell(['a'])], at(10)), row([cell(['b'])], at(11))], at(9)),
    ];
    expect(htmlToBlocks(lf)).toEqual(expected);
    expect(htmlToBlocks(lf.replace(/\n/g, '\r\n'))).toEqual(expected);
  });

  it('leaves lines out when asked (the DOCX reader)', () => {
    expect(htmlToBlocks('<p>a</p>\n<table><tr><td>b</td></tr></table>', { lines: false })).toEqual([
      paragraph('a', at(null)),
      table([row([cell(['b'])], at(null))], at(null)),
    ]);
  });
});

describe('htmlToBlocks: tables', () => {
  it('reads th rows and thead rows as headers', () => {
    const html =
      '<table><tr><th>ลำดับ</th><th>มาตรการ</th></tr><tr><td>1</td><td>ประกาศ</td></tr></table>' +
      '<table><thead><tr><td>A</td><td>B</td></tr></thead><tbody><tr><th>row</th><td>x</td></tr></tbody></table>';
    expect(htmlToBlocks(html)).toEqual([
      table(
        [row([cell(['ลำดับ']), cell(['มาตรการ'])], at(1), true), row([cell(['1']), cell(['ประกาศ'])], at(1), false)],
        at(1),
      ),
      table([row([cell(['A']), cell(['B'])], at(1), true), row([cell(['row']), cell(['x'])], at(1), false)], at(1)),
    ]);
  });

  it('reads colspan and rowspan, clamped to 1..1000', () => {
    const html =
      '<table><tr><td colspan="2" rowspan=" 3 ">a</td><td colspan="0">b</td><td colspan="abc">c</td>' +
      '<td rowspan="99999">d</td><td colspan="-4">e</td><td colspan="2.7">f</td></tr></table>';
    expect(htmlToBlocks(html)).toEqual([
      table(
        [
          row(
            [
              cell(['a'], { colspan: 2, rowspan: 3 }),
              cell(['b']),
              cell(['c']),
              cell(['d'], { rowspan: 1000 }),
              cell(['e']),
              cell(['f'], { colspan: 2 }),
            ],
            at(1),
          ),
        ],
        at(1),
      ),
    ]);
  });

  it('splits cells into their paragraphs and tracks bold cells', () => {
    const html =
      '<table><tr>' +
      '<td><p>- สำนักปลัดฯ</p><p>- กองคลัง</p></td>' +
      '<td>ต.ค. ๖๗ -<br>ก.ย. ๖๘</td>' +
      '<td><b>หนา</b></td>' +
      '<td><p><strong>หนึ่ง</strong></p><p><b>สอง</b></p></td>' +
      '<td><p><b>หนึ่ง</b></p><p>สอง</p></td>' +
      '<td>intro<ul><li>a</li><li>b</li></ul>outro</td>' +
      '<td></td>' +
      '</tr></table>';
    expect(htmlToBlocks(html)).toEqual([
      table(
        [
          row(
            [
              cell(['- สำนักปลัดฯ', '- กองคลัง']),
              cell(['ต.ค. ๖๗ -\nก.ย. ๖๘']),
              cell(['หนา'], { bold: true }),
              cell(['หนึ่ง', 'สอง'], { bold: true }),
              cell(['หนึ่ง', 'สอง']),
              cell(['intro', 'a', 'b', 'outro']),
              cell([]),
            ],
            at(1),
          ),
        ],
        at(1),
      ),
    ]);
  });

  it('drops empty rows and empty tables, keeps empty cells of rows that have text', () => {
    const html = '<table><tr><td></td><td> &nbsp; </td></tr><tr><td></td><td>x</td></tr></table><table><tr><td></td></tr></table>';
    expect(htmlToBlocks(html)).toEqual([table([row([cell([]), cell(['x'])], at(1))], at(1))]);
  });

  it('fosters text and captions found inside a table but outside its cells before the table', () => {
    const html = '<p>ก่อน</p><table><caption>ตารางที่ ๑</caption>stray<tr><td>a</td></tr></table><p>หลัง</p>';
    expect(htmlToBlocks(html)).toEqual([
      paragraph('ก่อน', at(1)),
      paragraph('ตารางที่ ๑', at(1)),
      paragraph('stray', at(1)),
      table([row([cell(['a'])], at(1))], at(1)),
      paragraph('หลัง', at(1)),
    ]);
  });

  it('builds a table from corpus rows (Thai cells with <p> paragraphs)', () => {
    const lines = readFileSync(new URL('../../fixtures/corpus/000_12d03613c0e47b57.txt', import.meta.url), 'utf8')
      .split(/\r?\n/)
      .filter((l) => l.includes('\t'))
      .slice(0, 12);
    expect(lines.length).toBeGreaterThan(3);
    const rowsHtml = lines.map((l, i) => {
      const tag = i === 0 ? 'th' : 'td';
      return `  <tr>\n${l
        .split('\t')
        .map((c) => `    <${tag}>${c}</${tag}>`)
        .join('\n')}\n  </tr>`;
    });
    const html = `<table>\n${rowsHtml.join('\n')}\n</table>`;
    // Independent expectation: a cell's <p>…</p> pieces (or its whole text), whitespace collapsed.
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    const expectedCell = (raw: string) => {
      const ps = [...raw.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => squash(m[1] ?? ''));
      return (ps.length > 0 ? ps : [squash(raw)]).filter((p) => p !== '');
    };
    const t = onlyTable(htmlToBlocks(html));
    const kept = lines.filter((l) => l.split('\t').some((c) => expectedCell(c).length > 0));
    expect(t.rows).toHaveLength(kept.length);
    t.rows.forEach((r, i) => {
      const raw = kept[i]!.split('\t');
      expect(r.header).toBe(i === 0);
      expect(r.cells.map((c) => c.paragraphs)).toEqual(raw.map(expectedCell));
    });
    // a known cell, verbatim
    const known = t.rows.flatMap((r) => r.cells).find((c) => c.paragraphs[0]?.startsWith('๑. มีขั้นตอนการขออนุญาต'));
    expect(known?.paragraphs).toHaveLength(3);
    expect(known?.paragraphs[1]).toBe(
      '๒. กำหนดมาตรการกำกับดูแล และ ตรวจสอบการใช้ทรัพย์สินของ ราชการ เพื่อป้องกันไม่ให้เกิดการ นำไปใช้ประโยชน์ส่วนตัว กลุ่ม หรือ พวกพ้อง โดยมีการตรวจสอบวัสดุ และครุภัณฑ์ในแต่ละส่วนงานเป็น ระยะ',
    );
    // <table>, <tr>, one line per header cell, </tr>, then the second <tr>
    expect(t.rows[1]?.source.line).toBe(lines[0]!.split('\t').length + 4);
  });

  it('flattens a nested table into the cell: one paragraph per inner row, cells joined by " | "', () => {
    const html =
      '<table><tr><td>ก่อน<table><tr><th>ชื่อ</th><th>ค่า</th></tr><tr><td>ก</td><td></td><td><p>๑</p><p>๒</p></td></tr>' +
      '<tr><td><b>หนา</b></td><td><b>ด้วย</b></td></tr></table>หลัง</td><td>x</td></tr></table>';
    expect(htmlToBlocks(html)).toEqual([
      table([row([cell(['ก่อน', 'ชื่อ | ค่า', 'ก | ๑ ๒', 'หนา | ด้วย', 'หลัง']), cell(['x'])], at(1))], at(1)),
    ]);
  });

  it('folds tables nested deeper still into the inner cell text', () => {
    const html =
      '<table><tr><td><table><tr><td>a<table><tr><td>b</td><td>c</td></tr><tr><td>d</td></tr></table>e</td><td>f</td></tr></table></td></tr></table>';
    expect(htmlToBlocks(html)).toEqual([table([row([cell(['a | b | c | d | e | f'])], at(1))], at(1))]);
  });

  it('marks a cell bold when every flattened inner row is bold', () => {
    const html = '<table><tr><td><table><tr><td><b>a</b></td><td><strong>b</strong></td></tr></table></td></tr></table>';
    expect(onlyTable(htmlToBlocks(html)).rows[0]?.cells[0]).toEqual(cell(['a | b'], { bold: true }));
  });

  it('survives 5,000 levels of nested tables without overflowing the stack', () => {
    const n = 5000;
    const html = '<table><tr><td>'.repeat(n) + 'ลึก' + '</td></tr></table>'.repeat(n) + '<p>after</p>';
    const blocks = htmlToBlocks(html);
    expect(blocks).toEqual([table([row([cell(['ลึก'])], at(1))], at(1)), paragraph('after', at(1))]);
  });

  it('survives 10,000 levels of unclosed nested tables and 100,000 unclosed inline elements', () => {
    const tables = htmlToBlocks('<table><tr><td>'.repeat(10_000) + 'x');
    expect(tables).toEqual([table([row([cell(['x'])], at(1))], at(1))]);
    const fonts = htmlToBlocks('<p>' + '<font>'.repeat(100_000) + 'ข้อความ</td></p>');
    expect(fonts).toEqual([paragraph('ข้อความ', at(1))]);
  });
});

describe('htmlToBlocks: malformed input', () => {
  it('does not throw on unclosed tags, stray end tags and text outside tables', () => {
    const inputs = [
      '<p>unclosed',
      '<p>a<p>b<div>c',
      '</td></tr></table>text</p></div>',
      '<table><tr><td>a<td>b<tr><td>c',
      '<td>cell without table</td>',
      '<table><td>no row</td></table>',
      '<p class="cut',
      '<<>>&&;;<p>&bogus; &#99999999; &#xD800;</p>',
      '<table><tr><td><table><tr><td>unterminated inner',
      '<b><p>bold spans blocks</b> rest</p>',
      '\u0000<p>nul\u0000 char\u0001</p>',
    ];
    for (const html of inputs) expect(() => htmlToBlocks(html)).not.toThrow();
  });

  it('recovers sensible blocks from malformed markup', () => {
    expect(htmlToBlocks('<p>a<p>b<div>c')).toEqual([paragraph('a', at(1)), paragraph('b', at(1)), paragraph('c', at(1))]);
    expect(htmlToBlocks('text</td></tr></table> more')).toEqual([paragraph('text more', at(1))]);
    expect(htmlToBlocks('<table><tr><td>a<td>b<tr><td>c')).toEqual([
      table([row([cell(['a']), cell(['b'])], at(1)), row([cell(['c'])], at(1))], at(1)),
    ]);
    expect(htmlToBlocks('<table><td>no row</td><td>x</td></table>')).toEqual([
      table([row([cell(['no row']), cell(['x'])], at(1))], at(1)),
    ]);
    expect(htmlToBlocks('<td>cell</td><td>without table</td>')).toEqual([
      paragraph('cell', at(1)),
      paragraph('without table', at(1)),
    ]);
    expect(htmlToBlocks('<p>kept</p><p class="cut')).toEqual([paragraph('kept', at(1))]);
  });
});

describe('htmlToBlocks: mammoth output (DOCX)', () => {
  it('reads headings, lists, tables and footnotes, ignoring images and back-links', () => {
    const html =
      '<h1>แบบรายงาน</h1><p><strong>ส่วนที่ ๑</strong></p>' +
      '<p>ข้อความ<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup><img src="data:image/png;base64,AAAA" /></p>' +
      '<ol><li>ข้อแรก</li><li>ข้อสอง</li></ol>' +
      '<table><tr><td colspan="2"><p><strong>หัว</strong></p></td></tr><tr><td><p>ก</p></td><td><p>ข</p><p>ค</p></td></tr></table>' +
      '<ol><li id="footnote-1"><p> เชิงอรรถ <a href="#footnote-ref-1">↑</a></p></li></ol>';
    expect(htmlToBlocks(html, { lines: false })).toEqual([
      heading('แบบรายงาน', 1, at(null)),
      paragraph('ส่วนที่ ๑', at(null), true),
      paragraph('ข้อความ[1]', at(null)),
      // a Word numbered list: its numbers are text of the items, as Word shows them
      paragraph('1. ข้อแรก', at(null)),
      paragraph('2. ข้อสอง', at(null)),
      table(
        [
          row([cell(['หัว'], { bold: true, colspan: 2 })], at(null)),
          row([cell(['ก']), cell(['ข', 'ค'])], at(null)),
        ],
        at(null),
      ),
      paragraph('1. เชิงอรรถ', at(null)),
    ]);
  });
});

describe('htmlToBlocks: size', () => {
  it('reads a generated 5 MB document with thousands of rows', () => {
    const rowHtml = (i: number) =>
      `<tr><td>${i}</td><td><p>มีการกำหนดนโยบายของผู้บริหาร ไม่ให้รับทรัพย์สิน &amp; ประโยชน์อื่นใด</p><p>ขั้นที่ ${i}</p></td>` +
      `<td colspan="2"><b>ต.ค. ๖๗ - ก.ย. ๖๘</b></td><td>สำนักปลัด</td></tr>\n`;
    const parts: string[] = ['<html><body>\n<h1>รายงาน</h1>\n<table>\n'];
    let size = 0;
    let rows = 0;
    while (size < 5_000_000) {
      const r = rowHtml(rows);
      parts.push(r);
      size += r.length;
      rows++;
    }
    parts.push('</table>\n<p>จบ</p></body></html>');
    const blocks = htmlToBlocks(parts.join(''));
    expect(blocks).toHaveLength(3);
    const t = onlyTable(blocks);
    expect(t.rows).toHaveLength(rows);
    expect(rows).toBeGreaterThan(10_000);
    const last = t.rows[rows - 1]!;
    expect(last.source.line).toBe(rows + 3);
    expect(last.cells).toEqual([
      cell([String(rows - 1)]),
      cell(['มีการกำหนดนโยบายของผู้บริหาร ไม่ให้รับทรัพย์สิน & ประโยชน์อื่นใด', `ขั้นที่ ${rows - 1}`]),
      cell(['ต.ค. ๖๗ - ก.ย. ๖๘'], { bold: true, colspan: 2 }),
      cell(['สำนักปลัด']),
    ]);
  });
});

describe('htmlToBlocks: bounds', () => {
  it('a row-spanning cell whose text would be repeated 1,000 times over is TOO_LARGE (characters)', () => {
    const html = `<table><tr><td rowspan="1000">${'ก'.repeat(50_000)}</td><td>a</td></tr>${'<tr><td>b</td></tr>'.repeat(999)}</table>`;
    expect(() => htmlToBlocks(html)).toThrow(/^the table at line 1 is too large: its cells hold [\d,]+ characters once row-spanning cells are repeated, where an input of 69,039 characters allows 1,000,000$/);
    try {
      htmlToBlocks(html);
    } catch (e) {
      expect((e as ReadError).code).toBe('TOO_LARGE');
    }
  });

  it('the same table with the cell spanning 3 rows is read', () => {
    const html = `<table><tr><td rowspan="3">${'ก'.repeat(50_000)}</td><td>a</td></tr>${'<tr><td>b</td></tr>'.repeat(999)}</table>`;
    const [t] = htmlToBlocks(html);
    expect(t?.type === 'table' ? t.rows.length : 0).toBe(1000);
  });

  it('limits can be given: 10 grid cells refuse a 3 × 4 table', () => {
    const html = `<table>${'<tr><td>a<td>b<td>c<td>d</tr>'.repeat(3)}</table>`;
    expect(htmlToBlocks(html, { limits: { gridCells: 12, chars: 100, basis: 1 } })).toHaveLength(1);
    expect(() => htmlToBlocks(html, { limits: { gridCells: 10, chars: 100, basis: 1 } })).toThrow(/3 rows × 4 columns make the document's tables 12 cells/);
  });
});

describe('htmlToBlocks: ordered lists keep their numbers (layout6)', () => {
  const texts = (html: string) => htmlToBlocks(html).map((b) => (b.type === 'table' ? b.rows.map((r) => r.cells.map((c) => c.paragraphs)) : b.text));

  it('numbers the items of an <ol> from its start, and from an item value on', () => {
    expect(texts('<ol start="3"><li>ก</li><li value="7">ข</li><li><p>ค</p></li></ol><p>ง</p>')).toEqual(['3. ก', '7. ข', '8. ค', 'ง']);
  });

  it('adds nothing to <ul> items or to lettered lists, and counts nested lists apart', () => {
    expect(texts('<ul><li>ก</li></ul><ol type="a"><li>ข</li></ol>')).toEqual(['ก', 'ข']);
    expect(texts('<ol><li>ก<ol><li>ข</li><li>ค</li></ol></li><li>ง</li></ol>')).toEqual(['1. ก', '1. ข', '2. ค', '2. ง']);
  });

  it('numbers list items inside a table cell, and gives an empty item no number', () => {
    expect(texts('<table><tr><td><ol><li>ก</li><li>ข</li></ol></td></tr></table>')).toEqual([[[['1. ก', '2. ข']]]]);
    expect(texts('<ol><li></li></ol><p>ก</p>')).toEqual(['ก']);
  });
});
