/**
 * The GPU catalogue: real models with VRAM, compute, board power, purchase price, the reward
 * multiplier networks apply and the centralized cloud's on-demand price (the tenant's outside option).
 *
 * Sources (tags as in research/depin_mechanisms.md §7.1, §7.2, §2.3): [S] secondary page, [U] industry
 * estimate not confirmed by a primary source, [V] primary source, [C] computed, [D] our assumption.
 * Purchase prices are 2025-26 street prices (used for consumer cards that networks mostly see);
 * they decide the tier, as Spheron's provider tiers do.
 */

export const TIERS = ['entry', 'low', 'medium', 'high', 'ultra'] as const;
export type Tier = (typeof TIERS)[number];
export type TierIndex = 0 | 1 | 2 | 3 | 4;

/**
 * Tier by purchase price (Spheron, core-concepts/providers.mdx [V]): Entry < $1k, Low < $2k,
 * Medium < $5k, High > $7.5k, Ultra-High > $15k. The source leaves $5k-$7.5k unassigned; we close
 * the gap by extending Medium up to $7.5k.
 */
export function tierOfPrice(purchasePriceUsd: number): TierIndex {
  if (purchasePriceUsd < 1000) return 0;
  if (purchasePriceUsd < 2000) return 1;
  if (purchasePriceUsd < 7500) return 2;
  if (purchasePriceUsd < 15000) return 3;
  return 4;
}

/** Market segments of the catalogue's GPUs (a cloud price shock can hit some of them only). */
export const GPU_SEGMENTS = ['consumer', 'workstation', 'datacenter'] as const;
export type GpuSegment = (typeof GPU_SEGMENTS)[number];

export interface GpuModel {
  id: string;
  name: string;
  segment: GpuSegment;
  vramGb: number;
  fp32Tflops: number;
  fp16TensorTflops: number;
  boardPowerW: number;
  purchasePriceUsd: number;
  /** Reward multiplier (Spheron reward-details.mdx [V]; io.net where Spheron has none [S]). */
  rewardMultiplier: number;
  /** On-demand price of the same class of GPU on a centralized cloud, USD per GPU-hour. */
  cloudPriceUsdPerGpuHour: number;
  source: string;
}

const M = (m: Omit<GpuModel, never>): GpuModel => m;

