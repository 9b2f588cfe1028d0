/**
 * Synthetic variants of the corpus texts, for robustness tests: each function
 * changes the form of a report (spelling of headings, column order, digits,
 * whitespace, markup) but not its content, so a robust extractor gives the
 * same entries for the variant as for the original. The generators know
 * nothing of the library; they work on the text lines only.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ItaDocument } from '../../src/model/schema.js';

export const CORPUS_DIR = fileURLToPath(new URL('../../fixtures/corpus/', import.meta.url));
export const EXPECTED_DIR = fileURLToPath(new URL('../../fixtures/expected/', import.meta.url));

export const CORPUS_STEMS = [
  '000_12d03613c0e47b57',
  '001_52975bb7fc874981',
  '003_592d1508f0de56c3',
  '004_d0cc15d3996b9fea',
] as const;
export type CorpusStem = (typeof CORPUS_STEMS)[number];

export function corpusPath(stem: CorpusStem): string {
  return `${CORPUS_DIR}${stem}.txt`;
}

export function readCorpus(stem: CorpusStem): string {
  return readFileSync(corpusPath(stem), 'utf8');
}

export interface ExpectedFile {
  file: string;
  title: string | null;
  organization: { name: string; kind: string; district: string | null; province: string | null } | null;
  fiscalYear: number | null;
  sections: number[];
  entries: Array<{ kind: string; section: number | null; itemCodes: string[] }>;
}

export function readExpected(stem: CorpusStem): ExpectedFile {
  return JSON.parse(readFileSync(`${EXPECTED_DIR}${stem}.expected.json`, 'utf8')) as ExpectedFile;
}

// ---- randomness ----------------------------------------------------------------

/** A small seeded PRNG (mulberry32): variants are the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(random: () => number, n: number): number {
  return Math.floor(random() * n);
}

// ---- lines -----------------------------------------------------------------------

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function isTableLine(line: string): boolean {
  return line.includes('\t');
}

const HEADING_NUMBER = /^(?:\*\*|#{1,6}\s+)?(?:\(([๑-๗1-7])\)|ประเด็นที่\s*([๑-๗1-7]))\s+/;

/** Lines that are one of the seven-issue headings ("(๑) …", "ประเด็นที่ ๑ …", with ** or ## markup). */
export function sectionHeadingLines(text: string): number[] {
  const out: number[] = [];
  splitLines(text).forEach((line, i) => {
    if (!isTableLine(line) && HEADING_NUMBER.test(line)) out.push(i);
  });
  return out;
}

/** The issue number a heading line states (1–7), or null for other lines. */
export function headingNumber(line: string): number | null {
  if (isTableLine(line)) return null;
  const m = HEADING_NUMBER.exec(line);
  const d = m?.[1] ?? m?.[2];
  if (!d) return null;
  return /[๐-๙]/.test(d) ? d.charCodeAt(0) - 0x0e50 : Number(d);
}

const THAI_CONSONANTS = [...'กขคฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ'];

/**
 * (a) Each section heading with 1–2 Thai consonants of its title (not of its
 * number) replaced by other consonants.
 */
export function misspellHeadings(text: string, seed: number): { text: string; changed: string[] } {
  const random = rng(seed);
  const lines = splitLines(text);
  const changed: string[] = [];
  for (const i of sectionHeadingLines(text)) {
    const line = lines[i]!;
    const prefix = HEADING_NUMBER.exec(line)![0].length;
    const chars = [...line];
    // code-point offsets of the consonants in the title part
    let offset = 0;
    const candidates: number[] = [];
    chars.forEach((ch, k) => {
      if (offset >= prefix && THAI_CONSONANTS.includes(ch)) candidates.push(k);
      offset += ch.length;
    });
    const count = 1 + pick(random, 2);
    for (let c = 0; c < count && candidates.length > 0; c++) {
      const at = candidates.splice(pick(random, candidates.length), 1)[0]!;
      const old = chars[at]!;
      let repl = old;
      while (repl === old) repl = THAI_CONSONANTS[pick(random, THAI_CONSONANTS.length)]!;
      chars[at] = repl;
    }
    lines[i] = chars.join('');
    changed.push(lines[i]!);
  }
  return { text: lines.join('\n'), changed };
}

/** (b) The text without line `index` (0-based). */
export function deleteLine(text: string, index: number): string {
  const lines = splitLines(text);
  lines.splice(index, 1);
  return lines.join('\n');
}

/** A permutation of 0..n-1 that moves every column (a seeded shuffle, retried until no fixed point). */
export function derangement(n: number, seed: number): number[] {
  const random = rng(seed);
  for (;;) {
    const p = [...Array(n).keys()];
    for (let i = n - 1; i > 0; i--) {
      const j = pick(random, i + 1);
      [p[i], p[j]] = [p[j]!, p[i]!];
    }
    if (n < 2 || p.every((v, i) => v !== i)) return p;
  }
}

