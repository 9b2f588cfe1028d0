import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, sniffFormat } from '../../src/readers/sniff.js';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/**
 * TIS-620 / Windows-874 bytes of a string of ASCII and Thai: the Thai block
 * U+0E01–U+0E5B sits at 0xA1–0xFB (ก = 0xA1, ๙ = 0xF9), U+0E3B–U+0E3E are
 * unassigned.
 */
function tis620(s: string): Uint8Array {
  return Uint8Array.from(s, (ch) => {
    const c = ch.charCodeAt(0);
    if (c < 0x80) return c;
    if (c >= 0x0e01 && c <= 0x0e5b && !(c >= 0x0e3b && c <= 0x0e3e)) return c - 0x0e01 + 0xa1;
    throw new Error(`not encodable in TIS-620: U+${c.toString(16)}`);
  });
}

describe('sniffFormat: by bytes', () => {
  it('knows a PDF by %PDF-, whatever the name says', () => {
    expect(sniffFormat(ascii('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBe('pdf');
    expect(sniffFormat(ascii('%PDF-1.4'), 'report.docx')).toBe('pdf');
    expect(sniffFormat(ascii('%PDF-1.4'), 'report.txt')).toBe('pdf');
  });

  it('finds %PDF- after junk within the first 1024 bytes, not after', () => {
    expect(sniffFormat(concat(new Uint8Array(100).fill(0x20), ascii('%PDF-1.5')))).toBe('pdf');
    expect(sniffFormat(concat(new Uint8Array(1019).fill(0x0a), ascii('%PDF-1.5')))).toBe('pdf');
    expect(sniffFormat(concat(new Uint8Array(1020).fill(0x0a), ascii('%PDF-1.5')))).toBeNull();
  });

  it('knows a DOCX (a ZIP) by PK\\x03\\x04, whatever the name says', () => {
    const zip = Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00);
    expect(sniffFormat(zip)).toBe('docx');
    expect(sniffFormat(zip, 'report.txt')).toBe('docx');
    expect(sniffFormat(zip, 'ไฟล์.html')).toBe('docx');
  });

  it('does not take other PK records or a truncated signature for a DOCX', () => {
    expect(sniffFormat(Uint8Array.of(0x50, 0x4b, 0x05, 0x06))).toBeNull();
    expect(sniffFormat(Uint8Array.of(0x50, 0x4b, 0x03))).toBeNull();
    expect(sniffFormat(new Uint8Array())).toBeNull();
  });
});

describe('sniffFormat: by name', () => {
  it.each([
    ['report.pdf', 'pdf'],
    ['REPORT.PDF', 'pdf'],
    ['ita.docx', 'docx'],
    ['page.html', 'html'],
    ['page.HTM', 'html'],
    ['page.xhtml', 'html'],
    ['notes.md', 'markdown'],
    ['notes.markdown', 'markdown'],
    ['corpus/000_12d03613c0e47b57.txt', 'text'],
    ['data.text', 'text'],
    ['table.tsv', 'text'],
    ['archive.zip!/2567/รายงาน.pdf', 'pdf'],
  ] as const)('%s → %s', (name, format) => {
    expect(sniffFormat(utf8('รายงานผลการดำเนินการ'), name)).toBe(format);
  });

  it('gives null for unknown or missing extensions when the content does not tell', () => {
    expect(sniffFormat(utf8('รายงานผลการดำเนินการ'), 'report.doc')).toBeNull();
    expect(sniffFormat(utf8('รายงานผลการดำเนินการ'), 'README')).toBeNull();
    expect(sniffFormat(utf8('รายงานผลการดำเนินการ'))).toBeNull();
    expect(sniffFormat(utf8('รายงานผลการดำเนินการ'), null)).toBeNull();
  });

  it('prefers the name over the content for text formats', () => {
    expect(sniffFormat(utf8('<html><body>x</body></html>'), 'page.txt')).toBe('text');
    expect(sniffFormat(utf8('## หัวข้อ'), 'x.html')).toBe('html');
  });
});

describe('sniffFormat: by content, without a usable name', () => {
  it('knows HTML by its first tag, after a BOM or whitespace', () => {
    expect(sniffFormat(utf8('<!DOCTYPE html><html><body></body></html>'))).toBe('html');
    expect(sniffFormat(utf8('\uFEFF<!doctype HTML>\n<html>'))).toBe('html');
    expect(sniffFormat(utf8('  \n<HTML lang="th">'))).toBe('html');
    expect(sniffFormat(utf8('<table><tr><td>ก</td></tr></table>'), 'x.bin')).toBe('html');
    expect(sniffFormat(utf8('<p>ข้อความ</p>'))).toBe('html');
    expect(sniffFormat(utf8('<h2>ประเด็นที่ ๑</h2>'))).toBe('html');
  });

  it('knows Markdown by a # heading or a ** line', () => {
    expect(sniffFormat(utf8('## ประเด็นที่ ๒ การให้บริการและระบบ E-Service'))).toBe('markdown');
    expect(sniffFormat(utf8('\n\n**รายงานผลการดำเนินการ**\nข้อความ'))).toBe('markdown');
    expect(sniffFormat(utf8('ข้อความ\n# หัวข้อ'))).toBe('markdown');
  });

  it('does not take a hashtag or a tag-like word for markup', () => {
    expect(sniffFormat(utf8('#ITA2567 ข้อความ'))).toBeNull();
    expect(sniffFormat(utf8('<paragraph> ไม่ใช่ HTML'))).toBeNull();
  });
});

describe('decodeText', () => {
  const thai = 'รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส ประจำปี พ.ศ. ๒๕๖๘ (ITA) ข้อ 1๓ ได้คะแนน ๙๑.๑๘';

  it('decodes UTF-8', () => {
    expect(decodeText(utf8(thai))).toBe(thai);
    expect(decodeText(utf8(''))).toBe('');
  });

  it('decodes UTF-8 with a BOM, dropping the BOM', () => {
    expect(decodeText(concat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8(thai)))).toBe(thai);
  });

  it('decodes TIS-620 / Windows-874 bytes of Thai', () => {
    const bytes = tis620(thai);
    expect(bytes[0]).toBe(0xc3); // ร = U+0E23
    expect(decodeText(bytes)).toBe(thai);
    expect(decodeText(Uint8Array.of(0xa1, 0xa2, 0xce, 0xd0, 0xe0, 0xf0, 0xf9))).toBe('กขฮะเ๐๙');
  });

  it('decodes every Thai character from TIS-620', () => {
    let all = '';
    for (let c = 0x0e01; c <= 0x0e5b; c++) if (c < 0x0e3b || c > 0x0e3e) all += String.fromCharCode(c);
    expect(decodeText(tis620(all))).toBe(all);
  });

  it('decodes a corpus text re-encoded as TIS-620', () => {
    const text = readFileSync(new URL('../../fixtures/corpus/004_d0cc15d3996b9fea.txt', import.meta.url), 'utf8');
    // the lines made only of ASCII and Thai (all of them but a few with dashes or quotes)
    const encodable = text.split('\n').filter((l) => /^[\x00-\x7f\u0e01-\u0e3a\u0e3f-\u0e5b]*$/.test(l));
    expect(encodable.length).toBeGreaterThan(50);
    const sample = encodable.join('\n');
    expect(decodeText(tis620(sample))).toBe(sample);
  });

  it('decodes Windows-874 punctuation (0x80–0x9F) as Windows-874', () => {
    // € … ‘ ’ “ ” – — around Thai
    const bytes = Uint8Array.of(0x80, 0x20, 0xa1, 0x85, 0x91, 0xa1, 0x92, 0x93, 0xa1, 0x94, 0x96, 0x97);
    expect(decodeText(bytes)).toBe('€ ก…‘ก’“ก”–—');
  });

  /** Any code point but a lone surrogate, Thai and the BOM often. */
  const codePoint = fc
    .oneof(
      fc.integer({ min: 0x0e00, max: 0x0e7f }),
      fc.constant(0xfeff),
      fc.integer({ min: 0, max: 0xd7ff }),
      fc.integer({ min: 0xe000, max: 0x10ffff }),
    )
    .map((c) => String.fromCodePoint(c));

  it('round-trips any UTF-8 text (a leading BOM aside)', () => {
    fc.assert(
      fc.property(fc.string({ unit: codePoint, maxLength: 200 }), (s) => {
        const expected = s.startsWith('\uFEFF') ? s.slice(1) : s;
        return decodeText(utf8(s)) === expected;
      }),
      { numRuns: 200 },
    );
  });
});
