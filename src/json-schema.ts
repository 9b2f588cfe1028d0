/**
 * The `ita-extract/schema` entry: the JSON Schema (draft 2020-12) of one
 * output record, the same object as the shipped schema.json, as a module that
 * plain `import` and `require` load without JSON import attributes.
 */
import shipped from '../schema.json';

/** A JSON Schema document (draft 2020-12). */
export interface JsonSchema {
  readonly $schema: string;
  readonly $id: string;
  readonly title: string;
  readonly type: string;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly required: readonly string[];
  readonly [keyword: string]: unknown;
}

/** The JSON Schema of an `ItaDocument` (schemaVersion 1), as in `ita-extract/schema.json`. */
export const jsonSchema: JsonSchema = shipped;
