/**
 * The OCR engine on a native Tesseract: the `tesseract` command line
 * (Debian: tesseract-ocr + tesseract-ocr-tha), long-lived processes, at
 * most `workers` reading at a time. Same interface and results as the
 * tesseract.js engine (engine.ts), for machines where the native build is
 * installed: it needs no wasm, and a stuck image is just a process to kill.
 *
 * Each kind of image (languages, psm, resolution, whitelist: a page in
 * Thai, the English stack of the second pass, a cell) is read by a process
 * of its own that stays for the life of the engine, started on first use
 * and reading image after image from its standard input
 * (_native-server.ts): the models load once, not once per image (about 0.07
 * CPU-s for Thai, 0.3 for English, more than reading a small crop). At most
 * 2 × workers + 4 processes live; the one idle longest ends first. A process
 * whose image fails (unreadable) or times out ends; the next image of its
 * kind starts a new one, so one bad image fails only itself.
 *
 * Each image goes to the engine's temporary folder (os.tmpdir(), or a
 * batch's run folder in a worker thread; removed by terminate(), and on exit
 * with the processes still running) as PGM (grey pixels) or as given (PNG,
 * JPEG…; the first page of a multi-page TIFF), and is read with
 *
 *   tesseract - - -l tha+eng --oem 1 --psm N --dpi D
 *             -c preserve_interword_spaces=1 [-c tessedit_char_whitelist=…]
 *             -c tessedit_create_tsv=1 -c tessedit_create_txt=1 -c stream_filelist=1
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
 */
import { type ChildProcess, execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type OcrEngine, type OcrEngineOptions, OcrError, type RecogniseOptions, imageBytes, imageLanguages, languageFile } from './engine.js';
import { makeTempDir, makeTempDirAsync } from './temp.js';
import { SENTINEL_PGM, type TesseractServer, startTesseractServer } from './_native-server.js';
import { PARAGRAPH_TEXT_BASED, parseTesseractTsv } from './tsv.js';
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
  resolve(r: OcrResult): void;
  reject(e: unknown): void;
}

/** A long-lived process (_native-server.ts) and the kind of image it reads. */
interface Slot {
  key: string;
  server: TesseractServer | null;
  /** Given a job (its image being written, or read). */
  reserved: boolean;
  lastUsed: number;
}

