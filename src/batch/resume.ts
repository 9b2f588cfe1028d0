/**
 * --resume: which inputs the output file already has a record for. Inputs
 * are known by the sha256 of their bytes (an input that could not be read
 * has none, and is known by its path). Each record stands for one input, so
 * two identical files need two records before both are skipped. A last line
 * cut short (a run killed mid-write) is cut off the file, so the run can
 * append whole records after it.
 */
import { createReadStream } from 'node:fs';
import { stat, truncate } from 'node:fs/promises';

export type Status = 'ok' | 'error';

export interface ResumeState {
  /** Records found in the file. */
  records: number;
  /** Bytes of a cut-short last record that were removed. */
  truncated: number;
  /** Takes the record of this input, if the file has one left; its status, else null. */
  take(sha256: string | null, path: string): Status | null;
}

/** How every JSONL record begins (JSON.stringify keeps the schema's key order). */
const RECORD_START = '{"schemaVersion":';

export class ResumeError extends Error {
  override name = 'ResumeError';
}

function takeFrom<K>(map: Map<K, Status[]>, key: K): Status | null {
  const list = map.get(key);
  return list?.shift() ?? null;
}

function parseRecord(line: Buffer): { sha: string | null; path: string; status: Status } | null {
  try {
    const d = JSON.parse(line.toString('utf8')) as { schemaVersion?: unknown; status?: unknown; source?: { sha256?: unknown; path?: unknown } };
    if (typeof d.schemaVersion !== 'number' || (d.status !== 'ok' && d.status !== 'error') || typeof d.source !== 'object' || d.source === null) return null;
    return { sha: typeof d.source.sha256 === 'string' ? d.source.sha256 : null, path: String(d.source.path ?? ''), status: d.status };
  } catch {
    return null;
  }
}

export async function loadResume(file: string): Promise<ResumeState> {
  const bySha = new Map<string, Status[]>();
  const byPath = new Map<string, Status[]>();
  const state: ResumeState = {
    records: 0,
    truncated: 0,
    take: (sha, path) => (sha ? takeFrom(bySha, sha) : takeFrom(byPath, path)),
  };
  const size = (await stat(file).catch(() => null))?.size;
  if (size === undefined) return state;

  let consumed = 0; // bytes before `carry`
  let goodEnd = 0; // end of the last whole record
  let bad: number | null = null; // line number of an unreadable line, allowed only at the end
  let lineNo = 0;
  let carry = Buffer.alloc(0);
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(10); nl !== -1; nl = buf.indexOf(10, start)) {
      const line = buf.subarray(start, nl);
      start = nl + 1;
      lineNo++;
      if (line.length === 0) continue;
      if (bad !== null) throw new ResumeError(`line ${bad} of ${file} is not an ita-extract record; not resuming into it`);
      const rec = parseRecord(line);
      if (!rec) {
        bad = lineNo;
        continue;
      }
      const map = rec.sha ? bySha : byPath;
      const key = rec.sha ?? rec.path;
      map.set(key, [...(map.get(key) ?? []), rec.status]);
      state.records++;
      goodEnd = consumed + start;
    }
    consumed += start;
    carry = Buffer.from(buf.subarray(start));
  }
  if (goodEnd < size) {
    const head = (bad === null ? carry : Buffer.alloc(0)).subarray(0, RECORD_START.length).toString('utf8');
    if (state.records === 0 && !(head !== '' && RECORD_START.startsWith(head))) throw new ResumeError(`${file} is not an ita-extract JSONL file; not resuming into it`);
    state.truncated = size - goodEnd;
    await truncate(file, goodEnd);
  }
  return state;
}
