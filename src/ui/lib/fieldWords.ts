/**
 * A schema key as words for a label: "baseRateJobsPerHour" -> "base rate jobs per hour", with the
 * acronyms and units written as people write them ("USD per kWh", "VRAM GB", "GPUs", "A100",
 * "L40S"), not "usd per kwh". One spelling for the parameter panel and the schedule editor.
 */
const ACRONYMS: Record<string, string> = { usd: 'USD', gpu: 'GPU', gpus: 'GPUs', vram: 'VRAM', gb: 'GB', kwh: 'kWh', pue: 'PUE', bme: 'BME', tflops: 'TFLOPS' };

/** A GPU model's code (a100, h100, l40s, rtx4090): upper case. */
const MODEL_CODE = /^(?:[ahlv]\d{2,3}s?|rtx\w*|gtx\w*)$/;

export function fieldWords(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase()
    .split(' ')
    .map((w) => ACRONYMS[w] ?? (MODEL_CODE.test(w) ? w.toUpperCase() : w))
    .join(' ');
}

/** The first letter in upper case: a label's start. */
export const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
