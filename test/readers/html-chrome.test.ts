/**
 * A report published as a web page comes inside the site's furniture:
 * menus, a year picker, a hidden mobile menu, a search box. What a reader of
 * the page does not see as the document is not read as it.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract.js';
import { htmlToBlocks } from '../../src/readers/html.js';

const text = (html: string): string => JSON.stringify(htmlToBlocks(html));
/** A value without its `source` fields (line numbers differ with the furniture above the report). */
const unsourced = (x: unknown): unknown => JSON.parse(JSON.stringify(x, (k, v) => (k === 'source' || k === 'diagnostics' ? undefined : v)));

const REPORT = `<h1>รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๗</h1>
<p>องค์การบริหารส่วนตำบลหนองบัว อำเภอเมืองอุดรธานี จังหวัดอุดรธานี</p>
<table border="1">
<tr><th>ลำดับ</th><th>มาตรการ</th><th>ระยะเวลา</th><th>ผู้รับผิดชอบ</th></tr>
<tr><td>๑</td><td>เผยแพร่ข้อมูลการจัดซื้อจัดจ้าง (o๑๒)</td><td>ตุลาคม ๒๕๖๖ - กันยายน ๒๕๖๗</td><td>กองคลัง</td></tr>
<tr><td>๒</td><td>จัดช่องทางรับเรื่องร้องเรียน (e๑๐)</td><td>ไตรมาส ๒</td><td>สำนักปลัด</td></tr>
</table>`;

const PAGE = `<html><body>
<nav><ul><li><a href="/">หน้าหลัก</a></li><li><a href="/ita">ITA ปี ๒๕๖๕</a></li><li><a href="/o36">o๓๖ มาตรการ</a></li></ul></nav>
<div class="mobile-menu" style="display: none"><a href="/ita">ITA ปี ๒๕๖๕ (เมนูมือถือ)</a></div>
<div role="search"><label>ค้นหา</label><input name="q"><button>ค้นหาข่าว</button></div>
<form><select name="year"><option>ปีงบประมาณ ๒๕๖๔</option><option>ปีงบประมาณ ๒๕๖๕</option></select></form>
<div hidden>ปีงบประมาณ พ.ศ. ๒๕๖๐</div><span aria-hidden="true">e๙๙</span>
<main>${REPORT}</main>
</body></html>`;

describe('a report inside a web page', () => {
  it('leaves out menus, form controls and what the page hides', () => {
    const t = text(PAGE);
    for (const gone of ['หน้าหลัก', 'เมนูมือถือ', 'ค้นหาข่าว', '๒๕๖๔', '๒๕๖๐', 'e๙๙', 'o๓๖']) expect(t).not.toContain(gone);
    expect(unsourced(htmlToBlocks(PAGE).slice(-3))).toEqual(unsourced(htmlToBlocks(REPORT)));
  });

  it('gives the same report as the bare page', async () => {
    const page = await extract(PAGE, { fileName: 'ita.html' });
    const bare = await extract(`<html><body>${REPORT}</body></html>`, { fileName: 'ita.html' });
    expect(page.fiscalYear?.be).toBe(2567);
    expect(page.entries.flatMap((e) => e.itemCodes.map((c) => c.code))).toEqual(['o12', 'e10']);
    expect(unsourced(page)).toEqual(unsourced(bare));
  });

  it('keeps what is shown: visible styles, other roles, a table inside a form', () => {
    const t = text('<div style="display:block;color:red">มาตรการที่ ๑</div><div role="main">มาตรการที่ ๒</div><form><table><tr><td>มาตรการที่ ๓</td></tr></table></form>');
    for (const kept of ['มาตรการที่ ๑', 'มาตรการที่ ๒', 'มาตรการที่ ๓']) expect(t).toContain(kept);
  });
});
