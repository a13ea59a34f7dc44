/**
 * Validation with messages a user can act on: each problem names the field's path, the value
 * given and what was expected, on one line. Nothing throws a stack trace at the user.
 */
import { z } from 'zod';
import { emissionOnDay } from '../economy/emissions.ts';
import { scenarioSchema, type Scenario } from './schema.ts';
import { closestFields } from './fieldNames.ts';
import { orList } from './closestNames.ts';

export interface ScenarioIssue {
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

export class ScenarioError extends Error {
  constructor(
    readonly issues: ScenarioIssue[],
    readonly source = 'scenario',
  ) {
    super(issues.map((i) => `${source}: ${i.path}: ${i.message}`).join('\n'));
    this.name = 'ScenarioError';
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k as string];
  }
  return v;
}

function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  // JSON.stringify writes them as null; a JSON number beyond the float range (1e400) reads as Infinity
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** What an unknown field most likely meant, by its full path ("did you mean demand.baseRateJobsPerHour?"), else a plain hint. */
function spellingHint(parent: readonly PropertyKey[], key: string): string {
  const near = closestFields(parent, key);
  if (near.length === 0) return 'check the spelling, `depinsim schema` lists every field';
  return `did you mean ${orList(near.map((n) => [...parent.map(String), n].join('.')))}? (\`depinsim schema\` lists every field)`;
}

