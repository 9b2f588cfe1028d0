/**
 * Held-out reports, second set: six reports written for a BLIND measurement
 * (fixtures/heldout2/*), each in a layout that neither the corpus nor the
 * first held-out set has, with a hand-written `<name>.expected.json` in the
 * fixtures/expected format. The expected files were written before the
 * library was run on the reports; the figures of that single first run are
 * in fixtures/heldout2/FIRST_RUN.md.
 *
 * Every check asserts what a correct extractor must produce. A check the
 * library fails today is listed in KNOWN_BUGS: it runs as `it.fails(...)`
 * with the bug in its title, so it flips (fails) once the bug is fixed, and
 * its KNOWN_BUGS line must then go. Expectations are never weakened here.
 *
 * HELDOUT2_RAW=1 runs every check as a plain `it`, to see the raw pass/fail list.
 */
import { expect } from 'vitest';
import { type HeldoutCheck, heldoutSuite } from '../_support/heldout-suite.js';

/**
 * Checks that fail today, per file: check → the bug (with where it most
 * likely is). Measured at HEAD 8ffc76c (src/ita, src/thai, the text, HTML
 * and Markdown readers unmodified in the working tree).
 */
const KNOWN_BUGS: Record<string, Partial<Record<HeldoutCheck, string>>> = {};

heldoutSuite({
  folder: 'heldout2',
  label: 'held-out 2',
  knownBugs: KNOWN_BUGS,
  rawEnv: 'HELDOUT2_RAW',
  extra: (name, doc, check) => {
    if (!name.startsWith('r4_')) return;
    check(name, 'diagnostics', 'flags the heading numbered ๖ that carries issue 5 (SECTION_TITLE_MISMATCH)', () => {
      const d = doc().diagnostics.filter((x) => x.code === 'SECTION_TITLE_MISMATCH');
      expect(d).toHaveLength(1);
      expect(d[0]?.source?.line).toBe(27);
    });
  },
});
