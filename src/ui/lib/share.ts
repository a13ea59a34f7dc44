/**
 * Share links: the scenario (as the user's raw input: preset plus edits), the seed, when more
 * than one the number of Monte Carlo runs, the runs kept to compare if any, the band level
 * when it is not the default 80%, and the Sweep and Sensitivity panels' forms when they are not
 * their defaults (0.27.0: a sweep or a design shared is one press of Start away), in the URL
 * fragment as base64url JSON with a version, the scenario hash and a checksum.
 *
 * Opening a link never runs or shows anything it has not checked: the payload must decode, parse
 * as JSON of the expected shape, pass scenario validation, and reproduce the hash it carries. A link
 * that fails any of these is refused with a message. The checksum detects accidental or casual
 * edits (a changed digit); it is not a signature. Text from a link is only ever rendered as text.
 */

import { readKeptRefs, type KeptRef } from './keptRefs.ts';
import { readSweepChoices, type SweepChoices } from './sweepChoices.ts';
import { readSensitivity, type SensitivityChoices } from './sensitivityChoices.ts';
import { BAND_LEVELS, isBandLevel, type BandLevel } from '../../sim/metrics/bandLevel.ts';

export const SHARE_PARAM = 'run';
const MAX_LINK_CHARS = 64_000;

export interface SharePayload {
  v: 1;
  /** App version that made the link. */
  app: string;
  preset: string;
  seed: number;
  /** scenarioHash of the resolved scenario. */
  hash: string;
  /** The raw scenario (what validateScenario takes). */
  scenario: Record<string, unknown>;
  /** Monte Carlo runs (2 to MAX_LINK_RUNS), when the shared view has bands; absent for one run. */
  runs?: number;
  /** The runs kept to compare (A first), when there are any: each checked like the link's own scenario before it runs. */
  compare?: KeptRef[];
  /** The level of the shared view's bands (% of runs inside) when it is not the default 80; absent otherwise. */
  band?: BandLevel;
  /** The Sweep panel's form, when it is not its default (its runs are not in the link: Start runs them). */
  sweep?: SweepChoices;
  /** The Sensitivity panel's form, alike. */
  sensitivity?: SensitivityChoices;
}

/** The most Monte Carlo runs a link may ask for (the dashboard's own limit). */
export const MAX_LINK_RUNS = 50;

function utf8ToBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64UrlToUtf8(b64: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(b64)) throw new Error('the link contains characters that base64url does not use');
  const std = b64.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(std + '='.repeat((4 - (std.length % 4)) % 4));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** Canonical JSON: sorted keys, so the checksum does not depend on key order. */
