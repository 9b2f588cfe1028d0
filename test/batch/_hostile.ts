/**
 * The hostile inputs, made on the spot: what each file is and what its
 * record(s) may say. Used by hostile.test.ts and by bench/batch.ts.
 */
import { tmpdir } from 'node:os';
import { readCorpus } from '../_support/variants.js';
import { pdf } from './_pdf.js';
import { cp874, zip } from './_zip.js';

export type Code = 'ok' | 'EMPTY_INPUT' | 'UNSUPPORTED_FORMAT' | 'CORRUPT_FILE' | 'ENCRYPTED_PDF' | 'TOO_LARGE' | 'READ_FAILED' | 'UNSAFE_ARCHIVE_ENTRY' | 'NOT_ITA_REPORT' | 'TIMEOUT';

const ITA = readCorpus('003_592d1508f0de56c3');
const THAI_NEWS =
  'กรุงเทพมหานครแจ้งปิดการจราจรบางช่วงบนถนนพระรามที่ ๔ เพื่อซ่อมแซมท่อระบายน้ำ ระหว่างวันที่ ๑ – ๑๕ มีนาคม ๒๕๖๗\n' +
  'ขอให้ผู้ใช้รถใช้ถนนหลีกเลี่ยงเส้นทางดังกล่าว และติดตามประกาศจากสำนักการโยธาเป็นระยะ\n' +
  'ทั้งนี้ ฝนที่ตกหนักในช่วงสัปดาห์ที่ผ่านมาทำให้เกิดน้ำท่วมขังในหลายพื้นที่ของเขตคลองเตยและเขตปทุมวัน\n';
const THAI_TABLE_HTML = `<html><body><h1>ประกาศผลผู้ชนะการเสนอราคา</h1><table><tr><th>ลำดับ</th><th>รายการ</th><th>ผู้ชนะ</th><th>ราคา (บาท)</th></tr>${Array.from(
  { length: 40 },
  (_, i) => `<tr><td>${i + 1}</td><td>จัดซื้อวัสดุสำนักงาน ชุดที่ ${i + 1}</td><td>ห้างหุ้นส่วนจำกัด ตัวอย่างการค้า</td><td>${(i + 1) * 1250}.00</td></tr>`,
).join('')}</table></body></html>`;
const ENGLISH = 'Minutes of the annual meeting of the sports committee.\nAttendance: 12 members.\n\n1. The budget for 2024 was approved.\n2. The next meeting is on 3 March 2025.\n';

export const evilName = `ita-hostile-evil-${process.pid}-${Date.now().toString(36)}.txt`;

/** Seeded noise (mulberry32), so every run sees the same "random" files. */
function randomBytes(n: number, seed = n): Buffer {
  let a = seed >>> 0;
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}
const zeros = (n: number) => new Uint8Array(n);

