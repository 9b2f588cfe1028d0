/** `npm run schema`: regenerate schema.json from the zod schemas (a test checks it is current). */
import { writeFileSync } from 'node:fs';
import { itaDocumentJsonSchema } from '../src/model/json-schema.js';

writeFileSync(new URL('../schema.json', import.meta.url), `${JSON.stringify(itaDocumentJsonSchema(), null, 2)}\n`);