export const GPU_CATALOGUE: readonly GpuModel[] = [
  M({ id: 'rtx3060', name: 'RTX 3060 12GB', segment: 'consumer', vramGb: 12, fp32Tflops: 12.7, fp16TensorTflops: 25, boardPowerW: 170, purchasePriceUsd: 300, rewardMultiplier: 0.25, cloudPriceUsdPerGpuHour: 0.2,
    source: 'specs [U]/170 W [S hmc-tech]; used price ~$200-330 [U]; multiplier as io.net RTX 4070 0.25 [S]; cloud price scaled from RunPod 3090 [D]' }),
  M({ id: 'rtx3070', name: 'RTX 3070 8GB', segment: 'consumer', vramGb: 8, fp32Tflops: 20.3, fp16TensorTflops: 40, boardPowerW: 220, purchasePriceUsd: 350, rewardMultiplier: 0.25, cloudPriceUsdPerGpuHour: 0.22,
    source: 'specs [U]; used price [U]; multiplier as io.net 4070 [S]; cloud price [D]' }),
  M({ id: 'rtx3080', name: 'RTX 3080 10GB', segment: 'consumer', vramGb: 10, fp32Tflops: 29.8, fp16TensorTflops: 60, boardPowerW: 320, purchasePriceUsd: 450, rewardMultiplier: 0.5, cloudPriceUsdPerGpuHour: 0.25,
    source: '29.8 TFLOPS, 320 W, $699 MSRP [S fudzilla]; used ~$350-450 [U]; Fizz list $0.070/h [V]; cloud price [D]' }),
  M({ id: 'rtx4070', name: 'RTX 4070 12GB', segment: 'consumer', vramGb: 12, fp32Tflops: 29.1, fp16TensorTflops: 58, boardPowerW: 200, purchasePriceUsd: 550, rewardMultiplier: 0.25, cloudPriceUsdPerGpuHour: 0.25,
    source: 'specs [U]; io.net multiplier 0.25 [S]; Fizz list $0.058/h [V]; cloud price [D]' }),
  M({ id: 'rtx3090', name: 'RTX 3090 24GB', segment: 'consumer', vramGb: 24, fp32Tflops: 35.6, fp16TensorTflops: 71, boardPowerW: 350, purchasePriceUsd: 1000, rewardMultiplier: 0.75, cloudPriceUsdPerGpuHour: 0.39,
    source: '35.6 TFLOPS, 350 W [S]; used $700-900, new $1,499 [U]; Spheron Low2 0.75 [V]; RunPod on-demand $0.39 (Mar 2026) [S]' }),
  M({ id: 'rtx4080', name: 'RTX 4080 16GB', segment: 'consumer', vramGb: 16, fp32Tflops: 48.7, fp16TensorTflops: 97, boardPowerW: 320, purchasePriceUsd: 1100, rewardMultiplier: 0.75, cloudPriceUsdPerGpuHour: 0.45,
    source: 'specs [U]; Fizz list $0.085/h [V]; multiplier between 3090 and 4090 [D]; cloud price [D]' }),
  M({ id: 'rtx4090', name: 'RTX 4090 24GB', segment: 'consumer', vramGb: 24, fp32Tflops: 82.6, fp16TensorTflops: 165, boardPowerW: 450, purchasePriceUsd: 1800, rewardMultiplier: 1, cloudPriceUsdPerGpuHour: 0.6,
    source: '82.6/165 TFLOPS, 450 W [S]; $1,599 MSRP, ~£1,300 2026 [S]; Spheron Medium1 1.0 [V]; RunPod on-demand $0.60 [S]' }),
  M({ id: 'rtxa4000', name: 'RTX A4000 16GB', segment: 'workstation', vramGb: 16, fp32Tflops: 19.2, fp16TensorTflops: 77, boardPowerW: 140, purchasePriceUsd: 1000, rewardMultiplier: 0.25, cloudPriceUsdPerGpuHour: 0.32,
    source: 'specs and ~$1,000 [U]; Spheron Entry2 0.25 [V]; Fizz list $0.081/h [V]; cloud price [U]' }),
  M({ id: 'v100', name: 'Tesla V100 16GB', segment: 'datacenter', vramGb: 16, fp32Tflops: 14, fp16TensorTflops: 112, boardPowerW: 250, purchasePriceUsd: 1200, rewardMultiplier: 1, cloudPriceUsdPerGpuHour: 3.06,
    source: 'specs [U]; refurbished ~$1,200 [U]; Spheron Medium1 1.0 [V]; AWS p3.2xlarge $3.06/h [U]' }),
  M({ id: 'rtx5090', name: 'RTX 5090 32GB', segment: 'consumer', vramGb: 32, fp32Tflops: 104.8, fp16TensorTflops: 210, boardPowerW: 575, purchasePriceUsd: 2400, rewardMultiplier: 1.5, cloudPriceUsdPerGpuHour: 1.22,
    source: '104.8 TFLOPS, 575 W, $1,999 [S hmc-tech]; street ~$2,400 [U]; Spheron Medium2 1.5 [V]; RunPod on-demand $1.22 [S]' }),
  M({ id: 'rtxa6000', name: 'RTX A6000 48GB', segment: 'workstation', vramGb: 48, fp32Tflops: 38.7, fp16TensorTflops: 155, boardPowerW: 300, purchasePriceUsd: 4500, rewardMultiplier: 1.5, cloudPriceUsdPerGpuHour: 0.79,
    source: 'specs and ~$4,500 [U]; Spheron Medium2 1.5 [V]; AEP-26 committed $0.98 [V]; cloud on-demand ~$0.79 [U]' }),
  M({ id: 'l40s', name: 'L40S 48GB', segment: 'datacenter', vramGb: 48, fp32Tflops: 91.6, fp16TensorTflops: 362, boardPowerW: 350, purchasePriceUsd: 9000, rewardMultiplier: 2, cloudPriceUsdPerGpuHour: 1.86,
    source: '91.6/362 TFLOPS, 350 W [S specs.md]; ~$8-10k [U]; Spheron High1 2 [V]; AWS g6e.xlarge ~$1.86/h [U]' }),
  M({ id: 'a100_40', name: 'A100 40GB', segment: 'datacenter', vramGb: 40, fp32Tflops: 19.5, fp16TensorTflops: 312, boardPowerW: 300, purchasePriceUsd: 10000, rewardMultiplier: 3, cloudPriceUsdPerGpuHour: 4.1,
    source: '312 TFLOPS [S]; 250-400 W [S/U]; ~$10k [S pcgamer]; Spheron High2 3 [V]; AWS p4d $32.77/8 GPUs [U]' }),
  M({ id: 'a100_80', name: 'A100 80GB', segment: 'datacenter', vramGb: 80, fp32Tflops: 19.5, fp16TensorTflops: 312, boardPowerW: 400, purchasePriceUsd: 17000, rewardMultiplier: 6, cloudPriceUsdPerGpuHour: 5.12,
    source: '312 TFLOPS, 400 W [S]; ~$15-18k [U]; Spheron UltraHigh1 6 [V]; AWS p4de $40.96/8 GPUs [U]' }),
  M({ id: 'h100', name: 'H100 SXM 80GB', segment: 'datacenter', vramGb: 80, fp32Tflops: 67, fp16TensorTflops: 989, boardPowerW: 700, purchasePriceUsd: 28000, rewardMultiplier: 12, cloudPriceUsdPerGpuHour: 6.88,
    source: '989 TFLOPS, 700 W [S]; ~$25-30k [U]; Spheron UltraHigh2 12 [V]; AWS p5 $12.3/GPU-h list, cut up to 45% June 2025 [S] -> $6.88 [C]' }),
  M({ id: 'h200', name: 'H200 SXM 141GB', segment: 'datacenter', vramGb: 141, fp32Tflops: 67, fp16TensorTflops: 989, boardPowerW: 700, purchasePriceUsd: 35000, rewardMultiplier: 15, cloudPriceUsdPerGpuHour: 7.4,
    source: '989 TFLOPS, 700 W [S]; ~$30-40k [U]; Spheron UltraHigh3 15 [V]; AWS p5e ~$107/8 GPUs list [S], less the 2025 cut [C]' }),
];

export const GPU_IDS = GPU_CATALOGUE.map((g) => g.id);

const byId = new Map(GPU_CATALOGUE.map((g, i) => [g.id, i]));

/** Index of a model in the catalogue; throws naming the unknown id and the known ones. */
export function gpuIndex(id: string): number {
  const i = byId.get(id);
  if (i === undefined) throw new Error(`unknown GPU model '${id}' (known: ${GPU_IDS.join(', ')})`);
  return i;
}

export function gpuTier(model: GpuModel): TierIndex {
  return tierOfPrice(model.purchasePriceUsd);
}
