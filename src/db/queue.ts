/**
 * The job queue: pg-boss on the same pool, one job per stored input. Its
 * jobs say only which document to run; the document's row is the truth
 * (status, attempts, result). pg-boss gives the lease: a job whose worker
 * went away (killed, machine lost) expires after `leaseSeconds` and is
 * fetched again, by any worker. The queue's policy is "short": one queued
 * job per singleton key (the input's sha256), a second guard behind the
 * documents table's unique sha256.
 */
import PgBoss from 'pg-boss';
import type pg from 'pg';

export const QUEUE = 'ita-extract';

export interface JobData {
  documentId: string;
  /** Starts that may end without a result (a worker killed) before the document gets WORKER_CRASHED. */
  maxAttempts: number;
}

export interface QueueSettings {
  /** A started job whose worker stops renewing it is given to another worker after this long (pg-boss's expireIn). */
  leaseSeconds: number;
  maxAttempts: number;
}

/** pg-boss's view of a database connection, over our pool or one transaction's client. */
export function bossDb(db: pg.Pool | pg.PoolClient): PgBoss.Db {
  return { executeSql: (text, values) => db.query(text, values) };
}

export interface BossOptions {
  /** Run pg-boss's maintenance (expiring lapsed leases) every this many seconds; 0: not in this process. */
  maintenanceSeconds: number;
  onError(message: string): void;
}

/** pg-boss installed (its own migrations, its own schema "pgboss") and our queue created. */
export async function startBoss(pool: pg.Pool, o: BossOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    db: bossDb(pool),
    schedule: false,
    supervise: o.maintenanceSeconds > 0,
    ...(o.maintenanceSeconds > 0 ? { maintenanceIntervalSeconds: o.maintenanceSeconds } : {}),
  });
  boss.on('error', (e) => o.onError(e.message));
  // pg-boss's first install is not safe against a second process installing at the same moment
  // (two submitters started together): one installer at a time, the others then find it installed
  const lock = await pool.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtext('ita-extract.queue'))`);
    await boss.start();
    await boss.createQueue(QUEUE, { name: QUEUE, policy: 'short' });
  } finally {
    await lock.query(`SELECT pg_advisory_unlock(hashtext('ita-extract.queue'))`).catch(() => {});
    lock.release();
  }
  return boss;
}

/** The job for a stored document, inside the caller's transaction (so a document is never stored without its job). */
export async function enqueue(boss: PgBoss, tx: pg.PoolClient, documentId: string, sha256: string | null, q: QueueSettings): Promise<void> {
  const data: JobData = { documentId, maxAttempts: q.maxAttempts };
  await boss.send(QUEUE, data, {
    db: bossDb(tx),
    singletonKey: sha256 ?? `document:${documentId}`,
    expireInSeconds: q.leaseSeconds,
    // starts beyond maxAttempts are answered with WORKER_CRASHED by the worker; the margin covers releases on SIGTERM
    retryLimit: q.maxAttempts + 5,
    retryDelay: 0,
    retentionDays: 60,
  });
}
