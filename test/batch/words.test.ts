/**
 * The batch's words: counts with the right number, and a TIMEOUT message
 * that states the limit and the time the job really took.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { counted, duration, timeoutMessage } from '../../src/batch/_words.js';
import type { JobSettings } from '../../src/batch/job.js';
import { inProcessRunner } from '../../src/batch/runners.js';
import { corpusPath } from '../_support/variants.js';

describe('counted', () => {
  it('says one entry, two entries, no documents', () => {
    expect(counted(1, 'entry')).toBe('1 entry');
    expect(counted(2, 'entry')).toBe('2 entries');
    expect(counted(0, 'document')).toBe('0 documents');
    expect(counted(1, 'document')).toBe('1 document');
    expect(counted(1, 'other file')).toBe('1 other file');
    expect(counted(7, 'section')).toBe('7 sections');
  });
});

describe('timeoutMessage', () => {
  it('states the limit and the time elapsed, each as it was', () => {
    expect(timeoutMessage(1, 7.3)).toBe('exceeded the 1 s limit (--timeout); stopped after 7.3 s');
    expect(timeoutMessage(600, 600.02)).toBe('exceeded the 600 s limit (--timeout); stopped after 600 s');
    expect(timeoutMessage(0.5, 0.75)).toBe('exceeded the 500 ms limit (--timeout); stopped after 750 ms');
    // in-process work is not stopped: the message does not claim it was
    expect(timeoutMessage(1, 7.3, false)).toBe('exceeded the 1 s limit (--timeout); ran 7.3 s (in-process work cannot be stopped)');
    expect(duration(12.7)).toBe('13 s');
  });

  it('in-process, reports the time the job really ran, not the limit', async () => {
    // in-process work is not stopped at the limit: a job that takes longer than 1 ms runs to its end
    const settings: JobSettings = { format: 'jsonl', pretty: false, maxBytes: 2 ** 20 };
    const runner = inProcessRunner({ settings, timeoutMs: 1 });
    const bytes = new TextEncoder().encode(readFileSync(corpusPath('000_12d03613c0e47b57'), 'utf8'));
    const o = await runner.run({ index: 0, path: 'slow.txt', bytes, sha256: 'a'.repeat(64), format: 'text' });
    await runner.close();
    expect(o?.row.error_code).toBe('TIMEOUT');
    const m = /^exceeded the 1 ms limit \(--timeout\); ran (?:(\d+) ms|([\d.]+) s) \(in-process work cannot be stopped\)$/.exec(String(o?.row.error_message));
    expect(m, String(o?.row.error_message)).not.toBeNull();
    const elapsed = m![1] !== undefined ? Number(m![1]) / 1000 : Number(m![2]);
    const seconds = Number(o?.row.seconds);
    expect(seconds).toBeGreaterThan(0.001);
    // the message and the record's seconds tell the same time (to the message's rounding)
    expect(Math.abs(elapsed - seconds)).toBeLessThanOrEqual(Math.max(0.001, seconds * 0.06));
  });
});
