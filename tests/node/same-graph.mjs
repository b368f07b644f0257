// same-graph.mjs A B [--ignore-graphs] - are two RDF files the same dataset?
// Each file becomes quads (rdfload.mjs: jsonld.js expand + toRDF offline, or n3), both are
// canonicalised with URDNA2015 (rdf-canonize) and the canonical N-Quads are compared.
// Exit 0 = same, 1 = different (the differing quads are listed), 2 = parse or usage error.
import canonize from 'rdf-canonize';
import { loadQuads } from './rdfload.mjs';

const args = process.argv.slice(2);
const ignoreGraphs = args.includes('--ignore-graphs');
const files = args.filter((a) => !a.startsWith('--'));
if (files.length !== 2) {
  console.error('usage: node same-graph.mjs A B [--ignore-graphs]');
  process.exit(2);
}

async function canonical(path) {
  const { quads, format } = await loadQuads(path);
  let qs = quads;
  if (ignoreGraphs) qs = qs.map((q) => ({ ...q, graph: { termType: 'DefaultGraph', value: '' } }));
  const nq = await canonize.canonize(qs, { algorithm: 'URDNA2015', format: 'application/n-quads' });
  const lines = [...new Set(nq.split('\n').filter(Boolean))];
  console.log(`${path}: ${lines.length} quads (${format})`);
  return lines;
}

try {
  const [a, b] = [await canonical(files[0]), await canonical(files[1])];
  if (a.length === 0) throw new Error(`${files[0]}: empty graph`);
  const sa = new Set(a), sb = new Set(b);
  const onlyA = a.filter((l) => !sb.has(l)), onlyB = b.filter((l) => !sa.has(l));
  if (onlyA.length === 0 && onlyB.length === 0) {
    console.log('SAME: datasets are isomorphic');
    process.exit(0);
  }
  console.log(`DIFFERENT: ${onlyA.length} quads only in ${files[0]}, ${onlyB.length} only in ${files[1]}`);
  for (const l of onlyA.slice(0, 20)) console.log(`< ${l}`);
  for (const l of onlyB.slice(0, 20)) console.log(`> ${l}`);
  process.exit(1);
} catch (e) {
  console.error(`same-graph: error: ${e.message}`);
  process.exit(2);
}
