/**
 * The OCR engine on a native Tesseract: the `tesseract` command line
 * (Debian: tesseract-ocr + tesseract-ocr-tha), one process per image, at
 * most `workers` at a time. Same interface and results as the tesseract.js
 * engine (engine.ts), for machines where the native build is installed: it
 * needs no wasm, starts nothing in advance, and a stuck image is just a
 * process to kill.
 *
 * Each image goes to a temporary folder (os.tmpdir(), or a batch's run
 * folder in a worker thread; removed after the run, whatever happens; on
 * exit too, with the processes still running)
 * as PGM (grey pixels) or as given (PNG, JPEG…), and is read with
 *
 *   tesseract in.pgm out -l tha+eng --oem 1 --psm N --dpi D
 *             -c preserve_interword_spaces=1 [-c tessedit_char_whitelist=…]
 *             -c tessedit_create_tsv=1 -c tessedit_create_txt=1
 *
 * The TSV gives the words (level 5) with their boxes and confidences, and
 * their block/paragraph/line numbers (→ a page-order line index, as
 * tesseract.js's). Whether Tesseract put a space before a word is not in
 * the TSV: it is read from the plain-text output of the same run (with
 * preserve_interword_spaces, Thai words — often single characters — are
 * joined without spaces, as in tesseract.js).
 *
 * The models are those tesseract.js reads (the @tesseract.js-data packages'
 * integer "best" LSTM models, passed as --tessdata-dir), not the system's: Debian ships the
 * "fast" English model (a network a quarter the size); with it the native
 * engine found fewer item codes on the scan bench (recall 0.62 against
 * tesseract.js's 0.81, bench/RESULTS.md). They are unpacked (≈ 6 MB) into the engine's own
 * temporary folder on first use, removed by terminate() or on exit.
 * `tessdataDir` (or models: 'system') uses another folder.
 *
 * Tesseract's OpenMP threads are limited to one per process by default
 * (OMP_THREAD_LIMIT=1): parallelism comes from `workers` processes.
 *
 * Images asked for in one burst with the same options (a page's crops, the
 * orientation samples) are read by one process: Tesseract takes a text
 * file listing images as a multi-page input, writes one TSV with a
 * page_num column and a form feed between the pages' texts. A process
 * start with the Thai and English models costs about 0.3 CPU-s, more than
 * reading a small crop. The burst is shared fairly between idle processes
 * (at most BATCH_MAX images each); a batch that fails is read again image
 * by image, so one bad image fails only itself.
 */
import { type ChildProcess, execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type OcrEngine, type OcrEngineOptions, OcrError, type RecogniseOptions, imageBytes, imageLanguages, languageFile } from './engine.js';
import { makeTempDir, makeTempDirAsync } from './temp.js';
import { parseTesseractTsv } from './tsv.js';
import type { OcrResult } from './types.js';

export { parseTesseractTsv };

export interface NativeOcrEngineOptions extends OcrEngineOptions {
  /** The tesseract executable (default "tesseract", found on PATH). */
  binary?: string;
  /** A folder of `<lang>.traineddata` files (--tessdata-dir); default: the packaged models (see `models`). */
  tessdataDir?: string;
  /**
   * Without tessdataDir: 'packaged' (default) reads with the models tesseract.js reads (the
   * @tesseract.js-data packages', when installed for every language); 'system' with Tesseract's own.
   */
  models?: 'packaged' | 'system';
  /** OpenMP threads of each tesseract process (OMP_THREAD_LIMIT; default 1). */
  threads?: number;
}

export interface NativeTesseract {
  /** "5.3.0" */
  version: string;
  /** Installed languages ("eng", "tha", …). */
  languages: string[];
}

interface Probe {
  binary?: string;
  tessdataDir?: string;
}

/** At most this many images are read by one process (a page's crops). */
const BATCH_MAX = 32;

/** Temporary folders are named ita-tess-<pid>-…; a batch puts them inside its run folder (ocr/temp.ts), which the main thread removes. */
const TEMP_PREFIX = 'ita-tess-';

/**
 * Processes and temporary folders in use: should the process exit while a
 * job runs, the processes are killed and the folders removed on the way out
 * (a terminated worker thread's are inside the batch's run folder, which the main thread removes).
 */
