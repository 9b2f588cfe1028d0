/**
 * Zip archives as inputs: names in every encoding Thai archives come in,
 * zip-slip and zip bombs refused entry by entry, nesting one level deep.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { classifyName, decodeEntryName, unsafeName } from '../../src/batch/_zip-entry.js';
import { countArchive, readArchive } from '../../src/batch/archive.js';
import { DEFAULT_LIMITS, type Input, type Limits } from '../../src/batch/types.js';
import { cp874, zip } from './_zip.js';

async function inputs(bytes: Buffer, limits: Limits = DEFAULT_LIMITS, skipped: string[] = []): Promise<Input[]> {
  const out: Input[] = [];
  for await (const i of readArchive({ path: 'a.zip', bytes }, limits, { onSkip: (p) => skipped.push(p) })) out.push(i);
  return out;
}

const brief = (i: Input) => (i.kind === 'failed' ? `${i.path} ${i.code}` : i.kind === 'bytes' ? `${i.path} ${Buffer.from(i.bytes).toString('utf8')}` : i.path);

describe('entry names', () => {
  it('decodes UTF-8 (flagged or not), CP874 without the flag, and the Info-ZIP Unicode Path field', async () => {
    const got = await inputs(
      zip([
        { name: 'รายงาน/ผลการประเมิน.txt', data: 'a' },
        { name: cp874('เอกสาร/มาตรการ ๒๕๖๗.txt'), data: 'b' },
        { name: 'ไฟล์.md', data: 'c', utf8Flag: false },
        { name: Buffer.from([0x80, 0x81, 0x2e, 0x74, 0x78, 0x74]), unicodePath: 'ชื่อจริง.txt', data: 'd' },
        { name: 'win\\sub\\report.txt', data: 'e' },
      ]),
    );
    expect(got.map(brief)).toEqual([
      'a.zip!/รายงาน/ผลการประเมิน.txt a',
      'a.zip!/เอกสาร/มาตรการ ๒๕๖๗.txt b',
      'a.zip!/ไฟล์.md c',
      'a.zip!/ชื่อจริง.txt d',
      'a.zip!/win/sub/report.txt e',
    ]);
  });

  it('reads a name without the UTF-8 flag that is not UTF-8 as Windows-874 when that is Thai, else as CP437', async () => {
    const raw = (b: number[] | Uint8Array) => ({ fileNameRaw: Buffer.from(b), extraFields: [], generalPurposeBitFlag: 0 });
    // what Windows in a Thai locale writes: รายงาน.txt, bit 11 clear
    expect(decodeEntryName(raw(cp874('รายงาน.txt')))).toBe('รายงาน.txt');
    // a Western DOS/Windows tool: Résumé in CP437 (0x82 is é there, and undefined in Windows-874)
    expect(decodeEntryName(raw([0x52, 0x82, 0x73, 0x75, 0x6d, 0x82, 0x2e, 0x74, 0x78, 0x74]))).toBe('Résumé.txt');
    // box-drawing CP437 bytes that are not Thai in Windows-874 either (0xDB-0xDE, 0xFC-0xFF are undefined there)
    expect(decodeEntryName(raw([0xdb, 0xdc, 0x2e, 0x6d, 0x64]))).toBe('█▄.md');
  });

  it('reads Windows-874 names even where TextDecoder has no windows-874 (a Node without full ICU)', () => {
    const Real = globalThis.TextDecoder;
    class SmallIcu extends Real {
      constructor(label?: string, options?: ConstructorParameters<typeof TextDecoder>[1]) {
        if (label === 'windows-874') throw new RangeError(`The "${label}" encoding is not supported`);
        super(label, options);
      }
    }
    vi.stubGlobal('TextDecoder', SmallIcu);
    try {
      expect(decodeEntryName({ fileNameRaw: Buffer.from(cp874('เอกสาร/มาตรการ ๒๕๖๗.txt')), extraFields: [], generalPurposeBitFlag: 0 })).toBe('เอกสาร/มาตรการ ๒๕๖๗.txt');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it.each([
    ['../evil.txt', 'a ".." segment'],
    ['a/../../evil.txt', 'a ".." segment'],
    ['/etc/evil.txt', 'an absolute path'],
    ['C:/evil.txt', 'an absolute path'],
    ['ok/fine..name.txt', null],
    ['..hidden.txt', null],
  ])('judges %s unsafe: %s', (name, why) => {
    expect(unsafeName(name)).toBe(why);
  });

  it('takes documents and archives by extension and leaves out platform junk', () => {
    expect(['a.PDF', 'b.docx', 'c.htm', 'd.md', 'e.txt', 'f.zip', 'g.xlsx', 'dir/', '__MACOSX/._a.pdf', 'x/._b.pdf', 'x/.DS_Store'].map(classifyName)).toEqual([
      'document', 'document', 'document', 'document', 'document', 'archive', 'other', 'directory', 'junk', 'junk', 'junk',
    ]);
    expect(decodeEntryName({ fileNameRaw: Buffer.from('a\\b.txt'), extraFields: [], generalPurposeBitFlag: 0 })).toBe('a/b.txt');
  });
});

describe('hostile archives', () => {
  it('never reads zip-slip entries: each is an error input, and the safe entries are read', async () => {
    const got = await inputs(
      zip([
        { name: '../evil.txt', data: 'x' },
        { name: 'a/../../evil.txt', data: 'x' },
        { name: '/tmp/evil.txt', data: 'x' },
        { name: 'C:\\evil.txt', data: 'x' },
        { name: '../evil.sh', data: 'x' },
        { name: 'good.txt', data: 'ok' },
      ]),
    );
    expect(got.map(brief)).toEqual([
      'a.zip!/../evil.txt UNSAFE_ARCHIVE_ENTRY',
      'a.zip!/a/../../evil.txt UNSAFE_ARCHIVE_ENTRY',
      'a.zip!//tmp/evil.txt UNSAFE_ARCHIVE_ENTRY',
      'a.zip!/C:/evil.txt UNSAFE_ARCHIVE_ENTRY',
      'a.zip!/../evil.sh UNSAFE_ARCHIVE_ENTRY',
      'a.zip!/good.txt ok',
    ]);
    expect((got[0] as { message: string }).message).toMatch(/zip-slip/);
  });

  it('stops entries past the size and ratio limits with TOO_LARGE, and a lying header with CORRUPT_FILE', async () => {
    const zeros = new Uint8Array(3 * 2 ** 20);
    const limits: Limits = { ...DEFAULT_LIMITS, maxBytes: 4 * 2 ** 20, ratioFloor: 2 ** 20 };
    const got = await inputs(
      zip([
        { name: 'ratio.txt', data: zeros },
        { name: 'declared.txt', data: 'small', method: 0, declaredSize: 5, utf8Flag: false },
        { name: 'huge.txt', data: 'tiny', declaredSize: 300 * 2 ** 20 },
        { name: 'liar.txt', data: zeros, declaredSize: 1000 },
        { name: 'fine.txt', data: 'fine' },
      ]),
      limits,
    );
    expect(got.map((i) => (i.kind === 'failed' ? `${i.path} ${i.code}` : `${i.path} ok`))).toEqual([
      'a.zip!/ratio.txt TOO_LARGE',
      'a.zip!/declared.txt ok',
      'a.zip!/huge.txt TOO_LARGE',
      'a.zip!/liar.txt CORRUPT_FILE',
      'a.zip!/fine.txt ok',
    ]);
  });

  it('stops a whole archive that expands past its budget (many small bombs)', async () => {
    const limits: Limits = { ...DEFAULT_LIMITS, maxBytes: 2 ** 20, ratioFloor: 300 * 1024 };
    const entries = Array.from({ length: 10 }, (_, i) => ({ name: `part${i}.txt`, data: new Uint8Array(200 * 1024) }));
    const got = await inputs(zip(entries), limits);
    expect(got).toHaveLength(10);
    const codes = got.map((i) => (i.kind === 'failed' ? i.code : 'ok'));
    expect(codes.slice(0, 5)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(codes.slice(5)).toEqual(['TOO_LARGE', 'TOO_LARGE', 'TOO_LARGE', 'TOO_LARGE', 'TOO_LARGE']);
  });

  it('refuses encrypted entries, unknown compression methods and symbolic links', async () => {
    const got = await inputs(
      zip([
        { name: 'secret.txt', data: 'x', flags: 1 },
        { name: 'lzma.txt', data: 'x', method: 14 },
        { name: 'link.txt', data: '/etc/passwd', method: 0, mode: 0o120777 },
      ]),
    );
    expect(got.map(brief)).toEqual(['a.zip!/secret.txt ENCRYPTED_ENTRY', 'a.zip!/lzma.txt UNSUPPORTED_FORMAT', 'a.zip!/link.txt UNSAFE_ARCHIVE_ENTRY']);
  });

  it('gives each bad entry its own record and reads the entries after it: encrypted, CRC-32 or size not the header\'s', async () => {
    const got = await inputs(
      zip([
        { name: 'first.txt', data: 'first' },
        // a stored entry with the encryption flag and no 12-byte encryption header: yauzl's own size check ended the archive here
        { name: 'locked.txt', data: 'locked', method: 0, flags: 1 },
        { name: 'middle.txt', data: 'middle', method: 0 },
        { name: 'bad-crc-stored.txt', data: 'stored data', method: 0, crc: 0x12345678 },
        { name: 'bad-crc-deflated.txt', data: 'deflated data '.repeat(50), crc: 0 },
        { name: 'short.txt', data: 'short', method: 0, declaredSize: 4 },
        { name: 'last.txt', data: 'last' },
      ]),
    );
    expect(got.map(brief)).toEqual([
      'a.zip!/first.txt first',
      'a.zip!/locked.txt ENCRYPTED_ENTRY',
      'a.zip!/middle.txt middle',
      'a.zip!/bad-crc-stored.txt CORRUPT_FILE',
      'a.zip!/bad-crc-deflated.txt CORRUPT_FILE',
      'a.zip!/short.txt CORRUPT_FILE',
      'a.zip!/last.txt last',
    ]);
    const message = (i: number) => (got[i]?.kind === 'failed' ? got[i].message : '');
    expect(message(1)).toBe('the entry is encrypted (a password-protected zip): not read');
    expect(message(3)).toMatch(/^the entry's data is damaged: its CRC-32 is [0-9a-f]{8}, the archive says 12345678$/);
    expect(message(4)).toMatch(/the archive says 00000000$/);
    expect(message(5)).toMatch(/^the entry's data is damaged: .*the 4 bytes its header declares$/);
  });

  it('opens a zip inside a zip, but not a third level', async () => {
    const deepest = zip([{ name: 'deep.txt', data: 'deep' }]);
    const inner = zip([{ name: 'report.txt', data: 'inner' }, { name: 'more/deeper.zip', data: deepest }]);
    const got = await inputs(zip([{ name: 'top.txt', data: 'top' }, { name: 'sub/inner.zip', data: inner }]));
    expect(got.map(brief)).toEqual(['a.zip!/top.txt top', 'a.zip!/sub/inner.zip!/report.txt inner', 'a.zip!/sub/inner.zip!/more/deeper.zip UNSUPPORTED_FORMAT']);
  });

  it('gives one error input for a corrupt archive, a truncated one, and one with no documents', async () => {
    const good = zip([{ name: 'a.txt', data: 'a'.repeat(1000) }, { name: 'b.txt', data: 'b' }]);
    expect((await inputs(Buffer.from('not a zip at all'))).map(brief)).toEqual(['a.zip CORRUPT_FILE']);
    expect((await inputs(good.subarray(0, good.length - 30))).map(brief)).toEqual(['a.zip CORRUPT_FILE']);
    const skipped: string[] = [];
    const none = await inputs(zip([{ name: 'pic.jpg', data: 'x' }, { name: 'dir/', data: '' }, { name: '__MACOSX/._a.pdf', data: 'x' }]), DEFAULT_LIMITS, skipped);
    expect(none.map(brief)).toEqual(['a.zip EMPTY_INPUT']);
    expect(skipped).toEqual(['a.zip!/pic.jpg', 'a.zip!/__MACOSX/._a.pdf']);
    expect((await inputs(zip([]))).map(brief)).toEqual(['a.zip EMPTY_INPUT']);
  });
});

describe('archives on disk', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ita-archive-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('counts the inputs an archive will give from its central directory, and writes nothing to disk', async () => {
    const file = join(dir, 'x.zip');
    await writeFile(file, zip([{ name: 'a.txt', data: 'a' }, { name: '../evil.txt', data: 'e' }, { name: 'b.jpg', data: 'b' }, { name: 'c.zip', data: zip([]) }, { name: 'd/', data: '' }]));
    expect(await countArchive(file)).toBe(3);
    const got: Input[] = [];
    for await (const i of readArchive({ path: file, file }, DEFAULT_LIMITS)) got.push(i);
    expect(got.map((i) => i.kind)).toEqual(['bytes', 'failed', 'failed']);
    expect(got[2]).toMatchObject({ path: `${file}!/c.zip`, code: 'EMPTY_INPUT' });
    expect(await readdir(dir)).toEqual(['x.zip']);
    await writeFile(join(dir, 'bad.zip'), 'junk');
    expect(await countArchive(join(dir, 'bad.zip'))).toBe(1);
  });
});
