// compromise.mjs - the baseline: compromise's people, places and organisations on the
// same JSON Lines ekg reads. compromise runs at about 0.1 MB/s, so it reads documents
// in file order until it has spent SECONDS (default 60) and reports its speed on those.
//
//     node compromise.mjs FILE.jsonl [SECONDS [STRIDE]]   # STRIDE: every STRIDE-th document
//
// Prints one line of JSON: {"docs","bytes","seconds","people","places","organizations","mbps"}.
import fs from 'node:fs';
import readline from 'node:readline';
import nlp from 'compromise';

const [file, limitArg, strideArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node compromise.mjs FILE.jsonl [SECONDS [STRIDE]]');
  process.exit(2);
}
const limit = Number(limitArg || 60);
const stride = Math.max(1, Number(strideArg || 1));   // every STRIDE-th document
let n = 0;
const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
let docs = 0, bytes = 0, people = 0, places = 0, organizations = 0, spent = 0;
for await (const line of rl) {
  if (!line.trim() || n++ % stride !== 0) continue;
  const o = JSON.parse(line);
  const text = (o.title ? o.title + '\n\n' : '') + o.text;
  const t0 = process.hrtime.bigint();
  const doc = nlp(text);
  people += doc.people().out('array').length;
  places += doc.places().out('array').length;
  organizations += doc.organizations().out('array').length;
  spent += Number(process.hrtime.bigint() - t0) / 1e9;
  docs++;
  bytes += Buffer.byteLength(text);
  if (spent >= limit) break;
}
rl.close();
console.log(JSON.stringify({ docs, bytes, seconds: +spent.toFixed(3), people, places,
  organizations, mbps: +(bytes / 1e6 / spent).toFixed(4) }));
