/**
 * The native Tesseract engine (src/ocr/native.ts). The TSV parser runs
 * everywhere; recognition needs the `tesseract` command with Thai data
 * (Debian: tesseract-ocr tesseract-ocr-tha; .ci/run installs it) and is
 * skipped without it. One page at 150 dpi: about 5 s.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OcrEngine, languageFile } from '../../src/ocr/engine.js';
import { blocksText, cer, yearsIn } from '../../src/ocr/metrics.js';
import { createNativeOcrEngine, nativeTesseractAvailable, packagedTessdata, parseTesseractTsv } from '../../src/ocr/native.js';
import { ocrPdf } from '../../src/ocr/pdf.js';
import { openPdfRenderer, toPng } from '../../src/ocr/render.js';
import type { GreyImage, OcrResult } from '../../src/ocr/types.js';

// prettier-ignore
const TSV = [
  'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
  '1\t1\t0\t0\t0\t0\t0\t0\t1768\t1261\t-1\t',
  '2\t1\t1\t0\t0\t0\t99\t98\t1569\t266\t-1\t',
  '3\t1\t1\t1\t0\t0\t101\t98\t1383\t50\t-1\t',
  '4\t1\t1\t1\t1\t0\t101\t98\t1383\t50\t-1\t',
  '5\t1\t1\t1\t1\t1\t101\t112\t14\t21\t93.301285\tปี',
  '5\t1\t1\t1\t1\t2\t117\t113\t13\t19\t90.5\tงบ',
  '5\t1\t1\t1\t1\t3\t140\t113\t40\t20\t80\t๒๕๖๗',
  '4\t1\t1\t1\t2\t0\t101\t150\t300\t30\t-1\t',
  '5\t1\t1\t1\t2\t1\t101\t150\t60\t30\t96\tITA',
  '5\t1\t1\t1\t2\t2\t170\t150\t60\t30\t95\tscore',
  '2\t1\t2\t0\t0\t0\t90\t300\t600\t20\t-1\t',
  '3\t1\t2\t1\t0\t0\t90\t300\t600\t20\t-1\t',
  '4\t1\t2\t1\t1\t0\t90\t300\t600\t20\t-1\t',
  '5\t1\t2\t1\t1\t1\t90\t300\t600\t20\t95\t ',
  '4\t1\t3\t1\t1\t0\t10\t400\t50\t20\t-1\t',
  '5\t1\t3\t1\t1\t1\t10\t400\t50\t20\t70\tก',
  '',
].join('\n');
const TEXT = 'ปีงบ ๒๕๖๗\nITA  score\n\n \n\nก\n';

/**
 * A wrapper around tesseract that notes each recognition's arguments (`$1` or `$*`) in a log, in a
 * temporary folder made on first use and removed by `remove()` (so a filtered run that skips the
 * tests makes none).
 */
function tesseractWrapper(prefix: string, logged: '$1' | '$*') {
  let work: string | null = null;
  const dir = (): string => {
    if (!work) {
      work = mkdtempSync(join(tmpdir(), prefix));
      const path = join(work, 'tesseract');
      writeFileSync(path, `#!/bin/sh\ncase "$1" in --*) ;; *) echo "${logged}" >> '${join(work, 'calls.log')}' ;; esac\nexec tesseract "$@"\n`);
      chmodSync(path, 0o755);
    }
    return work;
  };
  return {
    get binary(): string {
      return join(dir(), 'tesseract');
    },
    get log(): string {
      return join(dir(), 'calls.log');
    },
    calls(): string[] {
      const log = join(dir(), 'calls.log');
      return existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : [];
    },
    remove(): void {
      if (work) rmSync(work, { recursive: true, force: true });
      work = null;
    },
  };
}

