/**
 * Digits on scans: the number repair with the trained digit net against the
 * glyph templates it replaced, from one OCR pass (Tesseract's words are
 * cached per image, so the second recogniser costs no OCR).
 *
 *   npx tsx bench/ocr-digits.ts --dir DIR [--files 000,001] [--cache DIR] [--workers N] [--recogniser net] [--verbose]
 *
 * DIR holds NAME.pdf scans with NAME.text.pdf (the text version the scan
 * was printed from: scripts/make-scan-fixtures.sh --bench) and/or
 * NAME.pN.txt truth texts (fixtures/scans). Per recogniser:
 * - header fields against extract() of the text version: fiscal year,
 *   assessment year, reporting period start and end, overall score: right,
 *   flagged (wrong or missing, with an OCR_NUMBER_UNCERTAIN, PERIOD_REVERSED
 *   or PERIOD_YEAR_IMPLAUSIBLE diagnostic naming what was read), missing, or
 *   wrong and unflagged;
 * - entries' periods (start..end multisets): found / text's, and wrong;
 * - digit CER and years (per file: a row continued across a page is joined to
 *   the page before): edit distance between the digit sequences (Thai and Arabic
 *   alike) of the OCR text and of the truth text, over the truth's digits.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { extract } from '../src/extract.js';
import type { ItaDocument } from '../src/model/schema.js';
import { type OcrEngine, createOcrEngine } from '../src/ocr/engine.js';
import { matched, pageTexts, yearsIn } from '../src/ocr/metrics.js';
import type { ReadOptions } from '../src/ocr/numbers.js';
import { ocrPdf } from '../src/ocr/pdf.js';
import type { GreyImage, OcrResult } from '../src/ocr/types.js';
import { toArabicDigits } from '../src/thai/digits.js';
import { matchEntriesByText } from './_scan-score.js';
import { imageKey, withRecognise } from './_engine.js';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const verbose = args.includes('--verbose');
const dir = opt('--dir') ?? new URL('../fixtures/scans/', import.meta.url).pathname;
const cacheDir = opt('--cache') ?? join(os.tmpdir(), 'ita-ocr-digits-cache');
const workers = Number(opt('--workers') ?? 1);
const only = opt('--files')?.split(',');
mkdirSync(cacheDir, { recursive: true });

/** The engine with its results kept on disk, keyed by the image's bytes and the options. */
function cached(engine: OcrEngine): OcrEngine & { readonly misses: number } {
  let misses = 0;
  const wrapped = withRecognise(engine, async (image, options) => {
    const file = join(cacheDir, `${imageKey(image, options)}.json`);
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as OcrResult;
    misses++;
    const r = await engine.recognise(image, options);
    writeFileSync(file, JSON.stringify(r));
    return r;
  });
  return Object.defineProperty(wrapped, 'misses', { get: () => misses }) as OcrEngine & { readonly misses: number };
}

type Verdict = 'right' | 'flagged' | 'missing' | 'wrong';
const be = (iso: string | null | undefined): number | null => (iso ? Number(iso.slice(0, 4)) + 543 : null);
const header = (d: ItaDocument): Record<string, number | null> => ({
  fiscalYear: d.fiscalYear?.be ?? null,
  assessmentYear: d.assessment.year,
  periodStart: be(d.reportingPeriod?.start),
  periodEnd: be(d.reportingPeriod?.end),
  overallScore: d.assessment.overallScore,
});
const levelOf = (d: ItaDocument): string | null => d.assessment.level;
const DOUBT = new Set(['OCR_NUMBER_UNCERTAIN', 'PERIOD_REVERSED', 'PERIOD_YEAR_IMPLAUSIBLE', 'SCORE_OUT_OF_RANGE']);

