#!/usr/bin/env bash
# turtle EKG SRC: graph.ttl, .nt and .nq of one export parse strictly (rapper and Jena riot)
# and hold the same number of triples; graph.jsonld passes riot (Titanium JSON-LD 1.1).
. "$(dirname "$0")/common.sh" "$@"
need rapper raptor2-utils
need java default-jre-headless
[[ -f /usr/share/java/jena-arq.jar ]] || missing "Jena (libapache-jena-java)"

OUT=$WORK/out
export_corpus "$OUT"

count() {   # count SYNTAX FILE: rapper's triple count, failing on any parse error
  local n
  rapper -i "$1" -c "$2" 2>"$WORK/rapper.err" || { cat "$WORK/rapper.err" >&2; fail "rapper -i $1 rejects $2"; }
  n=$(sed -n 's/.*returned \([0-9]*\) \(triple\|statement\).*/\1/p' "$WORK/rapper.err")
  [[ -n $n ]] || { cat "$WORK/rapper.err" >&2; fail "no triple count from rapper for $2"; }
  if grep -qi 'warning\|error' "$WORK/rapper.err"; then cat "$WORK/rapper.err" >&2; fail "rapper warns about $2"; fi
  echo "$n"
}
ttl=$(count turtle "$OUT/graph.ttl")
nt=$(count ntriples "$OUT/graph.nt")
nq=$(count nquads "$OUT/graph.nq")
note "rapper: ttl $ttl, nt $nt, nq $nq triples"
[[ $ttl -gt 0 ]] || fail "graph.ttl is empty"
[[ $ttl = "$nt" && $nt = "$nq" ]] || fail "triple counts differ: ttl $ttl, nt $nt, nq $nq"
# N-Triples must be one triple a line (rapper's N-Triples parser is lenient, so count lines too).
lines=$(grep -cv '^[[:space:]]*\(#.*\)\?$' "$OUT/graph.nt")
[[ $lines = "$nt" ]] || fail "graph.nt has $lines statement lines but $nt triples"
# Every N-Quads line that states a mention's own triples is in that document's graph.
if [[ $EKG != fixture ]]; then
  bad=$(grep -E '^<https://w3id.org/ekg/doc/[^#>]+#char=' "$OUT/graph.nq" |
    grep -vcE '^<(https://w3id.org/ekg/doc/[^#>]+)#char=[^>]*> .* <\1> \.$' || true)
  [[ $bad = 0 ]] || fail "$bad mention quads in graph.nq are not in their document's named graph"
fi

# Jena riot: the strictest parser here; exit 1 on errors and on warnings (bad dates ...).
if ! "$JENA" riotcmd.riot --validate "$OUT"/graph.{ttl,nt,nq,jsonld} >"$WORK/riot.out" 2>&1 ||
    [[ -s $WORK/riot.out ]]; then
  cat "$WORK/riot.out" >&2
  fail "Jena riot --validate rejects or warns about graph.ttl/.nt/.nq/.jsonld (messages above)"
fi
jcount=$("$JENA" riotcmd.riot --count "$OUT/graph.jsonld" 2>&1 | sed -n 's/.*Triples = \([0-9]*\).*/\1/p')
[[ $jcount = "$nt" ]] || fail "riot reads $jcount triples from graph.jsonld, graph.nt has $nt"
note "riot: ttl nt nq jsonld valid; jsonld $jcount triples"

# The gate itself: a graph with an ill-typed date must be rejected.
if "$JENA" riotcmd.riot --validate "$SRC/tests/data/broken.ttl" >/dev/null 2>&1; then
  fail "riot accepted tests/data/broken.ttl (a bad xsd:date); the check is not working"
fi
note "ok"