describe('parseTesseractTsv', () => {
  it('keeps the level-5 words with their boxes, confidences and page-order line indices', () => {
    const r = parseTesseractTsv(TSV, TEXT);
    expect(r.words.map((w) => w.text)).toEqual(['ปี', 'งบ', '๒๕๖๗', 'ITA', 'score', 'ก']);
    expect(r.words[0]).toEqual({ text: 'ปี', bbox: { x0: 101, y0: 112, x1: 115, y1: 133 }, confidence: 93.301285, line: 0, spaceBefore: false });
    // every line counts, the blank one of block 2 included (as tesseract.js numbers them)
    expect(r.words.map((w) => w.line)).toEqual([0, 0, 0, 1, 1, 3]);
    expect([r.width, r.height]).toEqual([1768, 1261]);
    // the mean of all word confidences (the blank word's too), truncated: Tesseract's MeanTextConf
    expect(r.confidence).toBe(Math.trunc((93.301285 + 90.5 + 80 + 96 + 95 + 95 + 70) / 7));
  });

  it('takes the spaces from the text output: Thai words joined, a line\'s first word never spaced', () => {
    const r = parseTesseractTsv(TSV, TEXT);
    expect(r.words.map((w) => w.spaceBefore)).toEqual([false, false, true, false, true, false]);
  });

  it('without the text, puts a space before every word but a line\'s first', () => {
    const r = parseTesseractTsv(TSV);
    expect(r.words.map((w) => w.spaceBefore)).toEqual([false, true, true, false, true, false]);
  });

  it('survives a word the text does not have where expected, and empty input', () => {
    const r = parseTesseractTsv(TSV, 'ปีงบ ??? ITA score\nก');
    expect(r.words.map((w) => w.spaceBefore)).toEqual([false, false, false, false, true, false]);
    expect(parseTesseractTsv('')).toEqual({ words: [], confidence: 0, width: 0, height: 0 });
  });
});

describe('nativeTesseractAvailable', () => {
  it('is null for a missing executable', async () => {
    expect(await nativeTesseractAvailable({ binary: 'ita-extract-no-such-tesseract' })).toBeNull();
  });
});

const native = await nativeTesseractAvailable();
const reason = native ? `tesseract ${native.version}` : 'SKIPPED: native tesseract with Thai data is not installed (apt-get install tesseract-ocr tesseract-ocr-tha)';

