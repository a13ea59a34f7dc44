import { describe, expect, test } from 'vitest';
import { closestNames, didYouMean, editDistance, orList } from '../../../src/sim/scenario/closestNames.ts';
import { closestFields, closestPaths, fieldTypes, fieldUnit, knownFields } from '../../../src/sim/scenario/fieldNames.ts';

describe('field names for spelling hints', () => {
  test('the known fields at a path come from the schema, through tables, lists and distribution shapes', () => {
    expect(knownFields([])).toEqual(expect.arrayContaining(['supply', 'demand', 'market', 'economy', 'horizonDays', 'scale']));
    expect(knownFields(['supply', 'archetypes'])).toEqual(expect.arrayContaining(['home', 'farm', 'datacenter', 'university']));
    expect(knownFields(['demand', 'shocks', 0])).toEqual(expect.arrayContaining(['startDay', 'durationDays', 'multiplier']));
    // every shape a distribution may take: fixed value, mean, median and sigma, shape, min and max
    expect(knownFields(['demand', 'classes', 'training', 'durationHours'])).toEqual(expect.arrayContaining(['dist', 'value', 'mean', 'median', 'sigma', 'shape', 'min', 'max']));
    // past a leaf, or a path the schema does not hold: nothing
    expect(knownFields(['horizonDays'])).toEqual([]);
    expect(knownFields(['nope', 'deeper'])).toEqual([]);
  });

  test('edit distance counts a swapped pair as one slip and ignores case', () => {
    expect(editDistance('Huor', 'Hour')).toBe(1);
    expect(editDistance('SCALE', 'scale')).toBe(0);
    expect(editDistance('provders', 'providers')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  test('closest fields: the nearest slips, or the fields a cut-short name begins, never a far guess', () => {
    expect(closestFields(['supply'], 'provders')).toEqual(['providers']);
    expect(closestFields(['demand'], 'baseRate')).toEqual(['baseRateJobsPerHour']);
    // "hme" is one slip from home; too short to stand for a longer name
    expect(closestFields(['supply', 'archetypes'], 'hme')).toEqual(['home']);
    expect(closestFields([], 'qqqqq')).toEqual([]);
    expect(closestFields(['demand'], 'ra')).toEqual([]);
  });

  test('closest paths replace the first unknown part and keep the rest', () => {
    expect(closestPaths(['demnd', 'baseRateJobsPerHour'])).toEqual(['demand.baseRateJobsPerHour']);
    expect(closestPaths(['demand', 'baseRatJobsPerHour'])).toEqual(['demand.baseRateJobsPerHour']);
    expect(closestPaths(['demand', 'baseRateJobsPerHour'])).toEqual([]);
    expect(closestPaths(['zzzz', 'x'])).toEqual([]);
  });

  test('closest names of any list, and the hint a message appends', () => {
    expect(closestNames(['run', 'validate', 'scenarios', 'schema', 'help'], 'hlep')).toEqual(['help']);
    expect(closestNames(['--seed', '--seeds', '--days'], '--sed')).toEqual(['--seed']);
    expect(didYouMean(['token_pump', 'token_crash'], 'token-pump')).toBe(' (did you mean token_pump?)');
    expect(didYouMean(['baseline'], 'zzz')).toBe('');
  });

  test("a field's types and unit, through a distribution's shapes and a list's items", () => {
    expect(fieldTypes(['supply', 'providers'])).toEqual(['integer']);
    expect(fieldTypes(['demand', 'classes', 'training', 'durationHours', 'median'])).toEqual(['number']);
    expect(fieldTypes(['demand', 'shocks', '0', 'multiplier'])).toEqual(['number']);
    expect(fieldTypes(['demand', 'nope'])).toEqual([]);
    expect(fieldUnit(['demand', 'baseRateJobsPerHour'])).toBe('jobs/h');
    expect(fieldUnit(['nope'])).toBe('');
  });

  test('orList joins names as a sentence does', () => {
    expect(orList([])).toBe('');
    expect(orList(['a'])).toBe('a');
    expect(orList(['a', 'b'])).toBe('a or b');
    expect(orList(['a', 'b', 'c'])).toBe('a, b or c');
    expect(orList(['a', 'b', 'c'], 'and')).toBe('a, b and c');
  });
});
