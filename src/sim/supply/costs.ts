/**
 * Provider costs and the asking price built from them (research §10):
 *   running cost per busy GPU-hour = power at load x PUE x electricity + ops
 *   full cost per GPU-hour         = running cost + capex / life, divided by the target utilization
 *                                    for the part that accrues whether or not the GPU is busy
 *   ask                            = full cost x (1 + margin)
 * Example (research §10): RTX 4090 at home, $0.14/kWh: energy ~$0.05/h + capex $0.068/h -> ask ~$0.3/h,
 * in line with Vast.ai's $0.31-0.45 [S].
 */
import type { ArchetypeParams } from '../scenario/schema.ts';
import type { GpuModel } from './catalogue.ts';

export interface CostInputs {
  model: GpuModel;
  arch: ArchetypeParams;
  gpus: number;
  electricityUsdPerKwh: number;
  purchasePriceUsd: number;
}

export interface ProviderCosts {
  busyKwPerGpu: number;
  idleKwPerGpu: number;
  capexUsdPerGpuHour: number;
  opsUsdPerGpuHour: number;
  runningCostUsdPerGpuHour: number;
  fullCostUsdPerGpuHour: number;
}

export function providerCosts(c: CostInputs): ProviderCosts {
  const { model, arch, gpus, electricityUsdPerKwh: kwh } = c;
  const hostKwPerGpu = arch.hostOverheadW / 1000 / gpus;
  const busyKwPerGpu = ((model.boardPowerW / 1000) * arch.loadPowerShare + hostKwPerGpu) * arch.pue;
  const idleKwPerGpu = ((model.boardPowerW / 1000) * arch.idlePowerShare + hostKwPerGpu) * arch.pue;
  const capexUsdPerGpuHour = c.purchasePriceUsd / (arch.lifeYears * 8760);
  const opsUsdPerGpuHour = arch.opsUsdPerGpuHour;
  const runningCostUsdPerGpuHour = busyKwPerGpu * kwh + opsUsdPerGpuHour;
  // Idle power and capex accrue every online hour; spread them over the busy hours the provider expects.
  const u = arch.targetUtilization;
  const fixedPerHour = capexUsdPerGpuHour + idleKwPerGpu * kwh * (1 - u);
  const fullCostUsdPerGpuHour = runningCostUsdPerGpuHour + fixedPerHour / u;
  return { busyKwPerGpu, idleKwPerGpu, capexUsdPerGpuHour, opsUsdPerGpuHour, runningCostUsdPerGpuHour, fullCostUsdPerGpuHour };
}

/**
 * Daily repricing: above the target utilization (plus a dead band) the ask rises by `step`, below it
 * falls by `step`, never under the running cost. Returns the new ask.
 */
export function repricedAsk(ask: number, utilization: number, target: number, band: number, step: number, floor: number): number {
  if (step === 0 || !(utilization >= 0)) return ask;
  let next = ask;
  if (utilization > target + band) next = ask * (1 + step);
  else if (utilization < target - band) next = ask * (1 - step);
  return Math.max(floor, next);
}
