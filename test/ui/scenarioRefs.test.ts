/** The scenario's own reference lines: the supply cap on the supply stack, at the scenario's scale, only with the token economy. */
import { describe, expect, it } from 'vitest';
import { scenarioRefs } from '../../src/ui/lib/scenarioRefs.ts';
import { parseScenario } from '../../src/sim/scenario/validate.ts';

describe('scenarioRefs', () => {
  it('draws the token supply cap on the supply stack, scaled, and nothing elsewhere or without the economy', () => {
    expect(scenarioRefs(parseScenario({}), 'supply-stack')).toEqual([{ value: 800e6, label: 'max supply 800M tokens: emissions stop at it' }]);
    expect(scenarioRefs(parseScenario({ scale: 0.5 }), 'supply-stack')[0].value).toBe(400e6);
    expect(scenarioRefs(parseScenario({}), 'utilization')).toEqual([]);
    expect(scenarioRefs(parseScenario({ economy: { enabled: false } }), 'supply-stack')).toEqual([]);
    expect(scenarioRefs(null, 'supply-stack')).toEqual([]);
  });

  it("draws the breaker's halt threshold on the collateral chart: the run's own, else Akash's marked as not in the run", () => {
    expect(scenarioRefs(parseScenario({ economy: { payment: 'burnMint', bmeBreaker: { haltRatio: 0.75 } } }), 'bmeBreaker')).toEqual([{ value: 0.75, label: "0.75: this run's halt threshold (economy.bmeBreaker)" }]);
    expect(scenarioRefs(parseScenario({ economy: { payment: 'burnMint', bmeBreaker: {} } }), 'bmeBreaker')[0].value).toBe(0.9);
    expect(scenarioRefs(parseScenario({ economy: { payment: 'burnMint' } }), 'bmeBreaker')).toEqual([{ value: 0.9, label: "0.90: Akash's halt (AEP-76); no breaker in this run" }]);
    expect(scenarioRefs(null, 'bmeBreaker')).toEqual([]);
  });
});
