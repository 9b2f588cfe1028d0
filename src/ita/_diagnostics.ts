import type { Diagnostic, DiagnosticCode, Period, SourcePosition } from '../model/schema.js';
import { PLAUSIBLE_BE, PLAUSIBLE_YEARS_FROM_FISCAL_YEAR, implausibleYears } from '../thai/date.js';

/** A diagnostic record; `origin` names the recogniser that raised it. */
export function diagnostic(
  severity: Diagnostic['severity'],
  code: DiagnosticCode,
  message: string,
  source: SourcePosition | null,
  origin: string,
  extra: { actual?: string; expected?: string } = {},
): Diagnostic {
  return { severity, code, message, origin, source, ...extra };
}

/**
 * What is doubtful about a period, wherever it was read (the reporting period,
 * an entry's period; text or OCR): an end before its start (PERIOD_REVERSED)
 * and a year far from the fiscal year (PERIOD_YEAR_IMPLAUSIBLE). `what` names
 * the field in the message.
 */
export function periodDiagnostics(p: Period, fy: number | null, source: SourcePosition | null, origin: string, what: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (p.reversed) out.push(diagnostic('warning', 'PERIOD_REVERSED', `${what} "${p.raw}" ends before it starts`, source, origin, { actual: p.raw }));
  const far = implausibleYears(p, fy);
  if (far.length > 0) {
    const outside = far.some((y) => y < PLAUSIBLE_BE[0] || y > PLAUSIBLE_BE[1]);
    const against =
      fy !== null && !outside ? `more than ${PLAUSIBLE_YEARS_FROM_FISCAL_YEAR} years from fiscal year ${fy}` : `outside ${PLAUSIBLE_BE[0]}–${PLAUSIBLE_BE[1]} BE${fy !== null ? ` or far from fiscal year ${fy}` : ''}`;
    out.push(
      diagnostic('warning', 'PERIOD_YEAR_IMPLAUSIBLE', `${what} "${p.raw}": year ${far.join(', ')} is ${against} (a misread year?)`, source, origin, {
        actual: far.join(', '),
        ...(fy !== null ? { expected: `${fy - PLAUSIBLE_YEARS_FROM_FISCAL_YEAR}–${fy + PLAUSIBLE_YEARS_FROM_FISCAL_YEAR}` } : {}),
      }),
    );
  }
  return out;
}

/**
 * The ITA's level bands: until 2566 AA 95–100, A 85–94.99, B 75–84.99,
 * C 65–74.99, D 55–64.99, E 50–54.99, F below 50; from 2567 ผ่าน at 85 or
 * more, ไม่ผ่าน below.
 */
const LEVEL_BANDS: Readonly<Record<string, readonly [number, number]>> = {
  AA: [95, 100],
  A: [85, 95],
  B: [75, 85],
  C: [65, 75],
  D: [55, 65],
  E: [50, 55],
  F: [0, 50],
  ผ่าน: [85, 100],
  ไม่ผ่าน: [0, 85],
};

/**
 * An overall score outside the band of the level written with it ("ได้คะแนน
 * ๘ อยู่ในระดับ ผ่าน", "๙๕.๙๕ … ระดับ A"): one of the two is misread (OCR)
 * or misprinted. SCORE_OUT_OF_RANGE on the score's line, naming the score.
 */
export function scoreLevelDiagnostics(score: number | null, level: string | null, source: SourcePosition | null, origin: string): Diagnostic[] {
  const band = level === null ? undefined : LEVEL_BANDS[level];
  if (score === null || !band) return [];
  const [lo, hi] = band;
  if (score >= lo && (score < hi || (hi === 100 && score <= 100))) return [];
  return [
    diagnostic('warning', 'SCORE_OUT_OF_RANGE', `overall score ${score} lies outside level ${level}'s band (${lo}–${hi === 100 ? 100 : `below ${hi}`}): a misread score or level?`, source, origin, {
      actual: String(score),
      expected: `${lo}–${hi}`,
    }),
  ];
}

/**
 * A header year (the fiscal year, the assessment year) outside 2550–2580:
 * PERIOD_YEAR_IMPLAUSIBLE on its line, naming it (OCR's ๒๕๔๘ for ๒๕๖๘).
 */
export function yearDiagnostics(be: number, source: SourcePosition | null, origin: string, what: string): Diagnostic[] {
  if (be >= PLAUSIBLE_BE[0] && be <= PLAUSIBLE_BE[1]) return [];
  return [
    diagnostic('warning', 'PERIOD_YEAR_IMPLAUSIBLE', `${what} ${be} is outside ${PLAUSIBLE_BE[0]}–${PLAUSIBLE_BE[1]} BE (a misread year?)`, source, origin, {
      actual: String(be),
      expected: `${PLAUSIBLE_BE[0]}–${PLAUSIBLE_BE[1]}`,
    }),
  ];
}
