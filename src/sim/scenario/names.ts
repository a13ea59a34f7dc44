/**
 * The names of the provider types and regions, in their index order. Their own module so the economy's
 * schema can use them too: schema.ts imports economySchema.ts, which could not import them back.
 */
export const REGIONS = ['na', 'eu', 'asia', 'other'] as const;
export type Region = (typeof REGIONS)[number];
export const ARCHETYPES = ['home', 'farm', 'datacenter', 'university'] as const;
export type ArchetypeName = (typeof ARCHETYPES)[number];