const live = { children: new Set<ChildProcess>(), dirs: new Set<string>() };
let exitHook = false;
function onExitCleanUp(): void {
  if (exitHook) return;
  exitHook = true;
  process.once('exit', () => {
    for (const c of live.children) c.kill('SIGKILL');
    for (const d of live.dirs) rmSync(d, { recursive: true, force: true });
  });
}

/**
 * A new folder holding the packaged (tesseract.js's) model of every language
 * of `languages`, unpacked; null when a language's data package is not
 * installed. The engine removes it when terminated (on exit too).
 */
export function packagedTessdata(languages: string): string | null {
  let dir: string | null = null;
  try {
    const files = languages.split('+').map((lang) => ({ lang, file: languageFile(lang) }));
    onExitCleanUp();
    dir = makeTempDir(`${TEMP_PREFIX}models-`);
    live.dirs.add(dir);
    for (const { lang, file } of files) writeFileSync(join(dir, `${lang}.traineddata`), gunzipSync(readFileSync(file)));
    return dir;
  } catch {
    if (dir) {
      rmSync(dir, { recursive: true, force: true });
      live.dirs.delete(dir);
    }
    return null;
  }
}

function run(binary: string, args: string[], options: { timeoutMs: number; env?: NodeJS.ProcessEnv }): { done: Promise<{ stdout: string; stderr: string }>; kill(): void } {
  let child: ChildProcess | undefined;
  const done = new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
    child = execFile(
      binary,
      args,
      { timeout: options.timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 * 2 ** 20, encoding: 'utf8', env: options.env, windowsHide: true },
      (error, stdout, stderr) => {
        if (child) live.children.delete(child);
        if (error) reject(Object.assign(error, { stdout, stderr }));
        else resolve({ stdout, stderr });
      },
    );
    live.children.add(child);
  });
  return { done, kill: () => void child?.kill('SIGKILL') };
}

/**
 * The native Tesseract's version and languages (`tesseract --version`,
 * `--list-langs`), or null when it is not installed or has no Thai.
 */
export async function nativeTesseractAvailable(probe: Probe = {}): Promise<NativeTesseract | null> {
  const binary = probe.binary ?? 'tesseract';
  try {
    const v = await run(binary, ['--version'], { timeoutMs: 10_000 }).done;
    // tesseract 4 printed the version on stderr
    const version = /tesseract\s+v?(\d+(?:\.\d+)*\S*)/i.exec(`${v.stdout}\n${v.stderr}`)?.[1];
    const l = await run(binary, ['--list-langs', ...(probe.tessdataDir ? ['--tessdata-dir', probe.tessdataDir] : [])], { timeoutMs: 10_000 }).done;
    const languages = `${l.stdout}\n${l.stderr}`
      .split('\n')
      .map((s) => s.trim())
      .filter((s) => /^[A-Za-z_][\w-]*$/.test(s));
    if (!version || !languages.includes('tha')) return null;
    return { version, languages };
  } catch {
    return null;
  }
}

interface Job {
  image: Buffer;
  ext: string;
  options: RecogniseOptions;
  /** Read alone (its batch failed: one bad image must not fail the others). */
  alone?: boolean;
  resolve(r: OcrResult): void;
  reject(e: unknown): void;
}

