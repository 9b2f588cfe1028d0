/**
 * pdfjs worker patch: a Thai mark drawn on its own, away from the text
 * before it, is a text item of its own at its own place.
 *
 * pdfjs appends a zero-width diacritic (a tone mark, an above or below
 * vowel) to the text item it is building without looking where it is
 * drawn: it takes the mark to sit on the glyph before. LibreOffice, when a
 * page break cuts a cell's line inside a cluster ("ข้" at the foot of the
 * page, "ข" drawn there), draws the mark alone at the top of the next
 * page, in its cell's first line; pdfjs glued it to whatever the page drew
 * last (a header cell: "ยังไม่ได้ดำเนินการ" + "้"), so the header repeat
 * was not recognised and the mark was lost from the row number it belongs
 * to ("ข" / "้อ๒"). With the patch a mark drawn more than a font size
 * from where the item's last glyph ended goes through pdfjs's position
 * check like any glyph, which starts a new item there.
 */

const DIACRITIC_SKIP = 'if (!category.isZeroWidthDiacritic && !compareWithLastPosition(scaledDim)) {';

const DETACHED = `(!category.isZeroWidthDiacritic || (textContentItem.initialized && textContentItem.prevTransform && (() => {
          const itaAt = getCurrentTextTransform();
          const itaPrev = textContentItem.prevTransform;
          return Math.hypot(itaAt[4] - itaPrev[4], itaAt[5] - itaPrev[5]) > Math.hypot(itaAt[2], itaAt[3]);
        })()))`;

/** The worker source with detached marks placed; null when the anchor is not there exactly once (or already patched). */
export function patchWorkerDetachedMarks(src: string): string | null {
  if (src.includes('itaPrev') || src.split(DIACRITIC_SKIP).length !== 2) return null;
  return src.replace(DIACRITIC_SKIP, `if (${DETACHED} && !compareWithLastPosition(scaledDim)) {`);
}
