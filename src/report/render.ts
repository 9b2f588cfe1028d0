/**
 * The report model → one self-contained HTML page: inline CSS, charts as
 * inline SVG drawn here (see charts.ts), and one small inline script for the
 * table's filters and sorting. Nothing is fetched when the page is viewed:
 * its Content-Security-Policy allows no network at all, and only the page's
 * own script (by hash) may run.
 *
 * Every piece of text that comes from the records (organisation names,
 * provinces, levels, questions, paths, error messages) is HTML-escaped; the
 * SVG text is escaped by Vega's SVG writer.
 */
import { createHash } from 'node:crypto';
import { type BarDatum, horizontalBars, renderSvg, verticalBars } from './charts.js';
import type { ItemStat, OrgYearRow, ReportModel } from './aggregate.js';

export interface InputSummary {
  /** File name (or "-" for stdin). */
  name: string;
  records: number;
  invalid: number;
  blank: number;
}

export interface RenderOptions {
  title?: string;
  /** Shown as the time the report was made (default: now). */
  generatedAt?: Date | string;
  /** Where the records came from, listed in the footer. */
  inputs?: readonly InputSummary[];
  /** Bars in the items chart (default 20); the full list is in the table below it. */
  topItems?: number;
}

export const DEFAULT_TITLE = 'สรุปรายงานผลการประเมินคุณธรรมและความโปร่งใส (ITA)';

