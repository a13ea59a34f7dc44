/**
 * The bundled scenarios (scenarios/*.json), available to the CLI and the browser alike. Vite's
 * import.meta.glob is not available in Node, so the files are imported one by one here; a test
 * checks that this list matches the folder.
 */
import baseline from '../../../scenarios/baseline.json' with { type: 'json' };
import mmc from '../../../scenarios/mmc.json' with { type: 'json' };
import halving from '../../../scenarios/halving.json' with { type: 'json' };
import tokenCrash from '../../../scenarios/token_crash.json' with { type: 'json' };
import tokenPump from '../../../scenarios/token_pump.json' with { type: 'json' };
import demandBoom from '../../../scenarios/demand_boom.json' with { type: 'json' };
import cheating from '../../../scenarios/cheating.json' with { type: 'json' };
import unlockShock from '../../../scenarios/unlock_shock.json' with { type: 'json' };
import vampireAttack from '../../../scenarios/vampire_attack.json' with { type: 'json' };
import burstyDemand from '../../../scenarios/bursty_demand.json' with { type: 'json' };
import erlangA from '../../../scenarios/erlang_a.json' with { type: 'json' };
import cloudPriceCut from '../../../scenarios/cloud_price_cut.json' with { type: 'json' };
import demandCrash from '../../../scenarios/demand_crash.json' with { type: 'json' };
import euPowerShock from '../../../scenarios/eu_power_shock.json' with { type: 'json' };
import feeSwitch from '../../../scenarios/fee_switch.json' with { type: 'json' };
import ethMerge from '../../../scenarios/eth_merge.json' with { type: 'json' };
import gpuShortage from '../../../scenarios/gpu_shortage.json' with { type: 'json' };
import universityTerms from '../../../scenarios/university_terms.json' with { type: 'json' };
import incentivePilot from '../../../scenarios/incentive_pilot.json' with { type: 'json' };
import escrowExhaustion from '../../../scenarios/escrow_exhaustion.json' with { type: 'json' };
import spotMarket from '../../../scenarios/spot_market.json' with { type: 'json' };
import reservedInstances from '../../../scenarios/reserved_instances.json' with { type: 'json' };

export interface Preset {
  name: string;
  question: string;
  raw: Record<string, unknown>;
}

const RAW: Record<string, unknown>[] = [baseline, halving, tokenCrash, tokenPump, unlockShock, vampireAttack, demandBoom, demandCrash, gpuShortage, incentivePilot, escrowExhaustion, spotMarket, reservedInstances, cloudPriceCut, euPowerShock, universityTerms, feeSwitch, ethMerge, burstyDemand, cheating, mmc, erlangA];

export const PRESETS: Preset[] = RAW.map((raw) => ({
  name: String(raw.name),
  question: String(raw.question ?? ''),
  raw,
}));

export function findPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}