/** Creates an engine on the native `tesseract`; nothing starts until the first image. */
export function createNativeOcrEngine(options: NativeOcrEngineOptions = {}): OcrEngine {
  const languages = options.languages ?? 'tha+eng';
  if (!/^[A-Za-z_]+(\+[A-Za-z_]+)*$/.test(languages)) throw new OcrError(`not a language list: ${languages}`);
  const max = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  const psm = options.psm ?? 4;
  const timeout = options.jobTimeoutMs ?? 180_000;
  const binary = options.binary ?? 'tesseract';
  // the packaged models, unpacked on first use (check()), removed by terminate()
  let tessdataDir = options.tessdataDir;
  let unpacked: string | null = null;
  const env = { ...process.env, OMP_THREAD_LIMIT: String(Math.max(1, Math.floor(options.threads ?? 1))) };
  const queue: Job[] = [];
  const running = new Set<{ kill(): void; settled: Promise<unknown> }>();
  let terminated = false;
  let pumpDue = false;
  let checked: Promise<void> | null = null;

  /** Once: the executable runs and has every language asked for. */
  function check(): Promise<void> {
    if (!checked && tessdataDir === undefined && options.models !== 'system' && !terminated) {
      unpacked = packagedTessdata(languages);
      tessdataDir = unpacked ?? undefined;
    }
    checked ??= nativeTesseractAvailable({ binary, tessdataDir }).then((t) => {
      if (!t) {
        throw new OcrError(`native Tesseract with Thai not found ("${binary}"; Debian: apt-get install tesseract-ocr tesseract-ocr-tha)`);
      }
      const missing = languages.split('+').filter((l) => !t.languages.includes(l));
      if (missing.length > 0) throw new OcrError(`native Tesseract has no data for ${missing.join(', ')} (installed: ${t.languages.join(', ')})`);
    });
    return checked;
  }

  /** Jobs read by one process together: same segmentation mode, resolution and whitelist. */
  const batchKey = (j: Job): string => `${j.options.psm ?? psm}|${Math.round(j.options.dpi ?? 150)}|${j.options.whitelist ?? ''}|${imageLanguages(languages, j.options.languages)}`;

  /**
   * Starts a process for the first queued job and, when more jobs of the same kind wait, for a
   * share of them (an equal share per idle slot, at most BATCH_MAX): a page's many small crops
   * then cost one process start and one model load, not one each.
   */
  function pump(): void {
    while (!terminated && running.size < max && queue.length > 0) {
      const first = queue[0] as Job;
      const key = batchKey(first);
      const batchable = (j: Job): boolean => !j.alone && batchKey(j) === key;
      const alike = first.alone ? 1 : queue.filter(batchable).length;
      const share = first.alone ? 1 : Math.min(BATCH_MAX, Math.ceil(alike / (max - running.size)));
      const jobs: Job[] = [queue.shift() as Job];
      for (let i = 0; i < queue.length && jobs.length < share; ) {
        if (batchable(queue[i] as Job)) jobs.push(...queue.splice(i, 1));
        else i++;
      }
      const slot = { kill: () => undefined as void, settled: Promise.resolve() as Promise<unknown> };
      running.add(slot);
      slot.settled = recogniseBatch(jobs, slot)
        .then(
          (results) => jobs.forEach((j, i) => j.resolve(results[i] as OcrResult)),
          (e: unknown) => {
            const timedOut = e instanceof OcrError && /longer than/.test(e.message);
            if (jobs.length === 1 || terminated || timedOut) jobs.forEach((j) => j.reject(e));
            // a batch that failed: each image again on its own
            else queue.unshift(...jobs.map((j) => ({ ...j, alone: true })));
          },
        )
        .finally(() => {
          running.delete(slot);
          pump();
        });
    }
  }

  /** One process for `jobs` (one image, or a list file naming several: one TSV page and one text page each). */
  async function recogniseBatch(jobs: Job[], slot: { kill(): void }): Promise<OcrResult[]> {
    await check();
    if (terminated) throw new OcrError('the OCR engine was terminated');
    onExitCleanUp();
    const dir = await makeTempDirAsync(TEMP_PREFIX);
    live.dirs.add(dir);
    try {
      const images = jobs.map((j, i) => join(dir, `in${jobs.length > 1 ? i : ''}.${j.ext}`));
      await Promise.all(jobs.map((j, i) => writeFile(images[i] as string, j.image)));
      let input = images[0] as string;
      if (jobs.length > 1) {
        input = join(dir, 'list.txt');
        await writeFile(input, `${images.join('\n')}\n`);
      }
      if (terminated) throw new OcrError('the OCR engine was terminated');
      const opts = (jobs[0] as Job).options;
      const out = join(dir, 'out');
      const args = [input, out, '-l', imageLanguages(languages, opts.languages), '--oem', '1', '--psm', String(opts.psm ?? psm), '--dpi', String(Math.round(opts.dpi ?? 150))];
      if (tessdataDir) args.push('--tessdata-dir', tessdataDir);
      args.push('-c', 'preserve_interword_spaces=1', '-c', 'debug_file=/dev/null');
      if (opts.whitelist) args.push('-c', `tessedit_char_whitelist=${opts.whitelist}`);
      // the outputs as parameters, not as the "tsv"/"txt" config files: those live in the tessdata folder's configs/
      args.push('-c', 'tessedit_create_tsv=1', '-c', 'tessedit_create_txt=1');
      const proc = run(binary, args, { timeoutMs: timeout, env });
      slot.kill = proc.kill;
      try {
        await proc.done;
      } catch (e) {
        if (terminated) throw new OcrError('the OCR engine was terminated');
        const err = e as Error & { killed?: boolean; signal?: string; stderr?: string };
        if (err.killed || err.signal === 'SIGKILL') throw new OcrError(`OCR took longer than ${timeout} ms`);
        throw new OcrError(`tesseract failed: ${(err.stderr || err.message).trim().split('\n').slice(-3).join(' ')}`);
      }
      const [tsv, text] = await Promise.all([
        readFile(`${out}.tsv`, 'utf8').catch(() => {
          throw new OcrError('tesseract wrote no TSV output');
        }),
        readFile(`${out}.txt`, 'utf8').catch(() => null),
      ]);
      if (jobs.length === 1) return [parseTesseractTsv(tsv, text)];
      const tsvPages = splitTsvPages(tsv, jobs.length);
      // Tesseract writes a form feed between the pages' texts
      const textPages = text?.split('\f') ?? [];
      const texts = textPages.length === jobs.length ? textPages : null;
      return tsvPages.map((t, i) => parseTesseractTsv(t, texts ? (texts[i] as string) : null));
    } finally {
      await rm(dir, { recursive: true, force: true });
      live.dirs.delete(dir);
    }
  }

  return {
    languages,
    workers: max,
    name: 'tesseract (native)',
    languagesPerImage: true,
    recognise(image, opts = {}) {
      if (terminated) return Promise.reject(new OcrError('the OCR engine was terminated'));
      const { bytes: buf, grey } = imageBytes(image);
      const ext = grey ? 'pgm' : extensionOf(buf);
      return new Promise<OcrResult>((resolve, reject) => {
        queue.push({ image: buf, ext, options: opts, resolve, reject });
        // once the caller's burst of requests is queued (a page's crops asked for in one go): they batch
        if (!pumpDue) {
          pumpDue = true;
          setImmediate(() => {
            pumpDue = false;
            pump();
          });
        }
      });
    },
    async terminate() {
      if (terminated) return;
      terminated = true;
      const err = new OcrError('the OCR engine was terminated');
      for (const j of queue.splice(0)) j.reject(err);
      const settling = [...running].map((s) => {
        s.kill();
        return s.settled;
      });
      // the jobs remove their temporary folders before settling
      await Promise.allSettled(settling);
      if (unpacked) {
        await rm(unpacked, { recursive: true, force: true });
        live.dirs.delete(unpacked);
      }
    },
  };
}

/** A multi-image TSV (column page_num, 1-based) → one TSV text per image, header dropped (the parser skips non-numeric rows). */
function splitTsvPages(tsv: string, n: number): string[] {
  const pages: string[][] = Array.from({ length: n }, () => []);
  for (const row of tsv.split('\n')) {
    const page = Number(row.split('\t', 2)[1]);
    if (Number.isInteger(page) && page >= 1 && page <= n) (pages[page - 1] as string[]).push(row);
  }
  return pages.map((rows) => rows.join('\n'));
}

/** File extension for an encoded image (Leptonica sniffs the content anyway). */
function extensionOf(b: Buffer): string {
  if (b.length >= 4 && b.readUInt32BE(0) === 0x89504e47) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  if (b.length >= 2 && b[0] === 0x50 && b[1] !== undefined && b[1] >= 0x31 && b[1] <= 0x36) return 'pnm';
  if (b.length >= 4 && (b.toString('latin1', 0, 4) === 'II*\0' || b.toString('latin1', 0, 4) === 'MM\0*')) return 'tif';
  return 'img';
}
