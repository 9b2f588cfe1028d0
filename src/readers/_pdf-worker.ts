/**
 * PDF reader: pdfjs's worker module, run in this thread, with /ActualText.
 *
 * pdfjs drops the /ActualText of marked-content spans from getTextContent,
 * yet LibreOffice and cairo write every Thai glyph substitution as such a
 * span ("ู่" drawn as one glyph whose ToUnicode says "่", "ำ" as ำ + า).
 * The evaluator reads the span's property dictionary and keeps only MCID
 * and the tag; a few more lines keep ActualText on the
 * `beginMarkedContentProps` item. The change is applied here, at load time,
 * to the worker's source, which is then imported from a data: URL: it works
 * wherever ita-extract is installed (patch-package cannot patch a
 * dependency of a dependency) and leaves node_modules alone. When the
 * source is not the expected one (another pdfjs version), the worker is
 * loaded as it is and text comes without ActualText (normalizeThai still
 * repairs most of it).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

export const WORKER_MODULE = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

/** The evaluator's BDC case in getTextContent (pdfjs 4.x–5.x). */
const BDC_CASE =
  /let mcid = null;\s*if \(args\[1\] instanceof Dict\) \{\s*mcid = args\[1\]\.get\("MCID"\);\s*\}\s*textContent\.items\.push\(\{\s*type: "beginMarkedContentProps",\s*id: (Number\.isInteger\(mcid\) \? [^\n]*? : null),\s*tag: (args\[0\] instanceof Name \? args\[0\]\.name : null)\s*\}\);/;

/** The same, keeping ActualText (resolving a named property list through the resources, as BDC allows). */
const BDC_CASE_WITH_ACTUAL_TEXT = `let mcid = null;
              let props = args[1];
              if (props instanceof Name) {
                const properties = resources.get("Properties");
                props = properties instanceof Dict ? properties.get(props.name) : null;
              }
              let actualText = null;
              if (props instanceof Dict) {
                mcid = props.get("MCID");
                const at = props.get("ActualText");
                if (typeof at === "string") {
                  actualText = stringToPDFString(at);
                }
              }
              textContent.items.push({
                type: "beginMarkedContentProps",
                id: $1,
                tag: $2,
                ...(actualText !== null ? { actualText } : {})
              });`;

/** Already patched (by hand or patch-package): the BDC item carries actualText. */
const HAS_ACTUAL_TEXT = /type: "beginMarkedContentProps",[^}]*actualText/;

function workerPath(): string | null {
  try {
    return createRequire(import.meta.url).resolve(WORKER_MODULE);
  } catch {
    try {
      return typeof require === 'function' ? require.resolve(WORKER_MODULE) : null;
    } catch {
      return null;
    }
  }
}

/**
 * The worker module's source with ActualText kept, or null when it cannot
 * be read, already keeps it, or does not have the expected shape.
 */
export function patchWorkerSource(src: string): string | null {
  if (HAS_ACTUAL_TEXT.test(src)) return null;
  const m = BDC_CASE.exec(src);
  if (!m || !/function stringToPDFString\(/.test(src) || BDC_CASE.exec(src.slice(m.index + m[0].length))) return null;
  return src.slice(0, m.index) + m[0].replace(BDC_CASE, BDC_CASE_WITH_ACTUAL_TEXT) + src.slice(m.index + m[0].length);
}

/** Loads the worker module (patched for ActualText when possible). */
export async function loadWorker(): Promise<{ module: unknown; actualText: boolean }> {
  const path = workerPath();
  if (path) {
    try {
      const src = await readFile(path, 'utf8');
      if (HAS_ACTUAL_TEXT.test(src)) return { module: await import(/* @vite-ignore */ WORKER_MODULE), actualText: true };
      const patched = patchWorkerSource(src);
      if (patched) {
        const url = `data:text/javascript;base64,${Buffer.from(patched).toString('base64')}`;
        return { module: await import(/* @vite-ignore */ url), actualText: true };
      }
    } catch {
      // fall through to the worker as shipped
    }
  }
  return { module: await import(/* @vite-ignore */ WORKER_MODULE), actualText: false };
}