/**
 * (c) Every table line's tab-separated cells permuted, the same permutation
 * for every line with the same number of cells (so headers and rows agree).
 */
export function permuteColumns(text: string, seed: number): string {
  const perms = new Map<number, number[]>();
  return splitLines(text)
    .map((line) => {
      if (!isTableLine(line)) return line;
      const cells = line.split('\t');
      let p = perms.get(cells.length);
      if (!p) {
        p = derangement(cells.length, seed + cells.length);
        perms.set(cells.length, p);
      }
      return p.map((k) => cells[k]!).join('\t');
    })
    .join('\n');
}

/**
 * (d) Thai digits replaced by Arabic ones, except an Arabic "1" directly
 * followed by Thai digits ("1๓"): that "1" is an OCR-read Latin I, and
 * "13" would be a different, valid item number, so such a run is left as it is.
 */
export function arabicDigits(text: string): string {
  const keep = /(?<![0-9๐-๙])1[๐-๙]+/g;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(keep)) {
    out += toArabic(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + toArabic(text.slice(last));
}

function toArabic(s: string): string {
  return s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
}

export interface WhitespaceOptions {
  doubleSpaces?: boolean;
  trailingSpaces?: boolean;
  blankLinesBetweenRows?: boolean;
  crlf?: boolean;
}

/** (e) The same text with more whitespace. */
export function addWhitespace(text: string, o: WhitespaceOptions): string {
  let lines = splitLines(text);
  if (o.doubleSpaces) lines = lines.map((l) => l.replace(/ /g, '  '));
  if (o.trailingSpaces) lines = lines.map((l, i) => l + ' '.repeat(1 + (i % 3)));
  if (o.blankLinesBetweenRows) {
    const out: string[] = [];
    lines.forEach((l, i) => {
      out.push(l);
      if (isTableLine(l) && isTableLine(lines[i + 1] ?? '')) out.push('');
    });
    lines = out;
  }
  return lines.join(o.crlf ? '\r\n' : '\n');
}

/**
 * (f) The document as an HTML page: `## …` → <h2>, `**…**` → a bold <p>,
 * other lines → <p>, each run of tab lines (a table between blank lines) →
 * <table> with one <tr> per line and one <td> per cell (cell markup such as
 * <p>, <b> and &amp; kept), `-----` → <hr>.
 */
export function toHtml(text: string, options: { mergeTables?: boolean } = {}): string {
  const out: string[] = ['<!DOCTYPE html>', '<html><head><meta charset="utf-8"><title>ITA</title></head><body>'];
  let inTable = false;
  let pendingBlank = false;
  for (const line of splitLines(text)) {
    if (line.trim() === '') {
      pendingBlank = true;
      continue;
    }
    if (isTableLine(line)) {
      if (inTable && pendingBlank && !options.mergeTables) {
        out.push('</table>');
        inTable = false;
      }
      if (!inTable) out.push('<table>');
      inTable = true;
      out.push(`<tr>${line.split('\t').map((c) => `<td>${c}</td>`).join('')}</tr>`);
      pendingBlank = false;
      continue;
    }
    if (inTable) out.push('</table>');
    inTable = false;
    pendingBlank = false;
    const t = line.trim();
    const md = /^##\s+(.*)$/.exec(t);
    const bold = /^\*\*(.*)\*\*$/.exec(t);
    if (md) out.push(`<h2>${md[1]}</h2>`);
    else if (bold) out.push(`<p><b>${bold[1]}</b></p>`);
    else if (/^-{3,}$/.test(t)) out.push('<hr>');
    else out.push(`<p>${t}</p>`);
  }
  if (inTable) out.push('</table>');
  out.push('</body></html>');
  return out.join('\n');
}

// ---- comparison -------------------------------------------------------------------

/** What must not change between a document and its variant. */
export function entriesView(doc: ItaDocument) {
  return doc.entries.map((e) => ({
    kind: e.kind,
    part: e.part,
    section: e.section,
    seq: e.seq,
    codes: e.itemCodes.map((c) => c.code),
    score: e.score,
    periods: e.periods.map((p) => [p.start, p.end]),
    responsible: e.responsible,
  }));
}

export function headerView(doc: ItaDocument) {
  return {
    status: doc.status,
    title: doc.title,
    organization: doc.organization,
    fiscalYear: doc.fiscalYear,
    assessment: { year: doc.assessment.year, overallScore: doc.assessment.overallScore, level: doc.assessment.level },
    sections: doc.sections.map((s) => s.number),
  };
}
