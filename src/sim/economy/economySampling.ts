/**
 * The token economy's metric columns, sampled at the end of each metrics period: ECONOMY_COLUMNS
 * (flows counted since the last sample, levels now, the providers' income inequality and median
 * payback), TYPE_ECONOMY_COLUMNS (the same books by provider type), TOKEN_FLOAT_COLUMNS and
 * PROVIDER_INCOME_COLUMNS, each written where the market model puts it among its own (run.ts'
 * columnsFor order). sample() runs first and resets the period's counters and income; the others
 * write what it computed or what has been counted since the last sample.
 */
import { UNITS_PER } from './ledger.ts';
import { concentration, gini, median, sampleEconomy } from '../metrics/economyMetrics.ts';
import type { Economy } from './economy.ts';
import { paybackMonths } from './providerBook.ts';
import { TypeBooks, type TypeBookSource } from './typeBooks.ts';

export class EconomySampler {
  /** Token supply at the last sample: the period's supply change is measured from it. */
  supplyAtSampleUnits = 0;
  /** The period's income concentration and share under water, computed by sample() and written by sampleProviderIncome(). */
  private incomeConcentration = { hhi: NaN, nakamoto: NaN };
  private underWaterShare = NaN;
  /** Sums the providers' books by type for the per-type columns (typeBooks.ts). */
  private typeBooks = new TypeBooks();
  private bookSource: TypeBookSource;

  constructor(private eco: Economy) {
    this.bookSource = {
      revenueUsd: (p) => eco.revenueUsd(p.id),
      rewardsUsd: (p) => eco.books[p.id].rewardsUsd,
      costsUsd: (p) => {
        const b = eco.books[p.id];
        return b.energyUsd + b.opsUsd + b.capexUsd + b.stakeCostUsd;
      },
      paybackMonths: (p) => paybackMonths(eco.books[p.id]),
    };
  }

  /** Appends the economy's columns for the period ending now. */
  sample(periodHours: number, out: number[], offset: number): number {
    const eco = this.eco;
    const host = eco.host;
    const L = host.ledger;
    let n = 0;
    for (const p of host.providers) if (p.active) n++;
    const inc = new Float64Array(n);
    const pay = new Float64Array(n);
    let k = 0;
    let withHistory = 0;
    let underWater = 0;
    for (const p of host.providers) {
      if (!p.active) continue;
      const b = eco.books[p.id];
      inc[k] = Math.max(0, eco.takePeriodIncome(p.id));
      pay[k] = paybackMonths(b);
      // a newcomer without a day behind it is not under water, only unknown
      if (b.trailDays > 0) {
        withHistory++;
        if (!(b.trailCash > 0)) underWater++;
      }
      k++;
    }
    this.underWaterShare = withHistory > 0 ? underWater / withHistory : NaN;
    for (const p of host.providers) if (!p.active) eco.takePeriodIncome(p.id);
    const supply = eco.supplyUnits();
    const incomeGini = gini(inc); // sorts inc, as concentration() needs
    this.incomeConcentration = concentration(inc);
    const o = sampleEconomy(
      eco.counters,
      {
        price: eco.price.price,
        supplyUnits: supply,
        supplyStartUnits: this.supplyAtSampleUnits,
        stakedUnits: L.balanceUnits('token', eco.a.stake),
        treasuryUnits: L.balanceUnits('token', host.acct.treasury),
        treasuryUsdUnits: L.balanceUnits('usd', host.acct.treasury),
        paybackMedian: median(pay),
        gini: incomeGini,
        cheaterShare: host.metrics.gpusTotal > 0 ? eco.cheatGpus / host.metrics.gpusTotal : NaN,
        lockedUnits: L.balanceUnits('token', eco.a.locked),
      },
      periodHours,
      UNITS_PER,
      out,
      offset,
    );
    this.supplyAtSampleUnits = supply;
    eco.counters.reset();
    return o;
  }

  /** The period's providers' economics by type (TYPE_ECONOMY_COLUMNS) into `out` from `offset`; returns the next offset. */
  sampleTypes(out: number[], offset: number): number {
    return this.typeBooks.sample(this.eco.host.providers, this.bookSource, out, offset);
  }

  /** Writes the period's TOKEN_FLOAT_COLUMNS from `offset` (after sample() at the same instant); returns the next offset. */
  sampleFloat(out: number[], offset: number): number {
    const eco = this.eco;
    out[offset] = eco.forSale() / UNITS_PER;
    out[offset + 1] = eco.shortfallUnits / UNITS_PER;
    eco.shortfallUnits = 0;
    return offset + 2;
  }

  /** Writes the period's PROVIDER_INCOME_COLUMNS from `offset` (after sample() at the same instant); returns the next offset. */
  sampleProviderIncome(out: number[], offset: number): number {
    out[offset] = this.incomeConcentration.hhi;
    out[offset + 1] = this.incomeConcentration.nakamoto;
    out[offset + 2] = this.underWaterShare;
    return offset + 3;
  }
}
