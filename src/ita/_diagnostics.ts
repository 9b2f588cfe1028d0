import type { Diagnostic, DiagnosticCode, Period, SourcePosition } from '../model/schema.js';
import { PLAUSIBLE_YEARS_FROM_FISCAL_YEAR, implausibleYears } from '../thai/date.js';

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
    const against = fy !== null ? `more than ${PLAUSIBLE_YEARS_FROM_FISCAL_YEAR} years from fiscal year ${fy}` : 'outside 2540–2600 BE';
    out.push(
      diagnostic('warning', 'PERIOD_YEAR_IMPLAUSIBLE', `${what} "${p.raw}": year ${far.join(', ')} is ${against} (a misread year?)`, source, origin, {
        actual: far.join(', '),
        ...(fy !== null ? { expected: `${fy - PLAUSIBLE_YEARS_FROM_FISCAL_YEAR}–${fy + PLAUSIBLE_YEARS_FROM_FISCAL_YEAR}` } : {}),
      }),
    );
  }
  return out;
}