describe.skipIf(!native)(`native Tesseract engine (${reason})`, () => {
  const dir = new URL('../../fixtures/scans/', import.meta.url).pathname;
  const scan = new Uint8Array(readFileSync(`${dir}003-scan.pdf`));
  const truth = readFileSync(`${dir}003-scan.p1.txt`, 'utf8');
  let engine: OcrEngine;
  let page: OcrResult;
  let png: Buffer;
  let firstLine: GreyImage;

  beforeAll(async () => {
    engine = createNativeOcrEngine({ workers: 2 });
    const r = await openPdfRenderer(scan);
    try {
      const img = await r.render(1, 150);
      png = await toPng(img);
      page = await engine.recognise(img, { dpi: img.dpi });
      // the title line, cropped with a margin
      const title = page.words.filter((w) => w.line === 0);
      const [x0, y0] = [Math.min(...title.map((w) => w.bbox.x0)) - 10, Math.min(...title.map((w) => w.bbox.y0)) - 10];
      const [x1, y1] = [Math.max(...title.map((w) => w.bbox.x1)) + 10, Math.max(...title.map((w) => w.bbox.y1)) + 10];
      const data = new Uint8Array((x1 - x0) * (y1 - y0));
      for (let y = y0; y < y1; y++) data.set(img.data.subarray(y * img.width + x0, y * img.width + x1), (y - y0) * (x1 - x0));
      firstLine = { width: x1 - x0, height: y1 - y0, data };
    } finally {
      await r.close();
    }
  }, 120_000);

  afterAll(async () => {
    await engine?.terminate();
  });

  const text = (r: OcrResult): string => r.words.map((w, i) => (i > 0 && w.spaceBefore ? ' ' : '') + w.text).join('');

  it('reports the version and the languages', () => {
    expect(native?.version).toMatch(/^\d+\.\d+/);
    expect(native?.languages).toContain('tha');
    expect(engine.workers).toBe(2);
    expect(engine.languages).toBe('tha+eng');
  });

  it('reads real words and years from a rendered page, with boxes inside the image', () => {
    expect([page.width, page.height]).toEqual([1768, 1261]);
    expect(page.confidence).toBeGreaterThan(80);
    const t = text(page).normalize('NFC');
    expect(t).toContain('คลองประสัก');
    expect(t).toContain('กระบี่');
    expect(t).toContain('ประเด็นที่');
    // years: the Thai model misreads ๖ and ๗ (the number repair's job, below), the rest of them comes out
    expect(t).toContain('.๓๕');
    expect(t).toContain('พ.ศ. ๒๕');
    expect(t.match(/๒๕[๐-๙]/g)?.length).toBeGreaterThanOrEqual(3);
    expect(yearsIn(t).length).toBeGreaterThanOrEqual(1);
    for (const w of page.words) {
      expect(w.bbox.x0).toBeGreaterThanOrEqual(0);
      expect(w.bbox.x1).toBeLessThanOrEqual(page.width);
      expect(w.bbox.y1).toBeLessThanOrEqual(page.height);
      expect(w.line).not.toBeNull();
    }
    // Thai comes one character (or cluster) a word, mostly without a space before it
    expect(page.words.filter((w) => w.spaceBefore).length).toBeLessThan(page.words.length / 3);
  });

  it('gives the OCR pipeline what tesseract.js gives it: CER under 8 % and the fiscal year repaired', async () => {
    const r = await ocrPdf(scan, [1], engine);
    const all = blocksText(r.blocks);
    expect(cer(all, truth)).toBeLessThan(0.08);
    expect(all).toContain('ประจำปีงบประมาณ ๒๕๖๗');
  }, 120_000);

  it('reads a PNG buffer, a single line, the same line with a whitelist, and a blank image', async () => {
    const r = await engine.recognise(png, { dpi: 150 });
    expect(r.words.length).toBeGreaterThan(page.words.length * 0.9);
    const line = await engine.recognise(firstLine, { psm: 7 });
    expect(text(line)).toContain('รายงานผล');
    expect(new Set(line.words.map((w) => w.line))).toEqual(new Set([0]));
    // (Tesseract 5.3 returns nothing for a whitelist with two languages: one here)
    const tha = createNativeOcrEngine({ languages: 'tha', workers: 1 });
    try {
      const digits = await tha.recognise(firstLine, { psm: 7, whitelist: '๐๑๒๓๔๕๖๗๘๙' });
      expect(text(digits)).toMatch(/^๒๕/);
      for (const w of digits.words) expect(w.text).toMatch(/^[๐-๙]+$/);
    } finally {
      await tha.terminate();
    }
    // a blank line: nothing read with any confidence (the packaged English model, as in tesseract.js, guesses a word at ~0)
    const blank = await engine.recognise({ width: 200, height: 80, data: new Uint8Array(200 * 80).fill(255) }, { psm: 7 });
    expect(blank.words.filter((w) => w.confidence >= 30)).toEqual([]);
    expect((await engine.recognise({ width: 200, height: 80, data: new Uint8Array(200 * 80).fill(255) })).words).toEqual([]);
  }, 120_000);

  it('leaves no temporary files, and rejects work after terminate()', async () => {
    // this process's folders (other processes on the machine have their own; `engine` above keeps its unpacked models and its work folder)
    const ours = (): string[] => readdirSync(tmpdir()).filter((f) => new RegExp(`^ita-tess-(models-)?${process.pid}\\.`).test(f)).sort();
    const before = ours();
    expect(before.filter((f) => f.startsWith('ita-tess-models-'))).toHaveLength(1);
    expect(before).toHaveLength(2);
    const e = createNativeOcrEngine({ workers: 1 });
    const pending = e.recognise(png);
    await e.terminate();
    await expect(pending).rejects.toThrow(/terminated/);
    await expect(e.recognise(png)).rejects.toThrow(/terminated/);
    expect(ours()).toEqual(before);
    // an engine that has read: its unpacked models and its work folder (the images it reads, emptied after each) are there until it is terminated
    const f = createNativeOcrEngine({ workers: 1 });
    await f.recognise(firstLine, { psm: 7 });
    const added = ours().filter((d) => !before.includes(d));
    expect(added).toHaveLength(2);
    const work = added.find((d) => !d.startsWith('ita-tess-models-')) as string;
    expect(readdirSync(join(tmpdir(), work))).toEqual(['sentinel.pgm']);
    await f.terminate();
    expect(ours()).toEqual(before);
  }, 60_000);

  it('says so when a language is missing', async () => {
    const e = createNativeOcrEngine({ languages: 'tha+xyz', workers: 1 });
    await expect(e.recognise(png)).rejects.toThrow(/no data for xyz/);
    await e.terminate();
    expect(() => createNativeOcrEngine({ languages: 'tha; rm -rf' })).toThrow(/not a language list/);
  });
});

