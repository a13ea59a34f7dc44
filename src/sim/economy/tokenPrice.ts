/**
 * Token price, updated once a day (ASSUMPTIONS.md, "Token price"):
 *
 *   P_t = X_t * exp(M_t)
 *   X   exogenous path: geometric Brownian motion with drift mu and volatility sigma, times scheduled
 *       shocks (log-linear moves to a new level over a number of days, e.g. -70% over 30 days)
 *   M   endogenous pressure: M_{t+1} = rho * M_t + kappa * netBuyUsd_t / depthUsd_t,
 *       depthUsd_t = depthShare * P_t * supply_t (market cap), rho = 2^(-1 / halfLife)
 *
 * netBuyUsd is what tenants and providers bought minus what they sold that day. With a permanent
 * impact (rho = 1) the price settles where buying equals selling: in burn-and-mint with USD demand D
 * per day and emissions E per day sold by providers, D = E P, so P = D / E.
 */
import type { EconomyParams } from '../scenario/economySchema.ts';
import type { Rng } from '../rng/streams.ts';
import { cos, exp, log, pow } from '../core/detMath.ts';

export interface PriceState {
  /** Exogenous path before shocks. */
  gbm: number;
  /** Endogenous log-pressure. */
  pressure: number;
  price: number;
}

export function initialPrice(p0: number): PriceState {
  return { gbm: p0, pressure: 0, price: p0 };
}

/** Log multiplier of the scheduled shocks at day `day` (shocks compound). */
export function shockLog(shocks: EconomyParams['price']['shocks'], day: number): number {
  let s = 0;
  for (const sh of shocks) {
    if (day <= sh.startDay) continue;
    const f = sh.durationDays > 0 ? Math.min(1, (day - sh.startDay) / sh.durationDays) : 1;
    s += f * log(sh.multiplier);
  }
  return s;
}

function volatilityOn(pp: EconomyParams['price'], day: number): number {
  let v = pp.volatilityPerYear;
  for (const sh of pp.shocks) if (sh.volatilityPerYear !== undefined && day >= sh.startDay && day < sh.startDay + Math.max(1, sh.durationDays)) v = sh.volatilityPerYear;
  return v;
}

/**
 * One day's step from day `day` to `day + 1`: the state after, given the day's net buying (USD) and
 * supply (tokens). Draws one normal from `rng` only when the volatility is positive.
 */
export function stepPrice(s: PriceState, pp: EconomyParams['price'], day: number, netBuyUsd: number, supply: number, rng: Rng): PriceState {
  const dt = 1 / 365;
  const sigma = volatilityOn(pp, day);
  let z = 0;
  if (sigma > 0) {
    const u = 1 - rng();
    const v = rng();
    z = Math.sqrt(-2 * log(u)) * cos(2 * Math.PI * v);
  }
  const gbm = s.gbm * exp((pp.driftPerYear - (sigma * sigma) / 2) * dt + sigma * Math.sqrt(dt) * z);
  const depth = pp.depthShareOfCap * s.price * supply;
  const rho = pow(2, -1 / pp.impactHalfLifeDays);
  // A day's impact is bounded (|kappa * flow / depth| <= 1, i.e. at most e-fold a day) so a thin market cannot blow up.
  const push = depth > 0 ? Math.max(-1, Math.min(1, (pp.impact * netBuyUsd) / depth)) : 0;
  const pressure = rho * s.pressure + push;
  const price = gbm * exp(shockLog(pp.shocks, day + 1) + pressure);
  return { gbm, pressure, price };
}
