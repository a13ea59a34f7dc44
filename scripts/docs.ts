// Rewrites the generated parts of the docs: README's CSV column reference and docs/parameters.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { BEGIN, END, columnsMarkdown, parametersMarkdown } from '../src/cli/docs.ts';
import { jsonSchema } from '../src/cli/infoCommands.ts';

const readme = readFileSync('README.md', 'utf8');
const a = readme.indexOf(BEGIN);
const b = readme.indexOf(END);
if (a < 0 || b < 0) throw new Error('README.md lacks the generated-section markers');
writeFileSync('README.md', readme.slice(0, a + BEGIN.length) + '\n' + columnsMarkdown() + '\n' + readme.slice(b));
writeFileSync('docs/parameters.md', parametersMarkdown());
writeFileSync('scenarios/scenario.schema.json', JSON.stringify(jsonSchema(), null, 2) + '\n');
console.log('docs regenerated');
