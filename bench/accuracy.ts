/**
 * Accuracy against the hand-written expected outputs, per corpus file and
 * rendering: entries found vs in the document, item codes, sections,
 * periods, responsible units, header fields.
 */
import { existsSync } from 'node:fs';
import { extractFile } from '../src/index.js';
import { compare, expectedFiles, f1 } from '../test/_support/expected.js';

export interface AccuracyRow {
  file: string;
  status: string;
  entries: string;
  codes: string;
  codeF1: number;
  sections: string;
  periods: string;
  responsible: string;
  header: string;
}

export async function benchAccuracy(): Promise<AccuracyRow[]> {
  const rows: AccuracyRow[] = [];
  for (const { corpus, expected } of expectedFiles()) {
    for (const path of [corpus, corpus.replace('/corpus/', '/docx/').replace(/\.txt$/, '.docx'), corpus.replace(/corpus\/(\d{3})_[0-9a-f]+\.txt$/, 'pdf/$1.pdf')]) {
      if (!existsSync(path)) continue;
      const doc = await extractFile(path);
      const s = compare(doc, expected);
      const headerOk = Object.values(s.header).filter(Boolean).length;
      rows.push({
        file: path.split('/').slice(-2).join('/'),
        status: doc.status,
        entries: `${s.matchedEntries}/${s.expectedEntries} (+${s.actualEntries - s.matchedEntries})`,
        codes: `${s.codes.correct}/${s.codes.expected} (found ${s.codes.found})`,
        codeF1: f1(s.codes),
        sections: `${s.sectionRight}/${s.expectedEntries}`,
        periods: `${s.periodsRight}/${s.expectedEntries}`,
        responsible: `${s.responsibleRight}/${s.expectedEntries}`,
        header: `${headerOk}/${Object.keys(s.header).length}`,
      });
    }
  }
  return rows;
}
