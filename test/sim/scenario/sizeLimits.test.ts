/**
 * The dashboard's limit on the network's size (sizeLimits.ts): a network larger than a browser tab's
 * memory holds is refused with the scenario's other problems, naming the field and the command line,
 * instead of freezing the page for minutes and then killing it (and again on every reload).
 */
import { describe, expect, it } from 'vitest';
import { BROWSER_MAX_PROVIDERS, browserSizeIssues, providersBuilt, validateForBrowser } from '../../../src/sim/scenario/sizeLimits.ts';
import { PRESETS } from '../../../src/sim/scenario/presets.ts';
import { applyOverrides } from '../../../src/sim/scenario/overrides.ts';
import { parseScenario } from '../../../src/sim/scenario/validate.ts';

const baseline = PRESETS.find((p) => p.name === 'baseline')!.raw;
const scenario = (...sets: string[]) => parseScenario(applyOverrides(baseline, sets));

describe("the dashboard's network size limit", () => {
  it('lets every bundled scenario run, at every size the dashboard offers (up to x10)', () => {
    for (const p of PRESETS) {
      const raw = applyOverrides(p.raw, ['scale=10']);
      expect(validateForBrowser(raw).ok, p.name).toBe(true);
    }
  });

  it('counts the providers the run builds: the initial ones and the influxes\' waves, at the scale', () => {
    expect(providersBuilt(scenario())).toBe(2000);
    expect(providersBuilt(scenario('scale=2.5'))).toBe(5000);
    const eth = parseScenario(applyOverrides(PRESETS.find((p) => p.name === 'eth_merge')!.raw, ['scale=2']));
    expect(providersBuilt(eth)).toBe(2 * 2000 + 2 * 240);
  });

  it('refuses one provider over the limit, naming the field, the count and the way to run it', () => {
    expect(browserSizeIssues(scenario(`supply.providers=${BROWSER_MAX_PROVIDERS}`))).toEqual([]);
    const over = validateForBrowser(applyOverrides(baseline, [`supply.providers=${BROWSER_MAX_PROVIDERS + 1}`]));
    expect(over.ok).toBe(false);
    if (over.ok) return;
    expect(over.issues).toHaveLength(1);
    expect(over.issues[0].path).toBe('supply.providers');
    expect(over.issues[0].message).toBe(
      "the dashboard runs networks of up to 250,000 providers, what a browser tab's memory holds; this one has 250,001 (providers × scale 1): run it with the command line (JSON exports the scenario for npx depinsim run scenario.json)",
    );
  });

  it('blames the scale when the providers alone fit, and says when influxes count', () => {
    const [byScale] = browserSizeIssues(scenario('scale=200'));
    expect(byScale.path).toBe('scale');
    expect(byScale.message).toContain('this one has 400,000 (providers × scale 200)');
    const [byWave] = browserSizeIssues(scenario('supply.providers=200000', 'supply.influxes=[{"startDay":1,"durationDays":1,"providers":60000,"archetype":"farm"}]'));
    expect(byWave.message).toContain('this one has 260,000 (providers and the influxes\' waves × scale 1)');
  });

  it("gives the schema's problems first, as the command line does", () => {
    const r = validateForBrowser(applyOverrides(baseline, ['supply.providers=20000000']));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].message).not.toContain('browser');
  });
});
