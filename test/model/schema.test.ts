import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { extract, extractFile, ItaDocumentSchema } from '../../src/index.js';
import { itaDocumentJsonSchema } from '../../src/model/json-schema.js';
import { expectedFiles } from '../_support/expected.js';

const shipped = JSON.parse(readFileSync(fileURLToPath(new URL('../../schema.json', import.meta.url)), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(shipped);

describe('the shipped JSON Schema (schema.json)', () => {
  it('is the one the zod schemas generate (run `npm run schema` after changing them)', () => {
    expect(shipped).toEqual(JSON.parse(JSON.stringify(itaDocumentJsonSchema())));
  });

  it.each(expectedFiles().map((f) => [f.expected.file, f.corpus]))('validates the output for %s', async (_name, path) => {
    const doc = await extractFile(path);
    const ok = validate(JSON.parse(JSON.stringify(doc)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('validates error records', async () => {
    for (const doc of [await extract(new Uint8Array(), { fileName: 'empty.txt' }), await extractFile('/no/such/file.pdf')]) {
      expect(doc.status).toBe('error');
      expect(validate(JSON.parse(JSON.stringify(doc)))).toBe(true);
    }
  });

  it('rejects what the contract forbids', async () => {
    const doc = JSON.parse(JSON.stringify(await extractFile(expectedFiles()[0]!.corpus)));
    const bad = [
      { ...doc, schemaVersion: 2 },
      { ...doc, status: 'maybe' },
      { ...doc, entries: [{ ...doc.entries[0], section: 8 }] },
      { ...doc, entries: [{ ...doc.entries[0], itemCodes: [{ ...doc.entries[0].itemCodes[0], code: 'x13' }] }] },
      { ...doc, fiscalYear: { ...doc.fiscalYear, start: '1 ต.ค. 2567' } },
      (({ diagnostics: _d, ...rest }) => rest)(doc),
    ];
    for (const b of bad) {
      expect(validate(b)).toBe(false);
      expect(ItaDocumentSchema.safeParse(b).success).toBe(false);
    }
  });
});
