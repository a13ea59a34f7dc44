import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonText, parseScenario, parseScenarioText, ScenarioError, validateScenario, type ScenarioIssue } from '../../../src/sim/scenario/validate.ts';
import { scenarioSchema } from '../../../src/sim/scenario/schema.ts';

function issuesOf(raw: unknown): ScenarioIssue[] {
  const r = validateScenario(raw);
  if (r.ok) throw new Error(`expected ${JSON.stringify(raw)} to be refused`);
  return r.issues;
}

/** Exactly one issue, at `path`, whose message names the given value and what was expected. */
function expectOneIssue(raw: unknown, path: string, given: RegExp, expected: RegExp) {
  const issues = issuesOf(raw);
  expect(issues, JSON.stringify(issues)).toHaveLength(1);
  const [i] = issues;
  expect(i.path).toBe(path);
  expect(i.message).toMatch(given);
  expect(i.message).toMatch(expected);
  // one line each
  expect(i.message).not.toMatch(/\n/);
}

describe('scenario validation', () => {
  test('the empty scenario is the defaults, and the defaults validate', () => {
    const s = parseScenario({});
    expect(s.horizonDays).toBe(365);
    expect(s.market.matcher).toBe('spheron');
    expect(s.supply.archetypes.home.share).toBeGreaterThan(0);
    // the resolved defaults, fed back in, validate to themselves (idempotent)
    expect(parseScenario(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  test('every bundled scenario file validates', () => {
    const dir = join(import.meta.dirname, '../../../scenarios');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
    expect(files).toContain('baseline.json');
    for (const f of files) {
      const s = parseScenarioText(readFileSync(join(dir, f), 'utf8'), f);
      expect(s.name.length).toBeGreaterThan(0);
    }
  });

  test('a token worth more than any token (a day-0 market cap past 1e12 USD) is refused before it overflows the ledger mid-run', () => {
    // $1M a token on the default 500M supply: the run used to stop at its first stake purchase
    expectOneIssue({ economy: { token: { initialPriceUsd: 1e6 } } }, 'economy.token.initialPriceUsd', /got 5\.00e\+14 USD/, /market cap at day 0 \(initialSupply x scale x initialPriceUsd\) <= 1e\+12 USD/);
    // the scale counts: the same price on a network a thousandth the size is fine
    expect(validateScenario({ scale: 0.01, economy: { token: { initialPriceUsd: 2e5 } } }).ok).toBe(true);
    expect(validateScenario({ scale: 0.01, economy: { token: { initialPriceUsd: 2.1e5 } } }).ok).toBe(false);
    expect(validateScenario({ scale: 0.01, economy: { token: { initialPriceUsd: 1e6, initialSupply: 1e8 } } }).ok).toBe(true);
    // the 50x bench network at the default price, and without the economy any price
    expect(validateScenario({ scale: 50 }).ok).toBe(true);
    expect(validateScenario({ economy: { enabled: false, token: { initialPriceUsd: 1e6 } } }).ok).toBe(true);
  });

  test('a supply past the ledger\'s exact range is refused: at genesis (naming initialSupply), or reached by the emissions over the horizon (naming maxSupply)', () => {
    // a trillion tokens at a millionth of a dollar: a small market cap, but the genesis mint overflowed
    expectOneIssue({ economy: { token: { initialSupply: 1e12, initialPriceUsd: 1e-6 } } }, 'economy.token.initialSupply', /got 1\.00e\+12 tokens/, /supply at day 0 \(initialSupply x scale\) <= 5e\+11 tokens/);
    const emitting = { horizonDays: 365, economy: { token: { maxSupply: 1e13, initialPriceUsd: 1e-6 }, emission: { schedule: 'fixed', tokensPerDay: 1e10 } } };
    expectOneIssue(emitting, 'economy.token.maxSupply', /got 3\.65e\+12 tokens/, /supply the emissions reach by the horizon/);
    // the same emission for 40 days, or under a cap, stays in range
    expect(validateScenario({ ...emitting, horizonDays: 40 }).ok).toBe(true);
    expect(validateScenario({ ...emitting, economy: { ...emitting.economy, token: { maxSupply: 4e11, initialPriceUsd: 1e-6 } } }).ok).toBe(true);
    // a cap far above ("no cap") with the default emissions, and the largest scale at the defaults
    expect(validateScenario({ economy: { token: { maxSupply: 1e13 } } }).ok).toBe(true);
    expect(validateScenario({ scale: 200 }).ok).toBe(true);
  });

  test('unknown field: path, value given, hint', () => {
    expectOneIssue({ supply: { provders: 3 } }, 'supply.provders', /unknown field/, /given 3/);
    expectOneIssue({ horizonDay: 30 }, 'horizonDay', /unknown field/, /given 30/);
    // deep inside a job class and inside an array element
    expectOneIssue({ demand: { classes: { training: { budgetFactor: 2 } } } }, 'demand.classes.training.budgetFactor', /unknown field/, /given 2/);
    expectOneIssue({ demand: { shocks: [{ startDay: 1, durationDays: 2, multiplier: 3, extra: true }] } }, 'demand.shocks.0.extra', /unknown field/, /given true/);
  });

  test('an unknown field names the field it most likely meant, by its full path', () => {
    const hint = (raw: unknown) => issuesOf(raw).find((i) => /unknown field/.test(i.message))!.message;
    // a slip of a letter, a swapped pair, a wrong case, a name cut short
    expect(hint({ supply: { provders: 3 } })).toMatch(/did you mean supply\.providers\?/);
    expect(hint({ demand: { baseRateJobsPerHuor: 3 } })).toMatch(/did you mean demand\.baseRateJobsPerHour\?/);
    expect(hint({ Scale: 2 })).toMatch(/did you mean scale\?/);
    expect(hint({ demand: { baseRate: 3 } })).toMatch(/did you mean demand\.baseRateJobsPerHour\?/);
    // inside a table of named entries, an array's item and one shape of a distribution
    expect(hint({ supply: { archetypes: { hme: { share: 0.5 } } } })).toMatch(/did you mean supply\.archetypes\.home\?/);
    expect(hint({ demand: { shocks: [{ startDay: 1, durationDays: 2, multipler: 3 }] } })).toMatch(/did you mean demand\.shocks\.0\.multiplier\?/);
    expect(hint({ demand: { classes: { inference: { durationHours: { dist: 'exponential', maen: 2 } } } } })).toMatch(/did you mean demand\.classes\.inference\.durationHours\.mean\?/);
    // several equally likely: all of them, nearest first
    expect(hint({ supply: { archetypes: { home: { onlineHours: 3 } } } })).toMatch(/did you mean supply\.archetypes\.home\.onlineHoursMax, supply\.archetypes\.home\.onlineHoursMin or supply\.archetypes\.home\.onlineHoursMean\?/);
    // nothing close: the plain hint, no guess
    expect(hint({ zzz: 1 })).toMatch(/unknown field \(given 1\); check the spelling, `depinsim schema` lists every field$/);
    expect(hint({ supply: { gpuz: 1 } })).not.toMatch(/did you mean/);
  });

  test('an unknown GPU model in a weights table names the model', () => {
    const issues = issuesOf({ supply: { archetypes: { home: { models: { rtx9999: 1 } } } } });
    expect(issues[0].path).toBe('supply.archetypes.home.models.rtx9999');
    expect(issues[0].message).toMatch(/unknown field/);
  });

  test('wrong type: path, value given, type expected', () => {
    expectOneIssue({ horizonDays: '365' }, 'horizonDays', /got "365"/, /expected number/);
    expectOneIssue({ demand: { classes: { inference: { unlimitedPatience: 'yes' } } } }, 'demand.classes.inference.unlimitedPatience', /got "yes"/, /expected boolean/);
    expectOneIssue({ supply: 5 }, 'supply', /got 5/, /expected object/);
    expectOneIssue({ supply: { providers: 1.5 } }, 'supply.providers', /got 1\.5/, /expected int/);
    // a JSON number past the float range (1e400) parses as Infinity: said as such, not as the "null" JSON writes
    expectOneIssue(parseJsonText('{"scale": 1e400}'), 'scale', /got Infinity$/, /expected a finite number/);
  });

  test('out of range: path, value given, bound expected', () => {
    expectOneIssue({ horizonDays: 0 }, 'horizonDays', /got 0/, /expected value >= 1/);
    expectOneIssue({ horizonDays: 5000 }, 'horizonDays', /got 5000/, /expected value <= 3650/);
    expectOneIssue({ market: { weights: { price: -1 } } }, 'market.weights.price', /got -1/, />= 0/);
    expectOneIssue({ demand: { classes: { inference: { durationHours: { dist: 'exponential', mean: 0 } } } } }, 'demand.classes.inference.durationHours.mean', /got 0/, /expected value > 0/);
  });

  test('bad enum: path, value given, the allowed values', () => {
    expectOneIssue({ market: { matcher: 'cheapst' } }, 'market.matcher', /got "cheapst"/, /expected one of "spheron", "auction", "cheapest", "random"/);
    expectOneIssue({ supply: { archetypes: { farm: { tariff: 'night' } } } }, 'supply.archetypes.farm.tariff', /got "night"/, /"residential", "industrial"/);
    expectOneIssue({ demand: { classes: { inference: { durationHours: { dist: 'gauss', mean: 1 } } } } }, 'demand.classes.inference.durationHours.dist', /got "gauss"/, /exponential/);
  });

  test('cross-field rules name the field and both values', () => {
    expectOneIssue({ supply: { archetypes: { home: { marginMin: 0.9, marginMax: 0.1 } } } }, 'supply.archetypes.home.marginMin', /got 0\.9/, /<= marginMax \(0\.1\)/);
    expectOneIssue({ supply: { archetypes: { farm: { reliabilityMean: 0.9, meanDownHours: 0 } } } }, 'supply.archetypes.farm.meanDownHours', /got 0/, /> 0 when reliabilityMean < 1/);
    // an outage of seconds (a slip for hours) would make millions of outage events a simulated day
    expectOneIssue({ supply: { archetypes: { farm: { meanDownHours: 0.0000025 } } } }, 'supply.archetypes.farm.meanDownHours', /got 0\.0000025/, /expected 0 \(no outages\) or >= 0\.1 h/);
    expect(validateScenario({ supply: { archetypes: { farm: { meanDownHours: 0.1 } } } }).ok).toBe(true);
    expectOneIssue({ demand: { classes: { finetune: { budgetFactorMin: 2, budgetFactorMax: 1 } } } }, 'demand.classes.finetune.budgetFactorMin', /got 2/, /<= budgetFactorMax/);
  });

  test('several mistakes give one issue each; parseScenario throws a ScenarioError with one line per issue', () => {
    const raw = { horizonDays: -1, market: { matcher: 'x' }, bogus: 1 };
    expect(issuesOf(raw)).toHaveLength(3);
    let err: unknown;
    try {
      parseScenario(raw, 'my.json');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ScenarioError);
    const lines = (err as Error).message.split('\n');
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(l).toMatch(/^my\.json: [\w.]+: /);
  });

  test('non-object input is refused at the top level, not with a crash', () => {
    for (const raw of [null, [], 42, 'x']) {
      const issues = issuesOf(raw);
      expect(issues).toHaveLength(1);
      expect(issues[0].path).toBe('(top level)');
      expect(issues[0].message).toMatch(/expected object/);
    }
  });

  test('malformed JSON gives a one-line error with line and column', () => {
    const cases: [string, number, number][] = [
      ['{ "horizonDays": 365, }', 1, 23],
      ['{\n  "horizonDays": 365\n  "scale": 1\n}', 3, 3],
      ['{\n  "name": "x",\n  "horizonDays": 3x\n}', 3, 19],
    ];
    for (const [text, line, column] of cases) {
      let msg = '';
      try {
        parseScenarioText(text, 'bad.json');
      } catch (e) {
        expect(e).toBeInstanceOf(ScenarioError);
        msg = (e as Error).message;
      }
      expect(msg).toMatch(new RegExp(`^bad\\.json: \\(file\\): malformed JSON at line ${line}, column ${column}`));
      expect(msg).not.toMatch(/\n/);
    }
  });

  test('truncated JSON (a file cut short) also says where: the end of the file', () => {
    // JSON.parse reports "Unexpected end of JSON input" without a position on Node 20, so the
    // location has to come from the text length; a user should not have to guess.
    for (const text of ['{\n  "horizonDays": 365,\n  "supply": {']) {
      let msg = '';
      try {
        parseScenarioText(text, 'cut.json');
      } catch (e) {
        msg = (e as Error).message;
      }
      expect(msg).toMatch(/malformed JSON/);
      expect(msg).toMatch(/line \d+, column \d+|end of (the )?file/);
    }
  });

  test('an empty file says it is empty', () => {
    for (const text of ['', '  \n', '\ufeff']) expect(() => parseScenarioText(text, 'e.json')).toThrow(/^e\.json: \(file\): the file is empty/);
  });

  test('a UTF-8 byte-order mark (Windows editors) is not an error', () => {
    expect(parseScenarioText('\ufeff{"horizonDays": 3}', 'bom.json').horizonDays).toBe(3);
  });

  test('valid JSON with a bad field goes through validation, not the JSON error', () => {
    expect(() => parseScenarioText('{"horizonDays": "x"}', 'f.json')).toThrow(/^f\.json: horizonDays: expected number, got "x"$/);
  });

  test('the schema knows every field it fills (no silent defaults for typos)', () => {
    // every default object is strict: parse the defaults with one extra key at each object level
    const s = parseScenario({});
    const objects: string[][] = [];
    const walk = (v: unknown, path: string[]) => {
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        objects.push(path);
        for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
      }
    };
    walk(s, []);
    expect(objects.length).toBeGreaterThan(20);
    for (const p of objects) {
      const raw: Record<string, unknown> = {};
      let o = raw;
      for (const k of p) o = (o[k] = {}) as Record<string, unknown>;
      o.zzTypo = 1;
      const r = scenarioSchema.safeParse(raw);
      expect(r.success, `extra key accepted at ${p.join('.') || '(top level)'}`).toBe(false);
    }
  });
});
