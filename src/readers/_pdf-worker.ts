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
 *
 * Two more changes spare the reader pdfjs's operator lists, which cost it
 * about as much again as the text itself (the content stream parsed a
 * second time, every glyph built and outlined, all of it cloned into this
 * thread), for the few things it needs from them: ruling lines, images and
 * the fonts' names (bold).
 *  - With `includeMarkedContent` (only the reader asks for it),
 *    getTextContent also reports what the page paints: an item
 *    `{ type: 'itaPath', fn, ctm, data, fill }` per painted path (fn the paint
 *    operator, data the path as pdfjs's operator lists give it, in user
 *    space, ctm the transformation then, fill the operands of the last
 *    fill-colour operator: grey, RGB or CMYK by their count, null after a
 *    pattern or a colour space set, undefined before any) and `{ type: 'itaImage', ctm }` per
 *    image (with its declared `w` and `h` when it is an image XObject); and
 *    every text style carries its font's name (`fontName`). One
 *    pass over the content stream gives text and graphics
 *    ({@link patchWorkerGraphics}).
 *  - Operator lists fetched with page.getOperatorList() (the OPLIST
 *    intent; the reader falls back on them when the first change cannot be
 *    made) are "textless": their show-text operations keep no glyphs, a
 *    third of their cost ({@link patchWorkerSource}).
 * Rendering (page.render, OCR) uses neither and is unchanged.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { patchWorkerDetachedMarks } from './_pdf-worker-marks.js';