describe.skipIf(!native)(`the CLI with --ocr-engine native (${reason})`, () => {
  it('reads a scanned page with the tesseract command: same organisation and fiscal year, IIT items', async () => {
    const { runCli } = await import('../../src/cli/main.js');
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      stdout: { isTTY: false, write: (s: string) => (out.push(s), true) },
      stderr: { isTTY: false, write: (s: string) => (err.push(s), true) },
    } as unknown as Parameters<typeof runCli>[1];
    const code = await runCli([new URL('../../fixtures/scans/004-scan.pdf', import.meta.url).pathname, '-j', '1', '-f', 'jsonl', '--ocr-engine', 'native'], io);
    expect(code).toBe(0);
    const doc = JSON.parse(out.join('').trim()) as { source: { ocr: boolean }; organization: { name: string }; fiscalYear: { be: number }; entries: Array<{ itemCodes: Array<{ tool: string }> }> };
    expect(doc.source.ocr).toBe(true);
    expect(doc.organization.name).toBe('องค์การบริหารส่วนตำบลบ้านหม้อ');
    expect(doc.fiscalYear.be).toBe(2566);
    // the native engine's lines split paragraphs differently: the last two items may come out as one entry
    expect(doc.entries.length).toBeGreaterThanOrEqual(2);
    expect(doc.entries.every((e) => e.itemCodes.every((c) => c.tool === 'IIT'))).toBe(true);
    expect((doc.entries[0]!.itemCodes[0] as unknown as { code: string }).code).toBe('i25');
  }, 120_000);
});

