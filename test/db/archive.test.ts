/**
 * The PostgreSQL archive, end to end: submit a folder (files, an archive with
 * an unsafe entry, an empty file) to a fresh database, run two worker
 * processes, and check one result per input and an export equal, byte for
 * byte, to what file mode writes for the same inputs; then the store limit,
 * --shared-root, migrations, TLS and that no message shows the password.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, redact } from '../../src/db/connection.js';
import { migrate, SchemaTooNewError } from '../../src/db/migrations.js';
import { corpusPath, readCorpus } from '../_support/variants.js';
import { zip } from '../batch/_zip.js';
import { cli, freshDatabase, HAVE_DB, query, removeFaultCli, spawnCli } from './_support.js';

describe('redact', () => {
  it('masks the password of a URL, a password= parameter and the password text itself', () => {
    const url = 'postgres://ita:pa%40ss@db.example:5432/ita?sslmode=require';
    expect(redact(`cannot connect to ${url}`, url)).toBe('cannot connect to postgres://ita:***@db.example:5432/ita?sslmode=require');
    expect(redact('the server said: pa@ss is wrong', url)).toBe('the server said: *** is wrong');
    expect(redact('host=x password=hunter2 user=y')).toBe('host=x password=*** user=y');
  });
});

describe.skipIf(!HAVE_DB)('the archive', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let dir = '';
  const password = () => decodeURIComponent(new URL(db.url).password);

  beforeAll(async () => {
    db = await freshDatabase();
    dir = await mkdtemp(join(tmpdir(), 'ita-db-'));
    await mkdir(join(dir, 'in/sub'), { recursive: true });
    await copyFile(corpusPath('003_592d1508f0de56c3'), join(dir, 'in/003.txt'));
    await copyFile(corpusPath('004_d0cc15d3996b9fea'), join(dir, 'in/004.txt'));
    await copyFile(corpusPath('000_12d03613c0e47b57'), join(dir, 'in/sub/000.txt'));
    await writeFile(join(dir, 'in/empty.txt'), '');
    await writeFile(join(dir, 'in/reports.zip'), zip([{ name: 'รายงาน/001.txt', data: readCorpus('001_52975bb7fc874981') }, { name: '../evil.txt', data: 'x' }]));
  });
  afterAll(async () => {
    removeFaultCli();
    await db?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('stores each input once, runs them on two worker processes, and exports what file mode writes', async () => {
    const input = join(dir, 'in');
    const first = await cli([input, '--db', db.url]);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/6 inputs: 5 queued, 0 already stored, 1 stored as error records/);
    const again = await cli([input, '--db', db.url]);
    expect(again.stderr).toMatch(/6 inputs: 0 queued, 6 already stored/);
    expect(await query(db.url, 'SELECT count(*)::int AS n FROM pgboss.job')).toEqual([{ n: 5 }]);

    const workers = await Promise.all([1, 2].map(() => spawnCli(['worker', '--db', db.url, '-j', '1', '--poll', '0.5', '--exit-when-idle'])));
    const exits = await Promise.all(workers.map((w) => w.exited));
    expect(exits.map((e) => e.code)).toEqual([0, 0]);
    const logs = workers.map((w) => w.stderr()).join('');
    expect(logs).toMatch(/ita-extract worker: .*003\.txt: ok, 10 entries/);
    expect(logs).not.toContain(password());

    const docs = await query<{ source_path: string; status: string; attempts: number; n_entries: number; entries: number; n_diag: number; diags: number; n_codes: number; codes: number; n_links: number; links: number }>(
      db.url,
      `SELECT d.source_path, d.status, d.attempts,
              json_array_length(d.document->'entries') AS n_entries, (SELECT count(*)::int FROM ita.entries e WHERE e.document_id = d.id) AS entries,
              json_array_length(d.document->'diagnostics') AS n_diag, (SELECT count(*)::int FROM ita.diagnostics x WHERE x.document_id = d.id) AS diags,
              (SELECT coalesce(sum(json_array_length(e->'itemCodes')), 0)::int FROM json_array_elements(d.document->'entries') e) AS n_codes,
              (SELECT count(*)::int FROM ita.item_codes c WHERE c.document_id = d.id) AS codes,
              (SELECT count(*)::int FROM json_array_elements(d.document->'entries') e WHERE json_typeof(e->'linksTo') = 'object') AS n_links,
              (SELECT count(*)::int FROM ita.entries e WHERE e.document_id = d.id AND e.links_to IS NOT NULL) AS links
       FROM ita.documents d ORDER BY d.id`,
    );
    const rel = (p: string) => p.replace(`${dir}/`, '');
    expect(docs.map((d) => [rel(d.source_path), d.status])).toEqual([
      ['in/003.txt', 'ok'],
      ['in/004.txt', 'ok'],
      ['in/empty.txt', 'error'],
      ['in/reports.zip!/รายงาน/001.txt', 'ok'],
      ['in/reports.zip!/../evil.txt', 'error'],
      ['in/sub/000.txt', 'ok'],
    ]);
    for (const d of docs) {
      // exactly one result: the tables hold what the stored document holds, once
      expect([d.entries, d.diags, d.codes, d.links]).toEqual([d.n_entries, d.n_diag, d.n_codes, d.n_links]);
    }
    expect(docs.find((d) => d.source_path.endsWith('000.txt'))).toMatchObject({ entries: 24, links: 12 });
    expect(docs.find((d) => d.source_path.endsWith('003.txt'))).toMatchObject({ entries: 10, attempts: 1 });
    expect(await query(db.url, `SELECT count(*)::int AS n FROM pgboss.job WHERE state <> 'completed'`)).toEqual([{ n: 0 }]);

    // --wait on a finished submission: progress fed by the database, one line per document, then the totals
    const waited = await cli([input, '--db', db.url, '--wait']);
    expect(waited.code).toBe(1);
    expect(waited.stderr).toMatch(/reports\.zip!\/\.\.\/evil\.txt: UNSAFE_ARCHIVE_ENTRY/);
    expect(waited.stderr).toMatch(/in\/003\.txt: 10 entries, 7 sections/);
    expect(waited.stderr).toMatch(/6 documents: 4 ok, 2 failed/);

    for (const format of ['jsonl', 'csv', 'json']) {
      const fileMode = await cli([input, '-j', '1', '-q', '-f', format]);
      const exported = await cli(['export', '--db', db.url, '-f', format]);
      expect(exported.code).toBe(1); // as file mode: some documents failed
      expect(exported.stdout).toBe(fileMode.stdout);
    }

    const html = join(dir, 'report.html');
    const report = await cli(['report', '--db', db.url, '-o', html]);
    expect(report.code).toBe(0);
    expect(report.stderr).toMatch(/6 document\(s\): 4 ok, 2 failed/);
    const page = await readFile(html, 'utf8');
    expect(page).toContain('องค์การบริหารส่วนตำบลคลองประสัก');
    expect(page).toContain('UNSAFE_ARCHIVE_ENTRY');
  }, 90_000);

  it('refuses inputs over --store-limit with TOO_LARGE, and with --shared-root stores their path for the workers', async () => {
    const big = readCorpus('003_592d1508f0de56c3') + '\n'.repeat(1_200_000);
    await mkdir(join(dir, 'shared/2567'), { recursive: true });
    await writeFile(join(dir, 'big.txt'), big);
    await writeFile(join(dir, 'shared/2567/big.txt'), `${big}\n`);
    const refused = await cli([join(dir, 'big.txt'), '--db', db.url, '--store-limit', '1']);
    expect(refused.stderr).toMatch(/1 inputs: 0 queued, 0 already stored, 1 stored as error records/);
    const shared = await cli([join(dir, 'shared'), '--db', db.url, '--store-limit', '1', '--shared-root', join(dir, 'shared')]);
    expect(shared.stderr).toMatch(/1 inputs: 1 queued/);
    expect(await query(db.url, `SELECT i.shared_path, i.bytes IS NULL AS no_bytes FROM ita.inputs i JOIN ita.documents d ON d.id = i.document_id WHERE d.source_path LIKE '%shared%'`)).toEqual([
      { shared_path: '2567/big.txt', no_bytes: true },
    ]);
    // a worker in this process (no threads), reading the file through its own mount of the shared root
    const w = await cli(['worker', '--db', db.url, '--shared-root', join(dir, 'shared'), '--poll', '0.5', '--exit-when-idle']);
    expect(w.code).toBe(0);
    const rows = await query<{ source_path: string; status: string; error_code: string | null; entries: number }>(
      db.url,
      `SELECT source_path, status, error_code, (SELECT count(*)::int FROM ita.entries e WHERE e.document_id = d.id) AS entries FROM ita.documents d WHERE source_path LIKE '%big.txt' ORDER BY id`,
    );
    expect(rows).toEqual([
      { source_path: join(dir, 'big.txt'), status: 'error', error_code: 'TOO_LARGE', entries: 0 },
      { source_path: join(dir, 'shared/2567/big.txt'), status: 'ok', error_code: null, entries: 10 },
    ]);
  }, 60_000);

  it('applies migrations once, and refuses a database newer than itself', async () => {
    const pool = createPool({ url: db.url, max: 1 }, () => {});
    try {
      expect(await migrate(pool)).toEqual([]);
      expect((await pool.query('SELECT version FROM ita.schema_version')).rows).toEqual([{ version: 1 }]);
      await pool.query(`INSERT INTO ita.schema_version (version, description) VALUES (99, 'from the future')`);
      await expect(migrate(pool)).rejects.toBeInstanceOf(SchemaTooNewError);
      const r = await cli(['export', '--db', db.url]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/schema is version 99; this ita-extract knows up to 1/);
      await pool.query('DELETE FROM ita.schema_version WHERE version = 99');
    } finally {
      await pool.end();
    }
  });

  it('never shows the password, also when the server refuses it', async () => {
    const u = new URL(db.url);
    u.password = 'Wrong-Secret-4711';
    const r = await cli(['export', '--db', u.toString()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/password authentication failed/);
    expect(r.stderr).toContain(`${u.username}:***@`);
    expect(r.stderr).not.toContain('Wrong-Secret-4711');
  });

  it.skipIf(!process.env.ITA_PG_STATE)('connects over TLS with sslmode=require, and verifies the server with sslrootcert', async () => {
    const ssl = async (params: string) => {
      const pool = createPool({ url: `${db.url}?${params}`, max: 1 }, () => {});
      try {
        return (await pool.query('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')).rows[0]?.ssl;
      } finally {
        await pool.end();
      }
    };
    expect(await ssl('sslmode=require&uselibpqcompat=true')).toBe(true);
    const ca = join(process.env.ITA_PG_STATE!, 'server.crt');
    const local = db.url.replace('127.0.0.1', 'localhost');
    const pool = createPool({ url: `${local}?sslmode=verify-full&sslrootcert=${encodeURIComponent(ca)}`, max: 1 }, () => {});
    try {
      expect((await pool.query('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')).rows[0]?.ssl).toBe(true);
    } finally {
      await pool.end();
    }
    // a server the CA does not vouch for: refused
    await expect(ssl('sslmode=verify-full')).rejects.toThrow(/self-signed|certificate/);
  });
});
