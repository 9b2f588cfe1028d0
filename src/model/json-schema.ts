import { z } from 'zod';
import { ItaDocumentSchema } from './schema.js';

/** The JSON Schema (draft 2020-12) of one output document, generated from the zod schema. */
export function itaDocumentJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ItaDocumentSchema, { io: 'output', target: 'draft-2020-12' }),
    $id: 'https://www.npmjs.com/package/ita-extract/schema.json',
    title: 'ita-extract document (schemaVersion 1)',
  };
}
