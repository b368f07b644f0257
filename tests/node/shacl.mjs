// shacl.mjs SHAPES DATA... - SHACL Core validation with rdf-validate-shacl, offline.
// DATA may be Turtle/N-Triples/N-Quads or JSON-LD (rdfload.mjs); all files are merged.
// Prints one line per result; exit 0 = conforms, 1 = does not conform, 2 = error.
import N3 from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { loadQuads } from './rdfload.mjs';

const { namedNode, blankNode, literal, defaultGraph, quad } = N3.DataFactory;

function term(t) {
  switch (t.termType) {
    case 'NamedNode': return namedNode(t.value);
    case 'BlankNode': return blankNode(t.value);
    case 'Literal': return literal(t.value, t.language || namedNode(t.datatype.value));
    default: return defaultGraph();
  }
}

async function dataset(paths) {
  const store = new N3.Store();
  for (const p of paths) {
    const { quads } = await loadQuads(p);
    // SHACL validates the data graph: merge every named graph into it.
    for (const q of quads) store.add(quad(term(q.subject), term(q.predicate), term(q.object)));
  }
  return store;
}

const [shapesPath, ...dataPaths] = process.argv.slice(2);
if (!shapesPath || dataPaths.length === 0) {
  console.error('usage: node shacl.mjs SHAPES.ttl DATA...');
  process.exit(2);
}
try {
  const t0 = Date.now();
  const shapes = await dataset([shapesPath]);
  const data = await dataset(dataPaths);
  const report = await new SHACLValidator(shapes).validate(data);
  const local = (n) => (n ? n.value.replace(/^.*[#/]/, '') : '');
  for (const r of report.results) {
    const msg = r.message.map((m) => m.value).join(' ');
    console.log(`${local(r.severity)}: focus=<${r.focusNode.value}> path=${r.path ? '<' + r.path.value + '>' : '-'}`
      + ` value=${r.value ? r.value.value : '-'} ${local(r.sourceConstraintComponent)} ${msg}`);
  }
  console.log(`${dataPaths.join(' ')}: ${data.size} triples, shapes ${shapes.size} triples: `
    + `conforms=${report.conforms} results=${report.results.length} (${Date.now() - t0} ms)`);
  process.exit(report.conforms ? 0 : 1);
} catch (e) {
  console.error(`shacl: error: ${e.message}`);
  process.exit(2);
}
