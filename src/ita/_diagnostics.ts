import type { Diagnostic, DiagnosticCode, SourcePosition } from '../model/schema.js';

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