import { SPACE_GAP } from './_pdf-wrap.js';

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
                  actualText = itaUtf16be(at) ?? stringToPDFString(at);
                }
              }
              textContent.items.push({
                type: "beginMarkedContentProps",
                id: $1,
                tag: $2,
                ...(actualText !== null ? { actualText } : {})
              });`;

/**
 * ActualText is nearly always UTF-16BE with a byte-order mark (one string
 * per Thai glyph run). pdfjs's stringToPDFString makes a new TextDecoder
 * for each, which costs more than the decoding: this decodes it directly,
 * leaving anything else (no mark, an odd length, a lone surrogate) to
 * stringToPDFString.
 */
export const UTF16BE = `
function itaUtf16be(s) {
  if (s.length < 2 || s.length % 2 !== 0 || s.charCodeAt(0) !== 0xfe || s.charCodeAt(1) !== 0xff) return null;
  const units = [];
  for (let i = 2; i < s.length; i += 2) units.push((s.charCodeAt(i) << 8) | s.charCodeAt(i + 1));
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u >= 0xd800 && u <= 0xdbff) {
      const v = units[i + 1];
      if (v === undefined || v < 0xdc00 || v > 0xdfff) return null;
      i++;
    } else if (u >= 0xdc00 && u <= 0xdfff) return null;
  }
  let out = "";
  for (let i = 0; i < units.length; i += 4096) out += String.fromCharCode(...units.slice(i, i + 4096));
  return out;
}
`;

/** The operator list's intent flags: OPLIST marks a list fetched by page.getOperatorList(). */
const OPLIST_INTENT = 'this.optimizer = streamSink && !(intent & RenderingIntentFlag.OPLIST) ? new QueueOptimizer(this) : new NullOptimizer(this);';
/** The show-text operations' glyph building in the evaluator's getOperatorList. */
const HANDLE_TEXT = /args\[0\] = self\.handleText\(args\[0\], stateManager\.state\);/g;
const HANDLE_SPACED_TEXT = 'combinedGlyphs.push(...self.handleText(arrItem, state));';

/** Show-text operations of OPLIST operator lists without glyphs; null when the source does not have the expected shape. */
function textlessOperatorLists(src: string): string | null {
  const sites = src.match(HANDLE_TEXT)?.length ?? 0;
  if (sites !== 3 || src.split(OPLIST_INTENT).length !== 2 || src.split(HANDLE_SPACED_TEXT).length !== 2) return null;
  return src
    .replace(OPLIST_INTENT, `${OPLIST_INTENT} this.textless = !!(intent & RenderingIntentFlag.OPLIST);`)
    .replace(HANDLE_TEXT, 'args[0] = operatorList.textless ? [] : self.handleText(args[0], stateManager.state);')
    .replace(HANDLE_SPACED_TEXT, `if (!operatorList.textless) ${HANDLE_SPACED_TEXT}`);
}

/** Where getTextContent's state starts: a path under construction goes next to it. */
const TEXT_LOOP_START = `sink?.enqueue(textContent, length);
      textContent.items = [];
      textContent.styles = Object.create(null);
    }
    const timeSlotManager = new TimeSlotManager();`;
/** getTextContent's XObject case: path and image operations go before it. */
const TEXT_XOBJECT_CASE = `case OPS.paintXObject:
            flushTextContentItem();`;
/** getTextContent's image XObjects (and those cached across pages). */
const TEXT_IMAGE = `if (type.name !== "Form") {
                emptyXObjectCache.set(name, dict.objId, true);`;
const TEXT_GLOBAL_IMAGE = `if (globalImage) {
                  resolveXObject();`;
const TEXT_STYLE = 'fontFamily: font.fallbackName,';

const GRAPHICS_CASES = `case OPS.moveTo:
          case OPS.lineTo:
          case OPS.curveTo:
          case OPS.curveTo2:
          case OPS.curveTo3:
          case OPS.closePath:
          case OPS.rectangle:
            if (includeMarkedContent) self.buildPath(fn, args, itaPath);
            break;
          case OPS.setFillGray:
          case OPS.setFillRGBColor:
          case OPS.setFillCMYKColor:
          case OPS.setFillColor:
          case OPS.setFillColorN:
            if (includeMarkedContent) stateManager.state.itaFill = args.length > 0 && args.every(a => typeof a === "number") ? Array.from(args) : null;
            break;
          case OPS.setFillColorSpace:
            if (includeMarkedContent) stateManager.state.itaFill = null;
            break;
          case OPS.stroke:
          case OPS.closeStroke:
          case OPS.fill:
          case OPS.eoFill:
          case OPS.fillStroke:
          case OPS.eoFillStroke:
          case OPS.closeFillStroke:
          case OPS.closeEOFillStroke:
          case OPS.endPath:
            if (includeMarkedContent) {
              if (fn === OPS.closeStroke || fn === OPS.closeFillStroke || fn === OPS.closeEOFillStroke) itaPath.pathBuffer.push(DrawOPS.closePath);
              if (fn !== OPS.endPath) textContent.items.push({ type: "itaPath", fn, ctm: Array.from(stateManager.state.ctm), data: new Float32Array(itaPath.pathBuffer), fill: stateManager.state.itaFill });
              itaPath.pathBuffer.length = 0;
            }
            break;
          case OPS.beginInlineImage:
            if (includeMarkedContent) textContent.items.push({ type: "itaImage", ctm: Array.from(stateManager.state.ctm) });
            break;
          `;
const IMAGE_ITEM = 'textContent.items.push({ type: "itaImage", ctm: Array.from(stateManager.state.ctm) });';
/** An image XObject's item also tells its declared size (`w` × `h` pixels, as its dictionary says: nothing decoded). */
const SIZED_IMAGE_ITEM = 'textContent.items.push({ type: "itaImage", ctm: Array.from(stateManager.state.ctm), w: dict.get("Width"), h: dict.get("Height") });';

/** Each anchor once in `src`. */
function once(src: string, ...anchors: string[]): boolean {
  return anchors.every((a) => src.split(a).length === 2);
}

/**
 * getTextContent with `includeMarkedContent` also reporting painted paths,
 * images and font names (see the module comment); null when the source
 * does not have the expected shape, or has it already.
 */
export function patchWorkerGraphics(src: string): string | null {
  if (src.includes('type: "itaPath"')) return null;
  if (!once(src, TEXT_LOOP_START, TEXT_XOBJECT_CASE, TEXT_IMAGE, TEXT_GLOBAL_IMAGE, TEXT_STYLE)) return null;
  if (!/^\s*buildPath\(fn, args, state\) \{$/m.test(src) || !/^const DrawOPS = \{/m.test(src)) return null;
  return src
    .replace(TEXT_LOOP_START, `${TEXT_LOOP_START}
    const itaPath = { pathBuffer: [], pathMinMax: new Float32Array([Infinity, Infinity, -Infinity, -Infinity]), currentPointX: 0, currentPointY: 0 };`)
    .replace(TEXT_XOBJECT_CASE, `${GRAPHICS_CASES}${TEXT_XOBJECT_CASE}`)
    .replace(TEXT_IMAGE, `if (includeMarkedContent && type.name === "Image") ${SIZED_IMAGE_ITEM}
              ${TEXT_IMAGE}`)
    .replace(TEXT_GLOBAL_IMAGE, TEXT_GLOBAL_IMAGE.replace('{', `{
                  if (includeMarkedContent) ${IMAGE_ITEM}`))
    .replace(TEXT_STYLE, `${TEXT_STYLE} fontName: font.name,`);
}

/**
 * Promises the worker leaves without a handler (it runs in this thread, so
 * their rejections are ours and, under Node's defaults, kill the process):
 *  - the page tree walk prefetches every top-level kid's dictionary and
 *    awaits each only when it gets there: a kid whose cross-reference entry
 *    is bad rejects first, unobserved ("XRefEntryException: Bad
 *    (uncompressed) XRef entry");
 *  - the operator-list and text-content handlers fetch the page with no
 *    rejection handler (the reader's stream would then never end);
 *  - the reload after a broken cross-reference table has none either, nor
 *    the note that the data is loaded.
 */
const PREFETCHED_KID = 'pageDictCache.put(lastKid, xref.fetchAsync(lastKid));';
const STREAM_HANDLER_END = /(sink\.error\(reason\);\n\s*\}\);\n\s*)\}\);(\n\s*\}\);\n\s*handler\.on\("(?:GetTextContent|GetStructTree)")/g;
const RELOAD = /pdfManager\.requestLoadedStream\(\)\.then\(function \(\) \{\n(\s*)ensureNotTerminated\(\);\n\s*loadDocument\(true\)\.then\(onSuccess, onFailure\);\n(\s*)\}\);/;
const DATA_LOADED = /pdfManager\.requestLoadedStream\(true\)\.then\(stream => \{\n\s*handler\.send\("DataLoaded", \{\n\s*length: stream\.bytes\.byteLength\n\s*\}\);\n\s*\}\)/;

/** The worker's source with a handler on each promise it leaves unhandled (see above); null when an anchor is missing. */
export function patchWorkerRejections(src: string): string | null {
  if (src.includes('itaSettled')) return null;
  if (!once(src, PREFETCHED_KID) || (src.match(STREAM_HANDLER_END)?.length ?? 0) !== 2 || !RELOAD.test(src) || !DATA_LOADED.test(src)) return null;
  return src
    .replace(PREFETCHED_KID, 'const itaSettled = xref.fetchAsync(lastKid); itaSettled.catch(() => {}); pageDictCache.put(lastKid, itaSettled);')
    .replace(STREAM_HANDLER_END, '$1}, reason => sink.error(reason));$2')
    // onFailure throws (ensureNotTerminated) once the document is destroyed: nothing is left to tell then
    .replace(RELOAD, (m) => m.replace(/\}\);$/, '}).catch(reason => { try { onFailure(reason); } catch {} });'))
    .replace(DATA_LOADED, (m) => `${m}.catch(() => {})`);
}

/**
 * A budget of work per page request (text content, operator list): each
 * operation read from a content stream costs 1, each XObject drawn
 * {@link XOBJECT_COST} more (a form is a content stream of its own to set
 * up and read). Form XObjects that draw each other several times make the
 * work grow exponentially with the nesting depth (2^40 leaves from a few
 * KB), all of it synchronous: past the budget (at most 1,000 XObjects) the request fails with
 * {@link PAGE_BUDGET_MESSAGE} and the page is not read. A real page costs
 * a few thousand to a few tens of thousands.
 */
export const PAGE_BUDGET = 500_000;
export const XOBJECT_COST = 500;
export const PAGE_BUDGET_MESSAGE = 'ita-extract: the page draws more than the work budget allows';
const READ_OPERATION = /if \(!preprocessor\.read\(operation\)\) \{\n(\s*)break;\n(\s*)\}/g;
const SPEND = `
function itaSpend(task, fn) {
  task.itaCost = (task.itaCost || 0) + (fn === OPS.paintXObject ? ${XOBJECT_COST} : 1);
  if (task.itaCost > ${PAGE_BUDGET}) {
    const error = new Error(${JSON.stringify(PAGE_BUDGET_MESSAGE)});
    error.itaOverBudget = true;
    throw error;
  }
}
`;
/** Where pdfjs (ignoreErrors) drops a failed XObject, ExtGState, shading or the rest of the page and goes on: not past the budget. */
const IGNORED_ERROR = /(if \(reason instanceof AbortException\) \{\n\s*(?:return|continue);\n\s*\}\n\s*if \((?:self|this)\.options\.ignoreErrors)\)/g;

/**
 * Every content-stream loop (operator lists and text content) spending
 * from the page budget, and the request failing when it is spent (not
 * returning what was read so far, as pdfjs does with other errors); null
 * when the loops are not the two expected.
 */
export function patchWorkerBudget(src: string): string | null {
  if (src.includes('function itaSpend(') || (src.match(READ_OPERATION)?.length ?? 0) !== 2 || !/^const OPS = \{/m.test(src)) return null;
  if ((src.match(IGNORED_ERROR)?.length ?? 0) < 2) return null;
  return (
    src
      .replace(READ_OPERATION, (m, _a: string, indent: string) => `${m}\n${indent}itaSpend(task, operation.fn);`)
      .replace(IGNORED_ERROR, '$1 && !reason?.itaOverBudget)') + SPEND
  );
}

/** The ActualText BDC item (as patchWorkerSource writes it), the EMC case, and the glyph loop's whitespace branch. */
const ACTUAL_TEXT_ITEM = /(\.\.\.\(actualText !== null \? \{ actualText \} : \{\}\)\s*\}\);)/;
const EMC_LEVEL = /(\n(\s*)markedContentData\.level--;\n\s*textContent\.items\.push\(\{\n\s*type: "endMarkedContent")/;
const WHITESPACE_GLYPH = 'if (!keepWhiteSpace && category.isWhitespace) {';

/**
 * Glyphs inside an ActualText span kept as text even when their Unicode is
 * blank. LibreOffice gives a glyph no ToUnicode entry when it first drew it
 * inside a span (the า of ำ), then writes every later use of it in a span
 * of its own (ActualText "า"); pdfjs reads the unmapped code as a control
 * character, counts it as white space and leaves the span without a glyph,
 * so the span's text had no place on the page and was lost. Kept as a
 * glyph, the span has its position and width (its text replaces the
 * glyph's). Null when an anchor is missing (the span patch not applied).
 */
export function patchWorkerSpanGlyphs(src: string): string | null {
  if (src.includes('markedContentData.itaActual') || !ACTUAL_TEXT_ITEM.test(src) || !EMC_LEVEL.test(src) || !once(src, WHITESPACE_GLYPH)) return null;
  if (src.split(ACTUAL_TEXT_ITEM).length !== 3 || src.split(EMC_LEVEL).length !== 4) return null;
  return src
    .replace(ACTUAL_TEXT_ITEM, '$1\n              if (actualText !== null && !markedContentData.itaActual) markedContentData.itaActual = markedContentData.level;')
    .replace(EMC_LEVEL, '\n$2if (markedContentData.itaActual === markedContentData.level) markedContentData.itaActual = 0;$1')
    .replace(WHITESPACE_GLYPH, 'if (!keepWhiteSpace && category.isWhitespace && !markedContentData?.itaActual) {');
}

const ADD_FAKE_SPACES = 'function addFakeSpaces(width, transf, textOrientation) {';
const SPACE_IN_FLOW_MIN = 'textContentItem.spaceInFlowMin = fontSize * SPACE_IN_FLOW_MIN_FACTOR;';

/**
 * pdfjs puts a space into a text item wherever two glyphs stand more than
 * a tenth of the font size apart with no space glyph between them, where
 * the reader (runsToLines) asks for a quarter (SPACE_GAP). LibreOffice
 * sets a Latin letter and the Thai digits after it a fifth of the font
 * size apart ("o๒" drawn as "o" and "๒" with a gap): pdfjs made them two
 * words ("o ๒"). With this change such a gap under `gap` font sizes ends
 * the item without a space: the next glyph starts an item of its own at
 * its own place, and the reader joins the two runs as it joins any two
 * this close (no space). The place matters where the gap is a table rule:
 * Chromium pads cells by a pixel, so marks in narrow month columns ("/"
 * in each of three cells) stood a sixth of the font size apart and came
 * as one item "///" that no rule could cut rightly. A space glyph (the
 * last character pdfjs saw was one) still makes a space, as before. Null
 * when an anchor is missing.
 */
export function patchWorkerSpaceGap(src: string, gap: number): string | null {
  if (src.includes('itaSpaceMin') || !once(src, ADD_FAKE_SPACES, SPACE_IN_FLOW_MIN)) return null;
  return src.replace(SPACE_IN_FLOW_MIN, `${SPACE_IN_FLOW_MIN} textContentItem.itaSpaceMin = fontSize * ${gap};`).replace(
    ADD_FAKE_SPACES,
    `${ADD_FAKE_SPACES}
      if (textContentItem.initialized && textContentItem.str.length > 0 && textOrientation * width < textContentItem.itaSpaceMin && twoLastChars[(twoLastCharsPos + 1) % 2] !== " ") { flushTextContentItem(); resetLastChars(); return true; }`,
  );
}

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
 * The worker module's source with ActualText kept (and textless operator
 * lists when that change applies), or null when it cannot be read, already
 * keeps ActualText, or does not have the expected shape.
 */
export function patchWorkerSource(src: string): string | null {
  if (HAS_ACTUAL_TEXT.test(src)) return null;
  const m = BDC_CASE.exec(src);
  if (!m || !/function stringToPDFString\(/.test(src) || BDC_CASE.exec(src.slice(m.index + m[0].length))) return null;
  const patched = src.slice(0, m.index) + m[0].replace(BDC_CASE, BDC_CASE_WITH_ACTUAL_TEXT) + src.slice(m.index + m[0].length) + UTF16BE;
  return textlessOperatorLists(patched) ?? patched;
}

/**
 * The worker module registers itself as `globalThis.pdfjsWorker`, where any
 * pdfjs in the process (the host's own, maybe another version) takes its
 * fake worker from: the patched copy keeps to itself.
 */
const WORKER_GLOBAL = 'globalThis.pdfjsWorker = {';

/** The patched source without its global registration (left as is when the anchor is not there once). */
export function privateWorkerSource(src: string): string {
  return once(src, WORKER_GLOBAL) ? src.replace(WORKER_GLOBAL, 'const itaPrivateWorker = {') : src;
}

/**
 * Imports a worker module leaving `globalThis.pdfjsWorker` as it was: the
 * module sets it on first import, and another pdfjs in the process (the
 * host's) would then run its documents on our worker.
 */
async function importKeepingGlobal(specifier: string): Promise<unknown> {
  const g = globalThis as { pdfjsWorker?: unknown };
  const had = Object.prototype.hasOwnProperty.call(g, 'pdfjsWorker');
  const before = g.pdfjsWorker;
  try {
    return await import(/* @vite-ignore */ specifier);
  } finally {
    if (had) g.pdfjsWorker = before;
    else delete g.pdfjsWorker;
  }
}

/**
 * Loads the worker module, patched for ActualText when possible, and then
 * for graphics in the text content (`graphics`: getTextContent with
 * includeMarkedContent reports paths, images and font names). The module
 * is ita-extract's own: it is not registered where another pdfjs would
 * find it (globalThis.pdfjsWorker), and one registered there is not used.
 */
export async function loadWorker(): Promise<{ module: unknown; actualText: boolean; graphics: boolean }> {
  const path = workerPath();
  if (path) {
    try {
      const src = await readFile(path, 'utf8');
      if (HAS_ACTUAL_TEXT.test(src)) return { module: await importKeepingGlobal(WORKER_MODULE), actualText: true, graphics: false };
      const patched = patchWorkerSource(src);
      if (patched) {
        const withGraphics = patchWorkerGraphics(patched);
        let full = withGraphics ?? patched;
        full = patchWorkerSpanGlyphs(full) ?? full;
        full = patchWorkerRejections(full) ?? full;
        full = patchWorkerBudget(full) ?? full;
        full = patchWorkerSpaceGap(full, SPACE_GAP) ?? full;
        full = patchWorkerDetachedMarks(full) ?? full;
        const url = `data:text/javascript;base64,${Buffer.from(privateWorkerSource(full)).toString('base64')}`;
        return { module: await importKeepingGlobal(url), actualText: true, graphics: withGraphics !== null };
      }
    } catch {
      // fall through to the worker as shipped
    }
  }
  return { module: await importKeepingGlobal(WORKER_MODULE), actualText: false, graphics: false };
}
