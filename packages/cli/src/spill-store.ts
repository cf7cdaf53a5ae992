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
 * A {@link ReleasedReferralStore} on disk: finished referrals (with the ids
 * of their events) are written as JSON to a file in a private temporary
 * folder, and only each one's place in the file (12 bytes) stays in memory. `close()` deletes the folder.
 */
export class SpillStore implements ReleasedReferralStore {
  private readonly dir = mkdtempSync(join(tmpdir(), 'links-spill-'));
  private readonly fd = openSync(join(this.dir, 'referrals.ndjson'), 'w+');
  private pending: string[] = [];
  private pendingBytes = 0;
  private flushed = 0;
  private end = 0;
  private offsets = new Float64Array(1024);
  private lengths = new Uint32Array(1024);
  private keys: readonly string[] | undefined;
  private closed = false;
  private window: Buffer | undefined;
  private windowStart = 0;
  private windowEnd = 0;

  put(seq: number, referral: ReferralState, events: number, ids: string): void {
    if (seq >= this.offsets.length) this.grow(seq);
    this.keys ??= Object.keys(referral);
    const text = `${JSON.stringify({ e: events, i: ids, r: referral })}\n`;
    const bytes = Buffer.byteLength(text);
    this.offsets[seq] = this.end;
    this.lengths[seq] = bytes;
    this.end += bytes;
    this.pending.push(text);
    this.pendingBytes += bytes;
    if (this.pendingBytes >= FLUSH_AT) this.flush();
  }

  get(seq: number): { readonly referral: ReferralState; readonly events: number; readonly ids: string } {
    const length = seq < this.lengths.length ? this.lengths[seq]! : 0;
    if (length === 0) throw new Error(`no released referral at ${seq}`);
    const offset = this.offsets[seq]!;
    if (offset + length > this.flushed) this.flush();
    if (this.window === undefined || offset < this.windowStart || offset + length > this.windowEnd) this.fill(offset, length);
    const at = offset - this.windowStart;
    const parsed = JSON.parse(this.window!.toString('utf8', at, at + length)) as { e: number; i: string; r: Record<string, unknown> };
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
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Reads the window of the file around `offset` (a little before it too: neighbours finish out of order). */
  private fill(offset: number, length: number): void {
    const start = Math.max(0, offset - (WINDOW >> 3));
    const size = Math.min(Math.max(WINDOW, offset - start + length), this.flushed - start);
    if (this.window === undefined || this.window.length < size) this.window = Buffer.allocUnsafe(Math.max(WINDOW, size));
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
    if (this.pending.length === 0) return;
    const buffer = Buffer.from(this.pending.join(''), 'utf8');
    let written = 0;
    while (written < buffer.length) written += writeSync(this.fd, buffer, written, buffer.length - written, this.flushed + written);
    // A window read before these bytes were written may hold stale bytes where they now are.
    if (this.windowEnd > this.flushed) this.windowEnd = this.flushed;
    this.flushed += buffer.length;
    this.pending = [];
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
