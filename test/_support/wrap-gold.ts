/**
 * Gold data for the wrap repair, read from corpus 000, which prints the same
 * table rows twice: in part ๑ with narrow columns (wrapped) and in part ๒
 * with other column widths. A space between two Thai characters that both
 * renderings have at the same place is the writer's; one that only one of
 * them has was left by wrapping. The labels are therefore derived from the
 * document itself, not from the code under test; they are noisy where both
 * renderings happened to wrap at the same place.
 */
import { readFileSync } from 'node:fs';
import { diffChars } from 'diff';

export interface LabelledCell {
  text: string;
  /** For each space run (in order): true = a real space, false = left by wrapping, null = unknown. */
  keep: Array<boolean | null>;
}

const THAI = /[\u0e01-\u0e4e]/;

function cellsOf(line: string): string[] {
  return line.split('\t').map((c) =>
    c
      .replace(/<\/?(p|b)>/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

function dataRows(lines: string[]): string[][] {
  return lines
    .filter((l) => l.split('\t').length >= 5)
    .map(cellsOf)
    .filter((cells) => !(cells[0] ?? '').startsWith('ประเด็นที่เป็น'));
}

/** Stripped text and the stripped offsets at which a space run stood. */
function strip(s: string): { bare: string; spaces: number[] } {
  let bare = '';
  const spaces: number[] = [];
  for (const ch of s) {
    if (ch === ' ') {
      if (spaces[spaces.length - 1] !== bare.length) spaces.push(bare.length);
    } else bare += ch;
  }
  return { bare, spaces };
}

/** Map offsets of a into b where the characters are common to both. */
function alignment(a: string, b: string): { map: Map<number, number>; ratio: number } {
  const map = new Map<number, number>();
  let i = 0;
  let j = 0;
  let same = 0;
  for (const part of diffChars(a, b)) {
    const n = part.value.length;
    if (part.added) j += n;
    else if (part.removed) i += n;
    else {
      for (let k = 0; k < n; k++) map.set(i + k, j + k);
      i += n;
      j += n;
      same += n;
    }
  }
  return { map, ratio: (2 * same) / (a.length + b.length || 1) };
}

function label(s: string, other: string): LabelledCell {
  const x = strip(s);
  const y = strip(other);
  const { map } = alignment(x.bare, y.bare);
  const otherSpaces = new Set(y.spaces);
  const keep = x.spaces.map((p) => {
    const to = map.get(p);
    const before = map.get(p - 1);
    if (to === undefined || (p > 0 && before !== to - 1)) return null;
    return otherSpaces.has(to);
  });
  return { text: s, keep };
}

export function wrapGold(corpus000Path: string): LabelledCell[] {
  const lines = readFileSync(corpus000Path, 'utf8').split('\n');
  const cut = lines.findIndex((l) => l.startsWith('๒. ผลการดำเนินการ'));
  const part1 = dataRows(lines.slice(0, cut));
  const part2 = dataRows(lines.slice(cut));
  const out: LabelledCell[] = [];
  for (let col = 0; col < 5; col++) {
    const candidates = part2.map((r) => r[col] ?? '');
    for (const row of part1) {
      const cell = row[col] ?? '';
      const bare = strip(cell).bare;
      let best = '';
      let bestRatio = 0;
      for (const c of candidates) {
        const r = alignment(bare, strip(c).bare).ratio;
        if (r > bestRatio) [best, bestRatio] = [c, r];
      }
      if (bestRatio < 0.8) continue;
      out.push(label(cell, best), label(best, cell));
    }
  }
  return out;
}

/** Which space runs of `s` (in order) are gone from `repaired`. */
export function removedSpaces(s: string, repaired: string): boolean[] {
  const out: boolean[] = [];
  let j = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === ' ' && s[i - 1] !== ' ') out.push(repaired[j] !== ' ');
    if (s[i] === repaired[j]) j++;
  }
  return out;
}

/** Precision and recall of removed spaces over spaces with Thai on both sides. */
export function scoreRepair(
  cells: LabelledCell[],
  repair: (s: string) => string,
): { tp: number; fp: number; fn: number; tn: number; precision: number; recall: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const cell of cells) {
    const removed = removedSpaces(cell.text, repair(cell.text));
    let k = 0;
    for (let i = 0; i < cell.text.length; i++) {
      if (cell.text[i] !== ' ' || cell.text[i - 1] === ' ') continue;
      const truth = cell.keep[k];
      const gone = removed[k];
      k++;
      let e = i;
      while (cell.text[e] === ' ') e++;
      if (truth === null || truth === undefined) continue;
      if (!THAI.test(cell.text[i - 1] ?? '') || !THAI.test(cell.text[e] ?? '')) continue;
      if (gone && !truth) tp++;
      else if (gone && truth) fp++;
      else if (!gone && !truth) fn++;
      else tn++;
    }
  }
  return { tp, fp, fn, tn, precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1) };
}
