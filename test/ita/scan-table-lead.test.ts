/**
 * A scanned table whose header row is not its first (src/ita/_body-table.ts):
 * above it, the rest of a row the page break cut and a section heading the
 * grid split into two cells.
 */
import { describe, expect, it } from 'vitest';
import { recognise } from '../../src/ita/recognise.js';
import { type Block, cell, paragraph, position, row, table } from '../../src/model/blocks.js';

const HEADER = ['ประเด็นที่เป็นข้อบกพร่อง/จุดอ่อนจากการประเมิน', 'มาตรการ/โครงการหรือกิจกรรม', 'ขั้นตอนหรือวิธีการปฏิบัติ', 'ช่วงระยะเวลาในการดำเนินการ', 'ผู้รับผิดชอบ'];
const DATA = ['ประเด็น บุคลากรบางรายในหน่วยงานมีการเบิกจ่ายเงินที่เป็นเท็จ (ข้อ I๕)', 'มีการประเมินความเสี่ยงในการทุจริต', '๑. ประเมินความเสี่ยง', 'ต.ค. ๖๗ - ก.ย. ๖๘', 'สำนักปลัด'];

function blocks(scanned: boolean): Block[] {
  const at = position(2, null);
  const rows = [
    row([cell(['']), cell(['']), cell(['จริยธรรม']), cell(['']), cell([''])], at),
    row([cell(['(๕) กระบวนการสร้างความโปร่งใสในการใช้งบประมาณและการจัดซื้อ']), cell(['จัดจ้าง']), cell(['']), cell(['']), cell([''])], at),
    row(HEADER.map((h) => cell([h])), at),
    row(DATA.map((d) => cell([d])), at),
  ];
  const t = table(rows, at);
  const conf = scanned ? { ocrConfidence: 0.8 } : {};
  return [
    { ...paragraph('รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘', position(1, null)), source: { ...position(1, null), ...conf } },
    { ...t, source: { ...t.source, ...conf }, rows: t.rows.map((r) => ({ ...r, source: { ...r.source, ...conf } })) },
  ];
}

describe('a scanned table with rows above its header', () => {
  it('reads the header below them: the row under it has its period and its section', () => {
    const r = recognise(blocks(true));
    const e = r.entries.find((x) => x.text.includes('เบิกจ่ายเงินที่เป็นเท็จ'));
    expect(e?.periods.map((p) => [p.start, p.end])).toEqual([['2024-10', '2025-09']]);
    expect(e?.fields.responsible).toBe('สำนักปลัด');
    expect(e?.section).toBe(5);
    // the heading is no entry
    expect(r.entries.some((x) => x.text.includes('กระบวนการสร้างความโปร่งใส'))).toBe(false);
  });
});
