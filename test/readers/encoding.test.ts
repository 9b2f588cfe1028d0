/**
 * Text in the encodings Windows writes: Word's "Unicode text" is UTF-16LE
 * with a byte-order mark (BE on some tools), Notepad's UTF-8 has a BOM, and
 * old Thai pages are Windows-874 with a <meta charset>.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract.js';
import { decodeHtml, decodeText, sniffFormat } from '../../src/readers/sniff.js';

const CORPUS = 'fixtures/corpus/001_52975bb7fc874981.txt';
const utf8 = readFileSync(CORPUS, 'utf8');

function utf16le(s: string, bom = true): Uint8Array {
  return new Uint8Array(Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(s, 'utf16le')]));
}
function utf16be(s: string, bom = true): Uint8Array {
  return new Uint8Array(Buffer.from(utf16le(s, bom)).swap16());
}
/** Windows-874 bytes of ASCII and Thai (ก = 0xA1 … ๙ = 0xF9). */
function tis620(s: string): Uint8Array {
  return Uint8Array.from(s, (ch) => {
    const c = ch.charCodeAt(0);
    return c < 0x80 ? c : c - 0x0e01 + 0xa1;
  });
}

const facts = (d: Awaited<ReturnType<typeof extract>>) => ({
  status: d.status,
  organization: d.organization?.name,
  fiscalYear: d.fiscalYear?.be,
  entries: d.entries.map((e) => [e.itemCodes.map((c) => c.raw).join(','), e.text]),
});

describe('UTF-16 and BOMs', () => {
  it('decodes UTF-8, UTF-16LE and UTF-16BE by their byte-order marks', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('รายงาน')]))).toBe('รายงาน');
    expect(decodeText(utf16le('รายงาน ITA\r\n'))).toBe('รายงาน ITA\r\n');
    expect(decodeText(utf16be('รายงาน ITA\r\n'))).toBe('รายงาน ITA\r\n');
  });

  it('recognises UTF-16 without a BOM by its NUL bytes, and leaves UTF-8 and Windows-874 alone', () => {
    const line = 'ข้อ ๑ การเปิดเผยข้อมูล\tเร่งรัด 1 ต.ค. 2566\r\n'.repeat(20);
    expect(decodeText(utf16le(line, false))).toBe(line);
    expect(decodeText(utf16be(line, false))).toBe(line);
    expect(decodeText(new TextEncoder().encode(line))).toBe(line);
    expect(decodeText(tis620(line))).toBe(line);
  });

  it('a corpus text saved as UTF-16LE or UTF-16BE (with BOM, or LE without) extracts as the UTF-8 one does', async () => {
    const want = facts(await extract(new TextEncoder().encode(utf8), { fileName: 'r.txt' }));
    expect(want.status).toBe('ok');
    expect(want.entries.length).toBeGreaterThan(3);
    for (const bytes of [utf16le(utf8), utf16be(utf8), utf16le(utf8, false)]) {
      expect(facts(await extract(bytes, { fileName: 'r.txt' }))).toEqual(want);
    }
    // without a name too: the format is sniffed from the decoded text
    expect(sniffFormat(utf16le('<html><body><p>x</p></body></html>'))).toBe('html');
  });

  it('HTML: a UTF-16 BOM, and a declared Windows-874/TIS-620 charset', () => {
    const page = '<html><head><meta charset="tis-620"></head><body><p>แผนส่งเสริมคุณธรรม</p></body></html>';
    expect(decodeHtml(utf16le(page))).toBe(page);
    expect(decodeHtml(tis620(page))).toBe(page);
    const meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-874"><p>การประเมิน</p>';
    expect(decodeHtml(tis620(meta))).toBe(meta);
  });
});
