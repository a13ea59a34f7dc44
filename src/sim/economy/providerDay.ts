/**
 * The providers' side of the daily epoch, one pass over the active providers before the day's
 * emission and one after it. tally(): the day's online and busy GPU-hours from the usage integrals,
 * the costs they incur (energy, operations, hardware amortization, the stake's opportunity cost), and
 * the reward weights: availability (online hours past the uptime gate and any reconnect cooldown,
 * times the GPU's reward multiplier) and work (USD billed). settle(): each provider's rewards, its
 * day's P&L folded into its trailing margins, its sale of token income, stake top-up, cheaters' spot
 * checks and the exit hazard; what entrants learn from the day. Scratch arrays by provider id carry
 * the day from one pass to the other.
 *
 * Randomness: 'cheat' (spot checks) and 'exit' (exit hazards), drawn in provider order.
 */
import { UNITS_PER } from './ledger.ts';
import type { Provider } from '../model/types.ts';
import { BUSY_TOTAL, ONLINE_TOTAL } from '../model/usage.ts';
import { ARCHETYPES } from '../scenario/schema.ts';
import { GPU_CATALOGUE } from '../supply/catalogue.ts';
import { pow } from '../core/detMath.ts';
import { grown } from '../core/grown.ts';
import type { Economy } from './economy.ts';
import { exitCause } from './exitCause.ts';
import { participationFactor } from './participationWindows.ts';
import { setServe, topUp } from './providerStake.ts';

/** What settle() leaves for the rest of the epoch: who leaves (and why, exitCause.ts) and who was caught. */
export interface DayOutcome {
  exits: Provider[];
  /** Per exit, its cause (exitCause.ts). */
  exitWhy: number[];
  caught: Provider[];
}

export class ProviderDays {
  // scratch, per provider id
  private wAvail = new Float64Array(256);
  private dayCost = new Float64Array(256);
  private dayCash = new Float64Array(256);
  private dayRun = new Float64Array(256);
  private dayOn = new Float64Array(256);
  private dayBusy = new Float64Array(256);
  /** The day's total reward weights, from tally(): availability (multiplier x GPU-hours) and work (USD billed). */
  availW = 0;
  workW = 0;

  private grow(n: number): void {
    if (n <= this.wAvail.length) return;
    const m = Math.max(n, this.wAvail.length * 2);
    const g = (a: Float64Array<ArrayBuffer>) => grown(a, m);
    this.wAvail = g(this.wAvail);
    this.dayCost = g(this.dayCost);
    this.dayCash = g(this.dayCash);
    this.dayRun = g(this.dayRun);
    this.dayOn = g(this.dayOn);
    this.dayBusy = g(this.dayBusy);
  }

  /** The day's hours, costs and reward weights of every active provider, at the epoch of `day` (0-based) ending at `now`. */
  tally(eco: Economy, now: number, day: number): void {
    const host = eco.host;
    const e = eco.e;
    const P = eco.price.price;
    const P_ = host.providers;
    const usage = host.usage;
    this.grow(P_.length);
    const gate = e.emission.uptimeGate;
    const oppPerDay = e.staking.opportunityCostPerYear / 365;
    let availW = 0;
    let workW = 0;
    const programs = eco.programs;
    programs?.beginDay();
    for (let i = 0; i < P_.length; i++) {
      const p = P_[i];
      if (!p.active) continue;
      host.accrue(p);
      const b = eco.books[i];
      const busyTotal = usage.get(i, BUSY_TOTAL);
      const onlineTotal = usage.get(i, ONLINE_TOTAL);
      const busyH = busyTotal - b.busySeen;
      const onH = onlineTotal - b.onlineSeen;
      b.busySeen = busyTotal;
      b.onlineSeen = onlineTotal;
      const frac = Math.min(1, (now - p.joinedAt) / 24);
      const busyKw = b.cheater ? p.idleKwPerGpu : p.busyKwPerGpu;
      const energy = p.electricityUsdPerKwh * (p.idleKwPerGpu * Math.max(0, onH - busyH) + busyKw * busyH);
      const ops = p.opsUsdPerGpuHour * busyH;
      const capex = p.capexUsdPerGpuHour * p.gpus * 24 * frac;
      const opp = (b.stakeUnits / UNITS_PER) * P * oppPerDay * frac;
      b.energyUsd += energy;
      b.opsUsd += ops;
      b.capexUsd += capex;
      b.stakeCostUsd += opp;
      this.dayCost[i] = energy + ops + capex + opp;
      this.dayCash[i] = -(energy + ops);
      this.dayRun[i] = energy + ops + opp;
      this.dayOn[i] = onH;
      this.dayBusy[i] = busyH;
      programs?.claim(p, onH, day + 1);
      const scheduled = p.gpus * p.windowHours * frac;
      // the gate counts every hour online; the reward, only those past a reconnect's cooldown
      const rewardOnH = eco.cooldown ? Math.max(0, onH - p.gpus * eco.cooldown.take(i, now)) : onH;
      const w = scheduled > 0 && onH >= gate * scheduled - 1e-9 && rewardOnH > 0 ? GPU_CATALOGUE[p.model].rewardMultiplier * rewardOnH : 0;
      this.wAvail[i] = w;
      availW += w;
      workW += eco.billedToday(i);
    }
    this.availW = availW;
    this.workW = workW;
  }

