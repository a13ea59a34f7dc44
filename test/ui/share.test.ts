import { describe, expect, it } from 'vitest';
import { checkShare, checksum, decodeShare, encodeShare, tokenFromHash, type SharePayload } from '../../src/ui/lib/share.ts';
import { validateScenario } from '../../src/sim/scenario/validate.ts';
import { scenarioHash } from '../../src/sim/scenario/hash.ts';
import { defaultSweepChoices } from '../../src/ui/lib/sweepChoices.ts';
import { defaultSensitivity } from '../../src/ui/lib/sensitivityChoices.ts';

function payload(scenario: Record<string, unknown> = { horizonDays: 30, supply: { providers: 500 } }): SharePayload {
  const v = validateScenario(scenario);
  if (!v.ok) throw new Error('bad fixture');
  return { v: 1, app: '0.1.0', preset: 'baseline', seed: 42, hash: scenarioHash(v.scenario), scenario };
}

describe('share links', () => {
  it('round-trip: encode then decode gives the payload back, and the full check passes', () => {
    const p = payload();
    const token = encodeShare(p);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    const d = decodeShare(token);
    expect(d).toEqual({ ok: true, payload: p });
    const c = checkShare(p, validateScenario, scenarioHash, '0.1.0');
    expect(c.ok).toBe(true);
  });

  it('carries the Monte Carlo runs when there are several, from 2 to 50, and nothing else', () => {
    const p = { ...payload(), runs: 10 };
    expect(decodeShare(encodeShare(p))).toEqual({ ok: true, payload: p });
    // a link without runs (one run, or made before there were runs) decodes as it always did
    expect(decodeShare(encodeShare(payload()))).toEqual({ ok: true, payload: payload() });
    for (const runs of [1, 51, 2.5, '5']) {
      const d = decodeShare(encodeShare({ ...payload(), runs } as unknown as SharePayload));
      expect(d, String(runs)).toEqual({ ok: false, reason: 'the link is damaged: runs should be a whole number from 2 to 50' });
    }
  });

  it('carries the band level of a view with bands when it is not the default, and refuses one the app does not offer', () => {
    const p: SharePayload = { ...payload(), runs: 5, band: 95 };
    expect(decodeShare(encodeShare(p))).toEqual({ ok: true, payload: p });
    for (const band of [85, '90', 0.9, null]) {
      const d = decodeShare(encodeShare({ ...payload(), runs: 5, band } as unknown as SharePayload));
      expect(d, String(band)).toEqual({ ok: false, reason: 'the link is damaged: the band level should be one of 50, 80, 90, 95' });
    }
  });

  it('carries the runs kept to compare (scenario, seed, hash, Monte Carlo seeds), shape-checked as a whole', () => {
    const b = payload({ horizonDays: 30, demand: { baseRateJobsPerHour: 200 } });
    const p: SharePayload = { ...payload(), compare: [{ preset: 'baseline (custom)', seed: 42, hash: b.hash, scenario: b.scenario, seeds: [42, 43, 44] }] };
    expect(decodeShare(encodeShare(p))).toEqual({ ok: true, payload: p });
    const bad = (compare: unknown) => decodeShare(encodeShare({ ...payload(), compare } as unknown as SharePayload));
    const damaged = { ok: false, reason: 'the link is damaged: the runs to compare are not a list of scenarios with seeds and hashes' };
    expect(bad([])).toEqual(damaged);
    expect(bad([{ preset: 'x', seed: -1, hash: b.hash, scenario: {} }])).toEqual(damaged);
    expect(bad([{ preset: 'x', seed: 1, hash: 'nothex', scenario: {} }])).toEqual(damaged);
    expect(bad([{ preset: 'x', seed: 1, hash: b.hash, scenario: {}, extra: 1 }])).toEqual(damaged);
    expect(bad(Array.from({ length: 5 }, (_, i) => ({ preset: 'x', seed: i, hash: b.hash, scenario: {} })))).toEqual(damaged);
  });

  it("carries the Sweep and Sensitivity panels' forms, read as the panels read stored ones; a form that is not an object is refused", () => {
    const sweep = { ...defaultSweepChoices(), path: 'market.takeRate', from: '0.01', to: '0.2', steps: 7, seeds: 3, kpi: 'buyer-price' };
    const sensitivity = { ...defaultSensitivity(), method: 'sobol' as const, rows: 32 };
    const p: SharePayload = { ...payload(), sweep, sensitivity };
    expect(decodeShare(encodeShare(p))).toEqual({ ok: true, payload: p });
    // a choice the form does not offer comes back as its default, as from storage (the checksum guards against edits)
    const odd = decodeShare(encodeShare({ ...payload(), sweep: { ...sweep, steps: 4, kpi: 'nonsense' } } as unknown as SharePayload));
    expect(odd.ok && odd.payload.sweep).toEqual({ ...sweep, steps: defaultSweepChoices().steps, kpi: defaultSweepChoices().kpi });
    expect(decodeShare(encodeShare({ ...payload(), sweep: [1] } as unknown as SharePayload))).toEqual({ ok: false, reason: "the link is damaged: the Sweep panel's form is not an object" });
    expect(decodeShare(encodeShare({ ...payload(), sensitivity: 'sobol' } as unknown as SharePayload))).toEqual({ ok: false, reason: "the link is damaged: the Sensitivity panel's form is not an object" });
  });

  it('reads the token from a location hash', () => {
    expect(tokenFromHash('#run=abc')).toBe('abc');
    expect(tokenFromHash('#x=1&run=abc')).toBe('abc');
    expect(tokenFromHash('#other=1')).toBeNull();
    expect(tokenFromHash('')).toBeNull();
  });

  it('refuses a token with any single character changed', () => {
    const token = encodeShare(payload());
    let refused = 0;
    for (let i = 0; i < token.length; i += 7) {
      const t = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
      if (!decodeShare(t).ok) refused++;
      else {
        // A change that still decodes must still fail the scenario check.
        const d = decodeShare(t);
        if (d.ok) expect(checkShare(d.payload, validateScenario, scenarioHash, '0.1.0').ok).toBe(false);
        refused++;
      }
    }
    expect(refused).toBe(Math.ceil(token.length / 7));
  });

  it('refuses garbage, wrong shapes, extra fields and oversized links with a reason', () => {
    expect(decodeShare('%%%')).toMatchObject({ ok: false });
    expect(decodeShare(btoa('[1,2]'))).toMatchObject({ ok: false });
    const p = payload();
    const withExtra = { ...p, evil: 1 };
    const token = btoa(JSON.stringify({ ...withExtra, c: checksum(withExtra) })).replace(/=+$/, '');
    expect(decodeShare(token)).toMatchObject({ ok: false, reason: expect.stringContaining('unexpected') });
    const badSeed = { ...p, seed: -1 };
    expect(decodeShare(btoa(JSON.stringify({ ...badSeed, c: checksum(badSeed) })).replace(/=+$/, ''))).toMatchObject({ ok: false, reason: expect.stringContaining('seed') });
    expect(decodeShare('A'.repeat(70_000))).toMatchObject({ ok: false, reason: expect.stringContaining('too long') });
  });

  it('refuses a scenario edited with a recomputed checksum, because its hash no longer matches', () => {
    const p = payload();
    const edited = { ...p, scenario: { ...p.scenario, horizonDays: 31 } };
    const d = decodeShare(encodeShare(edited));
    expect(d.ok).toBe(true);
    if (d.ok) {
      const c = checkShare(d.payload, validateScenario, scenarioHash, '0.1.0');
      expect(c).toMatchObject({ ok: false, reason: expect.stringContaining('does not match the hash') });
    }
  });

  it('refuses an invalid scenario and names the field', () => {
    const p = { ...payload(), scenario: { horizonDays: -3 } };
    const c = checkShare(p, validateScenario, scenarioHash, '0.1.0');
    expect(c).toMatchObject({ ok: false, reason: expect.stringContaining('horizonDays') });
  });

  it('the checksum does not depend on key order', () => {
    expect(checksum({ a: 1, b: { c: 2, d: 3 } })).toBe(checksum({ b: { d: 3, c: 2 }, a: 1 }));
    expect(checksum({ a: 1 })).not.toBe(checksum({ a: 2 }));
  });
});
