/** The README's first command runs the CLI on the bundled sample archive: it must keep working. */
import { describe, it, expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { PassThrough } from 'node:stream';
import { runCli } from '../src/cli/main.js';
import type { ItaDocument } from '../src/index.js';

const sample = fileURLToPath(new URL('../fixtures/sample/ita-reports.zip', import.meta.url));

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

describe('the bundled sample archive', () => {
  it('gives one ok record per report: a PDF, a DOCX and a text file, with their organisations and entries', async () => {
    const out = collect();
    const err = collect();
    const code = await runCli([sample, '-j', '1', '-f', 'jsonl'], { stdout: out.stream, stderr: err.stream });
    expect(code).toBe(0);
    const docs = out
      .text()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ItaDocument);
    expect(docs.map((d) => [d.source.format, d.status, d.organization?.name, d.entries.length])).toEqual([
      ['pdf', 'ok', 'องค์การบริหารส่วนตำบลคลองประสัก', 10],
      ['docx', 'ok', 'องค์การบริหารส่วนตำบลบ้านหม้อ', 14],
      ['text', 'ok', 'องค์การบริหารส่วนตำบลดงมะไฟ', 7],
    ]);
    expect(docs[0]?.source.path).toMatch(/ita-reports\.zip!\/2567\/อบต\.คลองประสัก\/รายงานผลการดำเนินการ\.pdf$/);
    expect(docs[0]?.source.pages).toBe(11);
  });
});
