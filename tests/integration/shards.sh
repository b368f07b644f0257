#!/usr/bin/env bash
# shards EKG SRC: map/reduce gives what one run gives. The corpus (corpus/*.txt and the
# invented articles in tests/data/shards) is dealt round-robin into k = 1, 2 and 8 shards;
# each shard is mapped apart with GNU parallel (ekg --partial --format nq) and the shards
# are reduced with ekg merge. The merged N-Quads must equal one run's, byte for byte after
# sorting (and the other formats too). The fixtures put, in different shards, a person
# known by her full name and by her surname only, one event mentioned in two shards with
# two modalities, and a thing ("the office in Japan") that one shard would merge into the
# only office in Japan it knows, but that stays apart when a third shard knows another.
# Also: the JSON Lines map step of the README (--stream --partial --jsonl -, as Hadoop
# Streaming runs it), a tree of merges (merge --partial), and bad input (exit 3, no file).
. "$(dirname "$0")/common.sh" "$@"
[[ $EKG != fixture ]] || { echo "SKIP: $TEST_NAME needs the real ekg binary"; exit 77; }
[[ -x $EKG ]] || fail "ekg binary '$EKG' not found"
need parallel parallel
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(date +%s)}   # one reference date for every run
export EKG

# The order deals the fixtures apart: with k = 2 and 8, lines 1 and 2 (the two Kowalczyk
# articles) go to different shards, lines 3 and 11 (office-1, office-2) to the same one,
# line 4 (office-3) to another.
FIX=$SRC/tests/data/shards
mapfile -t CORPUS < <(printf '%s\n' "$SRC"/corpus/*.txt | LC_ALL=C sort)
[[ ${#CORPUS[@]} -eq 5 ]] || fail "expected the 5 sample articles in corpus/, found ${#CORPUS[@]}"
FILES=("$FIX/kowalczyk-1.txt" "$FIX/kowalczyk-2.txt" "$FIX/office-1.txt" "$FIX/office-3.txt"
       "${CORPUS[@]}" "$FIX/harbour.txt" "$FIX/office-2.txt")
printf '%s\n' "${FILES[@]}" >"$WORK/files"

run() {   # run WHAT OUT EKG-ARGS...: ekg ARGS, or fail with its stderr
  local what=$1 out=$2 rc=0
  shift 2
  "$EKG" "$@" >"$out" 2>"$out.stderr" || rc=$?
  [[ $rc = 0 ]] || { cat "$out.stderr" >&2; fail "$what: ekg $* exited $rc"; }
}
sorted_same() {   # sorted_same A B WHAT
  if ! cmp -s <(LC_ALL=C sort "$1") <(LC_ALL=C sort "$2"); then
    diff <(LC_ALL=C sort "$1") <(LC_ALL=C sort "$2") | head -20 >&2
    fail "$3: $(basename "$2") differs from one run's (sorted; see above)"
  fi
}

# one run over the whole corpus
mkdir -p "$WORK/one"
run "one run" "$WORK/one.log" --out "$WORK/one" --no-svg "${FILES[@]}"
run "one run" "$WORK/one/graph.csv" --format csv "${FILES[@]}"
ONE=$WORK/one/graph.nq

# the fixtures still hold the cases this test is about
grep -q '<https://w3id.org/ekg/id/person-marta-kowalczyk>' "$ONE" &&
  grep -q '<https://w3id.org/ekg/id/person-kowalczyk>' "$ONE" ||
  fail "tests/data/shards: Marta Kowalczyk is no longer found by full name and by surname"
ev=$(grep -o '<https://w3id.org/ekg/id/event-country-pol-criticises-country-rus-[0-9a-f]*> <http://groundedannotationframework.org/gaf#denotedBy> <[^>]*kowalczyk-[12][^>]*>' "$ONE" |
  sed 's/.*kowalczyk-\([12]\).*/\1/' | sort -u | paste -sd' ' -)
[[ $ev = "1 2" ]] || fail "tests/data/shards: 'Poland criticised Russia' is no longer one event in both Kowalczyk articles ($ev)"
grep -q '<https://w3id.org/ekg/id/facility-office-jpn> ' "$ONE" ||
  fail "tests/data/shards: 'the office in Japan' is no longer a thing of its own in one run"

for k in 1 2 8; do
  d=$WORK/k$k
  mkdir -p "$d"
  (cd "$d" && split -n "r/$k" -d -a 2 "$WORK/files" list.)
  # the map step: each shard apart, in parallel
  parallel -j2 --halt now,fail=1 \
    'xargs -d "\n" -a {} "$EKG" --partial --format nq --output {}.nq 2>{}.stderr' \
    ::: "$d"/list.* || { cat "$d"/*.stderr >&2; fail "k=$k: the map step failed"; }
  mapfile -t SHARDS < <(printf '%s\n' "$d"/list.*.nq | LC_ALL=C sort)
  [[ ${#SHARDS[@]} -eq $k ]] || fail "k=$k: ${#SHARDS[@]} shard outputs"
  # the reduce step
  mkdir -p "$d/out"
  run "k=$k merge" "$d/merge.log" merge --out "$d/out" --no-svg "${SHARDS[@]}"
  run "k=$k merge" "$d/out/graph.csv" merge --format csv "${SHARDS[@]}"
  sorted_same "$ONE" "$d/out/graph.nq" "k=$k"
  for f in graph.nq graph.nt graph.ttl graph.jsonld graph.dot graph.csv; do
    cmp -s "$WORK/one/$f" "$d/out/$f" || { diff "$WORK/one/$f" "$d/out/$f" | head -10 >&2
                                           fail "k=$k: merged $f differs from one run's"; }
  done
  note "k=$k: $k shards mapped with parallel and merged == one run (nq sorted; nq nt ttl jsonld dot csv byte-identical)"
  if [[ $k = 2 ]]; then
    # whole (not --partial) shards lose what is needed: the office would be merged away
    for s in "${SHARDS[@]}"; do
      run "k=2 whole shard" "${s%.nq}.whole.nq" --format nq $(cat "${s%.nq}")
    done
    run "k=2 merge of whole shards" "$d/whole.nq" merge --format nq "$d"/list.*.whole.nq
    if cmp -s <(LC_ALL=C sort "$ONE") <(LC_ALL=C sort "$d/whole.nq"); then
      fail "k=2: merging whole shards gives one run's graph: the office fixture no longer tests --partial"
    fi
    note "k=2: whole shards merged differ from one run (the office in Japan), as expected"
  fi
done

# a tree of merges: the shards of k=8 combined by twos (merge --partial), then merged
mapfile -t S8 < <(printf '%s\n' "$WORK"/k8/list.*.nq | LC_ALL=C sort)
for i in 0 2 4 6; do
  run "combiner" "$WORK/k8/pair$i.nq" merge --partial --format nq "${S8[$i]}" "${S8[$((i + 1))]}"
done
run "tree merge" "$WORK/k8/tree.nq" merge --format nq "$WORK"/k8/pair{6,4,2,0}.nq
cmp -s "$ONE" "$WORK/k8/tree.nq" || { sorted_same "$ONE" "$WORK/k8/tree.nq" "tree merge"
                                     fail "tree merge: same graph, other bytes"; }
note "merge --partial by pairs, then merge in reverse order: == one run"

# the JSON Lines map step of the README: ekg --stream --partial --jsonl - on stdin
need "$PY" python3
"$PY" -c '
import json, os, sys
for p in sys.argv[1:]:
    with open(p, encoding="utf-8") as f:
        print(json.dumps({"id": os.path.basename(p), "text": f.read()}))
' "${FILES[@]}" >"$WORK/corpus.jsonl"
run "jsonl one run" "$WORK/jsonl-one.nq" --jsonl "$WORK/corpus.jsonl" --format nq
mkdir -p "$WORK/jl"
(cd "$WORK/jl" && split -n r/2 -d "$WORK/corpus.jsonl" part.)
parallel -j2 --halt now,fail=1 \
  '"$EKG" --stream --partial --jsonl - --format nq <{} >{}.nq 2>{}.stderr' ::: "$WORK"/jl/part.0? ||
  { cat "$WORK"/jl/*.stderr >&2; fail "jsonl: the streaming map step failed"; }
cat "$WORK"/jl/part.0?.nq | run "jsonl merge" "$WORK/jsonl-merged.nq" merge --format nq -
sorted_same "$WORK/jsonl-one.nq" "$WORK/jsonl-merged.nq" "jsonl, --stream map, merge from stdin"
note "JSON Lines: --stream --partial --jsonl - per shard, cat | ekg merge - == one run"

# bad input: exit 3, FILE:LINE named, nothing written
bad() {   # bad NAME CONTENT WANT: a shard holding CONTENT fails with WANT in the message
  local f=$WORK/bad-$1.nq out=$WORK/bad-out rc=0
  printf '%s' "$2" >"$f"
  rm -rf "$out"
  mkdir -p "$out"
  "$EKG" merge --out "$out" --no-svg "${S8[0]}" "$f" 2>"$WORK/bad.stderr" || rc=$?
  [[ $rc = 3 ]] || { cat "$WORK/bad.stderr" >&2; fail "bad input $1: exit $rc, not 3"; }
  grep -q "$3" "$WORK/bad.stderr" || { cat "$WORK/bad.stderr" >&2; fail "bad input $1: no '$3' in the message"; }
  [[ -z $(ls -A "$out") ]] || fail "bad input $1: files left in the output dir: $(ls -A "$out")"
}
bad turtle '@prefix ex: <http://example.org/> .
ex:a ex:b ex:c .' "bad-turtle.nq:1"
bad foreign '<http://example.org/a> <http://example.org/b> <http://example.org/c> .
' "bad-foreign.nq:1:.*not a subject ekg writes"
bad predicate "$(head -n 3 "${S8[1]}")
<https://w3id.org/ekg/id/country-fra> <http://example.org/likes> <https://w3id.org/ekg/id/country-deu> .
" "bad-predicate.nq:4:"
bad blank '_:b1 <http://www.w3.org/2000/01/rdf-schema#label> "x" .
' "bad-blank.nq:1:.*blank node"
bad twice "$(cat "${S8[0]}")" "was in an earlier input already"
bad utf8 "$(head -n 2 "${S8[1]}")
<https://w3id.org/ekg/id/country-fra> <http://www.w3.org/2000/01/rdf-schema#label> \"Fr$(printf '\324\324')nce\"@en .
" "bad-utf8.nq:3: invalid UTF-8"
note "bad input: exit 3 with FILE:LINE, nothing written"
note "ok"