function verdict(got: number | null, want: number | null, doc: ItaDocument, isYear: boolean): Verdict | null {
  if (want === null) return null;
  if (got === want) return 'right';
  if (got === null) return 'missing';
  // flagged: a doubt whose reading (actual/expected) is the value shown (a year also as its last two digits)
  const said = doc.diagnostics
    .filter((x) => DOUBT.has(x.code))
    .flatMap((x) => [x.actual, x.expected])
    .filter((x): x is string => !!x)
    .map((x) => toArabicDigits(x));
  const shown = String(got);
  const named = said.some((s) =>
    isYear ? s.includes(shown) || s.replace(/[^0-9]/g, '') === shown.slice(2) : s.replace(/[^0-9.]/g, '') !== '' && Number(s.replace(/[^0-9.]/g, '')) === got,
  );
  return named ? 'flagged' : 'wrong';
}

const digitsOf = (s: string): string => toArabicDigits(s).replace(/[^0-9]/g, '');
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length] as number;
}

function zero(): Record<Verdict, number> {
  return { right: 0, flagged: 0, missing: 0, wrong: 0 };
}
/** A period's own doubts too: years placed from context, a range that lost one end (PERIOD_UNPARSED warning naming the part read). */
const PERIOD_DOUBT = new Set([...DOUBT, 'PERIOD_YEAR_FROM_CONTEXT', 'PERIOD_UNPARSED']);

/** Per text entry with periods: its periods right in the matched scan entry, or wrong but flagged there (a period doubt on its page naming its text), missing, or wrong. */
function entryPeriods(scan: ItaDocument, text: ItaDocument, into: Record<Verdict, number>, log: string[]): void {
  const key = (e: ItaDocument['entries'][number]) => e.periods.map((p) => `${p.start}..${p.end}`).sort().join(' ');
  const pairs = new Map(matchEntriesByText(text.entries, scan.entries));
  text.entries.forEach((e, i) => {
    if (e.periods.length === 0) return;
    const j = pairs.get(i);
    const s = j === undefined ? undefined : scan.entries[j];
    if (!s || s.periods.length === 0) {
      into.missing++;
      if (verbose) log.push(`  entry "${e.text.slice(0, 30)}": periods missing (text ${key(e)})${s ? ` in scan entry p${s.source.page}` : ', no scan entry'}`);
      return;
    }
    if (key(s) === key(e)) {
      into.right++;
      return;
    }
    const flagged = scan.diagnostics.some(
      (d) => PERIOD_DOUBT.has(d.code) && d.source?.page === s.source.page && s.periods.some((p) => d.message.includes(p.raw.slice(0, 40)) || (d.actual ?? '').includes(p.raw.slice(0, 40))),
    );
    into[flagged ? 'flagged' : 'wrong']++;
    if (verbose) log.push(`  entry p${s.source.page}: periods ${key(s)} (text ${key(e)}) from "${s.periods.map((p) => p.raw).join(' | ')}" ${flagged ? 'flagged' : 'unflagged'}`);
  });
}

/** Indicator scores of the text version against the scan's (by tool and indicator). */
function indicatorScores(scan: ItaDocument, text: ItaDocument, into: Record<Verdict, number>, log: string[]): void {
  for (const want of text.assessment.indicatorScores) {
    if (want.score === null) continue;
    const got = scan.assessment.indicatorScores.find((x) => x.indicator === want.indicator && x.tool === want.tool);
    const v: Verdict = !got || got.score === null ? 'missing' : (verdict(got.score, want.score, scan, false) ?? 'missing');
    into[v]++;
    if (v !== 'right' && verbose) log.push(`  indicator ${want.tool} ${want.indicator}: ${got?.score ?? null} (text ${want.score}) ${v}`);
  }
}

const files = readdirSync(dir)
  .filter((f) => /^[^.]+(-[a-z0-9]+)*\.pdf$/.test(f) && !f.endsWith('.text.pdf'))
  .map((f) => f.replace(/\.pdf$/, ''))
  .filter((s) => !only || only.includes(s))
  .sort();
