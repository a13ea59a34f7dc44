/**
 * When each provider's outages begin and end: alternating up and down spells, Weibull with its
 * type's shape (heavy-tailed for home cards), the mean down spell its type's and the mean up spell
 * set by the provider's reliability r (mean down x r / (1 - r), so it is up r of the time). The
 * reliability stretches of supply.reliabilityShocks multiply r while they are on, and an up spell
 * under way is rescaled when one starts or ends. The model owns the handlers: this clock draws the
 * spells and schedules the provider's next 'failure' event (an outage starting or ending).
 */
import type { Engine } from '../core/engine.ts';
import { weibull, weibullResidual, type Sampler } from '../rng/distributions.ts';
import { weibullScaleForMean } from '../rng/special.ts';
import type { Streams } from '../rng/streams.ts';
import { ARCHETYPES, REGIONS, type Scenario } from '../scenario/schema.ts';
import { ReliabilityShocks } from '../supply/reliabilityShocks.ts';
import type { Provider } from './types.ts';

export class OutageClock {
  private upInterval: Sampler[] = [];
  private downInterval: Sampler[] = [];
  /** Steady-state residuals of the up (unit mean) and down intervals, for a warm-started population. */
  private upResidual: Sampler[] = [];
  private downResidual: Sampler[] = [];
  /** Stretches of lower reliability (supply.reliabilityShocks): the multiplier in force per type and region. */
  readonly shocks: ReliabilityShocks;
  /**
   * Per provider id: when its next availability change (failure or recovery) is due, and that
   * event's handle, so a reliability stretch can move the end of an up spell under way.
   */
  private at: number[] = [];
  private handle: number[] = [];
  /** True while the initial population of a warm start is built: availability starts in steady state. */
  steady = false;
  /** The engine's event kind for an availability change (registered by the model). */
  kind = -1;

  constructor(
    private s: Scenario,
    private streams: Streams,
    private engine: Engine,
  ) {
    this.shocks = new ReliabilityShocks(s.supply.reliabilityShocks ?? []);
    const avail = streams.get('availability');
    for (const a of Object.values(s.supply.archetypes)) {
      const shape = a.intervalShape;
      this.downInterval.push(a.meanDownHours > 0 ? weibull(avail, shape, weibullScaleForMean(a.meanDownHours, shape)) : () => Infinity);
      // up intervals depend on each provider's reliability: drawn as a unit-mean Weibull times the provider's mean
      this.upInterval.push(weibull(avail, shape, weibullScaleForMean(1, shape)));
      const eq = streams.get('availability-steady');
      this.downResidual.push(a.meanDownHours > 0 ? weibullResidual(eq, shape, weibullScaleForMean(a.meanDownHours, shape)) : () => Infinity);
      this.upResidual.push(weibullResidual(eq, shape, weibullScaleForMean(1, shape)));
    }
  }

  /**
   * Schedules a new provider's first availability change. In a steady start it may begin down
   * (p.failed set; then the change is its recovery).
   */
  scheduleFirst(p: Provider, now: number): void {
    this.schedule(p, now + this.firstChange(p));
  }

  /** Schedules p's next change after an outage began (its recovery) or ended (its next failure). */
  scheduleNext(p: Provider, now: number): void {
    this.schedule(p, now + (p.failed ? this.downInterval[p.archetype]() : this.upFor(p)));
  }

  /** Hours to a new provider's first outage; in a steady start it may begin down (then: hours to recovery). */
  private firstChange(p: Provider): number {
    if (!this.steady) return this.upFor(p);
    if (this.streams.get('availability-steady')() < 1 - this.reliabilityOf(p)) {
      p.failed = true;
      return this.downResidual[p.archetype]();
    }
    return this.upResidual[p.archetype]() * this.meanUp(p);
  }

  private meanUp(p: Provider): number {
    const meanDown = this.s.supply.archetypes[ARCHETYPES[p.archetype]].meanDownHours;
    const r = this.reliabilityOf(p);
    return meanDown * (r / (1 - r));
  }

  /** p's share of time up now: its own, times the reliability stretches on that reach it (x 1 is exact). */
  private reliabilityOf(p: Provider): number {
    return p.reliability * this.shocks.factor[p.archetype * REGIONS.length + p.region];
  }

  private upFor(p: Provider): number {
    return this.upInterval[p.archetype]() * this.meanUp(p);
  }

  /** Schedules p's next failure or recovery at `at`, keeping when and its handle. */
  private schedule(p: Provider, at: number): void {
    this.at[p.id] = at;
    this.handle[p.id] = this.engine.at(at, this.kind, p.id, p.gen);
  }

  /**
   * A reliability stretch starts or ends: the multipliers change, and each reached provider up in an
   * up spell sees the rest of the spell scaled by the ratio of the new mean up time to the old (the
   * outage hazard scaled by the inverse), so the change holds from now, not from its next spell.
   * Outages under way keep their length; the next spell up is drawn at the new mean.
   */
  switchStretch(shock: number, on: boolean, providers: readonly Provider[]): void {
    const before = providers.map((p) => (p.active && !p.failed && p.reliability < 1 ? this.meanUp(p) : 0));
    if (!this.shocks.set(shock, on)) return;
    const now = this.engine.now;
    for (const p of providers) {
      const was = before[p.id];
      if (was === 0) continue;
      const ratio = this.meanUp(p) / was;
      const at = this.at[p.id];
      if (ratio === 1 || !(at > now)) continue;
      this.engine.cancel(this.handle[p.id]);
      this.schedule(p, now + (at - now) * ratio);
    }
  }
}
