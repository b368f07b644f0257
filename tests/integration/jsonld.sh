#!/usr/bin/env bash
# jsonld EKG SRC: graph.jsonld, read offline by jsonld.js (expand + toRDF in safe mode, a
# document loader that refuses every URL), is the same graph as graph.nt after URDNA2015
# canonicalisation; graph.nq is the same graph too once its named graphs are merged.
. "$(dirname "$0")/common.sh" "$@"
need_node
OUT=$WORK/out
export_corpus "$OUT"

same() {   # same A B [--ignore-graphs]
  node "$NODE_DIR/same-graph.mjs" "$@" >"$WORK/same.out" 2>&1 && { cat "$WORK/same.out"; return 0; }
  cat "$WORK/same.out" >&2
  fail "$(basename "$1") and $(basename "$2") are not the same graph${3:+ ($3)}"
}
same "$OUT/graph.jsonld" "$OUT/graph.nt"
same "$OUT/graph.ttl" "$OUT/graph.nt"
same "$OUT/graph.nq" "$OUT/graph.nt" --ignore-graphs

# The comparison itself: one changed literal must be reported as a difference.
sed 's/"Opposes"/"Opposed"/' "$OUT/graph.jsonld" >"$WORK/changed.jsonld"
cmp -s "$WORK/changed.jsonld" "$OUT/graph.jsonld" && fail "no \"Opposes\" trigger in graph.jsonld to change"
rc=0; node "$NODE_DIR/same-graph.mjs" "$WORK/changed.jsonld" "$OUT/graph.nt" >/dev/null 2>&1 || rc=$?
[[ $rc = 1 ]] || fail "same-graph.mjs did not report a changed literal as DIFFERENT (exit $rc)"
# ... and a remote @context must be refused (no network access).
printf '{"@context": "https://schema.org/", "@id": "https://w3id.org/ekg/id/x", "name": "x"}\n' >"$WORK/remote.jsonld"
rc=0; node "$NODE_DIR/same-graph.mjs" "$WORK/remote.jsonld" "$OUT/graph.nt" >"$WORK/remote.out" 2>&1 || rc=$?
[[ $rc = 2 ]] && grep -q 'remote document refused' "$WORK/remote.out" ||
  { cat "$WORK/remote.out" >&2; fail "a remote @context was not refused (exit $rc)"; }
note "ok"
