// `npm run fuzz -- [--trials N] [--seed S] [--seconds T] [--max-days D] [--typical]`: random
// parameter combinations over every preset (scripts/fuzz/scenarioFuzz.ts); `--typical` keeps each
// value in its slider's range. Prints each finding with the command that reproduces it; exits 1
// when there is a fault (a crash, a failed model check, a value that should not be), else 0.
import { parseArgs } from 'node:util';
import { fuzzScenarios } from './fuzz/scenarioFuzz.ts';

const { values } = parseArgs({ options: { trials: { type: 'string', default: '500' }, seed: { type: 'string', default: '1' }, seconds: { type: 'string', default: '60' }, 'max-days': { type: 'string', default: '30' }, typical: { type: 'boolean', default: false } } });
const trials = Number(values.trials);
const seed = Number(values.seed);
const seconds = Number(values.seconds);
const maxDays = Number(values['max-days']);
if (!(Number.isInteger(trials) && trials > 0) || !Number.isSafeInteger(seed) || !(seconds > 0) || !(Number.isInteger(maxDays) && maxDays >= 5 && maxDays <= 3650)) {
  console.error('fuzz: --trials and --seed take whole numbers (trials > 0), --seconds a positive number, --max-days a whole number of days from 5 to 3650');
  process.exit(2);
}
const t0 = Date.now();
let shown = 0;
const tally = fuzzScenarios({
  trials,
  seed,
  seconds,
  maxDays,
  typical: values.typical,
  onTrial: (t) => {
    for (; shown < t.findings.length; shown++) console.log(`${t.findings[shown].kind}: ${t.findings[shown].what}\n  ${t.findings[shown].repro}`);
    if (t.trials % 50 === 0 || t.trials === trials) process.stderr.write(`fuzz: ${t.trials}/${trials} trials, ${t.ran} ran, ${t.refused} refused by validation, ${t.tooLarge} too large, ${t.findings.length} findings, ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  },
});
const reasons = [...tally.refusedFor].sort((a, b) => b[1] - a[1]).slice(0, 8);
if (reasons.length > 0) console.error(`fuzz: refused most often for\n${reasons.map(([why, n]) => `  ${n} x ${why}`).join('\n')}`);
const faults = tally.findings.filter((f) => f.kind !== 'slow' && f.kind !== 'stopped').length;
const stopped = tally.findings.filter((f) => f.kind === 'stopped').length;
console.error(`fuzz: ${faults} fault${faults === 1 ? '' : 's'}, ${tally.findings.length - faults - stopped} cut for time or memory, ${stopped} stopped with the token out of the ledger's range, in ${tally.ran} runs of ${tally.edits} edits, ${tally.wholeEdits} of them whole distributions, weight maps, lists or scheduled events (seed ${seed})`);
process.exit(faults > 0 ? 1 : 0);