describe.skipIf(!native)(`native Tesseract: long-lived processes, one per kind of image (${reason})`, () => {
  // a wrapper around tesseract that notes every recognition it is asked for (not --version / --list-langs)
  const tool = tesseractWrapper('ita-native-batch-', '$1');
  afterAll(() => tool.remove());
  const calls = (): string[] => tool.calls();
  let lines: GreyImage[] = [];

  beforeAll(async () => {
    const r = await openPdfRenderer(new Uint8Array(readFileSync(new URL('../../fixtures/scans/003-scan.pdf', import.meta.url))));
    try {
      const img = await r.render(1, 150);
      // three bands of the page, each a line or two of text
      lines = [120, 200, 260].map((y0) => {
        const [x0, w, h] = [80, 700, 50];
        const data = new Uint8Array(w * h);
        for (let y = 0; y < h; y++) data.set(img.data.subarray((y0 + y) * img.width + x0, (y0 + y) * img.width + x0 + w), y * w);
        return { width: w, height: h, data };
      });
    } finally {
      await r.close();
    }
  }, 60_000);


  it('reads every image of one kind in one long-lived tesseract process, each with its own result, as one process per image would', async () => {
    const e = createNativeOcrEngine({ workers: 1, binary: tool.binary, models: 'system' });
    try {
      const together = await Promise.all(lines.map((l) => e.recognise(l, { psm: 6 })));
      // read later, one at a time: still the same process (its models loaded once)
      const later: OcrResult[] = [];
      for (const l of lines) later.push(await e.recognise(l, { psm: 6 }));
      expect(calls()).toHaveLength(1);
      // the process reads the image paths from its standard input
      expect(calls()[0]).toBe('-');
      // the same as tesseract reading each image on its own
      const alone = lines.map((l) => {
        const dir = mkdtempSync(join(tmpdir(), 'ita-native-alone-'));
        try {
          writeFileSync(join(dir, 'in.pgm'), Buffer.concat([Buffer.from(`P5\n${l.width} ${l.height}\n255\n`, 'latin1'), Buffer.from(l.data)]));
          execFileSync('tesseract', [join(dir, 'in.pgm'), join(dir, 'out'), '-l', 'tha+eng', '--oem', '1', '--psm', '6', '--dpi', '150', '-c', 'preserve_interword_spaces=1', '-c', 'tessedit_create_tsv=1', '-c', 'tessedit_create_txt=1'], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: 'ignore' });
          return parseTesseractTsv(readFileSync(join(dir, 'out.tsv'), 'utf8'), readFileSync(join(dir, 'out.txt'), 'utf8'));
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
      expect(together).toEqual(alone);
      expect(later).toEqual(alone);
      expect(together.map((r) => [r.width, r.height])).toEqual(lines.map((l) => [l.width, l.height]));
      expect(together.every((r) => r.words.length > 5)).toBe(true);
    } finally {
      await e.terminate();
    }
  }, 120_000);

  it('keeps images of different kinds apart, and one bad image fails only itself', async () => {
    writeFileSync(tool.log, '');
    const e = createNativeOcrEngine({ workers: 1, binary: tool.binary });
    try {
      const [a, b, bad, c] = await Promise.allSettled([
        e.recognise(lines[0] as GreyImage, { psm: 6 }),
        e.recognise(lines[1] as GreyImage, { psm: 7 }),
        e.recognise(Buffer.from('not an image at all')),
        e.recognise(lines[2] as GreyImage, { psm: 6 }),
      ]);
      expect(a.status).toBe('fulfilled');
      expect(b.status).toBe('fulfilled');
      expect(c.status).toBe('fulfilled');
      expect(bad.status).toBe('rejected');
      // psm 6 (a and c), psm 7 (b), and the bad image (the default psm; its process ends with it): 3 processes
      expect(calls()).toHaveLength(3);
      // the bad image's kind reads again, in a new process
      expect((await e.recognise(lines[0] as GreyImage)).words.length).toBeGreaterThan(5);
      expect(calls()).toHaveLength(4);
    } finally {
      await e.terminate();
    }
  }, 120_000);

  it('gives up on a process that never answers after the job timeout, and kills it', async () => {
    // a "tesseract" that answers --version and --list-langs, then reads its input and writes nothing
    const dir = mkdtempSync(join(tmpdir(), 'ita-native-mute-'));
    try {
      const mute = join(dir, 'tesseract');
      writeFileSync(mute, `#!/bin/sh\ncase "$1" in --version) echo "tesseract 5.3.0";; --list-langs) printf 'List\\ntha\\neng\\n';; *) echo $$ > '${join(dir, 'pid')}'; exec cat > /dev/null;; esac\n`);
      chmodSync(mute, 0o755);
      const e = createNativeOcrEngine({ workers: 1, binary: mute, models: 'system', jobTimeoutMs: 300 });
      try {
        await expect(e.recognise(lines[0] as GreyImage)).rejects.toThrow(/longer than 300 ms/);
        const pid = Number(readFileSync(join(dir, 'pid'), 'utf8'));
        // killed (SIGKILL): gone once reaped
        const gone = (): boolean => {
          try {
            process.kill(pid, 0);
            return false;
          } catch {
            return true;
          }
        };
        for (let i = 0; i < 100 && !gone(); i++) await new Promise((r) => setTimeout(r, 50));
        expect(gone()).toBe(true);
      } finally {
        await e.terminate();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe.skipIf(!native)(`native Tesseract: tesseract.js's models, languages per image (${reason})`, () => {
  // a wrapper around tesseract that notes the arguments of every recognition
  const tool = tesseractWrapper('ita-native-models-', '$*');
  afterAll(() => tool.remove());
  const calls = (): string[] => tool.calls();
  let line: GreyImage;

  beforeAll(async () => {
    const r = await openPdfRenderer(new Uint8Array(readFileSync(new URL('../../fixtures/scans/003-scan.pdf', import.meta.url))));
    try {
      const img = await r.render(1, 150);
      const [x0, y0, w, h] = [80, 120, 700, 50];
      const data = new Uint8Array(w * h);
      for (let y = 0; y < h; y++) data.set(img.data.subarray((y0 + y) * img.width + x0, (y0 + y) * img.width + x0 + w), y * w);
      line = { width: w, height: h, data };
    } finally {
      await r.close();
    }
  }, 60_000);


  it('reads with the packaged models (the best English model, not the system\'s fast one), or the system\'s when asked', async () => {
    writeFileSync(tool.log, '');
    const e = createNativeOcrEngine({ workers: 1, binary: tool.binary });
    const sys = createNativeOcrEngine({ workers: 1, binary: tool.binary, models: 'system' });
    let dir = '';
    try {
      await e.recognise(line, { psm: 7 });
      await sys.recognise(line, { psm: 7 });
      const [packaged, system] = calls();
      dir = / --tessdata-dir (\S+)/.exec(packaged ?? '')?.[1] as string;
      expect(dir).toBeTruthy();
      for (const lang of ['tha', 'eng']) expect(readFileSync(join(dir, `${lang}.traineddata`)).equals(gunzipSync(readFileSync(languageFile(lang))))).toBe(true);
      expect(system).not.toMatch(/--tessdata-dir/);
    } finally {
      await e.terminate();
      await sys.terminate();
    }
    // the unpacked models go with the engine
    expect(existsSync(dir)).toBe(false);
  }, 60_000);

  it('reads an image in the languages asked for, images of different languages in different processes', async () => {
    writeFileSync(tool.log, '');
    const e = createNativeOcrEngine({ workers: 1, binary: tool.binary });
    try {
      const [tha, both] = await Promise.all([e.recognise(line, { psm: 7, languages: 'tha' }), e.recognise(line, { psm: 7 })]);
      expect(tha.words.length).toBeGreaterThan(3);
      expect(both.words.length).toBeGreaterThan(3);
    } finally {
      await e.terminate();
    }
    expect(calls().map((c) => / -l (\S+)/.exec(c)?.[1]).sort()).toEqual(['tha', 'tha+eng']);
  }, 60_000);
});

describe.skipIf(!native)(`native Tesseract: paragraphs from the rows' geometry (${reason})`, () => {
  // a wrapper around tesseract that notes the arguments of every recognition process
  const tool = tesseractWrapper('ita-native-para-', '$*');
  afterAll(() => tool.remove());

  it('asks Tesseract for paragraphs found before recognition, and reads a page as with its text-based paragraphs: same words, boxes, lines, spaces', async () => {
    const r = await openPdfRenderer(new Uint8Array(readFileSync(new URL('../../fixtures/scans/003-scan.pdf', import.meta.url))));
    const img = await r.render(1, 150).finally(() => r.close());
    const e = createNativeOcrEngine({ workers: 1, binary: tool.binary });
    const models = packagedTessdata('tha+eng');
    const dir = mkdtempSync(join(tmpdir(), 'ita-native-para-'));
    try {
      const got = await e.recognise(img, { dpi: 150 });
      expect(tool.calls()).toHaveLength(1);
      expect(tool.calls()[0]).toContain('paragraph_text_based=0');
      // Tesseract's default (paragraphs from the recognised text, after recognition), same models and settings
      writeFileSync(join(dir, 'in.pgm'), Buffer.concat([Buffer.from(`P5\n${img.width} ${img.height}\n255\n`, 'latin1'), Buffer.from(img.data)]));
      const args = [join(dir, 'in.pgm'), join(dir, 'out'), '-l', 'tha+eng', '--oem', '1', '--psm', '4', '--dpi', '150', '--tessdata-dir', models as string];
      execFileSync('tesseract', [...args, '-c', 'preserve_interword_spaces=1', '-c', 'tessedit_create_tsv=1', '-c', 'tessedit_create_txt=1'], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: 'ignore' });
      const textBased = parseTesseractTsv(readFileSync(join(dir, 'out.tsv'), 'utf8'), readFileSync(join(dir, 'out.txt'), 'utf8'));
      expect(got.words.length).toBeGreaterThan(300);
      expect(got).toEqual(textBased);
    } finally {
      await e.terminate();
      rmSync(dir, { recursive: true, force: true });
      if (models) rmSync(models, { recursive: true, force: true });
    }
  }, 120_000);
});
