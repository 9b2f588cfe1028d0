/**
 * A scanned table whose header row a stamp or a signature made unreadable
 * (src/ita/_body-table.ts withHeaderRead): its columns come from the header
 * of the table it continues, or from the header printed again on the next
 * page. The header texts and the garbling are those of colour scan 001's
 * stamped first page ("ถำชนัวเสร็จ" for "กำหนดเวลาแล้วเสร็จ" under a blue
 * signature), with two more cells hit, so that the row no longer passes
 * for a header by itself.
 */
import { describe, expect, it } from 'vitest';
import { recognise } from '../../src/ita/recognise.js';
import { type Block, cell, paragraph, position, row, table } from '../../src/model/blocks.js';

const HEADER = ['ประเด็นที่ต้องปรับปรุงแก้ไข/ ประเด็นที่ต้องพัฒนา', 'ผู้รับผิดชอบ', 'ขั้นตอนหรือวิธีการ/มาตรการ', 'การรายงานผลและการกำกับ ติดตาม กำหนดเวลาแล้วเสร็จ', 'การดำเนินการ'];
const GARBLED = ['ประเด็นที่ต้องปรับปรุงแก้ไข/ ประเด็นที่ต้องพัฒนา', 'ผู้รับผิ๊ดขอบ', 'ขั้นตอนหรือวิธีการ/มาตรการ', 'การรายงานผลและการกำกับ ติดตาม ถำชนัวเสร็จ', 'กๅรดำเนินกๅร 5'];
const ROW1 = ['ตัวชี้วัดย่อยที่ ๑๐.๑ ข้อ o๓๓ การดำเนินการเพื่อจัดการความเสี่ยงการทุจริต', 'สำนักปลัด', '๑. เจ้าหน้าที่ที่ได้รับมอบหมายประเมินความเสี่ยงการทุจริต', '๑.เจ้าหน้าที่ผู้รับผิดชอบดำเนินการแล้ว รายงานผู้บริหาร', '๑ ตุลาคม พ.ศ.๒๕๖๕ - ๓๐ กันยายน ๒๕๖๖'];
const ROW2 = ['ข้อ o๔๓ การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', 'กองคลัง', 'มอบหมายเจ้าหน้าที่จัดทำรายงานผลการดำเนินการ', '๑.เจ้าหน้าที่ผู้รับผิดชอบดำเนินการแล้ว เผยแพร่บนเว็บไซต์', '๑ ตุลาคม พ.ศ.๒๕๖๕ - ๓๑ มีนาคม ๒๕๖๖'];
const ROW3 = ['ข้อ o๑๖ การเผยแพร่ข้อมูลของหน่วยงานที่ท่านติดต่อ', 'กองช่าง', 'เจ้าหน้าที่ผู้รับผิดชอบจัดให้มีช่องทางการติดต่อ', 'รายงานผู้บริหารทราบอย่างน้อยไตรมาสละ ๑ ครั้ง', '๑ เมษายน ๒๕๖๖ - ๓๐ กันยายน ๒๕๖๖'];

const conf = { ocrConfidence: 0.8 };

function scanned(page: number, rows: string[][]): Block {
  const at = position(page, null);
  const t = table(
    rows.map((r) => row(r.map((c) => cell([c])), at)),
    at,
  );
  return { ...t, source: { ...t.source, ...conf }, rows: t.rows.map((r) => ({ ...r, source: { ...r.source, ...conf } })) };
}

function doc(tables: Block[]): Block[] {
  return [{ ...paragraph('รายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๖', position(1, null)), source: { ...position(1, null), ...conf } }, ...tables];
}

const fields = (r: ReturnType<typeof recognise>, text: string) => {
  const e = r.entries.find((x) => x.text.includes(text));
  return e ? { responsible: e.fields.responsible, periods: e.periods.map((p) => [p.start, p.end]) } : null;
};

describe('a scanned table whose header a stamp made unreadable', () => {
  it('takes its columns from the header printed again on the next page: the rows under the stamped header have their fields', () => {
    const r = recognise(doc([scanned(1, [GARBLED, ROW1, ROW2]), scanned(2, [HEADER, ROW3])]));
    expect(fields(r, 'จัดการความเสี่ยง')).toEqual({ responsible: 'สำนักปลัด', periods: [['2022-10-01', '2023-09-30']] });
    expect(fields(r, 'ความโปร่งใสภายในหน่วยงาน')).toEqual({ responsible: 'กองคลัง', periods: [['2022-10-01', '2023-03-31']] });
    expect(fields(r, 'หน่วยงานที่ท่านติดต่อ')).toEqual({ responsible: 'กองช่าง', periods: [['2023-04-01', '2023-09-30']] });
    expect(r.entries).toHaveLength(3);
    expect(r.diagnostics.some((d) => d.code === 'TABLE_COLUMNS_UNKNOWN')).toBe(false);
  });

  it('takes them from the header the table had on the page before, when the stamped row is that header read badly', () => {
    const r = recognise(doc([scanned(1, [HEADER, ROW1]), scanned(2, [GARBLED, ROW2, ROW3])]));
    expect(fields(r, 'ความโปร่งใสภายในหน่วยงาน')).toEqual({ responsible: 'กองคลัง', periods: [['2022-10-01', '2023-03-31']] });
    expect(fields(r, 'หน่วยงานที่ท่านติดต่อ')).toEqual({ responsible: 'กองช่าง', periods: [['2023-04-01', '2023-09-30']] });
    // the header read badly is no entry
    expect(r.entries).toHaveLength(3);
  });

  it('takes a header from a later table only for a table as wide, and only on a scan', () => {
    const at = position(1, null);
    const text = [...doc([]), table([row(GARBLED.map((c) => cell([c])), at), row(ROW1.map((c) => cell([c])), at)], at), table([row(HEADER.map((c) => cell([c])), position(2, null)), row(ROW3.map((c) => cell([c])), position(2, null))], position(2, null))];
    const r = recognise(text);
    // a text document's row is what it says: the first table has no header, its row is read by its item code only
    expect(fields(r, 'จัดการความเสี่ยง')?.responsible ?? null).toBeNull();
  });
});
