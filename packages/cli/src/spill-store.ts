import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReferralState, ReleasedReferralStore } from '@links-approach/core/referral';

/** Bytes gathered before they are written to the spill file. */
const FLUSH_AT = 1 << 20;

/**
 * Bytes read from the spill file at once. Referrals finish in roughly the order they were created, so
 * reading them back in creation order mostly finds the next one in the same window: one read per window
 * instead of one per referral.
 */
const WINDOW = 4 << 20;

/**
 * Released referrals kept in memory, as they were put, before they are written to the file. The fold reads a
 * released referral back when a later event names it, almost always one released shortly before (a
 * re-referral names the referral it reopens: in the demo cohorts at most about 900 releases back); kept
 * here, it is neither written, flushed nor read back from disk for that.
 */
const RECENT = 4096;

interface Released {
  readonly referral: ReferralState;
  readonly events: number;
  readonly ids: string;
}

/**
 * A {@link ReleasedReferralStore} on disk: finished referrals (with the ids
 * of their events) are written as JSON to a file in a private temporary
 * folder, and only each one's place in the file (12 bytes) stays in memory,
 * apart from the {@link RECENT} latest, held as they are until more
 * arrive. `close()` deletes the folder.
 */
export class SpillStore implements ReleasedReferralStore {
  /** @param recent How many of the latest referrals to hold in memory before writing them ({@link RECENT}). */
  constructor(private readonly keepRecent = RECENT) {}

  private readonly dir = mkdtempSync(join(tmpdir(), 'links-spill-'));
  private readonly fd = openSync(join(this.dir, 'referrals.ndjson'), 'w+');
  /** The latest referrals put, oldest first (a `Map` keeps insertion order). */
  private readonly recent = new Map<number, Released>();
  /** Bytes encoded but not yet written: `pending[0, pendingBytes)`. */
  private pending = Buffer.allocUnsafe(2 * FLUSH_AT);
  private pendingBytes = 0;
  /** Bytes written to the file. */
  private flushed = 0;
  private offsets = new Float64Array(1024);
  private lengths = new Uint32Array(1024);
  private keys: readonly string[] | undefined;
  private closed = false;
  private window: Buffer | undefined;
  private windowStart = 0;
  private windowEnd = 0;

  put(seq: number, referral: ReferralState, events: number, ids: string): void {
    // Put again (a released referral took an event): it moves to the newest end.
    this.recent.delete(seq);
    this.recent.set(seq, { referral, events, ids });
    if (this.recent.size > this.keepRecent) {
      const [oldest, item] = this.recent.entries().next().value as [number, Released];
      this.recent.delete(oldest);
      this.write(oldest, item);
    }
  }

  get(seq: number): Released {
    const recent = this.recent.get(seq);
    if (recent !== undefined) return recent;
    const length = seq < this.lengths.length ? this.lengths[seq]! : 0;
    if (length === 0) throw new Error(`no released referral at ${seq}`);
    const offset = this.offsets[seq]!;
    if (offset + length > this.flushed) this.flush();
    if (this.window === undefined || offset < this.windowStart || offset + length > this.windowEnd)
      this.fill(offset, length);
    const at = offset - this.windowStart;
    const parsed = JSON.parse(this.window!.toString('utf8', at, at + length)) as {
      e: number;
      i: string;
      r: Record<string, unknown>;
    };
    // Same key order as the state that was put (JSON leaves out undefined values).
    const referral: Record<string, unknown> = {};
    for (const key of this.keys!) referral[key] = parsed.r[key];
    if (!Array.isArray(referral['timeline'])) referral['timeline'] = [];
    return { referral: referral as unknown as ReferralState, events: parsed.e, ids: parsed.i };
  }

  /** Deletes the spill file and its folder. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.recent.clear();
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Encodes a referral at the end of the file (pending until flushed); its place is remembered. */
  private write(seq: number, { referral, events, ids }: Released): void {
    if (seq >= this.offsets.length) this.grow(seq);
    this.keys ??= Object.keys(referral);
    const text = `${JSON.stringify({ e: events, i: ids, r: referral })}\n`;
    // At most 3 bytes per UTF-16 unit: room checked before encoding straight into the pending bytes.
    if (this.pendingBytes + text.length * 3 > this.pending.length) {
      this.flush();
      if (text.length * 3 > this.pending.length) this.pending = Buffer.allocUnsafe(text.length * 3);
    }
    const bytes = this.pending.write(text, this.pendingBytes, 'utf8');
    this.offsets[seq] = this.flushed + this.pendingBytes;
    this.lengths[seq] = bytes;
    this.pendingBytes += bytes;
    if (this.pendingBytes >= FLUSH_AT) this.flush();
  }

  /** Reads the window of the file around `offset` (a little before it too: neighbours finish out of order). */
  private fill(offset: number, length: number): void {
    const start = Math.max(0, offset - (WINDOW >> 3));
    const size = Math.min(Math.max(WINDOW, offset - start + length), this.flushed - start);
    if (this.window === undefined || this.window.length < size)
      this.window = Buffer.allocUnsafe(Math.max(WINDOW, size));
    let read = 0;
    while (read < size) {
      const n = readSync(this.fd, this.window, read, size - read, start + read);
      if (n === 0) break;
      read += n;
    }
    this.windowStart = start;
    this.windowEnd = start + read;
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    let written = 0;
    while (written < this.pendingBytes)
      written += writeSync(this.fd, this.pending, written, this.pendingBytes - written, this.flushed + written);
    // A window read before these bytes were written may hold stale bytes where they now are.
    if (this.windowEnd > this.flushed) this.windowEnd = this.flushed;
    this.flushed += this.pendingBytes;
    this.pendingBytes = 0;
  }

  private grow(seq: number): void {
    let size = this.offsets.length;
    while (size <= seq) size *= 2;
    const offsets = new Float64Array(size);
    offsets.set(this.offsets);
    const lengths = new Uint32Array(size);
    lengths.set(this.lengths);
    this.offsets = offsets;
    this.lengths = lengths;
  }
}
