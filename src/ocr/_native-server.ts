/**
 * One long-lived `tesseract` process reading images one after the other
 * (native.ts): Tesseract's `stream_filelist` mode reads image paths from its
 * standard input, one a line, and recognises each as it comes, with the
 * models loaded once; its TSV and text outputs go to standard output.
 *
 * Starting tesseract and loading its models costs more than reading a small
 * crop (about 0.07 CPU-s for the Thai model, 0.3 for the English one), and
 * the Thai-first reading asks for several small recognitions per page (the
 * English stack, the code words, cells), each in its own set of languages
 * and segmentation mode: a process per image (or per burst) paid that load
 * again and again. A server reads every image of its kind (languages, psm,
 * resolution, whitelist) for the life of the engine.
 *
 * Where one image's output ends: Tesseract writes nothing after an image
 * until the next one has begun (the text output's page separator, "\f",
 * comes before a page), so each image is followed by a tiny blank image,
 * the sentinel; once the sentinel's page line is out, everything of the
 * image before it is. Every image then has a page number n > 1 and its
 * output is: its TSV rows (page_num n), "\f", its text.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { OcrError } from './errors.js';

export interface ServerReading {
  tsv: string;
  text: string;
}

export interface TesseractServer {
  /** Reads the image at `path` (a path without a line break). */
  read(path: string, timeoutMs: number): Promise<ServerReading>;
  /** Whether the process still runs (a failed image or a timeout ends it). */
  readonly alive: boolean;
  readonly busy: boolean;
  /** The process id (for measurements of its CPU). */
  readonly pid: number | undefined;
  kill(): void;
  /** Settles when the process has exited. */
  readonly exited: Promise<void>;
}

/** A white image 7×3 px: read in no time, and nothing on it. */
export const SENTINEL_PGM = Buffer.concat([Buffer.from('P5\n7 3\n255\n', 'latin1'), Buffer.alloc(21, 255)]);

/** Processes running: killed when this process exits (one killed outright leaves them their standard input's end, and they stop). */
const running = new Set<ChildProcessWithoutNullStreams>();
let exitHook = false;

/** An idle process does not keep this one alive (an engine nobody terminated must not hang the exit); a busy one does. */
function hold(child: ChildProcessWithoutNullStreams, on: boolean): void {
  for (const h of [child, child.stdin, child.stdout, child.stderr] as Array<{ ref?: () => void; unref?: () => void }>) {
    if (on) h.ref?.();
    else h.unref?.();
  }
}

interface Pending {
  page: number;
  resolve(r: ServerReading): void;
  reject(e: unknown): void;
  timer: NodeJS.Timeout;
}

/**
 * Starts `binary args… - -  -c stream_filelist=1` (`args`: languages, psm, dpi, tessdata, outputs),
 * with `sentinel` the path of {@link SENTINEL_PGM} written to disk.
 */
export function startTesseractServer(binary: string, args: readonly string[], env: NodeJS.ProcessEnv, sentinel: string, onExit: (s: TesseractServer) => void): TesseractServer {
  let child: ChildProcessWithoutNullStreams | null = null;
  let alive = true;
  let out = '';
  let err = '';
  /** Page numbers Tesseract has been given so far (the first sentinel is page 1). */
  let pages = 1;
  let pending: Pending | null = null;
  let resolveExit: () => void = () => undefined;
  const exited = new Promise<void>((r) => {
    resolveExit = r;
  });

  const fail = (e: unknown): void => {
    const p = pending;
    pending = null;
    if (p) {
      clearTimeout(p.timer);
      if (child) hold(child, false);
      p.reject(e);
    }
  };

  /** The pending image's output, once its sentinel's page line (page p + 1) is out. */
  const drain = (): void => {
    const p = pending;
    if (!p) return;
    // the sentinel's page line: after the image's text ("\n") or, when that is empty, its separator ("\f")
    const m = new RegExp(`[\n\f]1\t${p.page + 1}\t0\t0\t0\t0\t0\t0\t`).exec(out);
    if (!m) return;
    const at = m.index;
    const chunk = out.slice(0, at + 1);
    // the sentinel's own line and what follows it (its "\f") stay for the next image, whose chunk starts there
    const nl = out.indexOf('\n', at + 1);
    if (nl < 0) return;
    out = out.slice(nl + 1);
    pending = null;
    clearTimeout(p.timer);
    if (child) hold(child, false);
    const own = new RegExp(`^\\d+\\t${p.page}\\t`);
    // the previous sentinel's separator comes before the first row
    const lines = chunk.split(/[\n\f]/);
    const tsv = lines.filter((l) => own.test(l)).join('\n');
    const sep = chunk.lastIndexOf('\f');
    const text = sep < 0 ? '' : chunk.slice(sep + 1).split('\n').filter((l) => !own.test(l)).join('\n');
    p.resolve({ tsv, text });
  };

  const server: TesseractServer = {
    get alive() {
      return alive;
    },
    get busy() {
      return pending !== null;
    },
    get pid() {
      return child?.pid;
    },
    exited,
    read(path, timeoutMs) {
      if (!alive || !child) return Promise.reject(new OcrError('the tesseract process has ended'));
      if (pending) return Promise.reject(new OcrError('the tesseract process is busy'));
      const page = pages + 1;
      pages += 2;
      return new Promise<ServerReading>((resolve, reject) => {
        const timer = setTimeout(() => {
          fail(new OcrError(`OCR took longer than ${timeoutMs} ms`));
          server.kill();
        }, timeoutMs);
        pending = { page, resolve, reject, timer };
        if (child) hold(child, true);
        child?.stdin.write(`${path}\n${sentinel}\n`);
      });
    },
    kill() {
      if (alive) child?.kill('SIGKILL');
    },
  };

  try {
    child = spawn(binary, ['-', '-', ...args, '-c', 'stream_filelist=1'], { env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
  } catch {
    // no process (the binary vanished, no resources): the server is dead from the start, its callers get errors
    alive = false;
    resolveExit();
    queueMicrotask(() => onExit(server));
    return server;
  }
  running.add(child);
  if (!exitHook) {
    exitHook = true;
    process.once('exit', () => {
      for (const c of running) c.kill('SIGKILL');
    });
  }
  hold(child, false);
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (d: string) => {
    out += d;
    drain();
  });
  child.stderr.on('data', (d: string) => {
    // the last lines only: what a failure says
    err = (err + d).slice(-2000);
  });
  // a write to a process that has gone: the exit handler says why
  child.stdin.on('error', () => undefined);
  const ended = (why: string): void => {
    if (!alive) return;
    alive = false;
    if (child) running.delete(child);
    fail(new OcrError(`tesseract failed: ${why}`));
    resolveExit();
    onExit(server);
  };
  child.on('error', (e) => ended(e.message));
  child.on('close', (code, signal) => ended(err.trim().split('\n').slice(-3).join(' ') || `exit ${code ?? signal}`));
  // the first sentinel: the models load while the caller's image is being written
  child.stdin.write(`${sentinel}\n`);
  return server;
}
