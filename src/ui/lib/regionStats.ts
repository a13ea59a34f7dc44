/**
 * Providers by region, from the per-provider report: who took part, joined and left, their GPUs,
 * how busy they were, what they earned, what their power cost and what they kept. The question of
 * a regional shock (eu_power_shock: does Europe lose providers, do other regions take up the work?).
 */
import { REGIONS } from '../../sim/scenario/schema.ts';
import { groupFigures, type ProviderRecord } from './providerStats.ts';
import { REGION_LABELS } from './chartDefs/palette.ts';


export interface RegionRow {
  region: string;
  label: string;
  /** Providers that took part, and those still in at the report. */
  providers: number;
  active: number;
  /** Providers that joined after the start, and that left, over the run. */
  joined: number;
  left: number;
  /** GPUs of those still in. */
  gpus: number;
  utilization: number;
  incomePerGpuHour: number;
  /** Energy bill and profit per provider-month (all of them, each for the days it was in); NaN without the token economy's figures. */
  energyPerProviderMonth: number;
  profitPerProviderMonth: number;
  medianPaybackMonths: number;
}

/** Per region (in REGIONS' order, those with providers); `nowDay`: the report's day. */
export function regionSummary(rows: readonly ProviderRecord[], nowDay: number): RegionRow[] {
  return REGIONS.map((region) => {
    const of = rows.filter((r) => r.region === region);
    const f = groupFigures(of, nowDay);
    const energy = of.reduce((s, r) => s + (Number.isFinite(Number(r.energy_usd)) ? Number(r.energy_usd) : 0), 0);
    const hasEnergy = of.some((r) => Number.isFinite(Number(r.energy_usd)));
    return {
      region,
      label: REGION_LABELS[region],
      providers: f.providers,
      active: f.active,
      joined: of.filter((r) => Number(r.joined_day) > 0).length,
      left: of.filter((r) => r.active !== 1).length,
      gpus: f.gpus,
      utilization: f.utilization,
      incomePerGpuHour: f.incomePerGpuHour,
      energyPerProviderMonth: hasEnergy && f.providerMonths > 0 ? energy / f.providerMonths : NaN,
      profitPerProviderMonth: f.profitPerProviderMonth,
      medianPaybackMonths: f.medianPaybackMonths,
    };
  }).filter((r) => r.providers > 0);
}