function describe(issue: z.core.$ZodIssue, input: unknown): ScenarioIssue[] {
  const base = issue.path.map(String);
  const at = (p: string[]) => (p.length ? p.join('.') : '(top level)');
  const given = valueAt(input, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) => ({
        path: at([...base, k]),
        message: `unknown field (given ${show(valueAt(given, [k]))}); ${spellingHint(issue.path, k)}`,
      }));
    case 'too_big':
    case 'too_small': {
      const iss = issue as z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall;
      const bound = 'maximum' in iss ? `<= ${iss.maximum}` : `>= ${(iss as z.core.$ZodIssueTooSmall).minimum}`;
      const what = iss.origin === 'array' ? 'array length' : 'value';
      return [{ path: at(base), message: `expected ${what} ${iss.inclusive === false ? bound.replace('=', '') : bound}, got ${show(given)}` }];
    }
    case 'invalid_type':
      if (typeof given === 'number' && !Number.isFinite(given)) return [{ path: at(base), message: `expected a finite number, got ${show(given)}` }];
      return [{ path: at(base), message: `expected ${issue.expected}, got ${show(given)}` }];
    case 'invalid_value':
      return [{ path: at(base), message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${show(given)}` }];
    case 'invalid_union':
      return [{ path: at(base), message: `${issue.message}, got ${show(given)}` }];
    default:
      return [{ path: at(base), message: `${issue.message}, got ${show(given)}` }];
  }
}

/**
 * The shortest mean outage a scenario may set (h), 0 apart (no outages). Up spells are the outage
 * times r / (1 - r), so outages of seconds make an up and a down event every few seconds per provider:
 * a mean of 2.5e-6 h (a slip for 2.5) ran 2.5 M events a simulated day at scale 0.05, a year in about
 * 20 hours. Six minutes is below what a tenant notices (Akash's monitor retries for about 2 h) [D].
 */
export const MIN_OUTAGE_HOURS = 0.1;

/** Cross-field rules the schema cannot express field by field. */
function crossChecks(s: Scenario): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const [name, a] of Object.entries(s.supply.archetypes)) {
    const p = `supply.archetypes.${name}`;
    if (a.gpusPerNodeMin > a.gpusPerNodeMax) out.push({ path: `${p}.gpusPerNodeMin`, message: `expected <= gpusPerNodeMax (${a.gpusPerNodeMax}), got ${a.gpusPerNodeMin}` });
    if (a.nodesMin > a.nodesMax) out.push({ path: `${p}.nodesMin`, message: `expected <= nodesMax (${a.nodesMax}), got ${a.nodesMin}` });
    if (a.onlineHoursMin > a.onlineHoursMax) out.push({ path: `${p}.onlineHoursMin`, message: `expected <= onlineHoursMax (${a.onlineHoursMax}), got ${a.onlineHoursMin}` });
    if (a.onlineHoursMean < a.onlineHoursMin || a.onlineHoursMean > a.onlineHoursMax)
      out.push({ path: `${p}.onlineHoursMean`, message: `expected between onlineHoursMin and onlineHoursMax (${a.onlineHoursMin}..${a.onlineHoursMax}), got ${a.onlineHoursMean}` });
    if (a.marginMin > a.marginMax) out.push({ path: `${p}.marginMin`, message: `expected <= marginMax (${a.marginMax}), got ${a.marginMin}` });
    if (a.reliabilityMean < 1 && a.meanDownHours === 0)
      out.push({ path: `${p}.meanDownHours`, message: `expected > 0 when reliabilityMean < 1 (${a.reliabilityMean}), got 0` });
    if (a.meanDownHours > 0 && a.meanDownHours < MIN_OUTAGE_HOURS)
      out.push({ path: `${p}.meanDownHours`, message: `expected 0 (no outages) or >= ${MIN_OUTAGE_HOURS} h, got ${a.meanDownHours}` });
  }
  (s.supply.reliabilityShocks ?? []).forEach((sh, i) => {
    // one stretch at a time: the next may not start before the last has ended
    if (sh.repeatEveryDays !== undefined && !(sh.repeatEveryDays > sh.durationDays))
      out.push({ path: `supply.reliabilityShocks.${i}.repeatEveryDays`, message: `expected > durationDays (${sh.durationDays}), got ${sh.repeatEveryDays}` });
  });
  const shares = Object.values(s.supply.archetypes).reduce((t, a) => t + a.share, 0);
  if (s.supply.providers > 0 && !(shares > 0)) out.push({ path: 'supply.archetypes', message: 'expected at least one archetype with share > 0, got all 0' });
  for (const [name, c] of Object.entries(s.demand.classes)) {
    const p = `demand.classes.${name}`;
    if (c.budgetFactorMin > c.budgetFactorMax) out.push({ path: `${p}.budgetFactorMin`, message: `expected <= budgetFactorMax (${c.budgetFactorMax}), got ${c.budgetFactorMin}` });
    if (!c.unlimitedPatience && c.share > 0 && c.patienceHours.dist === 'fixed' && c.patienceHours.value === 0)
      out.push({ path: `${p}.patienceHours`, message: 'expected a patience > 0 or unlimitedPatience: true, got a fixed 0 h' });
  }
  const classShares = Object.values(s.demand.classes).reduce((t, c) => t + c.share, 0);
  if (s.demand.baseRateJobsPerHour > 0 && !(classShares > 0)) out.push({ path: 'demand.classes', message: 'expected at least one class with share > 0, got all 0' });
  if (s.economy.enabled) out.push(...ledgerRange(s));
  // A shock that starts after the horizon is allowed: shortening a run with --days must not break a scenario.
  return out;
}

/** The largest market cap a scenario's token may start at (USD): above any token's, and within the ledger's exact range as prices move. */
export const MAX_INITIAL_MARKET_CAP_USD = 1e12;
/** The largest token supply a run may reach (tokens, at its scale): the ledger's range is 9e11, and burn-and-mint settlements mint on top. */
export const MAX_SUPPLY_TOKENS = 5e11;

/**
 * The ledger counts in exact integers of 1e-4 USD and 1e-4 token (ledger.ts), up to 9e11 of each per
 * account: a token worth trillions overflowed them at its first stake purchase (a $1M token on the
 * default supply, mid-run), a supply of a trillion tokens at genesis. No network's token comes near.
 */
function ledgerRange(s: Scenario): ScenarioIssue[] {
  const t = s.economy.token;
  const initial = t.initialSupply * s.scale;
  const cap0 = initial * t.initialPriceUsd;
  const out: ScenarioIssue[] = [];
  if (cap0 > MAX_INITIAL_MARKET_CAP_USD)
    out.push({ path: 'economy.token.initialPriceUsd', message: `expected the token's market cap at day 0 (initialSupply x scale x initialPriceUsd) <= ${MAX_INITIAL_MARKET_CAP_USD.toExponential()} USD, got ${cap0.toExponential(2)} USD` });
  if (initial > MAX_SUPPLY_TOKENS) {
    out.push({ path: 'economy.token.initialSupply', message: `expected the supply at day 0 (initialSupply x scale) <= ${MAX_SUPPLY_TOKENS.toExponential()} tokens, got ${initial.toExponential(2)} tokens` });
    return out;
  }
  // what the emissions can add by the horizon, up to the cap (a cap far above, "no cap", is fine while they stay small)
  let emitted = 0;
  const room = Math.max(0, t.maxSupply * s.scale - initial);
  for (let day = 0; day < Math.ceil(s.horizonDays) && emitted < room; day++) emitted += emissionOnDay(s.economy.emission, day) * s.scale;
  const reach = initial + Math.min(room, emitted);
  if (reach > MAX_SUPPLY_TOKENS)
    out.push({ path: 'economy.token.maxSupply', message: `expected the supply the emissions reach by the horizon (initialSupply + emissions, at most maxSupply, x scale) <= ${MAX_SUPPLY_TOKENS.toExponential()} tokens, got ${reach.toExponential(2)} tokens: lower maxSupply or the emission` });
  return out;
}

/** Validates raw scenario input (parsed JSON) and fills in the defaults. */
export function validateScenario(input: unknown): ValidationResult {
  const r = scenarioSchema.safeParse(input);
  if (!r.success) return { ok: false, issues: r.error.issues.flatMap((i) => describe(i, input)) };
  const extra = crossChecks(r.data);
  if (extra.length) return { ok: false, issues: extra };
  return { ok: true, scenario: r.data };
}

let defaultsCache: Scenario | null = null;
/** The fully defaulted scenario (what `{}` resolves to), built once: what a field left out becomes. */
export function scenarioDefaults(): Scenario {
  if (!defaultsCache) {
    const r = validateScenario({});
    if (!r.ok) throw new Error(`the scenario schema's defaults do not validate: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    defaultsCache = r.scenario;
  }
  return defaultsCache;
}

/** Like validateScenario but throws a ScenarioError (one line per problem). */
export function parseScenario(input: unknown, source = 'scenario'): Scenario {
  const r = validateScenario(input);
  if (!r.ok) throw new ScenarioError(r.issues, source);
  return r.scenario;
}

/** Parses JSON text; a syntax error becomes a ScenarioError naming the line and column (or the end of the file). */
export function parseJsonText(text: string, source = 'scenario'): unknown {
  // Editors on Windows save UTF-8 with a byte-order mark, which JSON.parse refuses: it is not content.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new ScenarioError([{ path: '(file)', message: 'the file is empty: expected a JSON object such as {"horizonDays": 30}' }], source);
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message.replace(/^JSON\.parse: /, '');
    const m = /position (\d+)/.exec(msg);
    let where = '';
    if (m) {
      const pos = Number(m[1]);
      const before = text.slice(0, pos);
      where = ` at line ${before.split('\n').length}, column ${pos - before.lastIndexOf('\n')}`;
    } else if (/end of (JSON )?input/i.test(msg)) {
      where = ` at the end of the file (line ${text.split('\n').length}): it looks cut short`;
    }
    throw new ScenarioError([{ path: '(file)', message: `malformed JSON${where}: ${msg}` }], source);
  }
}

/** Parses and validates scenario JSON text. */
export function parseScenarioText(text: string, source = 'scenario'): Scenario {
  return parseScenario(parseJsonText(text, source), source);
}
