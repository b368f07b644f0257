#!/usr/bin/env bash
# virtuoso EKG SRC: a private Virtuoso 7 (virtuoso-t from virtuoso-opensource-7-bin) on
# loopback, with its own ini, database and free port in the work dir, no HTTP listener.
# Bulk-loads graph.ttl and graph.nq, then asks three SPARQL questions and checks the
# answers: who opposes the Tokyo office (France and Macron among them), every event with
# its source sentence and date, and the events of one document's named graph.
# The server is always shut down (trap), and the database removed with the work dir.
. "$(dirname "$0")/common.sh" "$@"
need virtuoso-t virtuoso-opensource-7-bin
need isql-vt virtuoso-opensource-7-bin
need "$PY" python3
OUT=$WORK/out
export_corpus "$OUT"
G_TTL=urn:ekg:test:ttl         # graph.ttl goes here
G_NQ=urn:ekg:test:nq-default   # graph.nq's default-graph triples go here

PORT=${VIRT_PORT:-$("$PY" - <<'PY'
import random, socket
ports = list(range(21000, 22000)); random.shuffle(ports)
for p in ports:
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", p)); print(p); break
    except OSError:
        pass
    finally:
        s.close()
PY
)}
[[ -n $PORT ]] || fail "no free port in 21000-21999"
DB=$WORK/db
mkdir -p "$DB"
cat >"$WORK/virtuoso.ini" <<INI
[Database]
DatabaseFile = $DB/virtuoso.db
ErrorLogFile = $DB/virtuoso.log
LockFile = $DB/virtuoso.lck
TransactionFile = $DB/virtuoso.trx
xa_persistent_file = $DB/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = $DB/virtuoso-temp.db
TransactionFile = $DB/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:$PORT
DisableUnixSocket = 1
ServerThreads = 10
CheckpointInterval = 0
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
DirsAllowed = ., $WORK
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
DefaultGraph = $G_TTL
INI

isql() { isql-vt "$PORT" dba dba VERBOSE=OFF BANNER=OFF PROMPT=OFF ECHO=OFF ERRORS=STDOUT "exec=$1"; }

VPID=
stop_virtuoso() {
  [[ -n $VPID ]] || return 0
  isql "shutdown;" >/dev/null 2>&1 || true
  local i
  for i in $(seq 100); do kill -0 "$VPID" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$VPID" 2>/dev/null; then
    echo "virtuoso: no shutdown after 10 s, sending SIGTERM" >&2
    kill "$VPID" 2>/dev/null || true
    sleep 1
    kill -9 "$VPID" 2>/dev/null || true
  fi
  wait "$VPID" 2>/dev/null || true
  VPID=
}
at_exit stop_virtuoso

t0=$(date +%s.%N)
(cd "$WORK" && exec virtuoso-t +configfile "$WORK/virtuoso.ini" +foreground) >"$WORK/virtuoso.out" 2>&1 &
VPID=$!
up=
for i in $(seq 600); do   # up to 60 s
  kill -0 "$VPID" 2>/dev/null || break
  if isql "select 1;" >/dev/null 2>&1; then up=1; break; fi
  sleep 0.1
done
if [[ -z $up ]]; then
  tail -20 "$WORK/virtuoso.out" "$DB/virtuoso.log" >&2 2>/dev/null || true
  fail "virtuoso-t did not start on 127.0.0.1:$PORT"
fi
note "virtuoso-t up on 127.0.0.1:$PORT in $(printf '%.1f' "$(echo "$(date +%s.%N) - $t0" | bc)") s"

# Bulk load. Failures do not change isql's exit status: read DB.DBA.load_list.
isql "ld_dir('$OUT', 'graph.ttl', '$G_TTL'); ld_dir('$OUT', 'graph.nq', '$G_NQ'); rdf_loader_run(); checkpoint;" >"$WORK/load.out" 2>&1 ||
  { cat "$WORK/load.out" >&2; fail "bulk load failed"; }
isql "select ll_file, ll_state, ll_error from DB.DBA.load_list;" >"$WORK/loadlist.out" 2>&1
loaded=$(grep -c 'graph\.\(ttl\|nq\) *2 *NULL' "$WORK/loadlist.out" || true)
[[ $loaded = 2 ]] || { cat "$WORK/load.out" "$WORK/loadlist.out" >&2; fail "bulk load did not load graph.ttl and graph.nq cleanly"; }

# sparql NAME QUERY: run QUERY, write SPARQL JSON results to $WORK/NAME.json.
sparql() {
  isql "set blobs on; SPARQL define output:format \"JSON\" $2;" >"$WORK/$1.raw" 2>&1 ||
    { cat "$WORK/$1.raw" >&2; fail "query $1: isql exited $?"; }
  if grep -q '^\*\*\* Error\|^SQLState\|Error [0-9A-Z]*:' "$WORK/$1.raw"; then
    cat "$WORK/$1.raw" >&2; fail "query $1 failed"
  fi
  "$PY" - "$WORK/$1.raw" "$WORK/$1.json" <<'PY' || { cat "$WORK/$1.raw" >&2; fail "query $1: no JSON result"; }
import json, sys
raw = open(sys.argv[1], encoding="utf-8").read()
start = raw.index("{")
doc, _ = json.JSONDecoder().raw_decode(raw[start:])
json.dump(doc, open(sys.argv[2], "w", encoding="utf-8"))
PY
}
# rows NAME: the rows as TAB-separated values of the selected variables.
rows() {
  "$PY" - "$WORK/$1.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
vs = d["head"]["vars"]
for b in d["results"]["bindings"]:
    print("\t".join(b.get(v, {}).get("value", "").replace("\n", " ") for v in vs))
PY
}
PFX='PREFIX ekg: <https://w3id.org/ekg/ontology#> PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> PREFIX gaf: <http://groundedannotationframework.org/gaf#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX prov: <http://www.w3.org/ns/prov#>'

