/**
 * The calibration table: each statistic on the trace and on the scenario's demand, side by side,
 * with the scenario parameter it checks. What `npm run calibrate` prints and the README quotes.
 */
import type { Scenario } from '../src/sim/scenario/schema.ts';
import { durationStats, hourOfDayCounts, interArrivalCv, ksDistance, modelArrivalTimes, modelDurations, modelSingleGpuShare, peakToTrough, type DurationStats } from './calibration.ts';
import type { Traces } from './traceFiles.ts';

export interface CalibrationRow {
  /** What is compared, with its unit. */
  measure: string;
  trace: number;
  model: number;
  unit: 'h' | 'share' | 'ratio';
  /** The trace and the scenario parameters the row checks (rows of one comparison share it). */
  checks: string;
}

export interface Calibration {
  rows: CalibrationRow[];
  /** Kolmogorov-Smirnov distance between Philly's runtimes and the transcoding class's durations. */
  phillyKs: number;
  seed: number;
  draws: number;
}

const DURATION_ROWS: [keyof DurationStats, string, CalibrationRow['unit']][] = [
  ['p10', 'Runtime p10', 'h'],
  ['p25', 'Runtime p25', 'h'],
  ['p50', 'Runtime median', 'h'],
  ['p75', 'Runtime p75', 'h'],
  ['p90', 'Runtime p90', 'h'],
  ['p99', 'Runtime p99', 'h'],
  ['meanHours', 'Runtime mean', 'h'],
  ['under1h', 'Jobs under 1 h', 'share'],
  ['over1d', 'Jobs over 24 h', 'share'],
  ['top10RuntimeShare', 'Run time in the longest 10% of jobs', 'share'],
  ['logSigma', 'Log-normal sigma (sd of ln runtime)', 'ratio'],
];

export function calibrate(s: Scenario, traces: Traces, draws = 200_000, seed = 1): Calibration {
  const philly = durationStats(traces.phillyHours);
  const modelHours = modelDurations(s, 'transcoding', draws, seed);
  const model = durationStats(modelHours);
  const cls = `Microsoft Philly, ${traces.phillyHours.length.toLocaleString('en-US')} job runtimes, vs \`demand.classes.transcoding.durationHours\``;
  const rows: CalibrationRow[] = DURATION_ROWS.map(([k, measure, unit]) => ({ measure, trace: philly[k], model: model[k], unit, checks: cls }));

  const created = traces.openb.createdHours;
  const pods = `Alibaba openb 2023, ${created.length.toLocaleString('en-US')} pods`;
  // a week of the model's arrivals: enough for ~20 k jobs at the baseline rate, seven daily cycles
  const arrivals = modelArrivalTimes(s, 7, seed);
  rows.push({
    measure: 'Arrivals, busiest over quietest hour of the day',
    trace: peakToTrough(hourOfDayCounts(created)),
    model: peakToTrough(hourOfDayCounts(arrivals)),
    unit: 'ratio',
    checks: `${pods}: creation times vs \`demand.diurnalAmplitude\` and \`demand.burstMeanJobs\``,
  });
  rows.push({
    measure: 'Arrivals, coefficient of variation of the gaps',
    trace: interArrivalCv(created),
    model: interArrivalCv(arrivals),
    unit: 'ratio',
    checks: `${pods}: creation times vs \`demand.diurnalAmplitude\` and \`demand.burstMeanJobs\``,
  });
  const gpuPods = traces.openb.gpus.filter((g) => g > 0);
  const single = modelSingleGpuShare(s, draws, seed);
  rows.push({
    measure: 'Inference jobs asking for one GPU, vs pods asking for one or less of those asking for any',
    trace: gpuPods.filter((g) => g <= 1).length / gpuPods.length,
    model: single.byClass.inference,
    unit: 'share',
    checks: `${pods}: GPUs asked (a fraction of one counts as one) vs each class's \`gpus\` and \`share\``,
  });
  rows.push({
    measure: 'The same over the whole job mix (a marketplace also hosts multi-GPU training)',
    trace: gpuPods.filter((g) => g <= 1).length / gpuPods.length,
    model: single.all,
    unit: 'share',
    checks: `${pods}: GPUs asked (a fraction of one counts as one) vs each class's \`gpus\` and \`share\``,
  });
  return { rows, phillyKs: ksDistance(traces.phillyHours, modelHours), seed, draws };
}

function fmt(v: number, unit: CalibrationRow['unit']): string {
  // a busiest-over-quietest ratio is infinite when some hour of the day saw no arrival at all (bursty demand over the sampled week)
  if (v === Infinity && unit === 'ratio') return '∞ (an hour with no arrivals)';
  if (!Number.isFinite(v)) return String(v);
  if (unit === 'share') return `${(v * 100).toFixed(1)}%`;
  if (unit === 'ratio') return v.toFixed(2);
  return v < 1 ? `${(v * 60).toFixed(1)} min` : `${v.toPrecision(3)} h`;
}

/** The table as Markdown (what the README quotes). */
export function calibrationMarkdown(c: Calibration, scenarioName: string): string {
  const lines = [`| Measure | Trace | ${scenarioName} |`, '|---|---|---|'];
  let group = '';
  for (const r of c.rows) {
    if (r.checks !== group) lines.push(`| **${(group = r.checks)}** | | |`);
    lines.push(`| ${r.measure} | ${fmt(r.trace, r.unit)} | ${fmt(r.model, r.unit)} |`);
  }
  lines.push('', `Kolmogorov-Smirnov distance, Philly runtimes vs the transcoding class: ${c.phillyKs.toFixed(3)} (${c.draws.toLocaleString('en-US')} model draws, seed ${c.seed}).`);
  return lines.join('\n');
}
