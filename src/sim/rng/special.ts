/** Special functions needed to parametrize distributions by their mean. */
import { exp, log, sin } from '../core/detMath.ts';

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, ~15 significant digits). */
export function lnGamma(x: number): number {
  if (x < 0.5) return log(Math.PI / sin(Math.PI * x)) - lnGamma(1 - x);
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * log(2 * Math.PI) + (x + 0.5) * log(t) - t + log(a);
}

/** Weibull scale that gives the requested mean for a shape: mean = scale·Γ(1 + 1/shape). */
export function weibullScaleForMean(mean: number, shape: number): number {
  return mean / exp(lnGamma(1 + 1 / shape));
}
