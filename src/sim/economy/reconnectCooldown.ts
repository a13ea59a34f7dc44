/**
 * Spheron's reconnect cooldown (research §2.4 [V]): after a provider comes back online, its first
 * hours online earn no availability reward, so a node that flaps (down, up, down) cannot collect
 * the liveness reward for the moments it happens to be up. "Back online" is any offline -> online
 * change the network sees: the end of an outage, or a part-day provider's sharing window opening.
 *
 * Kept per provider as the open cooldown [from, until) of its current up interval and the hours of
 * cooldown already counted; the daily epoch takes the hours since its last call.
 */
import { grown } from '../core/grown.ts';

export class ReconnectCooldown {
  private from = new Float64Array(0);
  private until = new Float64Array(0);
  private counted = new Float64Array(0);

  constructor(private hours: number) {}

  private ensure(n: number): void {
    if (n <= this.from.length) return;
    const size = Math.max(n, this.from.length * 2, 64);
    this.from = grown(this.from, size);
    this.until = grown(this.until, size);
    this.counted = grown(this.counted, size);
  }

  /** Provider id came back online at `now`: its cooldown starts. */
  reconnect(id: number, now: number): void {
    this.ensure(id + 1);
    this.from[id] = now;
    this.until[id] = now + this.hours;
  }

  /** Provider id went offline at `now`: the cooldown ends with the up interval. */
  disconnect(id: number, now: number): void {
    this.ensure(id + 1);
    this.counted[id] += Math.max(0, Math.min(now, this.until[id]) - this.from[id]);
    this.from[id] = this.until[id] = now;
  }

  /** Hours provider id spent online within a cooldown since the last take (the epoch's day), up to `now`. */
  take(id: number, now: number): number {
    this.ensure(id + 1);
    const open = Math.max(0, Math.min(now, this.until[id]) - this.from[id]);
    if (open > 0) this.from[id] = Math.min(now, this.until[id]);
    const h = this.counted[id] + open;
    this.counted[id] = 0;
    return h;
  }
}
