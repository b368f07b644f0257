#!/usr/bin/env bash
# determinism EKG SRC: two runs over corpus/*.txt and tests/data/order/*.txt give
# byte-identical files; a run over the files in reverse order gives the same graph (graph.nt
# equal after sort); the output does not depend on --jobs, if ekg has that option.
# tests/data/order/ names one meeting by two sets of anchors that give one id (the World
# Bank, the "International Monetary Fund-World Bank"): which is kept must not depend on
# which document comes first.
. "$(dirname "$0")/common.sh" "$@"
[[ $EKG != fixture ]] || { echo "SKIP: $TEST_NAME needs the real ekg binary"; exit 77; }
[[ -x $EKG ]] || fail "ekg binary '$EKG' not found"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(date +%s)}   # one reference date for every run
mapfile -t FILES < <(printf '%s\n' "$SRC"/corpus/*.txt "$SRC"/tests/data/order/*.txt | LC_ALL=C sort)
[[ ${#FILES[@]} -ge 2 ]] || fail "corpus/ has fewer than 2 .txt files"

run() {   # run DIR [OPTIONS...] -- FILES...
  local out=$1; shift
  mkdir -p "$out"
  "$EKG" --out "$out" "$@" 2>"$out.stderr" || { cat "$out.stderr" >&2; fail "ekg --out $out exited $?"; }
}
same_files() {   # same_files A B WHAT: every file byte-identical
  local f
  diff -r -q "$1" "$2" >&2 || fail "$3: output files differ (see above)"
  for f in graph.ttl graph.nt graph.nq graph.jsonld graph.dot; do
    [[ -s $1/$f ]] || fail "$3: $f missing or empty"
  done
}
run "$WORK/a" "${FILES[@]}"
run "$WORK/b" "${FILES[@]}"
same_files "$WORK/a" "$WORK/b" "two identical runs"
note "two runs: $(ls "$WORK/a" | paste -sd' ' -) byte-identical"

mapfile -t REV < <(printf '%s\n' "${FILES[@]}" | LC_ALL=C sort -r)
run "$WORK/rev" "${REV[@]}"
LC_ALL=C sort "$WORK/a/graph.nt" >"$WORK/a.nt.sorted"
LC_ALL=C sort "$WORK/rev/graph.nt" >"$WORK/rev.nt.sorted"
if ! cmp -s "$WORK/a.nt.sorted" "$WORK/rev.nt.sorted"; then
  diff "$WORK/a.nt.sorted" "$WORK/rev.nt.sorted" | head -20 >&2
  fail "reversed input order gives a different graph.nt"
fi
note "reversed file order: same graph.nt ($(wc -l <"$WORK/a/graph.nt") lines)"
if cmp -s "$WORK/a/graph.ttl" "$WORK/rev/graph.ttl"; then note "reversed file order: graph.ttl byte-identical too"
else note "reversed file order: graph.ttl bytes differ (the graph is the same)"; fi

if "$EKG" --help 2>&1 | grep -q -- '--jobs'; then
  for j in 1 2 4; do
    run "$WORK/j$j" --jobs "$j" "${FILES[@]}"
    same_files "$WORK/a" "$WORK/j$j" "--jobs $j"
  done
  note "--jobs 1, 2, 4: byte-identical"
else
  note "no --jobs option; nothing to compare"
fi
note "ok"
