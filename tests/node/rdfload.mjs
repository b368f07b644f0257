// rdfload.mjs - read an RDF file into plain quads, offline.
// .jsonld/.json go through jsonld.js (expand in safe mode, then toRDF) with a document
// loader that refuses every URL; .ttl/.nt/.nq/.trig go through n3 (strict, by extension).
import { readFileSync } from 'node:fs';
import jsonld from 'jsonld';
import N3 from 'n3';

// Refuses every remote document: an export must inline its @context.
export const offlineLoader = async (url) => {
  throw new Error(`remote document refused (offline documentLoader): ${url}`);
};

const N3_FORMATS = { '.ttl': 'text/turtle', '.nt': 'application/n-triples',
  '.nq': 'application/n-quads', '.trig': 'application/trig' };

function extension(path) {
  const m = /\.[a-z]+$/.exec(path);
  return m ? m[0] : '';
}

// A plain quad {subject, predicate, object, graph} in the shape rdf-canonize accepts.
function plainTerm(t) {
  const o = { termType: t.termType, value: t.value };
  if (t.termType === 'Literal') {
    o.language = t.language || '';
    o.datatype = { termType: 'NamedNode', value: t.datatype.value };
  }
  return o;
}

export function plainQuad(q) {
  return { subject: plainTerm(q.subject), predicate: plainTerm(q.predicate),
    object: plainTerm(q.object), graph: q.graph ? plainTerm(q.graph)
      : { termType: 'DefaultGraph', value: '' } };
}

// Returns { quads: [plain quads], format: 'JSON-LD' | 'Turtle' | ... }.
// Throws on any parse error (the message names the file).
export async function loadQuads(path) {
  const ext = extension(path);
  const text = readFileSync(path, 'utf8');
  if (ext === '.jsonld' || ext === '.json') {
    let doc;
    try { doc = JSON.parse(text); } catch (e) { throw new Error(`${path}: not JSON: ${e.message}`); }
    const opts = { safe: true, base: null, documentLoader: offlineLoader };
    try {
      const expanded = await jsonld.expand(doc, opts);
      const quads = await jsonld.toRDF(expanded, opts);
      return { quads: quads.map(plainQuad), format: 'JSON-LD' };
    } catch (e) {
      const detail = e.details ? ' ' + JSON.stringify(e.details.event ? e.details.event.details || e.details.event.code : e.details).slice(0, 300) : '';
      const cause = e.details && e.details.cause ? ' | cause: ' + e.details.cause.message : '';
      throw new Error(`${path}: JSON-LD: ${e.message}${detail}${cause}`);
    }
  }
  const format = N3_FORMATS[ext];
  if (!format) throw new Error(`${path}: unknown extension '${ext}' (want .ttl .nt .nq .trig .jsonld)`);
  try {
    const parser = new N3.Parser({ format });
    return { quads: parser.parse(text).map(plainQuad), format };
  } catch (e) {
    throw new Error(`${path}: ${format}: ${e.message}`);
  }
}
