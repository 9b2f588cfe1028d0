/**
 * The last guard before output: a document that fails its schema. A
 * recogniser's slip in one element (an indicator numbered 0, a date out of
 * range) should cost that element, not the document: the element is dropped
 * (a nullable field is set to null) with an error diagnostic naming where,
 * and the rest goes out. Only when no such repair makes the document valid
 * does the caller turn it into an error record.
 */
import { ItaDocumentSchema, type Diagnostic, type ItaDocument } from './schema.js';

const MAX_REPAIRS = 50;

type Container = Record<string | number, unknown> | unknown[];

function parentOf(root: unknown, path: readonly PropertyKey[]): Container | null {
  let node: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node !== null && typeof node === 'object' ? (node as Container) : null;
}

/** Removes the array element on the path (the innermost one), or nulls the field; the path of what went, or null when neither applies. */
function dropAt(root: unknown, path: readonly PropertyKey[]): string | null {
  for (let end = path.length; end > 0; end--) {
    const key = path[end - 1];
    const parent = parentOf(root, path.slice(0, end));
    if (Array.isArray(parent) && typeof key === 'number' && key < parent.length) {
      parent.splice(key, 1);
      return path.slice(0, end).join('.');
    }
  }
  const parent = parentOf(root, path);
  const key = path[path.length - 1];
  if (parent && !Array.isArray(parent) && key !== undefined && typeof key !== 'symbol' && parent[key] !== null) {
    parent[key] = null;
    return path.join('.');
  }
  return null;
}

/** The document made valid by dropping what fails the schema, or null when it cannot be. */
export function repairToSchema(doc: ItaDocument): ItaDocument | null {
  const copy = structuredClone(doc) as ItaDocument;
  const notes: Diagnostic[] = [];
  for (let i = 0; i < MAX_REPAIRS; i++) {
    const result = ItaDocumentSchema.safeParse({ ...copy, diagnostics: [...copy.diagnostics, ...notes] });
    if (result.success) return result.data;
    const issue = result.error.issues[0]!;
    if (issue.path[0] === 'diagnostics' || issue.path.length === 0) return null;
    const where = dropAt(copy, issue.path);
    if (where === null) return null;
    notes.push({
      severity: 'error',
      code: 'OUTPUT_FIELD_DROPPED',
      message: `${where} failed the output schema (${issue.path.join('.')}: ${issue.message}) and was left out`,
      origin: 'model/repair',
      source: null,
      actual: null,
      expected: null,
    });
  }
  return null;
}
