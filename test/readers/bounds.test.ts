/**
 * Memory bounds in the library: padding bombs (a table grid of 300,000 ×
 * 150,001 from 900 KB of text, 600,000 one-character cells, colspan=1000,
 * rowspan=65534, 250,000 empty <td>, a DOCX whose document.xml inflates to
 * 64 MiB, declared honestly or as 1 KB) are refused with TOO_LARGE by
 * extract() in-process, before their memory is spent.
 *
 * They run in a child process whose heap is capped at 256 MB: a bomb that
 * spends its memory kills it (before the bounds, each of the first five took
 * the heap to its limit, 1.5 GB and more). The peak RSS it reports is asserted too.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** Peak RSS growth allowed while reading all the bombs (measured: about 120 MB). */
const MAX_GROWTH_MB = 200;

describe('padding bombs, in-process', () => {
  it('each is refused with TOO_LARGE and one readable line; the heap stays under 256 MB and RSS grows < 200 MB', async () => {
    const { stdout } = await run(process.execPath, ['--max-old-space-size=256', '--expose-gc', '--import', 'tsx', 'test/readers/_bomb-child.ts'], {
      maxBuffer: 1 << 20,
    });
    const [first, ...results] = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(results.map((r) => r.name)).toEqual(['wide.txt', 'padding.txt', 'colspan.html', 'rowspan.html', 'cells.html', 'declared.docx', 'lying.docx']);
    for (const r of results) {
      expect(r.size, r.name).toBeLessThan(1_500_000);
      expect(r.error?.code, r.name).toBe('TOO_LARGE');
      expect(r.error.message, r.name).not.toMatch(/[\t\n\r]/);
    }
    const msg = (name: string) => results.find((r) => r.name === name)?.error.message;
    expect(msg('wide.txt')).toMatch(/^the table at line 2 is too large: 1 row × 300,001 columns/);
    expect(msg('rowspan.html')).toMatch(/^the table at line 1 is too large: \d+ rows × 1,001 columns/);
    expect(msg('declared.docx')).toMatch(/^the DOCX's XML would inflate to 64\.0 MiB \(word\/document\.xml: 64\.0 MiB\), more than the 4\.2 MiB allowed for a file of 0\.1 MiB/);
    expect(msg('lying.docx')).toBe("the DOCX's word/document.xml inflates to more than the 1024 bytes it declares (a zip bomb?)");
    const peak = Math.max(...results.map((r) => r.peak));
    expect(peak - first.base).toBeLessThan(MAX_GROWTH_MB);
  }, 300_000);
});
