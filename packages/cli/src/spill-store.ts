import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReferralState, ReleasedReferralStore } from '@links-approach/core/referral';

/** Bytes gathered before they are written to the spill file. */
const FLUSH_AT = 1 << 20;

/**
 * A {@link ReleasedReferralStore} on disk: finished referrals are written as
 * JSON to a file in a private temporary folder, and only each one's place
 * in the file (12 bytes) stays in memory. `close()` deletes the folder.
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

  put(seq: number, referral: ReferralState, events: number): void {
    if (seq >= this.offsets.length) this.grow(seq);
    this.keys ??= Object.keys(referral);
    const text = `${JSON.stringify({ e: events, r: referral })}\n`;
    const bytes = Buffer.byteLength(text);
    this.offsets[seq] = this.end;
    this.lengths[seq] = bytes;
    this.end += bytes;
    this.pending.push(text);
    this.pendingBytes += bytes;
    if (this.pendingBytes >= FLUSH_AT) this.flush();
  }

  get(seq: number): { readonly referral: ReferralState; readonly events: number } {
    const length = seq < this.lengths.length ? this.lengths[seq]! : 0;
    if (length === 0) throw new Error(`no released referral at ${seq}`);
    const offset = this.offsets[seq]!;
    if (offset + length > this.flushed) this.flush();
    const buffer = Buffer.allocUnsafe(length);
    let read = 0;
    while (read < length) read += readSync(this.fd, buffer, read, length - read, offset + read);
    const parsed = JSON.parse(buffer.toString('utf8')) as { e: number; r: Record<string, unknown> };
    // Same key order as the state that was put (JSON leaves out undefined values).
    const referral: Record<string, unknown> = {};
    for (const key of this.keys!) referral[key] = parsed.r[key];
    if (!Array.isArray(referral['timeline'])) referral['timeline'] = [];
    return { referral: referral as unknown as ReferralState, events: parsed.e };
  }

  /** Deletes the spill file and its folder. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const buffer = Buffer.from(this.pending.join(''), 'utf8');
    let written = 0;
    while (written < buffer.length) written += writeSync(this.fd, buffer, written, buffer.length - written, this.flushed + written);
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
