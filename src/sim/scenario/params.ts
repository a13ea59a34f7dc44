/**
 * Builders for documented parameters. Every scenario parameter is made with one of these, so each
 * carries its unit, default, range and the source or reason for its default; the JSON Schema
 * (`depinsim schema`), the parameter reference in the README and the UI's controls all read them.
 */
import { z } from 'zod';

export interface ParamDoc {
  /** Unit of the value, e.g. 'h', 'USD/GPU-h', 'share', 'jobs/h'. */
  unit: string;
  /** What the parameter means and why its default is what it is (with the source tag). */
  doc: string;
}

/** A number in [min, max] with a default. */
export function num(def: number, min: number, max: number, d: ParamDoc) {
  return z
    .number()
    .min(min)
    .max(max)
    .default(def)
    .meta({ unit: d.unit, description: `${d.doc} [${d.unit}; default ${def}; range ${min}..${max}]` });
}

/** An integer in [min, max] with a default. */
export function int(def: number, min: number, max: number, d: ParamDoc) {
  return z
    .number()
    .int()
    .min(min)
    .max(max)
    .default(def)
    .meta({ unit: d.unit, description: `${d.doc} [${d.unit}; default ${def}; range ${min}..${max}]` });
}

export function bool(def: boolean, doc: string) {
  return z.boolean().default(def).meta({ unit: 'flag', description: `${doc} [default ${def}]` });
}

export function choice<const T extends readonly [string, ...string[]]>(values: T, def: T[number], doc: string) {
  return z
    .enum(values)
    .default(def as never)
    .meta({ unit: 'choice', description: `${doc} [one of ${values.join(', ')}; default ${def}]` });
}

/** A strict object whose fields all have defaults: missing means "use the defaults". */
export function group<S extends z.ZodRawShape>(shape: S, doc: string) {
  return z.strictObject(shape).prefault({} as never).meta({ description: doc });
}

/** Weights over named options (shares need not sum to 1: they are normalized). */
export function weights(def: Record<string, number>, keys: readonly string[], d: ParamDoc) {
  const shape: Record<string, z.ZodTypeAny> = {};
  for (const k of keys) shape[k] = z.number().min(0).max(1e6).optional();
  return z
    .strictObject(shape)
    .default(def as never)
    .refine((w) => Object.values(w).some((v) => (v as number) > 0), { message: 'at least one weight must be > 0' })
    .meta({ unit: d.unit, description: `${d.doc} [${d.unit}; default ${JSON.stringify(def)}]` }) as unknown as z.ZodType<
    Record<string, number>,
    Record<string, number> | undefined
  >;
}

/** A random quantity: the distribution family and its parameters, all in the same unit. */
export function distribution(def: Dist, d: ParamDoc) {
  return distSchema.default(def as never).meta({ unit: d.unit, description: `${d.doc} [${d.unit}; default ${JSON.stringify(def)}]` });
}

export const distSchema = z.discriminatedUnion('dist', [
  z.strictObject({ dist: z.literal('fixed'), value: z.number().min(0).max(1e7) }),
  z.strictObject({ dist: z.literal('exponential'), mean: z.number().gt(0).max(1e7) }),
  z.strictObject({ dist: z.literal('lognormal'), median: z.number().gt(0).max(1e7), sigma: z.number().min(0).max(5) }),
  z.strictObject({ dist: z.literal('weibull'), mean: z.number().gt(0).max(1e7), shape: z.number().min(0.1).max(20) }),
  z.strictObject({ dist: z.literal('uniform'), min: z.number().min(0).max(1e7), max: z.number().min(0).max(1e7) }).refine((u) => u.max >= u.min, {
    message: 'uniform needs max >= min',
  }),
]);

export type Dist =
  | { dist: 'fixed'; value: number }
  | { dist: 'exponential'; mean: number }
  | { dist: 'lognormal'; median: number; sigma: number }
  | { dist: 'weibull'; mean: number; shape: number }
  | { dist: 'uniform'; min: number; max: number };
