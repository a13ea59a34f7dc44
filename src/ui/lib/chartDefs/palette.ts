/**
 * The dashboard's colours: the Okabe-Ito palette (told apart with the common colour-vision
 * deficiencies) and, drawn from it, one colour and dash each for the GPU price tiers, the provider
 * types and the provider regions, so that a tier, a type or a region looks the same in every chart
 * and table that splits by it; the regions' names beside their colours.
 */
import { REGIONS } from '../../../sim/scenario/schema.ts';
import { TIERS } from '../../../sim/supply/catalogue.ts';

export const OKABE_ITO = {
  orange: '#E69F00',
  sky: '#56B4E9',
  green: '#009E73',
  amber: '#F5C710',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  grey: '#999999',
  black: '#000000',
} as const;

// the catalogue's tiers (the CSV's per-tier columns), re-exported for the chart definitions
export { TIERS };
export const TIER_COLORS: Record<(typeof TIERS)[number], string> = {
  entry: OKABE_ITO.orange,
  low: OKABE_ITO.sky,
  medium: OKABE_ITO.green,
  high: OKABE_ITO.blue,
  ultra: OKABE_ITO.purple,
};
export const TIER_DASH: Record<(typeof TIERS)[number], string> = {
  entry: '',
  low: '7 3',
  medium: '2 3',
  high: '10 3 2 3',
  ultra: '4 2 1 2',
};

/** Provider types (ARCHETYPES order), one colour and dash each, in every chart and table that splits by type. */
export const ARCHETYPE_COLORS: Record<string, string> = {
  home: OKABE_ITO.orange,
  farm: OKABE_ITO.sky,
  datacenter: OKABE_ITO.blue,
  university: OKABE_ITO.purple,
};
export const ARCHETYPE_DASH: Record<string, string> = { home: '', farm: '6 3', datacenter: '2 2', university: '10 3 2 3' };
export const TYPES = Object.keys(ARCHETYPE_COLORS);

/** Provider regions (REGIONS order): their names, and one colour and dash each, apart from the types' colours. */
export const REGION_LABELS: Record<(typeof REGIONS)[number], string> = {
  na: 'North America',
  eu: 'Europe',
  asia: 'Asia',
  other: 'elsewhere',
};
export const REGION_COLORS: Record<(typeof REGIONS)[number], string> = {
  na: OKABE_ITO.blue,
  eu: OKABE_ITO.vermillion,
  asia: OKABE_ITO.green,
  other: OKABE_ITO.grey,
};
export const REGION_DASH: Record<(typeof REGIONS)[number], string> = { na: '', eu: '6 3', asia: '2 2', other: '10 3 2 3' };