/** Every file of the hostile folder, and what its record(s) may say. */
export function hostileFiles(): Array<{ name: string; data: Uint8Array | string; expect: Record<string, Code[]> | Code[] }> {
  const onePage = pdf({ pages: ['Quarterly report of the water works office'] });
  return [
    { name: '01-empty.pdf', data: '', expect: ['EMPTY_INPUT'] },
    { name: '02-empty.txt', data: '', expect: ['EMPTY_INPUT'] },
    { name: '03-blank.md', data: ' \n\t\n   \n', expect: ['EMPTY_INPUT'] },
    { name: '04-random.pdf', data: randomBytes(64 * 1024), expect: ['CORRUPT_FILE'] },
    { name: '05-random.docx', data: randomBytes(16 * 1024, 5), expect: ['CORRUPT_FILE'] },
    // noise decoded as CP874 holds "E9", "i๔": bare codes are not evidence of an ITA report
    { name: '06-random.txt', data: randomBytes(16 * 1024, 6), expect: ['NOT_ITA_REPORT'] },
    { name: '07-random.html', data: randomBytes(16 * 1024, 7), expect: ['NOT_ITA_REPORT'] },
    { name: '08-truncated-100-bytes.pdf', data: onePage.subarray(0, 100), expect: ['CORRUPT_FILE'] },
    { name: '09-truncated-half.pdf', data: onePage.subarray(0, onePage.length >> 1), expect: ['CORRUPT_FILE', 'NOT_ITA_REPORT', 'EMPTY_INPUT'] },
    { name: '10-header-then-junk.pdf', data: Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(8192)]), expect: ['CORRUPT_FILE'] },
    { name: '11-zero-pages.pdf', data: pdf({ pages: [] }), expect: ['EMPTY_INPUT', 'CORRUPT_FILE'] },
    { name: '12-encrypted.pdf', data: pdf({ pages: ['secret'], encrypted: true }), expect: ['ENCRYPTED_PDF'] },
    { name: '13-blank-image-only.pdf', data: pdf({ pages: [''], imageOnly: true }), expect: ['EMPTY_INPUT', 'NOT_ITA_REPORT'] },
    { name: '14-english.pdf', data: onePage, expect: ['NOT_ITA_REPORT'] },
    { name: '15-2000-pages.pdf', data: pdf({ pages: 2000 }), expect: ['EMPTY_INPUT', 'NOT_ITA_REPORT'] },
    { name: '16-html-named.pdf', data: `<html><body><p>${ITA}</p></body></html>`, expect: ['CORRUPT_FILE'] },
    { name: '17-text-renamed.docx', data: ITA, expect: ['CORRUPT_FILE'] },
    { name: '18-zip-of-junk.docx', data: zip([{ name: 'junk.bin', data: randomBytes(4096) }, { name: 'more/junk.txt', data: 'nothing' }]), expect: ['CORRUPT_FILE'] },
    { name: '19-bad-xml.docx', data: zip([{ name: '[Content_Types].xml', data: '<Types' }, { name: 'word/document.xml', data: '<w:document><w:body><w:p>' }]), expect: ['CORRUPT_FILE', 'EMPTY_INPUT'] },
    { name: '20-huge-50mb.html', data: `<html><body>${'<p>ข้อความภาษาไทยที่ไม่เกี่ยวข้องกับการประเมิน lorem ipsum</p>\n'.repeat(660_000)}</body></html>`, expect: ['NOT_ITA_REPORT', 'TOO_LARGE'] },
    { name: '21-nested-tables.html', data: `<html><body>${'<table><tr><td>'.repeat(20_000)}ข้อ${'</td></tr></table>'.repeat(20_000)}</body></html>`, expect: ['NOT_ITA_REPORT'] },
    { name: '22-unclosed-nesting.html', data: `<html><body>${'<table><tr><td><div>'.repeat(40_000)}ข้อความ`, expect: ['NOT_ITA_REPORT'] },
    { name: '23-wide-table.html', data: `<table><tr>${'<td>หัวข้อ</td>'.repeat(20_000)}</tr><tr>${'<td>x</td>'.repeat(20_000)}</tr></table>`, expect: ['NOT_ITA_REPORT'] },
    { name: '24-thai-news.txt', data: THAI_NEWS, expect: ['NOT_ITA_REPORT'] },
    { name: '25-thai-procurement.html', data: THAI_TABLE_HTML, expect: ['NOT_ITA_REPORT'] },
    { name: '26-thai-news-cp874.txt', data: cp874(THAI_NEWS.replace(/–/g, '-')), expect: ['NOT_ITA_REPORT'] },
    { name: '27-english.txt', data: ENGLISH, expect: ['NOT_ITA_REPORT'] },
    { name: '28-english.md', data: `# Annual report\n\n| item | value |\n|---|---|\n| budget | 1,200 |\n\n${ENGLISH}`, expect: ['NOT_ITA_REPORT'] },
    { name: '29-utf16.txt', data: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(THAI_NEWS, 'utf16le')]), expect: ['NOT_ITA_REPORT'] },
    { name: '30-nul-bytes.txt', data: zeros(1 << 20), expect: ['NOT_ITA_REPORT', 'EMPTY_INPUT'] },
    { name: '31-one-long-line.txt', data: 'ข้อความยาวมากไม่มีการขึ้นบรรทัดใหม่ '.repeat(150_000), expect: ['NOT_ITA_REPORT'] },
    { name: '32-title-only.txt', data: 'รายงานผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ\n', expect: ['ok'] },
    { name: '33-script-only.html', data: `<html><head><script>${'var x = 1;\n'.repeat(1000)}</script><style>p{}</style></head><body></body></html>`, expect: ['EMPTY_INPUT', 'NOT_ITA_REPORT'] },
    { name: '34-random.zip', data: randomBytes(4096), expect: ['CORRUPT_FILE'] },
    { name: '35-empty.zip', data: zip([]), expect: ['EMPTY_INPUT'] },
    {
      name: '36-zip-slip.zip',
      data: zip([
        { name: `../${evilName}`, data: 'pwned' },
        { name: `a/../../${evilName}`, data: 'pwned' },
        { name: `${tmpdir()}/${evilName}`, data: 'pwned' },
        { name: 'report.txt', data: ITA },
      ]),
      expect: {
        [`36-zip-slip.zip!/../${evilName}`]: ['UNSAFE_ARCHIVE_ENTRY'],
        [`36-zip-slip.zip!/a/../../${evilName}`]: ['UNSAFE_ARCHIVE_ENTRY'],
        [`36-zip-slip.zip!/${tmpdir()}/${evilName}`]: ['UNSAFE_ARCHIVE_ENTRY'],
        '36-zip-slip.zip!/report.txt': ['ok'],
      },
    },
    {
      name: '37-zip-bomb.zip',
      data: zip([
        { name: 'bomb.txt', data: zeros(40 * 2 ** 20) },
        { name: 'liar.txt', data: zeros(20 * 2 ** 20), declaredSize: 1000 },
        { name: 'huge.html', data: 'x', declaredSize: 300 * 2 ** 20 },
      ]),
      expect: { '37-zip-bomb.zip!/bomb.txt': ['TOO_LARGE'], '37-zip-bomb.zip!/liar.txt': ['CORRUPT_FILE', 'TOO_LARGE'], '37-zip-bomb.zip!/huge.html': ['TOO_LARGE'] },
    },
    {
      name: '38-zip-in-zip.zip',
      data: zip([
        { name: 'inner.zip', data: zip([{ name: 'รายงาน.txt', data: ITA }, { name: 'deeper.zip', data: zip([{ name: 'x.txt', data: ITA }]) }]) },
        { name: cp874('มาตรการ.txt'), data: ITA },
      ]),
      expect: { '38-zip-in-zip.zip!/inner.zip!/รายงาน.txt': ['ok'], '38-zip-in-zip.zip!/inner.zip!/deeper.zip': ['UNSUPPORTED_FORMAT'], '38-zip-in-zip.zip!/มาตรการ.txt': ['ok'] },
    },
  ];
}

