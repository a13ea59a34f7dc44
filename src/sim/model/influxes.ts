/**
 * Waves of newcomers (supply.influxes), beyond the economy's own entrants: a wave of n = providers x
 * scale providers of one type joins evenly spaced over the wave's days (at the middle of each of n
 * equal slots; all at the start when it lasts 0 days), each drawn as any provider of its type on the
 * wave's own stream, so the other streams are untouched. The model registers the 'influx' event and
 * calls onInflux; a newcomer joins through the model's addProvider, as any provider does.
 */
import type { Engine } from '../core/engine.ts';
import type { Streams } from '../rng/streams.ts';
import { ARCHETYPES, type Scenario } from '../scenario/schema.ts';
import { createProviderFactory, type ProviderFactory } from '../supply/population.ts';
import type { Provider } from './types.ts';

/** How a newcomer joins: the model's public addProvider, and its provider table for the new id. */
export interface InfluxHost {
  readonly providers: readonly Provider[];
  addProvider(now: number, archetype?: number, draft?: Provider): Provider;
}

export class Influxes {
  /** Per wave: the factory that draws its newcomers, on a stream of its own. */
  private factories: ProviderFactory[] = [];

  constructor(
    private s: Scenario,
    private streams: Streams,
    private engine: Engine,
    /** The engine's event kind for a newcomer joining (registered by the model). */
    private kind: number,
    private host: InfluxHost,
  ) {}

  /** Schedules every newcomer of every wave that joins before the horizon. */
  schedule(horizonHours: number): void {
    (this.s.supply.influxes ?? []).forEach((w, i) => {
      this.factories.push(createProviderFactory(this.s, this.streams.get(`influx-${i}`)));
      const n = Math.round(w.providers * this.s.scale);
      const span = w.durationDays * 24;
      for (let k = 0; k < n; k++) {
        const t = w.startDay * 24 + (span > 0 ? ((k + 0.5) * span) / n : 0);
        if (t < horizonHours) this.engine.at(t, this.kind, i);
      }
    });
  }

  /** A newcomer of wave `wave` joins now. */
  onInflux(wave: number): void {
    const w = this.s.supply.influxes![wave];
    const a = ARCHETYPES.indexOf(w.archetype);
    const now = this.engine.now;
    this.host.addProvider(now, a, this.factories[wave].make(this.host.providers.length, now, a));
  }
}