function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`;
}

/** FNV-1a 32-bit over the canonical JSON, as 8 hex digits. */
export function checksum(v: unknown): string {
  const s = canonical(v);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function encodeShare(p: SharePayload): string {
  const body = { ...p, c: checksum(p) };
  return utf8ToBase64Url(JSON.stringify(body));
}

export type DecodeResult = { ok: true; payload: SharePayload } | { ok: false; reason: string };

/** Decodes and checks the shape and checksum (not the scenario: see `checkShare`). */
export function decodeShare(token: string): DecodeResult {
  if (token.length > MAX_LINK_CHARS) return { ok: false, reason: `the link is too long (${token.length} characters; at most ${MAX_LINK_CHARS})` };
  let body: unknown;
  try {
    body = JSON.parse(base64UrlToUtf8(token));
  } catch {
    return { ok: false, reason: 'the link is damaged: its data is not valid base64url JSON' };
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { ok: false, reason: 'the link is damaged: expected an object' };
  const b = body as Record<string, unknown>;
  if (b.v !== 1) return { ok: false, reason: `unsupported link version ${JSON.stringify(b.v)?.slice(0, 20)}` };
  if (typeof b.app !== 'string' || b.app.length > 40) return { ok: false, reason: 'the link is damaged: bad app version' };
  if (typeof b.preset !== 'string' || b.preset.length > 80) return { ok: false, reason: 'the link is damaged: bad preset name' };
  if (!Number.isSafeInteger(b.seed) || (b.seed as number) < 0) return { ok: false, reason: 'the link is damaged: the seed is not a whole number >= 0' };
  if (typeof b.hash !== 'string' || !/^[0-9a-f]{16}$/.test(b.hash)) return { ok: false, reason: 'the link is damaged: bad scenario hash' };
  if (b.scenario === null || typeof b.scenario !== 'object' || Array.isArray(b.scenario)) return { ok: false, reason: 'the link is damaged: the scenario is not an object' };
  const { c, ...rest } = b;
  if (typeof c !== 'string' || checksum(rest) !== c) return { ok: false, reason: 'the link was altered: its checksum does not match its contents' };
  if (rest.runs !== undefined && !(Number.isSafeInteger(rest.runs) && (rest.runs as number) >= 2 && (rest.runs as number) <= MAX_LINK_RUNS)) {
    return { ok: false, reason: `the link is damaged: runs should be a whole number from 2 to ${MAX_LINK_RUNS}` };
  }
  if (rest.compare !== undefined && !readKeptRefs(rest.compare)?.length) return { ok: false, reason: 'the link is damaged: the runs to compare are not a list of scenarios with seeds and hashes' };
  if (rest.band !== undefined && !isBandLevel(rest.band)) return { ok: false, reason: `the link is damaged: the band level should be one of ${BAND_LEVELS.join(', ')}` };
  // a form is read as the panel reads a stored one (each choice it does not offer is its default)
  const sweep = rest.sweep === undefined ? undefined : readSweepChoices(rest.sweep);
  if (rest.sweep !== undefined && !sweep) return { ok: false, reason: "the link is damaged: the Sweep panel's form is not an object" };
  const sensitivity = rest.sensitivity === undefined ? undefined : readSensitivity(rest.sensitivity);
  if (rest.sensitivity !== undefined && !sensitivity) return { ok: false, reason: "the link is damaged: the Sensitivity panel's form is not an object" };
  const extra = Object.keys(rest).filter((k) => !['v', 'app', 'preset', 'seed', 'hash', 'scenario', 'runs', 'compare', 'band', 'sweep', 'sensitivity'].includes(k));
  if (extra.length) return { ok: false, reason: 'the link is damaged: unexpected fields' };
  const payload = rest as unknown as SharePayload;
  return { ok: true, payload: { ...payload, ...(sweep ? { sweep } : {}), ...(sensitivity ? { sensitivity } : {}) } };
}

/** Reads the share token from a location hash like "#run=...". */
export function tokenFromHash(hash: string): string | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of h.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq) === SHARE_PARAM) return part.slice(eq + 1);
  }
  return null;
}

/**
 * Full check of a decoded link against the app's validator and hash function: the scenario must
 * validate and resolve to the hash the link carries (a different hash means it was edited or made
 * by a version with other defaults; either way it would not reproduce the run it claims).
 */
export function checkShare<S>(
  p: SharePayload,
  validate: (raw: unknown) => { ok: true; scenario: S } | { ok: false; issues: { path: string; message: string }[] },
  hash: (s: S) => string,
  appVersion: string,
): { ok: true; scenario: S } | { ok: false; reason: string } {
  const v = validate(p.scenario);
  if (!v.ok) {
    const first = v.issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`);
    return { ok: false, reason: `the scenario in the link is invalid (${first.join('; ')}${v.issues.length > 3 ? '; ...' : ''})` };
  }
  const h = hash(v.scenario);
  if (h !== p.hash) {
    const other = p.app !== appVersion ? ` It was made by depinsim ${p.app}; this is ${appVersion}.` : '';
    return { ok: false, reason: `the scenario does not match the hash in the link (${p.hash} in the link, ${h} here), so it would not reproduce the shared run.${other}` };
  }
  return { ok: true, scenario: v.scenario };
}
