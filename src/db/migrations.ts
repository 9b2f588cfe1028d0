/**
 * The archive's schema, versioned: MIGRATIONS is the list, in order, and
 * ita.schema_version records which are applied. migrate() applies the
 * missing ones in one transaction under an advisory lock, so any number of
 * submitters and workers may start at once; a database newer than this
 * program is refused rather than written to.
 */
import type pg from 'pg';

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'documents, inputs, entries, item codes, periods, diagnostics',
    sql: `
CREATE TABLE ita.documents (
  id bigserial PRIMARY KEY,
  source_path text NOT NULL,
  sha256 text UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  status text NOT NULL CHECK (status IN ('queued', 'running', 'ok', 'error')),
  attempts integer NOT NULL DEFAULT 0,
  error_code text,
  error_message text,
  format text,
  pages integer,
  ocr boolean,
  organization_name text,
  organization_kind text,
  district text,
  province text,
  fiscal_year integer,
  assessment_year integer,
  overall_score double precision,
  level text,
  document json,
  summary jsonb,
  seconds double precision,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- an input that never had bytes (unreadable, unsafe archive entry, too large) is known by its path
CREATE UNIQUE INDEX documents_unread_path ON ita.documents (source_path) WHERE sha256 IS NULL;
CREATE INDEX documents_status ON ita.documents (status);
CREATE INDEX documents_province_year ON ita.documents (province, fiscal_year);
CREATE INDEX documents_year ON ita.documents (fiscal_year, assessment_year);
CREATE INDEX documents_error_code ON ita.documents (error_code) WHERE error_code IS NOT NULL;

CREATE TABLE ita.inputs (
  document_id bigint PRIMARY KEY REFERENCES ita.documents (id) ON DELETE CASCADE,
  size bigint NOT NULL,
  bytes bytea,
  shared_path text,
  CHECK ((bytes IS NULL) <> (shared_path IS NULL))
);

CREATE TABLE ita.entries (
  id bigserial PRIMARY KEY,
  document_id bigint NOT NULL REFERENCES ita.documents (id) ON DELETE CASCADE,
  idx integer NOT NULL,
  seq integer,
  section integer,
  part integer NOT NULL,
  kind text NOT NULL,
  text text NOT NULL,
  fields jsonb NOT NULL,
  score double precision,
  budget text,
  responsible text[] NOT NULL,
  page integer,
  line integer,
  -- a results entry's analysis entry (its idx in the same document: linksTo.entry)
  links_to integer,
  UNIQUE (document_id, idx)
);
CREATE INDEX entries_section ON ita.entries (section, part);

CREATE TABLE ita.item_codes (
  entry_id bigint NOT NULL REFERENCES ita.entries (id) ON DELETE CASCADE,
  document_id bigint NOT NULL REFERENCES ita.documents (id) ON DELETE CASCADE,
  code text NOT NULL,
  tool text NOT NULL,
  item integer NOT NULL,
  via text NOT NULL,
  confidence double precision NOT NULL
);
CREATE INDEX item_codes_code ON ita.item_codes (code);
CREATE INDEX item_codes_entry ON ita.item_codes (entry_id);
CREATE INDEX item_codes_document ON ita.item_codes (document_id);

CREATE TABLE ita.periods (
  entry_id bigint NOT NULL REFERENCES ita.entries (id) ON DELETE CASCADE,
  document_id bigint NOT NULL REFERENCES ita.documents (id) ON DELETE CASCADE,
  period_start text,
  period_end text,
  precision text,
  raw text NOT NULL
);
CREATE INDEX periods_entry ON ita.periods (entry_id);
CREATE INDEX periods_document ON ita.periods (document_id);

CREATE TABLE ita.diagnostics (
  document_id bigint NOT NULL REFERENCES ita.documents (id) ON DELETE CASCADE,
  severity text NOT NULL,
  code text NOT NULL,
  message text NOT NULL,
  origin text,
  page integer,
  line integer
);
CREATE INDEX diagnostics_document ON ita.diagnostics (document_id);
CREATE INDEX diagnostics_code ON ita.diagnostics (code);
`,
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
}

/** Applies the missing migrations; returns the versions applied now (none when the database was current). */
export async function migrate(pool: pg.Pool): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // one migrator at a time, across every machine (the key is ita-extract's own: hashtext of a fixed name)
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('ita-extract.migrate'))`);
    await client.query('CREATE SCHEMA IF NOT EXISTS ita');
    await client.query(
      'CREATE TABLE IF NOT EXISTS ita.schema_version (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM ita.schema_version');
    const current = rows[0]?.v ?? 0;
    if (current > LATEST_VERSION) {
      throw new SchemaTooNewError(`the database's schema is version ${current}; this ita-extract knows up to ${LATEST_VERSION}: upgrade ita-extract`);
    }
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO ita.schema_version (version, description) VALUES ($1, $2)', [m.version, m.description]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
