/** The JSON Schema of scenario files, as `depinsim schema` prints it (zod's, from the schema's `.meta()`). */
import { z } from 'zod';
import { scenarioSchema } from '../sim/scenario/schema.ts';

export function jsonSchema(): object {
  return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' });
}