  /**
   * Per provider, after tally() and the day's emission minted `A` availability and `W` work reward
   * units into the reward pool: rewards, books, sales, stake, spot checks, exit hazard.
   */
  settle(eco: Economy, now: number, day: number, A: number, W: number): DayOutcome {
    const e = eco.e;
    const L = eco.host.ledger;
    const P = eco.price.price;
    const P_ = eco.host.providers;
    const funding = eco.funding;
    const availW = this.availW;
    const workW = this.workW;
    const alpha = 1 / e.participation.trailingDays;
    const exits: Provider[] = [];
    const exitWhy: number[] = [];
    const caught: Provider[] = [];
    const cellDay = eco.entrants.newDay();
    let paidA = 0;
    let paidW = 0;
    const sell = e.participation.sellShare;
    const churn = e.participation.baseChurnPerMonth;
    // a rival's offer and an outside shock (a GPU shortage), per provider type (1 outside their days);
    // the shock's factor scales churn and losses alike, so their shares of an exit's cause stay
    const rival = ARCHETYPES.map((a) => participationFactor(e.participation.competitors, a, day + 1, 'exitMultiplier'));
    const shocked = ARCHETYPES.map((a) => participationFactor(e.participation.participationShocks ?? [], a, day + 1, 'exitMultiplier'));
    const sens = e.participation.exitSensitivity;
    const q = e.slashing.detectionProb;
    for (let i = 0; i < P_.length; i++) {
      const p = P_[i];
      if (!p.active) continue;
      const b = eco.books[i];
      const ra = A > 0 && this.wAvail[i] > 0 ? Math.floor((A * this.wAvail[i]) / availW) : 0;
      const billed = eco.billedToday(p.id);
      const rw = W > 0 && billed > 0 ? Math.floor((W * billed) / workW) : 0;
      const r = ra + rw;
      if (r > 0) {
        L.transferUnits('token', eco.a.rewards, p.account, r, 'rewards');
        paidA += ra;
        paidW += rw;
        b.rewardsTokens += r / UNITS_PER;
        const usd = (r / UNITS_PER) * P;
        b.rewardsUsd += usd;
        eco.addPeriodIncome(p.id, usd);
        b.dayTokenUnits += r;
        eco.counters.rewardsUsd += usd;
      }
      const rewardUsd = (r / UNITS_PER) * P;
      const incentiveUsd = funding && this.dayOn[i] > 0 ? funding.pay(eco, p, b, this.dayOn[i], day + 1) : 0;
      // the subsidy a provider counts on when pricing: trailing reward (and incentive pay) per online GPU-hour
      if (this.dayOn[i] > 0) {
        const c = (rewardUsd + incentiveUsd) / this.dayOn[i];
        p.rewardCreditUsdPerGpuHour = b.trailDays === 0 ? c : p.rewardCreditUsdPerGpuHour + alpha * (c - p.rewardCreditUsdPerGpuHour);
      }
      const leaseUsd = eco.leaseIncomeToday(p.id);
      const income = leaseUsd + rewardUsd + incentiveUsd;
      const cost = this.dayRun[i];
      const cash = income + this.dayCash[i];
      eco.counters.costsUsd += this.dayCost[i];
      if (b.trailDays === 0) {
        b.trailIncome = income;
        b.trailCost = cost;
        b.trailCash = cash;
      } else {
        b.trailIncome += alpha * (income - b.trailIncome);
        b.trailCost += alpha * (cost - b.trailCost);
        b.trailCash += alpha * (cash - b.trailCash);
      }
      b.trailDays++;
      // cell stats for entrants (full days only): revenue USD, reward tokens, online and busy hours per GPU
      if (now - p.joinedAt >= 24) {
        const c = eco.entrants.cellOf(p);
        cellDay[c] += leaseUsd;
        cellDay[c + 1] += r / UNITS_PER;
        cellDay[c + 2] += this.dayOn[i];
        cellDay[c + 3] += this.dayBusy[i];
      }
      // sell the archetype's share of the day's token income
      const arch = ARCHETYPES[p.archetype];
      const sellUnits = Math.floor(b.dayTokenUnits * sell[arch]);
      if (sellUnits > 0) eco.sell(p.account, p.account, sellUnits, 'provider sells token income');
      b.dayTokenUnits = 0;
      eco.closeIncomeDay(p.id);
      // stake back to the requirement after a slash
      if (b.stakeUnits < b.requiredUnits && !b.exiting) {
        topUp(eco, p, b, true);
        setServe(eco, p, b);
      }
      // spot checks of a cheater's work
      if (b.cheater && this.dayBusy[i] > 0 && q > 0) {
        const checks = (e.slashing.checksPerGpuDay * this.dayBusy[i]) / 24;
        if (eco.rngCheat() < 1 - pow(1 - q, checks)) caught.push(p);
      }
      // exit hazard on the trailing running margin (after a full trailing window): the hardware is
      // sunk, so a provider stays while income covers what staying costs (short-run shutdown rule)
      const base = churn[arch] / 30;
      if (base > 0 || sens > 0) {
        const margin = b.trailDays >= e.participation.trailingDays && b.trailCost > 0 ? b.trailIncome / b.trailCost - 1 : 0;
        const losses = sens * Math.max(0, -margin);
        const h = base * (1 + losses) * rival[p.archetype] * shocked[p.archetype];
        if (h > 0) {
          const u = eco.rngExit();
          if (u < h) {
            exits.push(p);
            exitWhy.push(exitCause(u, h, losses, rival[p.archetype]));
          }
        }
      }
    }
    // provider pools: any rounding remainder stays in the reward pool for tomorrow
    eco.counters.availRewardUnits += paidA;
    eco.counters.workRewardUnits += paidW;
    eco.entrants.learn(cellDay, alpha);
    return { exits, exitWhy, caught };
  }
}