/** Creates an engine on the native `tesseract`; nothing starts until the first image. */
export function createNativeOcrEngine(options: NativeOcrEngineOptions = {}): OcrEngine {
  const languages = options.languages ?? 'tha+eng';
  if (!/^[A-Za-z_]+(\+[A-Za-z_]+)*$/.test(languages)) throw new OcrError(`not a language list: ${languages}`);
  const max = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  /** Idle processes kept (each holds its models: tens of MB): a few kinds of image per page, `max` of each at most. */
  const keep = 2 * max + 4;
  const psm = options.psm ?? 4;
  const timeout = options.jobTimeoutMs ?? 180_000;
  const binary = options.binary ?? 'tesseract';
  // the packaged models, unpacked on first use (check()), removed by terminate()
  let tessdataDir = options.tessdataDir;
  let unpacked: string | null = null;
  /** The images being read and the sentinel (_native-server.ts), removed by terminate(). */
  let work: Promise<string> | null = null;
  let workDir: string | null = null;
  let seq = 0;
  const env = { ...process.env, OMP_THREAD_LIMIT: String(Math.max(1, Math.floor(options.threads ?? 1))) };
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let terminated = false;
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

  function workFolder(): Promise<string> {
    work ??= (async () => {
      onExitCleanUp();
      const dir = await makeTempDirAsync(TEMP_PREFIX);
      live.dirs.add(dir);
      workDir = dir;
      await writeFile(join(dir, 'sentinel.pgm'), SENTINEL_PGM);
      return dir;
    })();
    return work;
  }

  /** Images read by one process: same segmentation mode, resolution, whitelist and languages. */
  const keyOf = (j: Job): string => `${j.options.psm ?? psm}|${Math.round(j.options.dpi ?? 150)}|${j.options.whitelist ?? ''}|${imageLanguages(languages, j.options.languages)}`;

  /** Tesseract's arguments for images of `j`'s kind (after the input and output). */
  function argsFor(j: Job): string[] {
    const o = j.options;
    const args = ['-l', imageLanguages(languages, o.languages), '--oem', '1', '--psm', String(o.psm ?? psm), '--dpi', String(Math.round(o.dpi ?? 150))];
    if (tessdataDir) args.push('--tessdata-dir', tessdataDir);
    args.push('-c', 'preserve_interword_spaces=1', '-c', 'debug_file=/dev/null');
    // paragraphs told from the lines' geometry before recognition, not from their text after it: the
    // words, boxes, lines and text are the same (test), Tesseract's text-based pass costs ~10 % of a page
    args.push('-c', `paragraph_text_based=${PARAGRAPH_TEXT_BASED}`);
    if (o.whitelist) args.push('-c', `tessedit_char_whitelist=${o.whitelist}`);
    // the outputs as parameters, not as the "tsv"/"txt" config files: those live in the tessdata folder's configs/
    args.push('-c', 'tessedit_create_tsv=1', '-c', 'tessedit_create_txt=1');
    return args;
  }

  /**
   * Gives queued images to processes, at most `max` reading at a time: an idle process of the image's
   * kind, else a new one (the idle process used longest ago ended when more than `keep` would live).
   */
  function pump(): void {
    while (!terminated && queue.length > 0 && slots.filter((s) => s.reserved).length < max) {
      const job = queue.shift() as Job;
      const key = keyOf(job);
      let slot = slots.find((s) => s.key === key && !s.reserved);
      if (!slot) {
        const idle = slots.filter((s) => !s.reserved).sort((a, b) => a.lastUsed - b.lastUsed);
        while (slots.length >= keep && idle.length > 0) endSlot(idle.shift() as Slot);
        slot = { key, server: null, reserved: false, lastUsed: 0 };
        slots.push(slot);
      }
      slot.reserved = true;
      void readOn(slot, job);
    }
  }

  function endSlot(slot: Slot): void {
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    slot.server?.kill();
  }

  async function readOn(slot: Slot, job: Job): Promise<void> {
    let file: string | null = null;
    try {
      await check();
      const dir = await workFolder();
      if (terminated) throw new OcrError('the OCR engine was terminated');
      file = join(dir, `in${seq++}.${job.ext}`);
      await writeFile(file, job.image);
      if (terminated) throw new OcrError('the OCR engine was terminated');
      if (!slot.server?.alive) {
        slot.server = startTesseractServer(binary, argsFor(job), env, join(dir, 'sentinel.pgm'), (s) => {
          // a process that ended (a failed image, a timeout, killed) is not given more work
          if (slot.server === s && !slot.reserved) endSlot(slot);
        });
      }
      const r = await slot.server.read(file, timeout);
      // the image is gone before its answer
      await rm(file, { force: true }).catch(() => undefined);
      file = null;
      job.resolve(parseTesseractTsv(r.tsv, r.text));
    } catch (e) {
      if (file) await rm(file, { force: true }).catch(() => undefined);
      job.reject(terminated ? new OcrError('the OCR engine was terminated') : e);
    } finally {
      slot.reserved = false;
      slot.lastUsed = ++seq;
      if (!slot.server?.alive) endSlot(slot);
      pump();
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
        pump();
      });
    },
    async terminate() {
      if (terminated) return;
      terminated = true;
      const err = new OcrError('the OCR engine was terminated');
      for (const j of queue.splice(0)) j.reject(err);
      const servers = slots.splice(0).flatMap((s) => (s.server ? [s.server] : []));
      for (const s of servers) s.kill();
      await Promise.allSettled(servers.map((s) => s.exited));
      await work?.catch(() => undefined);
      for (const dir of [workDir, unpacked]) {
        if (!dir) continue;
        await rm(dir, { recursive: true, force: true });
        live.dirs.delete(dir);
      }
    },
  };
}

/** File extension for an encoded image (Leptonica sniffs the content anyway). */
function extensionOf(b: Buffer): string {
  if (b.length >= 4 && b.readUInt32BE(0) === 0x89504e47) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  if (b.length >= 2 && b[0] === 0x50 && b[1] !== undefined && b[1] >= 0x31 && b[1] <= 0x36) return 'pnm';
  if (b.length >= 4 && (b.toString('latin1', 0, 4) === 'II*\0' || b.toString('latin1', 0, 4) === 'MM\0*')) return 'tif';
  return 'img';
}
