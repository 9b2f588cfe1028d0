/**
 * Held-out reports, third set: six reports written for a BLIND measurement
 * (fixtures/heldout3/*), each in a layout that neither the corpus nor the
 * first held-out set has, with a hand-written `<name>.expected.json` in the
 * fixtures/expected format. The expected files were written before the
 * library was run on the reports; the figures of that single first run are
 * in fixtures/heldout3/FIRST_RUN.md.
 *
 * Every check asserts what a correct extractor must produce. A check the
 * library fails today is listed in KNOWN_BUGS: it runs as `it.fails(...)`
 * with the bug in its title, so it flips (fails) once the bug is fixed, and
 * its KNOWN_BUGS line must then go. Expectations are never weakened here.
 *
 * HELDOUT3_RAW=1 runs every check as a plain `it`, to see the raw pass/fail list.
 */
import { type HeldoutCheck, heldoutSuite } from '../_support/heldout-suite.js';

/**
 * Checks that fail today, per file: check → the bug (with where it most
 * likely is).
 * The first run (fixtures/heldout3/FIRST_RUN.md) was at 8fa3534.
 */
const KNOWN_BUGS: Record<string, Partial<Record<HeldoutCheck, string>>> = {};

heldoutSuite({
  folder: 'heldout3',
  label: 'held-out 3',
  knownBugs: KNOWN_BUGS,
  rawEnv: 'HELDOUT3_RAW',
});