# 0. Everything arrived: each graph holds as many triples as the file.
nt=$(grep -cv '^[[:space:]]*\(#.*\)\?$' "$OUT/graph.nt")
sparql count "SELECT (COUNT(*) AS ?n) FROM <$G_TTL> WHERE { ?s ?p ?o }"
n=$(rows count)
[[ $n = "$nt" ]] || fail "graph <$G_TTL> holds $n triples, graph.nt has $nt"
sparql countnq "SELECT (COUNT(*) AS ?n) WHERE { { GRAPH <$G_NQ> { ?s ?p ?o } } UNION { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), 'https://w3id.org/ekg/doc/')) } }"
n=$(rows countnq)
[[ $n = "$nt" ]] || fail "graph.nq loaded as $n quads, graph.nt has $nt triples"
note "loaded: $nt triples from graph.ttl, $n quads from graph.nq"

# 1. Who opposes the Tokyo office?
sparql opposers "$PFX SELECT DISTINCT ?a ?al FROM <$G_TTL> WHERE {
  ?a ekg:opposes ?o . ?a rdfs:label ?al .
  ?o rdfs:label|skos:altLabel ?l
  FILTER(CONTAINS(LCASE(STR(?l)), 'tokyo') || CONTAINS(LCASE(STR(?l)), 'japan')) } ORDER BY ?a"
rows opposers >"$WORK/opposers.tsv"
note "opposes the Tokyo office: $(cut -f2 "$WORK/opposers.tsv" | paste -sd, -)"
grep -q $'\tFrance$' "$WORK/opposers.tsv" || fail "France is not among those who oppose the Tokyo office"
grep -q $'\t[^\t]*Macron[^\t]*$' "$WORK/opposers.tsv" || fail "Macron is not among those who oppose the Tokyo office"

# 2. Every event with its source sentence and date.
sparql events "$PFX SELECT ?e ?s ?d FROM <$G_TTL> WHERE {
  ?e a sem:Event ; gaf:denotedBy ?m . ?m ekg:sentence ?s .
  OPTIONAL { ?e sem:hasTimeStamp ?d } } ORDER BY ?e ?s"
rows events >"$WORK/events.tsv"
n_events=$(grep -c '> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://semanticweb.cs.vu.nl/2009/11/sem/Event> \.$' "$OUT/graph.nt")
got=$(cut -f1 "$WORK/events.tsv" | sort -u | grep -c . || true)
[[ $n_events -gt 0 ]] || fail "graph.nt has no sem:Event"
[[ $got = "$n_events" ]] || fail "$got events have a source sentence; graph.nt has $n_events sem:Event nodes"
awk -F'\t' '$2 == "" { bad = 1 } END { exit bad }' "$WORK/events.tsv" || fail "an event has an empty source sentence"
dated=$(awk -F'\t' '$3 != ""' "$WORK/events.tsv" | cut -f1 | sort -u | grep -c . || true)
awk -F'\t' '$3 != "" && $3 !~ /^[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]$/ { print; bad = 1 } END { exit bad }' "$WORK/events.tsv" ||
  fail "an event date is not YYYY-MM-DD"
[[ $dated -gt 0 ]] || fail "no event has a date (sem:hasTimeStamp)"
note "events: $got with sentences, $dated dated"

# 3. The events of one document's named graph (the first document in graph.nq).
doc=$(sed -n 's/.* <\(https:\/\/w3id\.org\/ekg\/doc\/[^#>]*\)> \.$/\1/p' "$OUT/graph.nq" | sort -u | head -1)
[[ -n $doc ]] || fail "graph.nq has no document named graph"
expect=$(grep -F "#char=" "$OUT/graph.nt" | grep -F "<http://groundedannotationframework.org/gaf#denotedBy> <$doc#char=" |
  cut -d' ' -f1 | sort -u | grep -c . || true)
# (the event-to-mention link may sit in the default graph or in the document's graph)
sparql docevents "$PFX SELECT DISTINCT ?e WHERE {
  GRAPH <$doc> { ?m a ekg:Mention ; prov:wasDerivedFrom <$doc> }
  GRAPH ?g { ?e gaf:denotedBy ?m } FILTER(?g = <$G_NQ> || ?g = <$doc>) } ORDER BY ?e"
got=$(rows docevents | grep -c . || true)
[[ $expect -gt 0 ]] || fail "graph.nt has no event mentioned in $doc"
[[ $got = "$expect" ]] || fail "named graph <$doc>: $got events, graph.nt says $expect"
note "named graph <$doc>: $got events"
stop_virtuoso
note "ok"
