/** The JSON Schema of scenario files, as `depinsim schema` prints it: the core's (fieldNames.ts reads the same one for its hints). */
export { scenarioJsonSchema as jsonSchema } from '../sim/scenario/fieldNames.ts';