const HTML_ENTITIES = new Map([['&', '&amp;'], ['<', '&lt;'], ['>', '&gt;'], ['"', '&quot;'], ["'", '&#39;']]);
/** For text and for attribute values (double- or single-quoted). */
export function escapeHtml(s: string): string {
  return String(s).replace(/[&<>"']/g, (c) => HTML_ENTITIES.get(c)!);
}
const e = escapeHtml;
const dash = '—';
const text = (s: string | null | undefined) => (s == null || s === '' ? dash : e(s));
const n = (v: number | null) => (v === null ? dash : String(v));
export const formatScore = (v: number | null) => (v === null ? dash : v.toFixed(2));

/** A Map, not an object: a kind read from a record may be "constructor" or "__proto__". */
export const KIND_LABELS: ReadonlyMap<string, string> = new Map([['other', 'อื่น ๆ']]);
const kindLabel = (k: string | null) => (k === null ? 'ไม่ระบุ' : (KIND_LABELS.get(k) ?? k));
/** The filters' value for "not stated" (a data-* attribute holds "" for it). */
const NONE = '';
const ALL = '__all__';

function statusCell(r: OrgYearRow): string {
  if (r.status === 'ok') return '<span class="st ok">สำเร็จ</span>';
  const codes = [...new Set(r.errorCodes)].map(e).join(', ');
  if (r.status === 'error') return `<span class="st err">ผิดพลาด</span> <code>${codes}</code>`;
  return `<span class="st mixed">บางส่วน</span> <code>${codes}</code>`;
}

function orgRow(r: OrgYearRow): string {
  const src = r.sources.filter((s): s is string => s !== null);
  const name = r.name === null ? `<span class="muted">(ไม่พบชื่อหน่วยงาน)</span>` : e(r.name);
  const files = src.length ? `<div class="src">${src.map(e).join('<br>')}</div>` : '';
  const cell = (v: string | number | null, html: string, cls = '') =>
    `<td${cls ? ` class="${cls}"` : ''} data-v="${v === null ? '' : e(String(v))}">${html}</td>`;
  return (
    `<tr data-key="${e(r.key)}" data-province="${e(r.province ?? NONE)}" data-kind="${e(r.kind ?? NONE)}" data-status="${r.status}">` +
    cell(r.name, name + files, 'name') +
    cell(r.kind, text(r.kind === null ? null : kindLabel(r.kind))) +
    cell(r.province, text(r.province)) +
    cell(r.district, text(r.district)) +
    cell(r.fiscalYear, n(r.fiscalYear), 'num') +
    cell(r.assessmentYear, n(r.assessmentYear), 'num') +
    cell(r.score, formatScore(r.score), 'num score') +
    cell(r.level, text(r.level), 'level') +
    cell(r.entries, String(r.entries), 'num entries') +
    cell(r.documents, String(r.documents), 'num') +
    cell(r.status, statusCell(r), 'status') +
    '</tr>'
  );
}

function options(values: Array<string | null>, rows: OrgYearRow[], of: (r: OrgYearRow) => string | null, label: (v: string | null) => string): string {
  const count = (v: string | null) => rows.filter((r) => of(r) === v).length;
  return [
    `<option value="${ALL}">ทั้งหมด (${rows.length})</option>`,
    ...values.map((v) => `<option value="${e(v ?? NONE)}">${e(label(v))} (${count(v)})</option>`),
  ].join('');
}

function orgTable(m: ReportModel): string {
  const th = (label: string, type: 'text' | 'num') =>
    `<th scope="col"${type === 'num' ? ' class="num"' : ''}><button type="button" data-type="${type}">${label}</button></th>`;
  return `
<section id="organisations">
  <h2>หน่วยงานและปี</h2>
  <p class="note">หนึ่งแถวต่อหนึ่งหน่วยงานต่อปีงบประมาณ (รวมทุกเอกสารของหน่วยงานในปีนั้น) ส่วนเอกสารที่ไม่พบชื่อหน่วยงานหรืออ่านไม่สำเร็จแสดงแยกแถวละหนึ่งเอกสาร</p>
  <div class="filters" role="group" aria-label="ตัวกรอง">
    <label>จังหวัด <select id="f-province">${options(m.provinces, m.rows, (r) => r.province, (v) => v ?? '(ไม่ระบุ)')}</select></label>
    <label>ประเภทหน่วยงาน <select id="f-kind">${options(m.kinds, m.rows, (r) => r.kind, (v) => (v === null ? '(ไม่ระบุ)' : kindLabel(v)))}</select></label>
    <p class="count" aria-live="polite">แสดง <output id="row-count">${m.rows.length}</output> จาก <span id="row-total">${m.rows.length}</span> แถว</p>
  </div>
  <div class="table-wrap">
  <table id="org-table">
    <thead><tr>${th('หน่วยงาน', 'text')}${th('ประเภท', 'text')}${th('จังหวัด', 'text')}${th('อำเภอ', 'text')}${th('ปีงบประมาณ', 'num')}${th('ปี ITA', 'num')}${th('คะแนน', 'num')}${th('ระดับ', 'text')}${th('รายการ', 'num')}${th('เอกสาร', 'num')}${th('สถานะ', 'text')}</tr></thead>
    <tbody>
${m.rows.map(orgRow).join('\n')}
    </tbody>
  </table>
  </div>
  ${m.rows.length === 0 ? '<p class="empty">ไม่มีข้อมูล</p>' : ''}
</section>`;
}

function itemTable(items: ItemStat[]): string {
  if (items.length === 0) return '';
  const rows = items
    .map(
      (i) =>
        `<tr data-key="${e(i.key)}"><td><code>${e(i.code)}</code></td><td class="num">${n(i.assessmentYear)}</td><td>${i.tool}</td>` +
        `<td>${text(i.question)}</td><td>${text(i.indicator)}</td><td class="num">${i.documents}</td><td class="num">${i.organisations}</td><td class="num">${i.entries}</td></tr>`,
    )
    .join('\n');
  return `
<details id="items-detail"${items.some((i) => i.question !== null) ? ' open' : ''}>
  <summary>ข้อคำถามทั้งหมดที่ถูกอ้างถึงเป็นจุดอ่อน (${items.length} ข้อ)</summary>
  <div class="table-wrap">
  <table id="item-table">
    <thead><tr><th scope="col">ข้อ</th><th scope="col" class="num">ปี ITA</th><th scope="col">เครื่องมือ</th><th scope="col">ข้อคำถาม</th><th scope="col">ตัวชี้วัด</th><th scope="col" class="num">เอกสาร</th><th scope="col" class="num">หน่วยงาน</th><th scope="col" class="num">รายการ</th></tr></thead>
    <tbody>
${rows}
    </tbody>
  </table>
  </div>
</details>`;
}

function errorSection(m: ReportModel): string {
  if (m.errors.length === 0) return '';
  const rows = m.errors
    .map(
      (x) =>
        `<tr data-code="${e(x.code)}"><td><code>${e(x.code)}</code></td><td class="num">${x.count}</td><td>${x.records
          .map((r) => `<div><span class="path">${text(r.path)}</span>${r.message ? ` <span class="muted">${e(r.message)}</span>` : ''}</div>`)
          .join('')}</td></tr>`,
    )
    .join('\n');
  return `
<section id="errors">
  <h2>เอกสารที่อ่านไม่สำเร็จ (${m.totals.error})</h2>
  <div class="table-wrap">
  <table id="error-table">
    <thead><tr><th scope="col">รหัสข้อผิดพลาด</th><th scope="col" class="num">จำนวน</th><th scope="col">เอกสาร</th></tr></thead>
    <tbody>
${rows}
    </tbody>
  </table>
  </div>
</section>`;
}

function figure(id: string, title: string, note: string, svg: string | null): string {
  return `
<figure id="${id}" class="chart">
  <figcaption><h2>${title}</h2>${note ? `<p class="note">${note}</p>` : ''}</figcaption>
  ${svg === null ? '<p class="empty">ไม่มีข้อมูล</p>' : `<div class="svg" role="img" aria-label="${e(title)}">${svg}</div>`}
</figure>`;
}

function formatWhen(when: Date | string): { text: string; iso: string } {
  if (typeof when === 'string') return { text: when, iso: when };
  const text = new Intl.DateTimeFormat('th-TH', { dateStyle: 'long', timeStyle: 'short' }).format(when);
  return { text, iso: when.toISOString() };
}

const CSS = `
:root { --font: "Sarabun", "Noto Sans Thai", "Noto Sans Thai UI", "Leelawadee UI", "Leelawadee", Tahoma, "Thonburi", "Loma", "Garuda", "TH Sarabun New", sans-serif;
  --ink: #1d1d1f; --muted: #666; --line: #d9dde3; --bg: #f6f7f9; --accent: #2b6a99; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font-family: var(--font); font-size: 15px; line-height: 1.6; color: var(--ink); background: var(--bg); }
main { max-width: 1280px; margin: 0 auto; padding: 24px 28px 40px; }
h1 { font-size: 1.6rem; line-height: 1.35; margin: 0 0 4px; }
h2 { font-size: 1.15rem; margin: 0 0 4px; }
.meta, .note, .muted, .src { color: var(--muted); }
.note { font-size: .88rem; margin: 0 0 10px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin: 18px 0 22px; padding: 0; list-style: none; }
.cards li { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.cards .v { display: block; font-size: 1.5rem; font-weight: 600; line-height: 1.3; }
.cards .k { color: var(--muted); font-size: .85rem; }
.charts { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; }
#chart-items { grid-column: 1; grid-row: 1 / span 2; }
#chart-scores { grid-column: 2; grid-row: 1; }
#chart-levels { grid-column: 2; grid-row: 2; }
#chart-sections { grid-column: 1 / -1; grid-row: 3; }
figure.chart, section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 18px; margin: 0; }
section { margin-top: 16px; }
.svg { overflow-x: auto; }
.svg svg { max-width: 100%; height: auto; display: block; }
.svg svg text { font-family: var(--font) !important; }
.filters { display: flex; flex-wrap: wrap; gap: 10px 22px; align-items: center; margin: 8px 0 12px; }
.filters select { font: inherit; padding: 3px 6px; border: 1px solid #b8bfc8; border-radius: 4px; background: #fff; max-width: 24em; }
.count { margin: 0; font-weight: 600; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
thead th { position: sticky; top: 0; background: #eef1f5; white-space: nowrap; }
th button { font: inherit; font-weight: 600; border: 0; background: none; padding: 0; cursor: pointer; color: inherit; }
th[aria-sort="ascending"] button::after { content: " ▲"; font-size: .7em; }
th[aria-sort="descending"] button::after { content: " ▼"; font-size: .7em; }
tbody tr:nth-child(even) { background: #fafbfc; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.name { min-width: 14em; }
td.level { white-space: nowrap; }
.src { font-size: .75rem; word-break: break-all; }
.st { display: inline-block; padding: 0 7px; border-radius: 10px; font-size: .8rem; white-space: nowrap; }
.st.ok { background: #e3f3e6; color: #1e6b2f; } .st.err { background: #fbe4e4; color: #9b1c1c; } .st.mixed { background: #fff1d6; color: #7a4b00; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .85em; }
.path { word-break: break-all; }
details summary { cursor: pointer; font-weight: 600; margin: 10px 0 6px; }
.empty { color: var(--muted); font-style: italic; }
footer { color: var(--muted); font-size: .82rem; margin-top: 20px; }
footer ul { margin: 4px 0; padding-left: 1.2em; }
@media (max-width: 900px) { main { padding: 14px; } .charts { display: block; } figure.chart { margin-bottom: 16px; } }
@media print {
  @page { size: A4; margin: 12mm; }
  body { background: #fff; font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  figure.chart, section, .cards li { border-color: #bbb; break-inside: avoid; }
  section#organisations, section#errors { break-inside: auto; }
  .filters select { border: 0; appearance: none; -webkit-appearance: none; padding: 0; }
  thead th { position: static; white-space: normal; }
  .table-wrap { overflow: visible; }
  table { font-size: 8.5pt; }
  th, td { padding: 3px 4px; }
  td.name { min-width: 0; }
  .src { display: none; }
  tr { break-inside: avoid; }
  th button::after { content: "" !important; }
}
`;

/** Filters (province, kind), the count of rows shown, and sorting by a column header. */
const SCRIPT = `(function () {
  var table = document.getElementById('org-table');
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var fp = document.getElementById('f-province');
  var fk = document.getElementById('f-kind');
  var out = document.getElementById('row-count');
  function apply() {
    var p = fp.value, k = fk.value, shown = 0;
    rows.forEach(function (r) {
      var show = (p === '${ALL}' || r.getAttribute('data-province') === p) && (k === '${ALL}' || r.getAttribute('data-kind') === k);
      r.hidden = !show;
      if (show) shown++;
    });
    out.textContent = String(shown);
  }
  fp.addEventListener('change', apply);
  fk.addEventListener('change', apply);
  var collator = new Intl.Collator('th', { numeric: true });
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  heads.forEach(function (th, col) {
    var b = th.querySelector('button');
    b.addEventListener('click', function () {
      var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
      var num = b.getAttribute('data-type') === 'num';
      rows.sort(function (a, c) {
        var x = a.cells[col].getAttribute('data-v'), y = c.cells[col].getAttribute('data-v');
        if (x === y) return 0;
        if (x === '') return 1;
        if (y === '') return -1;
        return dir * (num ? Number(x) - Number(y) : collator.compare(x, y));
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  apply();
  // print the item list too
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) { d.open = true; });
  });
})();`;

const SCRIPT_HASH = createHash('sha256').update(SCRIPT, 'utf8').digest('base64');
const CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src data:; base-uri 'none'; form-action 'none'`;

export async function renderReport(m: ReportModel, opts: RenderOptions = {}): Promise<string> {
  const title = opts.title?.trim() || DEFAULT_TITLE;
  const when = formatWhen(opts.generatedAt ?? new Date());
  const top = m.items.slice(0, opts.topItems ?? 20);
  const sections = m.sections.filter((s) => s.entries > 0);
  const data: BarDatum[][] = [
    top.map((i) => ({ label: i.label, value: i.documents })),
    sections.map((s) => ({ label: s.label, value: s.entries })),
    m.scoreBins.map((b) => ({ label: b.label, value: b.count })),
    m.levels.map((l) => ({ label: l.label, value: l.count })),
  ];
  const specs = [
    horizontalBars(data[0]!, { axisTitle: 'จำนวนเอกสารที่อ้างถึง' }),
    horizontalBars(data[1]!, { axisTitle: 'จำนวนรายการ', width: 560, labelLimit: 600 }),
    verticalBars(data[2]!, { axisTitle: 'ช่วงคะแนน', valueTitle: 'จำนวนหน่วยงาน-ปี' }),
    verticalBars(data[3]!, { axisTitle: 'ระดับ', valueTitle: 'จำนวนหน่วยงาน-ปี', color: '#5a8f4e' }),
  ];
  const wanted = specs.map((_, i) => i).filter((i) => data[i]!.length > 0);
  const drawn = await renderSvg(wanted.map((i) => specs[i]!));
  const svgOf = (i: number) => {
    const k = wanted.indexOf(i);
    return k < 0 ? null : drawn[k]!;
  };
  const t = m.totals;
  const card = (id: string, v: string, k: string) => `<li id="${id}"><span class="v">${v}</span><span class="k">${k}</span></li>`;
  const inputs = opts.inputs ?? [];
  const skipped = inputs.reduce((a, i) => a + i.invalid, 0);

  return `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="ita-extract report">
<title>${e(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header>
  <h1>${e(title)}</h1>
  <p class="meta">สร้างเมื่อ <time datetime="${e(when.iso)}">${e(when.text)}</time> · จากเอกสาร ${t.records} ฉบับ</p>
</header>
<ul class="cards">
  ${card('t-records', String(t.records), 'เอกสาร')}
  ${card('t-ok', String(t.ok), 'อ่านสำเร็จ')}
  ${card('t-error', String(t.error), 'อ่านไม่สำเร็จ')}
  ${card('t-orgs', String(t.organisations), 'หน่วยงาน')}
  ${card('t-entries', String(t.entries), 'รายการทั้งหมด')}
  ${card('t-weak', String(t.weaknessEntries), 'รายการที่อ้างข้อคำถาม')}
  ${card('t-mean', formatScore(t.meanScore), `คะแนนเฉลี่ย (${t.scored} หน่วยงาน-ปี)`)}
</ul>
<div class="charts">
${figure(
  'chart-items',
  'ข้อคำถามที่ถูกอ้างถึงเป็นจุดอ่อนบ่อยที่สุด',
  `นับจำนวนเอกสารที่อ้างถึงข้อคำถามในส่วนแรกของรายงาน (ส่วนการวิเคราะห์ หรือมาตรการ/ผลการดำเนินงานเมื่อมีส่วนเดียว) แยกตามปีการประเมิน ITA เพราะเลขข้อเปลี่ยนความหมายในแต่ละปี${m.items.length > top.length ? ` · แสดง ${top.length} จาก ${m.items.length} ข้อ` : ''}`,
  svgOf(0),
)}
${figure('chart-sections', 'ประเด็นที่ถูกอ้างถึงบ่อยที่สุด', 'จำนวนรายการ (แถวหรือย่อหน้า) ในส่วนแรกของรายงาน ตามประเด็นทั้ง 7', svgOf(1))}
${figure('chart-scores', 'การกระจายของคะแนน ITA', `คะแนนรวมตามที่รายงานระบุ ช่วงละ 5 คะแนน นับหนึ่งครั้งต่อหน่วยงานต่อปี (${t.scored} หน่วยงาน-ปี)`, svgOf(2))}
${figure('chart-levels', 'ระดับผลการประเมิน', 'นับหนึ่งครั้งต่อหน่วยงานต่อปี', svgOf(3))}
</div>
${itemTable(m.items)}
${orgTable(m)}
${errorSection(m)}
<footer>
  <p>สร้างโดย ita-extract · เอกสาร ${t.records} ฉบับ${t.duplicates ? ` (ตัดเอกสารซ้ำ ${t.duplicates} ฉบับ)` : ''}${skipped ? ` · ข้ามบรรทัดที่อ่านไม่ได้ ${skipped} บรรทัด` : ''}${t.ignored ? ` · ข้ามค่าที่ไม่ใช่ระเบียน ${t.ignored} ค่า` : ''}</p>
  ${inputs.length ? `<ul>${inputs.map((i) => `<li><span class="path">${e(i.name)}</span>: ${i.records} ระเบียน${i.invalid ? `, ${i.invalid} บรรทัดอ่านไม่ได้` : ''}</li>`).join('')}</ul>` : ''}
</footer>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
