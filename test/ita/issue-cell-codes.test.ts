/**
 * Codes opening an issue cell without their ข้อ, as a scan reads them: the
 * letter O of a Thai-digit code read as the Thai zero ("o๕-o๙" → "๐๕- ๐๙",
 * seed 87100 at 200 dpi). The issue column is read as a code column's cells
 * are (ita/_body-table.ts codeCellOf): codes of their own shape only.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';

const HEAD = '<p>รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</p><p>เทศบาลตำบลหนองบัว อำเภอเมืองอุดรธานี จังหวัดอุดรธานี</p>';

describe('an issue cell opening with a code', () => {
  it('reads a code of its own shape, not a bare number nor a date', async () => {
    const doc = await extract(
      `<html><body>${HEAD}<table>
<tr><th>ข้อคำถาม</th><th>ที่</th><th>มาตรการ</th><th>ระยะเวลา</th></tr>
<tr><td>๐๕- ๐๙</td><td>๑</td><td>กำหนดแนวปฏิบัติที่เป็นแนวทางในการประพฤติตนทางจริยธรรม</td><td>ต.ค. ๖๗</td></tr>
<tr><td>1๑๓ การให้บริการออนไลน์</td><td>๒</td><td>ประชาสัมพันธ์ช่องทางการให้บริการออนไลน์</td><td>พ.ย. ๖๗</td></tr>
<tr><td>๑๒ ครั้งต่อปี</td><td>๓</td><td>จัดประชุมชี้แจงแนวทางแก่บุคลากรทุกส่วนราชการ</td><td>ธ.ค. ๖๗</td></tr>
</table></body></html>`,
      { fileName: 'report.html' },
    );
    expect(doc.entries.map((e) => e.itemCodes.map((c) => c.code))).toEqual([['o5', 'o6', 'o7', 'o8', 'o9'], ['i13'], []]);
  });
});
