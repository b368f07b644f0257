#!/usr/bin/env bash
# shacl EKG SRC: graph.ttl and graph.jsonld conform to ontology/shapes.ttl (SHACL Core,
# rdf-validate-shacl); tests/data/broken.ttl (an event without an actor, a date that is a
# plain string) must be reported as non-conforming, with both violations.
. "$(dirname "$0")/common.sh" "$@"
need_node
OUT=$WORK/out
export_corpus "$OUT"
SHAPES=$SRC/ontology/shapes.ttl

for f in ttl jsonld; do
  rc=0; node "$NODE_DIR/shacl.mjs" "$SHAPES" "$OUT/graph.$f" >"$WORK/shacl.out" 2>&1 || rc=$?
  if [[ $rc != 0 ]]; then
    head -40 "$WORK/shacl.out" >&2
    fail "graph.$f does not conform to ontology/shapes.ttl (exit $rc; $(grep -c '^Violation' "$WORK/shacl.out") violations)"
  fi
  tail -1 "$WORK/shacl.out"
done

rc=0; node "$NODE_DIR/shacl.mjs" "$SHAPES" "$SRC/tests/data/broken.ttl" >"$WORK/broken.out" 2>&1 || rc=$?
cat "$WORK/broken.out"
[[ $rc = 1 ]] || fail "tests/data/broken.ttl was not reported as non-conforming (exit $rc)"
grep -q 'hasActor> .*MinCountConstraintComponent' "$WORK/broken.out" || fail "the missing actor was not reported"
grep -q 'hasTimeStamp> .*DatatypeConstraintComponent' "$WORK/broken.out" || fail "the non-xsd:date time stamp was not reported"
note "ok"
