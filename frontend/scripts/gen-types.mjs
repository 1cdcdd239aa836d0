// Generates src/api/generated/<service>.ts from ../openapi/<service>.json with openapi-typescript,
// so that a changed API contract breaks the type check of the build instead of the user.
import { readdir, mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

const here = path.dirname(fileURLToPath(import.meta.url));
const specDir = path.resolve(here, '../../openapi');
const outDir = path.resolve(here, '../src/api/generated');

await mkdir(outDir, { recursive: true });
const docs = (await readdir(specDir)).filter((f) => f.endsWith('.json')).sort();
for (const doc of docs) {
  const name = doc.replace(/\.json$/, '');
  const ast = await openapiTS(new URL(`file://${path.join(specDir, doc)}`), { alphabetize: false });
  const banner = `// Generated from openapi/${doc} by scripts/gen-types.mjs (npm run types). Do not edit.\n`;
  await writeFile(path.join(outDir, `${name}.ts`), banner + astToString(ast));
  console.log(`types: openapi/${doc} -> src/api/generated/${name}.ts`);
}
