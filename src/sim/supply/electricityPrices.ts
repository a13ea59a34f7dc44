/**
 * Electricity prices over time: each region's residential and industrial price from the scenario,
 * moved by its electricity shocks (supply.electricityShocks). A provider pays its region's price at
 * its archetype's tariff; the model refreshes what each provider pays once a day.
 */
import { shockFactor } from '../demand/arrivals.ts';
import { REGIONS, TARIFFS, type Scenario } from '../scenario/schema.ts';

export type Tariff = (typeof TARIFFS)[number];

export interface ElectricityPrices {
  /** False when the scenario moves no price: then price() is the listed price at every time. */
  readonly moves: boolean;
  /** USD/kWh paid in region `region` (index in REGIONS) at `tariff`, at time t (hours). */
  price(region: number, tariff: Tariff, t: number): number;
}

export function createElectricityPrices(s: Scenario): ElectricityPrices {
  const shocks = s.supply.electricityShocks ?? [];
  const listed = REGIONS.map((r) => {
    const el = s.supply.electricity[r];
    return { residential: el.residentialUsdPerKwh, industrial: el.industrialUsdPerKwh };
  });
  // the shocks that reach each (region, tariff)
  const reaching = REGIONS.map((r) =>
    Object.fromEntries(TARIFFS.map((tf) => [tf, shocks.filter((sh) => (!sh.regions || sh.regions.includes(r)) && (!sh.tariffs || sh.tariffs.includes(tf)))])) as Record<Tariff, typeof shocks>,
  );
  return {
    moves: shocks.length > 0,
    price(region, tariff, t) {
      let kwh = listed[region][tariff];
      for (const sh of reaching[region][tariff]) kwh *= shockFactor(sh, t);
      return kwh;
    },
  };
}
