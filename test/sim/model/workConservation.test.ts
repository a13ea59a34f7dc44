/**
 * Work conservation and FCFS: matching is event-driven (on arrival and whenever capacity frees), so
 * between events no GPU may sit idle while an order it could serve is waiting. Checked at many
 * points of a run by comparing every waiting order with every provider's free capacity under the
 * hard filters (written out here from the specification, not taken from the matcher).
 */
import { describe, expect, test } from 'vitest';
import { createRun, type Run } from '../../../src/sim/run.ts';
import { parseScenario } from '../../../src/sim/scenario/validate.ts';
import { GPU_CATALOGUE } from '../../../src/sim/supply/catalogue.ts';
import { isOnline, type Lease, type Provider } from '../../../src/sim/model/types.ts';
import { mmcRaw } from '../helpers.ts';

function canServe(p: Provider, o: Lease, run: Run): boolean {
  const m = run.model;
  const windowEnd = m.sig.windowEnd[p.id];
  return (
    p.active &&
    (p as Provider & { canServe?: boolean }).canServe !== false &&
    isOnline(p) &&
    p.gpusFree >= o.gpus &&
    p.askUsdPerGpuHour <= o.budgetUsdPerGpuHour &&
    (!o.regionLocked || p.region === o.region) &&
    GPU_CATALOGUE[p.model].vramGb >= o.minVramGb &&
    p.tier >= o.minTier &&
    windowEnd >= run.now() + m.s.market.setupHours + Math.min(o.workHours, o.cancelAfterHours)
  );
}

/** Waiting orders that some provider could serve right now. */
function idleWhileWaiting(run: Run): { lease: number; provider: number; waitedH: number }[] {
  const out: { lease: number; provider: number; waitedH: number }[] = [];
  for (const o of run.model.leases.values()) {
    if (o.state !== 'ordered') continue;
    const p = run.model.providers.find((q) => canServe(q, o, run));
    if (p) out.push({ lease: o.id, provider: p.id, waitedH: run.now() - o.orderedAt });
  }
  return out;
}

function checkAt(raw: Record<string, unknown>, seed: number, points: number | number[]) {
  const s = parseScenario(raw);
  const run = createRun(s, seed);
  const H = run.horizonHours;
  const bad: string[] = [];
  const times = typeof points === 'number' ? Array.from({ length: points }, (_, i) => (H * (i + 1)) / points) : points;
  for (const t of times) {
    run.advance(t);
    const v = idleWhileWaiting(run);
    if (v.length) bad.push(`t=${run.now().toFixed(1)} h: ${v.length} orders could be served, e.g. lease ${v[0].lease} by provider ${v[0].provider} after ${v[0].waitedH.toFixed(1)} h`);
  }
  return bad;
}

describe('work conservation: no idle GPU while an order it can serve waits', () => {
  test('M/M/c', { timeout: 20_000 }, () => {
    expect(checkAt(mmcRaw({ c: 10, lambda: 9, days: 20, economy: 'off' }), 1, 200)).toEqual([]);
  });

  test('a small full scenario, market only (failures, windows, multi-GPU, daily repricing)', { timeout: 20_000 }, () => {
    expect(checkAt({ horizonDays: 8, scale: 0.05, economy: { enabled: false } }, 2, 100)).toEqual([]);
  });

  test('daily repricing: an ask that falls within a waiting order\'s budget serves it', { timeout: 20_000 }, () => {
    const raw = { horizonDays: 6, scale: 0.05, economy: { enabled: false }, supply: { priceAdjustPerDay: 0.2 } };
    const justAfterRepricing = [1, 2, 3, 4, 5].map((d) => d * 24 + 1e-3);
    expect([1, 3].flatMap((seed) => checkAt(raw, seed, justAfterRepricing))).toEqual([]);
  });

  test('a small full scenario with the economy (stake gating, churn, entry)', { timeout: 20_000 }, () => {
    expect(checkAt({ horizonDays: 8, scale: 0.05 }, 2, 100)).toEqual([]);
  });

  test('M/M/c plus a backlog of orders nobody can serve (141 GB VRAM on 80 GB GPUs, unlimited patience)', { timeout: 20_000 }, () => {
    // The unservable orders pile up at the head of the FCFS queue; servable orders behind them must
    // still be matched when capacity frees, however long the backlog.
    const raw = mmcRaw({ c: 10, lambda: 9, days: 20, economy: 'off' }) as { demand: { classes: Record<string, unknown> } };
    raw.demand.classes.inference = { ...(raw.demand.classes.inference as object), share: 8 / 9 };
    raw.demand.classes.training = {
      share: 1 / 9,
      gpus: { '1': 1 },
      minVramGb: { '141': 1 },
      durationHours: { dist: 'exponential', mean: 1 },
      unlimitedPatience: true,
      cancelShare: 0,
      regionLockedShare: 0,
      budgetFactorMin: 100,
      budgetFactorMax: 100,
    };
    expect(checkAt(raw, 1, 100)).toEqual([]);
  });
});
