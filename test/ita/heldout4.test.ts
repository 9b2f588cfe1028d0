/**
 * Held-out reports, fourth set: reports written for a BLIND measurement
 * (fixtures/heldout4/*), each in a layout or from a producer that nothing
 * before it has, with a hand-written `<name>.expected.json` in the
 * fixtures/expected format, written before the library was run on it; the
 * figures of that single first run are in fixtures/heldout4/FIRST_RUN.md.
 *
 * Every check asserts what a correct extractor must produce. A check the
 * library fails today is listed in KNOWN_BUGS: it runs as `it.fails(...)`
 * with the bug in its title, so it flips (fails) once the bug is fixed, and
 * its KNOWN_BUGS line must then go. Expectations are never weakened here.
 *
 * HELDOUT4_RAW=1 runs every check as a plain `it`, to see the raw pass/fail list.
 */
import { type HeldoutCheck, heldoutSuite } from '../_support/heldout-suite.js';

/** Checks that fail today, per file: check → the bug (with where it most likely is). */
const KNOWN_BUGS: Record<string, Partial<Record<HeldoutCheck, string>>> = {
  'd1_obt_pdftotext_layout_columns_by_spaces_2568.txt': {
    entries: 'a table whose columns only spaces align (pdftotext -layout), cells wrapped over lines, is read as paragraphs (readers/text.ts)',
    codes: 'no entries, so no codes (the same table)',
    sections: "issue 1's heading, the last line of a page under the table's header, is not listed (no rows under it are read)",
    title: 'the running header above the title on every page is taken for the title (ita/header.ts)',
  },
};

heldoutSuite({
  folder: 'heldout4',
  label: 'held-out 4',
  knownBugs: KNOWN_BUGS,
  rawEnv: 'HELDOUT4_RAW',
});
