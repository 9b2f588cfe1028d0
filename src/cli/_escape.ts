/**
 * Text for a terminal. File names, archive entry names, error messages and
 * anything else that comes from the inputs may hold control characters: an
 * escape sequence clears the screen, retitles the window or writes the
 * clipboard (OSC 52), a carriage return or newline forges a line of our own.
 * Every such character is shown as a visible escape instead: C0 controls,
 * DEL, C1 controls (U+0080–U+009F: 0x9B is a one-byte CSI), the line and
 * paragraph separators, and the bidirectional embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069) that make a name read other than
 * it is. Thai, other scripts and marks are left as they are.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED = new Map([['\n', '\\n'], ['\r', '\\r'], ['\t', '\\t']]);

function visible(c: string): string {
  const code = c.charCodeAt(0);
  return NAMED.get(c) ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/** One piece of text (a name, a message) with every control character made visible. */
export function forTerminal(text: string): string {
  return String(text).replace(CONTROL, visible);
}

/** A message of our own: its final newline kept, every other control character made visible. */
export function terminalLine(text: string): string {
  const s = String(text);
  return s.endsWith('\n') ? `${forTerminal(s.slice(0, -1))}\n` : forTerminal(s);
}

/** Text of several lines (help, usage errors): newlines kept, every other control character made visible. */
export function terminalLines(text: string): string {
  return String(text).split('\n').map(forTerminal).join('\n');
}

// what JSON.stringify leaves as it is: DEL, C1, the separators and the bidi controls (C0 it escapes itself)
const JSON_RAW = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Records shown on a terminal (stdout is one, no -o): JSON with the control
 * characters JSON.stringify leaves raw written as \u escapes, the same JSON
 * value; CSV with its line structure kept and every other control character
 * made visible.
 */
export function dataForTerminal(text: string, format: 'json' | 'jsonl' | 'csv'): string {
  if (format === 'csv') return terminalLines(text);
  return text.replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
