import { decideAccess, type AccessResource, type AccessUser } from '@links-approach/core/access';
import type { Change } from '@links-approach/core/service';
import type { Database, Listening } from './db/database.js';

/** The channel every write's trigger notifies (migration 003); the payload is the change's seq. */
export const CHANGES_CHANNEL = 'links_changes';

/** The access resource a change of each kind belongs to: a change is visible to whoever may read that record. */
export const CHANGE_RESOURCES: Readonly<Record<Change['kind'], AccessResource>> = Object.freeze({
  referral: 'referral',
  plan: 'plan',
  'network-register': 'network',
  outcomes: 'outcomes',
});

/**
 * Whether a user may hear of a change: the same decision as reading the
 * record (core's access policy, practice boundaries included). An evaluator
 * hears of no referral or outcome change; an administrator of no referral.
 */
export function changeVisibleTo(user: AccessUser, change: Change): boolean {
  return decideAccess(user, CHANGE_RESOURCES[change.kind], 'read', change.practiceId).ok;
}

interface ChangeRow {
  seq: number | string;
  kind: Change['kind'];
  id: string;
  practice_id: string;
  version: number;
}

const toChange = (row: ChangeRow): Change => ({
  seq: Number(row.seq),
  kind: row.kind,
  id: row.id,
  practiceId: row.practice_id,
  version: row.version,
});

/** The most changes one read of the table returns. */
const PAGE = 500;

/**
 * One process's view of the change feed. It listens on {@link CHANGES_CHANNEL}
 * (PostgreSQL `LISTEN/NOTIFY`, so every process hears every other process's
 * writes; PGlite delivers its own notifications in-process), reads the new
 * rows of the `changes` table in seq order and hands each to its listeners,
 * once and in order. One reader per process, however many streams are open.
 * Notifications are only a wake-up: the table is the truth, so a lost
 * notification (a dropped listening connection) is made good by the next read
 * (after a reconnect, and at least every `pollMs`). With no listener a
 * wake-up reads nothing (each write would otherwise cost every process a
 * read): the hub only notes that its head is behind, and moves it to the
 * table's head before its next read (no one was there to hear the changes in
 * between; a stream that resumes from one of them replays it from the table).
 */
export class ChangeHub {
  private readonly db: Database;
  private readonly listeners = new Set<(change: Change) => void>();
  private listening: Listening | undefined;
  private pumping: Promise<void> | undefined;
  private again = false;
  /** True when wake-ups came with no listener: the head may be behind the table's. */
  private behind = false;
  private closed = false;
  private poll: ReturnType<typeof setInterval> | undefined;
  /** The seq of the latest change handed to listeners (0 before any). */
  head = 0;

  private constructor(db: Database) {
    this.db = db;
  }

  /** Reads the head of the feed and starts listening. */
  static async start(db: Database, options: { pollMs?: number } = {}): Promise<ChangeHub> {
    const hub = new ChangeHub(db);
    hub.listening = await db.listen(CHANGES_CHANNEL, { onNotify: () => hub.wake(), onReconnect: () => hub.wake() });
    hub.head = await hub.headInTable();
    hub.poll = setInterval(() => hub.wake(), options.pollMs ?? 5_000);
    hub.poll.unref?.();
    return hub;
  }

  /** Calls `listener` with every change committed from now on, in seq order. */
  subscribe(listener: (change: Change) => void): () => void {
    this.listeners.add(listener);
    if (this.behind) this.wake();
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** How many listeners are attached (tests check none leak). */
  get listenerCount(): number {
    return this.listeners.size;
  }

  /** The highest seq in the table. */
  async headInTable(): Promise<number> {
    const rows = await this.db.query<{ seq: number | string | null }>('SELECT max(seq) AS seq FROM changes');
    return Number(rows[0]?.seq ?? 0);
  }

  /** The lowest seq still in the table (`undefined` when it is empty). */
  async oldest(): Promise<number | undefined> {
    const rows = await this.db.query<{ seq: number | string | null }>('SELECT min(seq) AS seq FROM changes');
    return rows[0]?.seq === null || rows[0]?.seq === undefined ? undefined : Number(rows[0].seq);
  }

  /** The changes after `after` up to `upTo` (inclusive), oldest first, at most {@link PAGE}. */
  async read(after: number, upTo: number): Promise<Change[]> {
    const rows = await this.db.query<ChangeRow>(
      'SELECT seq, kind, id, practice_id, version FROM changes WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3',
      [after, upTo, PAGE],
    );
    return rows.map(toChange);
  }

  /** Reads what is new (coalescing wake-ups that arrive while a read runs). */
  wake(): void {
    if (this.closed) return;
    if (this.listeners.size === 0) {
      this.behind = true;
      return;
    }
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.pump().finally(() => {
      this.pumping = undefined;
    });
  }

  /** Resolves once every change committed before the call has been handed out (tests). */
  async settle(): Promise<void> {
    if (this.listeners.size === 0) {
      // No one to hand changes to: only the head moves, to the table's.
      this.behind = true;
      await this.catchUp();
      return;
    }
    this.wake();
    while (this.pumping) await this.pumping;
  }

  /** Moves the head to the table's when wake-ups came with no listener. */
  private async catchUp(): Promise<void> {
    if (!this.behind) return;
    this.behind = false;
    this.head = Math.max(this.head, await this.headInTable());
  }

  private async pump(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.catchUp();
        for (let pages = 0; pages < 1_000 && !this.closed; pages++) {
          const rows = await this.read(this.head, Number.MAX_SAFE_INTEGER);
          for (const change of rows) {
            if (change.seq <= this.head) continue;
            this.head = change.seq;
            for (const listener of [...this.listeners]) {
              try {
                listener(change);
              } catch {
                // One broken stream must not stop the others hearing of the change.
              }
            }
          }
          if (rows.length < PAGE) break;
        }
      } catch {
        // The database is away: the next notification, reconnect or poll reads again.
        return;
      }
    } while (this.again && !this.closed);
  }

  /** Stops listening; the listeners hear nothing more. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.poll) clearInterval(this.poll);
    this.listeners.clear();
    await this.listening?.close();
    await this.pumping;
  }
}
