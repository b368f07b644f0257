// nt2jsonld.mjs FILE.nt CONTEXT.jsonld - compact N-Triples with a context (writes fixtures).
import { readFileSync } from 'node:fs';
import jsonld from 'jsonld';
import { loadQuads, offlineLoader } from './rdfload.mjs';
const [nt, ctxPath] = process.argv.slice(2);
const { quads } = await loadQuads(nt);
const ctx = JSON.parse(readFileSync(ctxPath, 'utf8'));
const expanded = await jsonld.fromRDF(quads, {});
const doc = await jsonld.compact(expanded, ctx, { documentLoader: offlineLoader });
process.stdout.write(JSON.stringify(doc, null, 1) + '\n');
