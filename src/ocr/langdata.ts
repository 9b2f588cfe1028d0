/**
 * The OCR language data: the traineddata files the @tesseract.js-data
 * packages ship (both engines read them), and the folder tesseract.js reads
 * several languages from.
 */
import { copyFileSync, existsSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { OcrError } from './errors.js';
import { makeTempDir } from './temp.js';

const require = createRequire(import.meta.url);

/** One language's gzip traineddata: the integer "best" LSTM model when shipped, else the package's langPath's (shared with the native engine, native.ts). */
export function languageFile(lang: string): string {
  if (!/^[a-z_]{3,12}$/.test(lang)) throw new OcrError(`not a language code: ${lang}`);
  let pkgDir: string;
  let langPath: string;
  try {
    const pkgJson = require.resolve(`@tesseract.js-data/${lang}/package.json`);
    pkgDir = dirname(pkgJson);
    langPath = (require(`@tesseract.js-data/${lang}`) as { langPath: string }).langPath;
  } catch {
    throw new OcrError(`the OCR language data for "${lang}" is not installed (npm i @tesseract.js-data/${lang})`);
  }
  const best = join(pkgDir, '4.0.0_best_int', `${lang}.traineddata.gz`);
  if (existsSync(best)) return best;
  const shipped = join(langPath, `${lang}.traineddata.gz`);
  if (existsSync(shipped)) return shipped;
  throw new OcrError(`no ${lang}.traineddata.gz in @tesseract.js-data/${lang}`);
}

interface LangDir {
  dir: string;
  /** Made for this language list (several languages), removed when its last pool ends. */
  temporary: boolean;
  users: number;
}
const langDirs = new Map<string, LangDir>();
let exitHook = false;

/**
 * A folder holding `<lang>.traineddata.gz` for every language of `languages`,
 * taken for one pool until `release()`. Several languages need a temporary
 * folder of links (tesseract.js reads every language from one langPath); it
 * lives while a pool uses it, so an engine that was terminated leaves nothing
 * behind, and the exit hook is only the backstop for engines never terminated.
 */
export function takeLanguageDir(languages: string): { dir: string; release(): void } {
  let entry = langDirs.get(languages);
  if (!entry) {
    entry = makeLanguageDir(languages);
    langDirs.set(languages, entry);
  }
  entry.users++;
  const taken = entry;
  let released = false;
  return {
    dir: taken.dir,
    release() {
      if (released) return;
      released = true;
      if (--taken.users > 0 || !taken.temporary) return;
      langDirs.delete(languages);
      rmSync(taken.dir, { recursive: true, force: true });
    },
  };
}

function makeLanguageDir(languages: string): LangDir {
  const langs = languages.split('+');
  const files = langs.map(languageFile);
  const first = files[0];
  if (files.length === 1 && first) return { dir: dirname(first), temporary: false, users: 0 };
  const dir = makeTempDir('ita-ocr-');
  if (!exitHook) {
    exitHook = true;
    process.once('exit', () => {
      for (const d of langDirs.values()) if (d.temporary) rmSync(d.dir, { recursive: true, force: true });
    });
  }
  langs.forEach((lang, i) => {
    const src = files[i] as string;
    const dst = join(dir, `${lang}.traineddata.gz`);
    try {
      symlinkSync(src, dst);
    } catch {
      copyFileSync(src, dst);
    }
  });
  return { dir, temporary: true, users: 0 };
}
