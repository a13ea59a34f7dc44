/**
 * The names of the provider types, regions and job classes, in their index order. Their own module so
 * the economy's and the market's schemas can use them too: schema.ts imports economySchema.ts and
 * spotSchema.ts, which could not import them back.
 */
export const REGIONS = ['na', 'eu', 'asia', 'other'] as const;
export type Region = (typeof REGIONS)[number];
export const ARCHETYPES = ['home', 'farm', 'datacenter', 'university'] as const;
export type ArchetypeName = (typeof ARCHETYPES)[number];
export const JOB_CLASSES = ['inference', 'finetune', 'training', 'rendering', 'transcoding'] as const;
export type JobClassName = (typeof JOB_CLASSES)[number];