const engine = cached(createOcrEngine({ workers }));
// --recogniser net: only the shipped recogniser (the templates cost no OCR, but a second extract per file)
const recognisers: Array<ReadOptions['recogniser']> = opt('--recogniser') ? [opt('--recogniser') as ReadOptions['recogniser']] : ['templates', 'net'];
interface Tot {
  fields: Record<string, Record<Verdict, number>>;
  perFound: number;
  perText: number;
  perOcr: number;
  /** Text entries (matched by text) whose periods are right / differ but are flagged / differ unflagged / have no match. */
  entryPer: Record<Verdict, number>;
  /** Indicator scores of the text version: right, flagged, missing, wrong. */
  indicators: Record<Verdict, number>;
  level: Record<Verdict, number>;
  digitErrs: number;
  digits: number;
  digitErrsRaw: number;
  years: number;
  yearsRight: number;
  yearsFlagged: number;
  yearsWrong: number;
}
const tot = new Map(recognisers.map((r) => [r, { fields: {}, entryPer: zero(), indicators: zero(), level: zero(), perFound: 0, perText: 0, perOcr: 0, digitErrs: 0, digits: 0, digitErrsRaw: 0, years: 0, yearsRight: 0, yearsFlagged: 0, yearsWrong: 0 } as Tot]));
try {
  for (const stem of files) {
    const scanBytes = new Uint8Array(readFileSync(join(dir, `${stem}.pdf`)));
    const textPdf = join(dir, `${stem}.text.pdf`);
    const text = existsSync(textPdf) ? await extract(new Uint8Array(readFileSync(textPdf)), { fileName: `${stem}.text.pdf`, ocr: 'never' }) : null;
    const truthPages = readdirSync(dir)
      .map((n) => new RegExp(`^${stem}\\.p(\\d+)\\.txt$`).exec(n))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]));
    for (const rec of recognisers) {
      const t = tot.get(rec) as Tot;
      const line: string[] = [`${stem} ${rec}:`];
      if (text) {
        const scan = await extract(scanBytes, { fileName: `${stem}.pdf`, ocrEngine: engine, ocrNumberOptions: { recogniser: rec } });
        const hs = header(scan);
        const ht = header(text);
        for (const k of Object.keys(ht)) {
          const v = verdict(hs[k] ?? null, ht[k] ?? null, scan, k !== 'overallScore');
          if (!v) continue;
          t.fields[k] ??= { right: 0, flagged: 0, missing: 0, wrong: 0 };
          (t.fields[k] as Record<Verdict, number>)[v]++;
          if (v !== 'right') line.push(`${k} ${hs[k]} (text ${ht[k]}) ${v};`);
        }
        const lt = levelOf(text);
        if (lt !== null) {
          const ls = levelOf(scan);
          const flaggedLevel = scan.diagnostics.some((x) => DOUBT.has(x.code) && (x.actual ?? '').includes(String(ls)));
          const v: Verdict = ls === lt ? 'right' : ls === null ? 'missing' : flaggedLevel ? 'flagged' : 'wrong';
          t.level[v]++;
          if (v !== 'right') line.push(`level ${ls} (text ${lt}) ${v};`);
        }
        const extra: string[] = [];
        entryPeriods(scan, text, t.entryPer, extra);
        indicatorScores(scan, text, t.indicators, extra);
        const per = (d: ItaDocument): string[] => d.entries.flatMap((e) => e.periods.map((p) => `${p.start}..${p.end}`));
        const found = matched(per(scan), per(text));
        t.perFound += found;
        t.perText += per(text).length;
        t.perOcr += per(scan).length;
        line.push(`entries ${scan.entries.length}/${text.entries.length}, periods ${found}/${per(text).length} (${per(scan).length - found} wrong)`);
        line.push(...extra.map((x) => `\n${x}`));
      }
      if (truthPages.length > 0) {
        // tables not joined across pages: joined, a row cut by a page break counts on the page before (metrics.ts pageErrors)
        const res = await ocrPdf(scanBytes, truthPages, engine, { alsoUnrepaired: true, numberOptions: { recogniser: rec }, joinContinuedTables: false });
        const afterPages = pageTexts(res.blocks);
        const beforePages = pageTexts(res.unrepairedBlocks ?? []);
        for (const p of truthPages) {
          const truth = digitsOf(readFileSync(join(dir, `${stem}.p${p}.txt`), 'utf8'));
          const after = digitsOf(afterPages.get(p) ?? '');
          const before = digitsOf(beforePages.get(p) ?? '');
          t.digits += truth.length;
          t.digitErrs += editDistance(after, truth);
          t.digitErrsRaw += editDistance(before, truth);
          // years (๒๕xx) of the truth text: found, or read wrong and flagged (kept as read, OCR_NUMBER_UNCERTAIN) or not
          const truthText = readFileSync(join(dir, `${stem}.p${p}.txt`), 'utf8');
          // flagged: kept as read and unsure, or read and doubted (a year far from the document's)
          const unsure = new Set(
            res.numbers.filter((d) => d.candidate.page === p && ((!d.sure && !d.changed) || d.doubt)).flatMap((d) => yearsIn(d.sure ? d.text : d.candidate.token.raw)),
          );
          const pool = yearsIn(truthText);
          t.years += pool.length;
          for (const y of yearsIn(afterPages.get(p) ?? '')) {
            const i = pool.indexOf(y);
            if (i >= 0) {
              pool.splice(i, 1);
              t.yearsRight++;
            } else if (unsure.has(y)) t.yearsFlagged++;
            else {
              t.yearsWrong++;
              if (verbose) line.push(`\n  year ${y} on page ${p} wrong, unflagged (text years left: ${pool.join(' ')})`);
            }
          }
        }
      }
      console.log(line.join(' '));
    }
  }
} finally {
  await engine.terminate();
}
console.log(`\n${files.length} file(s), ${engine.misses} image(s) recognised (others from ${cacheDir})`);
for (const [rec, t] of tot) {
  console.log(`\n${rec}:`);
  for (const [k, v] of Object.entries(t.fields)) console.log(`  ${k.padEnd(15)} right ${v.right}, flagged ${v.flagged}, missing ${v.missing}, wrong-unflagged ${v.wrong}`);
  const vs = (v: Record<Verdict, number>) => `right ${v.right}, flagged ${v.flagged}, missing ${v.missing}, wrong-unflagged ${v.wrong}`;
  if (t.level.right + t.level.flagged + t.level.missing + t.level.wrong > 0) console.log(`  ${'level'.padEnd(15)} ${vs(t.level)}`);
  const ne = t.entryPer.right + t.entryPer.flagged + t.entryPer.missing + t.entryPer.wrong;
  if (ne > 0) console.log(`  periods per entry: ${vs(t.entryPer)} of ${ne} (right ${(t.entryPer.right / ne).toFixed(2)}, right or flagged ${((t.entryPer.right + t.entryPer.flagged) / ne).toFixed(2)})`);
  if (t.indicators.right + t.indicators.flagged + t.indicators.missing + t.indicators.wrong > 0) console.log(`  indicator scores: ${vs(t.indicators)}`);
  if (t.perText > 0) console.log(`  periods: ${t.perFound}/${t.perText} found (${(t.perFound / t.perText).toFixed(2)}), ${t.perOcr - t.perFound} wrong`);
  if (t.years > 0) console.log(`  years in the text (๒๕xx): ${t.yearsRight}/${t.years} right; read wrong: ${t.yearsFlagged} flagged, ${t.yearsWrong} unflagged`);
  if (t.digits > 0) console.log(`  digit CER: ${((100 * t.digitErrs) / t.digits).toFixed(1)} % after repair (${((100 * t.digitErrsRaw) / t.digits).toFixed(1)} % before) over ${t.digits} digits`);
}
