#!/usr/bin/env bash
# rdflib EKG SRC: examples/analytics.py (rdflib + networkx) reads graph.jsonld of a fresh
# export and names NATO among the most active actors and France among the actors.
. "$(dirname "$0")/common.sh" "$@"
need "$PY" python3
"$PY" -c 'import rdflib' 2>/dev/null || missing "rdflib for /usr/bin/python3 (python3-rdflib)"
"$PY" -c 'import networkx' 2>/dev/null || missing "networkx for /usr/bin/python3 (python3-networkx)"
OUT=$WORK/out
export_corpus "$OUT"

"$PY" "$SRC/examples/analytics.py" "$OUT/graph.jsonld" >"$WORK/analytics.out" 2>"$WORK/analytics.err" ||
  { cat "$WORK/analytics.out" "$WORK/analytics.err" >&2; fail "examples/analytics.py exited $?"; }
cat "$WORK/analytics.out"
[[ -s $WORK/analytics.err ]] && { cat "$WORK/analytics.err" >&2; fail "examples/analytics.py wrote to stderr"; }
active=$(sed -n '/^Most active actors/,$p' "$WORK/analytics.out")
opposed=$(sed -n '/^Most opposed targets/,/^$/p' "$WORK/analytics.out")
grep -qE '^ +[0-9]+ +.*\(NATO\)' <<<"$active" || fail "NATO is not among the most active actors"
grep -qE '^ +[0-9]+ +France\b' <<<"$active" || fail "France is not among the most active actors"
grep -qE '<-.*\bFrance\b' <<<"$opposed" || fail "France is not named as an opponent of the most opposed targets"
note "ok"
