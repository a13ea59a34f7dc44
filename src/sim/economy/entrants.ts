/**
 * Entry of new providers: would-be providers are drawn each day (a Poisson number per type, in
 * proportion to the type's initial count and to the rivals' and shocks' entry factors), each judges
 * its expected margin from what providers of its type and GPU model have been earning, and those
 * above the entry hurdle join after their type's lag. What they judge by is kept per (archetype,
 * model) cell: trailing (EWMA) revenue USD, reward tokens and busy hours per online GPU-hour, learnt
 * from each epoch's full days of the providers in the network.
 *
 * Randomness: the 'entry' stream only (how many come, and the draws of each).
 */
import type { Provider } from '../model/types.ts';
import { poisson } from '../rng/distributions.ts';
import type { Rng } from '../rng/streams.ts';
import { ARCHETYPES, type Scenario } from '../scenario/schema.ts';
import type { EconomyParams } from '../scenario/economySchema.ts';
import { GPU_CATALOGUE } from '../supply/catalogue.ts';
import { createProviderFactory, type ProviderFactory } from '../supply/population.ts';
import type { EconomyHost } from './economyHost.ts';
import type { IncentivePrograms } from './incentivePrograms.ts';
import { participationFactor } from './participationWindows.ts';

/** A provider that decided to join, waiting out its entry lag until hour `at`. */
interface PendingJoin {
  at: number;
  draft: Provider;
}

export class Entrants {
  private readonly e: EconomyParams;
  private readonly factory: ProviderFactory;
  /** Providers per type at the start (x scale): the candidates a month are a multiple of it. */
  private readonly initialCount: number[];
  // per (archetype, model) trailing per-GPU-day stats for entrants' expectations
  private readonly cells: Float64Array;
  private readonly nModels = GPU_CATALOGUE.length;
  private pending: PendingJoin[] = [];

  constructor(
    s: Scenario,
    private rng: Rng,
  ) {
    this.e = s.economy;
    this.factory = createProviderFactory(s, rng);
    const shares = ARCHETYPES.map((n) => s.supply.archetypes[n].share);
    const tot = shares.reduce((x, y) => x + y, 0);
    this.initialCount = shares.map((sh) => (tot > 0 ? (s.supply.providers * s.scale * sh) / tot : 0));
    this.cells = new Float64Array(ARCHETYPES.length * this.nModels * 4);
  }

  /** Adds the entrants whose lag is over by `now` to the network. */
  admitDue(host: EconomyHost, now: number): void {
    if (!this.pending.length) return;
    const due = this.pending.filter((j) => j.at <= now);
    this.pending = this.pending.filter((j) => j.at > now);
    for (const j of due) {
      const draft = j.draft;
      draft.id = host.providers.length;
      draft.joinedAt = now;
      host.addProvider(now, draft.archetype, draft);
    }
  }

  /** A fresh day's sums for learn(): four per cell, added to at cellOf(p). */
  newDay(): Float64Array {
    return new Float64Array(this.cells.length);
  }

  /** Where p's cell starts in the cells and in a day's sums. */
  cellOf(p: Provider): number {
    return (p.archetype * this.nModels + p.model) * 4;
  }

  /**
   * Folds a day's sums per cell (revenue USD, reward tokens, online and busy GPU-hours) into the
   * trailing stats, with EWMA weight `alpha`; a cell nobody was online in keeps what it had.
   */
  learn(cellDay: Float64Array, alpha: number): void {
    const cells = this.cells;
    for (let c = 0; c < cells.length; c += 4) {
      // per GPU-day: divide by GPU-days, approximated by online hours / 24 for the hours and revenue
      if (cellDay[c + 2] <= 0) continue;
      const [rev, tok, on, busy] = [cellDay[c], cellDay[c + 1], cellDay[c + 2], cellDay[c + 3]];
      // store per online hour, so an entrant scales by its own online hours
      const v = [rev / on, tok / on, busy / on];
      if (cells[c + 3] === 0) {
        cells[c] = v[0];
        cells[c + 1] = v[1];
        cells[c + 2] = v[2];
        cells[c + 3] = 1;
      } else {
        cells[c] += alpha * (v[0] - cells[c]);
        cells[c + 1] += alpha * (v[1] - cells[c + 1]);
        cells[c + 2] += alpha * (v[2] - cells[c + 2]);
      }
    }
  }

  /**
   * Expected margin of a would-be provider from the trailing stats of its (archetype, model), at
   * token price `P` on epoch day `day`, counting the incentive `programs` would pay it (if any).
   */
  expectedMargin(d: Provider, P: number, day: number, programs: IncentivePrograms | null): number {
    const c = (d.archetype * this.nModels + d.model) * 4;
    const cells = this.cells;
    if (cells[c + 3] === 0) return NaN;
    const on = Math.min(24, d.windowHours) * d.reliability;
    const busy = cells[c + 2] * on;
    const lag = this.e.participation.entryLagDays[ARCHETYPES[d.archetype]];
    const incentive = programs ? programs.expectedRate(d, day + 1, lag) : 0;
    const income = (cells[c] + cells[c + 1] * P + incentive) * on;
    const stakeTok = this.e.staking.baseTokensPerGpu * Math.max(1, GPU_CATALOGUE[d.model].rewardMultiplier);
    const cost =
      d.electricityUsdPerKwh * (d.idleKwPerGpu * (on - busy) + d.busyKwPerGpu * busy) +
      d.opsUsdPerGpuHour * busy +
      d.capexUsdPerGpuHour * 24 * (1 - this.e.participation.hardwareSunk[ARCHETYPES[d.archetype]]) +
      (stakeTok * P * this.e.staking.opportunityCostPerYear) / 365;
    return cost > 0 ? income / cost - 1 : NaN;
  }

  /** Draws the day's would-be providers; those whose expected margin clears the hurdle wait out their lag. */
  consider(now: number, P: number, day: number, programs: IncentivePrograms | null): void {
    const pp = this.e.participation;
    for (let a = 0; a < ARCHETYPES.length; a++) {
      const lambda =
        ((pp.entryCandidatesPerMonth[ARCHETYPES[a]] * this.initialCount[a]) / 30) *
        participationFactor(pp.competitors, ARCHETYPES[a], day + 1, 'entryMultiplier') *
        participationFactor(pp.participationShocks ?? [], ARCHETYPES[a], day + 1, 'entryMultiplier');
      if (!(lambda > 0)) continue;
      const n = poisson(this.rng, lambda)();
      for (let k = 0; k < n; k++) {
        const d = this.factory.make(-1, now, a);
        const m = this.expectedMargin(d, P, day, programs);
        if (m > pp.entryHurdle) this.pending.push({ at: now + pp.entryLagDays[ARCHETYPES[a]] * 24, draft: d });
      }
    }
  }
}

