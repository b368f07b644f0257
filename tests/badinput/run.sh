#!/usr/bin/env bash
# tests/badinput/run.sh EKG [ONTOLOGY_DIR] - the ekg command line against bad input.
#
# Each case runs ekg under a timeout and asserts
#   - the exit code (0 ok, 1 failure, 2 usage, 3 input, 4 ontology, 5 output),
#   - the message on stderr (a regular expression: it names the file, and the
#     line and column where they apply),
#   - that nothing was left behind or changed: every failing run gets
#     --out DIR where DIR holds the graph of a previous good run, whose
#     checksums must be unchanged afterwards, and no *.tmp.* file may remain,
#   - for runs that succeed, that the outputs still parse (rapper for Turtle
#     and N-Triples, python3 -m json.tool for JSON-LD, dot -Tsvg with an empty
#     stderr for DOT).
#
# Cases that cannot be tested here are skipped, and say why (e.g. chmod 000
# when running as root). Environment: BADINPUT_ONLY=REGEX runs matching cases
# only; BADINPUT_KEEP=1 keeps the work directory; BADINPUT_BIG=0 skips the
# 100 MB / 10^6-document / 50 MB cases; BADINPUT_TIMEOUT_SCALE=N multiplies every
# time limit (ctest sets it for sanitizer and valgrind builds, which are slower).
# Exit status: 0 if every case passed, 1 otherwise.
set -u

EKG=${1:?usage: run.sh EKG [ONTOLOGY_DIR]}
EKG=$(cd "$(dirname "$EKG")" && pwd)/$(basename "$EKG")
here=$(cd "$(dirname "$0")" && pwd)
ONTO=${2:-$here/../../ontology}
CORPUS=$here/../../corpus
export LC_ALL=C SOURCE_DATE_EPOCH=1700000000
# sanitizer builds: third-party leaks are not ekg's, and LSan must not talk on stderr
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/../lsan.supp:print_suppressions=0}
unset EKG_ONTOLOGY
SCALE=${BADINPUT_TIMEOUT_SCALE:-1}

T=$(mktemp -d "${TMPDIR:-/tmp}/ekg-badinput.XXXXXX") || exit 1
cleanup() {
    chmod -R u+rwx "$T" 2>/dev/null
    [ -n "${BADINPUT_KEEP:-}" ] && { echo "kept $T"; return; }
    rm -rf "$T"
}
trap cleanup EXIT

pass=0 fail=0 skip=0
failed_names=""
is_root=0
[ "$(id -u)" = 0 ] && is_root=1

# ---- helpers ----

note() { printf '%s\n' "$*" >&2; }

# run TIMEOUT ARGS...: runs ekg; sets $rc, $out (stdout file), $err (stderr file), $secs,
# and $limit (TIMEOUT times BADINPUT_TIMEOUT_SCALE)
run() {
    limit=$(($1 * SCALE))
    shift
    out=$T/stdout err=$T/stderr
    local t0 t1
    t0=$(date +%s.%N)
    timeout -k 5 "$limit" "$EKG" "$@" >"$out" 2>"$err"
    rc=$?
    t1=$(date +%s.%N)
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
}

# checksums of every file in a directory, names included
sums() { (cd "$1" && find . -type f | LC_ALL=C sort | xargs -r sha256sum); }

GOOD=$T/good   # --out DIR with the graph of a previous good run
good_sums=""
reset_good() {
    rm -rf "$GOOD"
    mkdir -p "$GOOD"
    cp -p "$T/reference"/* "$GOOD"/
    good_sums=$(sums "$GOOD")
}

# result NAME PROBLEM...: records a pass (no problem given) or a failure
case_name=""
problems=""
begin() {
    case_name=$1
    problems=""
    [ -n "${BADINPUT_ONLY:-}" ] && ! printf '%s' "$case_name" | grep -Eq -- "$BADINPUT_ONLY" && return 1
    reset_good
    return 0
}
problem() { problems="$problems
    - $*"; }
finish() {
    if [ -z "$problems" ]; then
        pass=$((pass + 1))
        printf 'ok    %-44s (%ss)\n' "$case_name" "${secs:-0}"
    else
        fail=$((fail + 1))
        failed_names="$failed_names $case_name"
        printf 'FAIL  %-44s (%ss)%s\n' "$case_name" "${secs:-0}" "$problems"
        if [ -s "$err" ]; then
            printf '      stderr: '
            head -c 600 "$err" | sed '2,$s/^/              /'
            echo
        fi
    fi
}
skipped() {
    skip=$((skip + 1))
    printf 'skip  %-44s %s\n' "$case_name" "$*"
}

expect_rc() { [ "$rc" = "$1" ] || problem "exit code $rc, want $1"; }
expect_err() { grep -Eq -- "$1" "$err" || problem "stderr does not match /$1/"; }
expect_no_err() {
    if [ -s "$err" ]; then problem "stderr is not empty"; fi
}
expect_not_err() { ! grep -Eq -- "$1" "$err" || problem "stderr matches /$1/"; }
# the previous good graph is unchanged and no temporary file remains
expect_untouched() {
    local d=${1:-$GOOD}
    [ "$(sums "$GOOD")" = "$good_sums" ] || problem "$GOOD changed by a failing run"
    local tmp
    tmp=$(find "$d" "$T/in" -name '*.tmp.*' 2>/dev/null | head -n 3)
    [ -z "$tmp" ] || problem "temporary files left: $tmp"
}
# the outputs in DIR parse with the real tools
expect_parses() {
    local d=$1 f
    for f in ttl nt nq jsonld dot; do
        [ -f "$d/graph.$f" ] || { problem "graph.$f missing"; return; }
    done
    for f in ttl jsonld dot; do
        [ -s "$d/graph.$f" ] || { problem "graph.$f empty"; return; }
    done
    rapper -q -i turtle -o ntriples "$d/graph.ttl" >/dev/null 2>"$T/parse.err" ||
        problem "graph.ttl does not parse: $(head -c 200 "$T/parse.err")"
    rapper -q -i ntriples -o ntriples "$d/graph.nt" >/dev/null 2>"$T/parse.err" ||
        problem "graph.nt does not parse: $(head -c 200 "$T/parse.err")"
    rapper -q -i nquads -o nquads "$d/graph.nq" >/dev/null 2>"$T/parse.err" ||
        problem "graph.nq does not parse: $(head -c 200 "$T/parse.err")"
    python3 -m json.tool "$d/graph.jsonld" >/dev/null 2>"$T/parse.err" ||
        problem "graph.jsonld is not JSON: $(head -c 200 "$T/parse.err")"
    dot -Tsvg "$d/graph.dot" >/dev/null 2>"$T/parse.err"
    [ $? = 0 ] && [ ! -s "$T/parse.err" ] ||
        problem "dot -Tsvg complains: $(head -c 200 "$T/parse.err")"
    [ -z "$(find "$d" -name '*.tmp.*')" ] || problem "temporary files left in $d"
}
# a fresh output directory
fresh() {
    rm -rf "$T/o"
    mkdir -p "$T/o"
}
# the --stats line without the timing: "N documents, ... mentions"
stats_of() { sed -n 's/^ekg: \(.*mentions\);.*/\1/p' "$err"; }

mkdir -p "$T/in"
I=$T/in

# ---- the reference: a previous good graph ----
mkdir -p "$T/o"
run 120 --ontology "$ONTO" --out "$T/o" "$CORPUS/000_0e28c55775f8bc0f.txt"
if [ "$rc" != 0 ] || [ ! -s "$T/o/graph.ttl" ]; then
    note "badinput: cannot make the reference graph (exit $rc):"
    cat "$err" >&2
    exit 1
fi
mv "$T/o" "$T/reference"
printf 'France opposed the plan on Monday, the ministry said.\n' >"$I/good.txt"

# ============================ input files ============================

if begin missing-file; then
    run 30 --ontology "$ONTO" --out "$GOOD" "$I/nope.txt"
    expect_rc 3
    expect_err "^ekg: error: $I/nope.txt: No such file or directory$"
    expect_untouched
    finish
fi

if begin missing-second-file; then   # the first file is fine: still nothing written
    run 30 --ontology "$ONTO" --out "$GOOD" "$I/good.txt" "$I/nope.txt"
    expect_rc 3
    expect_err "^ekg: error: $I/nope.txt: No such file or directory$"
    expect_untouched
    finish
fi

if begin directory; then
    mkdir -p "$I/adir"
    run 30 --ontology "$ONTO" --out "$GOOD" "$I/adir"
    expect_rc 3
    expect_err "^ekg: error: $I/adir: (is a directory|Is a directory)$"
    expect_untouched
    finish
fi

if begin unreadable-file; then
    printf 'France opposed it.\n' >"$I/secret.txt"
    chmod 000 "$I/secret.txt"
    if [ "$is_root" = 1 ] || cat "$I/secret.txt" >/dev/null 2>&1; then
        skipped "running as root: chmod 000 does not stop root from reading"
    else
        run 30 --ontology "$ONTO" --out "$GOOD" "$I/secret.txt"
        expect_rc 3
        expect_err "^ekg: error: $I/secret.txt: Permission denied$"
        expect_untouched
        finish
    fi
    chmod 644 "$I/secret.txt"
fi

if begin empty-file; then
    : >"$I/empty.txt"
    fresh
    run 30 --ontology "$ONTO" --out "$T/o" "$I/empty.txt"
    expect_rc 0
    expect_err "^ekg: warning: $I/empty.txt: empty file$"
    expect_parses "$T/o"
    finish
fi

if begin only-whitespace; then
    printf '  \n\t\n\r\n   \n\n' >"$I/ws.txt"
    fresh
    run 30 --ontology "$ONTO" --out "$T/o" "$I/ws.txt"
    expect_rc 0
    expect_not_err "error"
    expect_parses "$T/o"
    finish
fi

if begin binary-data; then
    # deterministic pseudo-random bytes (an LCG), 64 KiB
    awk 'BEGIN { x = 12345; for (i = 0; i < 65536; i++) { x = (x * 1103515245 + 12345) % 2147483648;
                 printf "%c", int(x / 65536) % 256 } }' >"$I/binary.bin"
    fresh
    run 60 --ontology "$ONTO" --out "$T/o" "$I/binary.bin"
    expect_rc 0
    expect_err "^ekg: warning: ($I/)?binary.bin:[0-9]+:[0-9]+: invalid UTF-8"
    expect_parses "$T/o"
    finish
fi

if begin nul-bytes; then
    printf 'France\0 opposed\0 the plan.\n' >"$I/nul.txt"
    fresh
    run 30 --ontology "$ONTO" --out "$T/o" "$I/nul.txt"
    expect_rc 0
    expect_err "^ekg: warning: ($I/)?nul.txt:1:7: "
    expect_parses "$T/o"
    ! grep -q '\\u0000' "$T/o/graph.nt" || problem "a NUL reached the N-Triples"
    finish
fi

if begin invalid-utf8; then
    printf 'France opposed the plan.\nZ\xfcrich said \xff no.\n' >"$I/bad.txt"
    fresh
    run 30 --ontology "$ONTO" --out "$T/o" "$I/bad.txt"
    expect_rc 0
    expect_err "^ekg: warning: ($I/)?bad.txt:2:2: invalid UTF-8"
    expect_err "^ekg: warning: ($I/)?bad.txt:2:13: invalid UTF-8"
    expect_parses "$T/o"
    finish
fi

if begin warning-names-the-path-given; then
    # two files called doc.txt in different directories: the warning must say which
    mkdir -p "$I/a" "$I/b"
    printf 'France opposed the plan.\n' >"$I/a/doc.txt"
    printf 'Japan \xff opposed it.\n' >"$I/b/doc.txt"
    fresh
    run 30 --ontology "$ONTO" --out "$T/o" "$I/a/doc.txt" "$I/b/doc.txt"
    expect_rc 3   # two documents with the same id (the base name)...
    expect_err "^ekg: error: $I/b/doc.txt: duplicate document id"
    run 30 --ontology "$ONTO" --out "$T/o" "$I/b/doc.txt"
    expect_rc 0
    expect_err "^ekg: warning: $I/b/doc.txt:1:7: invalid UTF-8"
    finish
fi

if begin truncated-utf8-at-eof; then
    printf 'Paris opposed Berlin. \xe2\x82' >"$I/trunc.txt"
    fresh
    run 30 --ontology "$ONTO" --out "$T/o" "$I/trunc.txt"
    expect_rc 0
    expect_err "^ekg: warning: ($I/)?trunc.txt:1:23: invalid UTF-8"
    expect_parses "$T/o"
    finish
fi

if begin overlong-encodings; then
    # "/" as 2, 3 and 4 bytes; a UTF-16 surrogate; a code point above U+10FFFF
    printf 'a\xc0\xafb\n\xe0\x80\xafc\n\xf0\x80\x80\xafd\n\xed\xa0\x80e\n\xf4\x90\x80\x80f\n' >"$I/overlong.txt"
    fresh
    run 30 --ontology "$ONTO" --out "$T/o" "$I/overlong.txt"
    expect_rc 0
    for lc in 1:2 2:1 3:1 4:1 5:1; do
        expect_err "^ekg: warning: ($I/)?overlong.txt:$lc: invalid UTF-8"
    done
    expect_parses "$T/o"
    ! grep -qa $'\xc0\xaf' "$T/o/graph.nt" || problem "overlong bytes copied to the output"
    finish
fi

if begin utf8-bom; then
    printf '\xef\xbb\xbfFrance opposed the plan on Monday.\n' >"$I/bom.txt"
    fresh
    run 30 --ontology "$ONTO" --out "$T/o" "$I/bom.txt"
    expect_rc 0
    expect_no_err
    expect_parses "$T/o"
    ! grep -qa $'\xef\xbb\xbf' "$T/o/graph.nt" "$T/o/graph.ttl" || problem "the BOM reached the output"
    ! grep -q 'uFEFF' "$T/o/graph.nt" || problem "the BOM reached the output (escaped)"
    finish
fi

# same graph shape with LF, CRLF and lone CR line ends
for le in crlf cr; do
    if begin "line-ends-$le"; then
        mkdir -p "$I/lf" "$I/$le"
        cp "$CORPUS/001_e90d23aa7456f99e.txt" "$I/lf/doc.txt"
        if [ "$le" = crlf ]; then sed 's/$/\r/' "$I/lf/doc.txt" >"$I/$le/doc.txt"; else tr '\n' '\r' <"$I/lf/doc.txt" >"$I/$le/doc.txt"; fi
        run 60 --ontology "$ONTO" --format nt --stats "$I/lf/doc.txt"
        want=$(stats_of)
        fresh
        run 60 --ontology "$ONTO" --out "$T/o" --stats "$I/$le/doc.txt"
        expect_rc 0
        got=$(stats_of)
        [ -n "$want" ] && [ "$got" = "$want" ] || problem "with $le: '$got', with LF: '$want'"
        expect_parses "$T/o"
        ! grep -q '\\r' "$T/o/graph.nt" || problem "a CR reached a literal"
        finish
    fi
done

if [ "${BADINPUT_BIG:-1}" != 0 ] && begin line-100mb-no-newline; then
    # above the 64 MiB document limit: refused quickly, with the file named
    awk 'BEGIN { s = "France opposed Japan and "; while (length(s) < 1048576) s = s s;
                 s = substr(s, 1, 1048576); for (i = 0; i < 100; i++) printf "%s", s }' >"$I/huge.txt"
    run 120 --ontology "$ONTO" --out "$GOOD" "$I/huge.txt"
    expect_rc 3
    expect_err "^ekg: error: ($I/)?huge.txt: document too large"
    expect_untouched
    finish
    # with threads, the error of the first document that fails in input order is the
    # one reported, as with one thread: not the missing file that the reader meets later
    if begin line-100mb-jobs-first-error-wins; then
        printf 'France opposed Japan.\n' >"$I/small.txt"
        run 120 --ontology "$ONTO" --out "$GOOD" --jobs 2 "$I/small.txt" "$I/huge.txt" \
            "$I/small.txt.missing"
        expect_rc 3
        expect_err "^ekg: error: ($I/)?huge.txt: document too large"
        expect_not_err "small.txt.missing"
        expect_untouched
        finish
    fi
    rm -f "$I/huge.txt"
fi

if [ "${BADINPUT_BIG:-1}" != 0 ] && begin line-4mb-no-newline; then
    # below the limit: analysed in bounded time (one event mentioned ~170000 times:
    # linear is seconds, quadratic is many minutes)
    awk 'BEGIN { s = "France opposed Japan and "; while (length(s) < 1048576) s = s s;
                 s = substr(s, 1, 1048576); for (i = 0; i < 4; i++) printf "%s", s }' >"$I/long.txt"
    fresh
    run 120 --ontology "$ONTO" --out "$T/o" "$I/long.txt"
    [ "$rc" != 124 ] || problem "did not finish in $limit s"
    expect_rc 0
    [ "$rc" = 124 ] || expect_parses "$T/o"
    rm -f "$I/long.txt"
    finish
fi

if [ "${BADINPUT_BIG:-1}" != 0 ] && begin many-names-one-document; then
    # one document naming 20,000 organisations, then 100,000 short sentences with names:
    # linear (about 1 s; a search through every name of the document for each capitalised
    # word took minutes)
    awk 'BEGIN { for (i = 0; i < 20000; i++) printf "The Foo%d Bar%d Council (FBC) met. ", i, i;
                 for (i = 0; i < 50000; i++) printf "ADB and UN. Jane Roe said it. "; print "" }' >"$I/many.txt"
    fresh
    run 60 --ontology "$ONTO" --format nt --output "$T/o/graph.nt" --stats "$I/many.txt"
    [ "$rc" != 124 ] || problem "did not finish in $limit s"
    expect_rc 0
    expect_err "^ekg: 1 documents, 120000 sentences, 20001 entities"
    rm -f "$I/many.txt"
    finish
fi

if [ "${BADINPUT_BIG:-1}" != 0 ] && begin many-references-one-document; then
    # 160,000 sentences of descriptors, anaphors and things to resolve: linear (about 1 s;
    # a search back through every earlier mention for each took 51 s)
    awk 'BEGIN { for (i = 0; i < 40000; i++) printf "The French leader said it. The alliance said it. NATO proposed the Tokyo office. The plan was criticised by China. "; print "" }' >"$I/refs.txt"
    fresh
    run 60 --ontology "$ONTO" --format nt --output "$T/o/graph.nt" --stats "$I/refs.txt"
    [ "$rc" != 124 ] || problem "did not finish in $limit s"
    expect_rc 0
    expect_err "^ekg: 1 documents, 160000 sentences, [0-9]+ entities, 1 events, 40000 mentions"
    rm -f "$I/refs.txt"
    finish
fi

# ============================ JSON Lines ============================

if [ "${BADINPUT_BIG:-1}" != 0 ] && begin jsonl-million-documents; then
    awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "{\"id\":%d,\"text\":\"x\"}\n", i }' >"$I/million.jsonl"
    fresh
    run 600 --ontology "$ONTO" --jsonl "$I/million.jsonl" --format nt --output "$T/o/graph.nt" --stats
    [ "$rc" != 124 ] || problem "did not finish in $limit s"
    expect_rc 0
    expect_err "^ekg: 1000000 documents"
    rm -f "$I/million.jsonl"
    finish
fi

if [ "${BADINPUT_BIG:-1}" != 0 ] && begin jsonl-repeated-event-200k; then
    # 200000 documents with the same event: bounded time (linear: ~10 s)
    awk 'BEGIN { for (i = 0; i < 200000; i++) printf "{\"id\":%d,\"text\":\"France opposed Japan.\"}\n", i }' >"$I/rep.jsonl"
    fresh
    run 120 --ontology "$ONTO" --jsonl "$I/rep.jsonl" --format nt --output "$T/o/graph.nt" --stats
    [ "$rc" != 124 ] || problem "did not finish in $limit s"
    expect_rc 0
    rm -f "$I/rep.jsonl"
    finish
fi

if begin jsonl-bad-json; then
    printf '{"id": "a", "text": "France opposed it."}\n{"id": "b", "text": }\n' >"$I/bad.jsonl"
    run 30 --ontology "$ONTO" --out "$GOOD" --jsonl "$I/bad.jsonl"
    expect_rc 3
    expect_err "^ekg: error: $I/bad.jsonl:2:[0-9]+: invalid JSON"
    expect_untouched
    finish
fi

if begin jsonl-bad-json-column; then
    printf '\n\n   {"id": "a", "text": "x",}\n' >"$I/col.jsonl"
    run 30 --ontology "$ONTO" --out "$GOOD" --jsonl "$I/col.jsonl"
    expect_rc 3
    # the column counts from the start of the line, leading blanks included
    expect_err "^ekg: error: $I/col.jsonl:3:28: invalid JSON"
    expect_untouched
    finish
fi

if begin jsonl-truncated-last-line; then
    printf '{"id": "a", "text": "France opposed it."}\n{"id": "b", "text": "cut' >"$I/cut.jsonl"
    run 30 --ontology "$ONTO" --out "$GOOD" --jsonl "$I/cut.jsonl"
    expect_rc 3
    expect_err "^ekg: error: $I/cut.jsonl:2:[0-9]+: invalid JSON"
    expect_untouched
    finish
fi

if begin jsonl-missing-text; then
    printf '{"id": "a", "title": "no text"}\n' >"$I/notext.jsonl"
    run 30 --ontology "$ONTO" --out "$GOOD" --jsonl "$I/notext.jsonl"
    expect_rc 3
    expect_err "^ekg: error: $I/notext.jsonl:1:1: \"text\" is missing or not a string$"
    expect_untouched
    finish
fi

if begin jsonl-text-not-string; then
    printf '{"id": "a", "text": "ok"}\n{"id": "b", "text": 42}\n' >"$I/type.jsonl"
    run 30 --ontology "$ONTO" --out "$GOOD" --jsonl "$I/type.jsonl"
    expect_rc 3
    expect_err "^ekg: error: $I/type.jsonl:2:1: \"text\" is missing or not a string$"
    expect_untouched
    finish
fi

if begin jsonl-id-wrong-type; then
    printf '{"id": [1, 2], "text": "France opposed it."}\n' >"$I/idtype.jsonl"
    run 30 --ontology "$ONTO" --out "$GOOD" --jsonl "$I/idtype.jsonl"
    expect_rc 3
    expect_err "^ekg: error: $I/idtype.jsonl:1:1: \"id\" must be a string or an integer$"
    expect_untouched
    finish
fi

if begin jsonl-line-not-object; then
    printf '["id", "text"]\n' >"$I/array.jsonl"
    run 30 --ontology "$ONTO" --out "$GOOD" --jsonl "$I/array.jsonl"
    expect_rc 3
    expect_err "^ekg: error: $I/array.jsonl:1:1: a line must be a JSON object$"
    expect_untouched
    finish
fi

if begin jsonl-duplicate-ids; then
    printf '{"id": "a", "text": "France opposed it."}\n{"id": "b", "text": "x"}\n{"id": "a", "text": "Again."}\n' >"$I/dup.jsonl"
    run 30 --ontology "$ONTO" --out "$GOOD" --jsonl "$I/dup.jsonl"
    expect_rc 3
    expect_err "^ekg: error: $I/dup.jsonl:3:1: .*duplicate document id"
    expect_untouched
    finish
fi

# --jobs 2: documents are extracted by threads while the main thread reads the next
# ones (a queue of at most 4096); errors must still name the line, as with one thread
if begin jsonl-duplicate-ids-jobs; then   # the repeat is in another batch and another thread
    awk 'BEGIN { for (i = 1; i <= 5000; i++) printf "{\"id\":%d,\"text\":\"France opposed Japan.\"}\n", i % 4001 }' >"$I/dupj.jsonl"
    run 60 --ontology "$ONTO" --out "$GOOD" --jobs 2 --jsonl "$I/dupj.jsonl"
    expect_rc 3
    expect_err "^ekg: error: $I/dupj.jsonl:4002:1: duplicate document id$"
    expect_untouched
    finish
fi

if begin jsonl-bad-json-jobs; then   # after two full batches
    awk 'BEGIN { for (i = 1; i <= 5000; i++) printf "{\"id\":%d,\"text\":\"France opposed Japan.\"}\n", i; print "{\"id\": 0, \"text\": }" }' >"$I/badj.jsonl"
    run 60 --ontology "$ONTO" --out "$GOOD" --jobs 2 --jsonl "$I/badj.jsonl"
    expect_rc 3
    expect_err "^ekg: error: $I/badj.jsonl:5001:19: invalid JSON"
    expect_untouched
    finish
fi

if begin files-duplicate-ids-jobs; then   # two files with one name in two directories
    mkdir -p "$I/ja" "$I/jb"
    printf 'France opposed Japan.\n' >"$I/ja/doc.txt"
    printf 'France opposed Japan.\n' >"$I/jb/doc.txt"
    run 30 --ontology "$ONTO" --out "$GOOD" --jobs 2 "$I/ja/doc.txt" "$I/jb/doc.txt"
    expect_rc 3
    expect_err "^ekg: error: $I/jb/doc.txt: duplicate document id$"
    expect_untouched
    finish
fi

if begin jsonl-duplicate-ids-string-and-int; then   # "7" and 7 name the same document
    printf '{"id": "7", "text": "France opposed it."}\n{"id": 7, "text": "x"}\n' >"$I/dup2.jsonl"
    run 30 --ontology "$ONTO" --out "$GOOD" --jsonl "$I/dup2.jsonl"
    expect_rc 3
    expect_err "^ekg: error: $I/dup2.jsonl:2:1: .*duplicate document id"
    expect_untouched
    finish
fi

if begin jsonl-duplicate-key; then
    printf '{"id": "a", "text": "x", "text": "y"}\n' >"$I/dupkey.jsonl"
    run 30 --ontology "$ONTO" --out "$GOOD" --jsonl "$I/dupkey.jsonl"
    expect_rc 3
    expect_err "^ekg: error: $I/dupkey.jsonl:1:[0-9]+: invalid JSON: duplicate object key"
    expect_untouched
    finish
fi

if begin jsonl-invalid-utf8-in-string; then
    printf '{"id": "a", "text": "Z\xfcrich"}\n' >"$I/u8.jsonl"
    run 30 --ontology "$ONTO" --out "$GOOD" --jsonl "$I/u8.jsonl"
    expect_rc 3
    expect_err "^ekg: error: $I/u8.jsonl:1:[0-9]+: invalid JSON"
    expect_untouched
    finish
fi

if begin jsonl-nul-in-id; then   # "a\u0000b" and "a\u0000c" must stay two documents
    printf '{"id": "a\\u0000b", "text": "France opposed it."}\n{"id": "a\\u0000c", "text": "Japan opposed it."}\n' >"$I/nulid.jsonl"
    fresh
    run 30 --ontology "$ONTO" --out "$T/o" --jsonl "$I/nulid.jsonl" --stats
    if [ "$rc" = 0 ]; then
        expect_err "^ekg: 2 documents"
        expect_parses "$T/o"
    else   # or refused as such, not as a duplicate
        expect_rc 3
        expect_err "^ekg: error: $I/nulid.jsonl:1:[0-9]+: .*(NUL|\\\\u0000)"
    fi
    finish
fi

if begin jsonl-empty-file; then
    : >"$I/empty.jsonl"
    fresh
    run 30 --ontology "$ONTO" --out "$T/o" --jsonl "$I/empty.jsonl"
    expect_rc 0
    expect_parses "$T/o"
    finish
fi

if [ "${BADINPUT_BIG:-1}" != 0 ] && begin jsonl-50mb-string; then
    awk 'BEGIN { s = "France opposed Japan. "; while (length(s) < 1048576) s = s s;
                 s = substr(s, 1, 1048576); printf "{\"id\": \"big\", \"text\": \"";
                 for (i = 0; i < 50; i++) printf "%s", s; printf "\"}\n" }' >"$I/big.jsonl"
    fresh
    run 600 --ontology "$ONTO" --jsonl "$I/big.jsonl" --format nt --output "$T/o/graph.nt"
    [ "$rc" != 124 ] || problem "did not finish in $limit s"
    expect_rc 0
    [ "$rc" = 124 ] || rapper -q -i ntriples -c "$T/o/graph.nt" 2>/dev/null || problem "graph.nt does not parse"
    rm -f "$I/big.jsonl"
    finish
fi

# ============================ ontology ============================

if begin ontology-syntax-error; then
    cp -r "$ONTO" "$T/onto-bad"
    # a syntax error on a new last line of ekg.ttl; a column, when given, is >= 1
    bad=$(($(wc -l <"$ONTO/ekg.ttl") + 1))
    printf 'ekg:broken a <https://broken .\n' >>"$T/onto-bad/ekg.ttl"
    run 30 --ontology "$T/onto-bad" --out "$GOOD" "$I/good.txt"
    expect_rc 4
    expect_err "^ekg: error: $T/onto-bad/ekg.ttl:$bad(:[1-9][0-9]*)?: syntax error"
    expect_untouched
    finish
fi

if begin ontology-undeclared-prefix; then
    cp -r "$ONTO" "$T/onto-bad2"
    { printf 'undeclared:x a undeclared:Y .\n'; cat "$ONTO/ekg.ttl"; } >"$T/onto-bad2/ekg.ttl"
    run 30 --ontology "$T/onto-bad2" --out "$GOOD" "$I/good.txt"
    expect_rc 4
    expect_err "^ekg: error: $T/onto-bad2/ekg.ttl:1(:[1-9][0-9]*)?: "
    expect_untouched
    finish
fi

if begin ontology-missing-dir; then
    run 30 --ontology "$T/no-such-ontology" --out "$GOOD" "$I/good.txt"
    expect_rc 4
    expect_err "^ekg: error: $T/no-such-ontology: "
    expect_untouched
    finish
fi

if begin ontology-empty-dir; then
    mkdir -p "$T/onto-empty"
    run 30 --ontology "$T/onto-empty" --out "$GOOD" "$I/good.txt"
    expect_rc 4
    expect_err "^ekg: error: $T/onto-empty: "
    expect_untouched
    finish
fi

# ============================ hostile strings ============================

HOSTILE='President "Bob\" O'"'"'Brien <b>of</b> Acme{Corp}|^` Inc. criticised France on July 4, 2023.
"@id": "x", {"@context": null} \u0000 \\ \n digraph G { a -> b; } ]]> <!-- --> &amp; &#0;
Mr. Hans "The \"Boss\"" M{u}ller@Acme said Germany <https://evil/> opposed the plan.'

if begin hostile-text; then
    printf '%s\n' "$HOSTILE" >"$I/hostile.txt"
    fresh
    run 30 --ontology "$ONTO" --out "$T/o" "$I/hostile.txt"
    expect_rc 0
    expect_parses "$T/o"
    finish
fi

# A name longer than the 511 bytes a surface keeps, of 3-byte characters: found by
# fuzz_pipeline, --explain wrote the label cut inside a character (invalid UTF-8)
if begin long-multibyte-name; then
    fresh
    run 30 --ontology "$ONTO" --out "$T/o" --explain \
        "$here/../fuzz/crashes/fuzz_pipeline/explain-surface-cut-mid-character"
    expect_rc 0
    expect_parses "$T/o"
    grep -q 'would-be' "$out" || problem "--explain has no event with the long name"
    python3 -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8")' "$out" 2>/dev/null ||
        problem "--explain wrote invalid UTF-8"
    finish
fi

if begin hostile-file-name; then
    name='we"ird <name> {x}|^`\#%20@id.txt'
    printf '%s\n' "$HOSTILE" >"$I/$name"
    fresh
    run 30 --ontology "$ONTO" --out "$T/o" "$I/$name"
    expect_rc 0
    expect_parses "$T/o"
    finish
fi

if begin hostile-jsonl-fields; then
    python3 - "$I/hostile.jsonl" "$HOSTILE" <<'EOF'
import json, sys
t = sys.argv[2]
rows = [
    {"id": "<>{}|^`\"\\ @id #x ?y", "title": "\"@id\" <script>alert(1)</script> {a}",
     "url": "not a url {} <> \"", "source": "\\\" @context", "date": "July 4, 2023", "text": t},
    {"id": "line\nbreak\ttab", "title": "Head\nline", "url": "https://example.org/a?b=1&c=<2>",
     "source": "Le \"Monde\"", "text": "Germany opposed France.\n" + t},
]
with open(sys.argv[1], "w") as f:
    for r in rows:
        f.write(json.dumps(r) + "\n")
EOF
    fresh
    run 30 --ontology "$ONTO" --out "$T/o" --jsonl "$I/hostile.jsonl"
    expect_rc 0
    expect_parses "$T/o"
    finish
fi

if begin carriage-return-in-title; then
    # a CR but no LF in a literal: Turtle short strings may not hold a raw CR
    printf '{"id": "cr", "title": "Head\\rline", "text": "France opposed the plan on Monday."}\n' >"$I/cr.jsonl"
    fresh
    run 30 --ontology "$ONTO" --out "$T/o" --jsonl "$I/cr.jsonl"
    expect_rc 0
    expect_parses "$T/o"
    finish
fi

if begin carriage-return-in-file-name; then
    name=$(printf 'cr\rname.txt')
    printf 'France opposed the plan on Monday.\n' >"$I/$name"
    fresh
    run 30 --ontology "$ONTO" --out "$T/o" "$I/$name"
    expect_rc 0
    expect_parses "$T/o"
    finish
fi

# ============================ outputs ============================

if begin stdout-dev-full; then
    if [ -w /dev/full ]; then
        # run() redirects stdout itself: do it by hand
        timeout $((30 * SCALE)) "$EKG" --ontology "$ONTO" --format nt "$I/good.txt" >/dev/full 2>"$T/stderr"
        rc=$? err=$T/stderr
        expect_rc 5
        expect_err "^ekg: error: stdout: write error: No space left on device$"
        finish
    else
        skipped "no /dev/full"
    fi
fi

if begin stdout-dev-full-jobs; then
    if [ -w /dev/full ]; then
        # --jobs 2 writes through a thread of its own, in 1 MB blocks: a failure in the
        # middle (20,000 documents, 4 MB of N-Triples) and in the last block
        awk 'BEGIN { for (i = 0; i < 20000; i++)
            printf "{\"id\": \"d%d\", \"text\": \"France opposed the plan of Germany on Monday.\"}\n", i }' \
            >"$I/many.jsonl"
        for input in "--jsonl $I/many.jsonl" "$I/good.txt"; do
            # shellcheck disable=SC2086
            timeout $((60 * SCALE)) "$EKG" --ontology "$ONTO" --jobs 2 --format nt $input \
                >/dev/full 2>"$T/stderr"
            rc=$? err=$T/stderr
            expect_rc 5
            expect_err "^ekg: error: stdout: .*No space left on device$"
        done
        finish
    else
        skipped "no /dev/full"
    fi
fi

if begin output-dev-full; then
    # --output FILE where FILE is a device: write to it, do not replace it.
    # As root, --output /dev/full would replace the system's /dev/full, so the
    # test uses a private device node with the same numbers.
    # (ekg writes FILE.tmp.PID and renames it over FILE: as root that would
    # replace /dev/full itself, so root gets a private node with its numbers)
    dev=/dev/full
    if [ "$is_root" = 1 ] || [ -w /dev ]; then
        dev=$T/full
        mknod "$dev" c 1 7 2>/dev/null || dev=""
    fi
    if [ -z "$dev" ] || [ ! -c "$dev" ]; then
        skipped "cannot make a device node"
    else
        run 30 --ontology "$ONTO" --format nt --output "$dev" "$I/good.txt"
        expect_rc 5
        expect_err "^ekg: error: $dev: .*No space left on device$"
        [ -c "$dev" ] || problem "$dev is no longer a device: ekg replaced it"
        [ -z "$(find "$(dirname "$dev")" -maxdepth 1 -name "$(basename "$dev").tmp.*" 2>/dev/null)" ] ||
            problem "temporary file left next to $dev"
        finish
    fi
fi

if begin output-dev-stdout; then
    # /dev/stdout is a common way to name standard output. A private link to
    # /proc/self/fd/1 stands for it, so that a rename cannot replace the real one.
    ln -s /proc/self/fd/1 "$T/stdout-link"
    run 30 --ontology "$ONTO" --format nt --output "$T/stdout-link" "$I/good.txt"
    expect_rc 0
    [ -s "$out" ] || problem "nothing on stdout"
    [ -L "$T/stdout-link" ] || problem "the link to /proc/self/fd/1 was replaced by a file"
    finish
fi

if begin clean-dev-full; then
    timeout $((30 * SCALE)) "$EKG" --clean "$I/good.txt" >/dev/full 2>"$T/stderr"
    rc=$? err=$T/stderr secs=0
    expect_rc 5
    expect_err "^ekg: error: .*(No space left on device|write)"
    finish
fi

if begin out-dir-unwritable; then
    mkdir -p "$T/ro"
    chmod 555 "$T/ro"
    if [ "$is_root" = 1 ] || touch "$T/ro/x" 2>/dev/null; then
        # root writes anywhere; a directory nobody may create files in: /proc
        ro=/proc/1
    else
        ro=$T/ro
    fi
    run 30 --ontology "$ONTO" --out "$ro" "$I/good.txt"
    expect_rc 5
    expect_err "^ekg: error: $ro/graph.ttl: cannot create: "
    chmod 755 "$T/ro"
    finish
fi

if begin out-is-a-file; then
    printf 'keep me\n' >"$T/plain"
    before=$(sha256sum <"$T/plain")
    run 30 --ontology "$ONTO" --out "$T/plain" "$I/good.txt"
    expect_rc 5
    expect_err "^ekg: error: $T/plain: not a directory$"
    [ "$(sha256sum <"$T/plain")" = "$before" ] || problem "$T/plain changed"
    finish
fi

if begin out-dir-missing; then
    run 30 --ontology "$ONTO" --out "$T/no/such/dir" "$I/good.txt"
    expect_rc 5
    expect_err "^ekg: error: $T/no/such/dir: "
    [ ! -e "$T/no" ] || problem "created $T/no"
    finish
fi

if begin out-dir-partial-failure; then
    # graph.nt cannot be renamed into place (a directory is in the way): no
    # output of the set may be replaced, or the directory mixes two runs
    rm -f "$GOOD/graph.nt"
    mkdir "$GOOD/graph.nt"
    good_sums=$(sums "$GOOD")
    run 30 --ontology "$ONTO" --out "$GOOD" "$I/good.txt"
    expect_rc 5
    expect_err "^ekg: error: $GOOD/graph.nt: "
    expect_untouched
    finish
fi

if begin output-file-kept-on-failure; then
    # --output FILE holds a previous result; a failing run must not touch it
    cp "$T/reference/graph.nt" "$T/prev.nt"
    before=$(sha256sum <"$T/prev.nt")
    run 30 --ontology "$ONTO" --format nt --output "$T/prev.nt" "$I/nope.txt"
    expect_rc 3
    [ "$(sha256sum <"$T/prev.nt")" = "$before" ] || problem "$T/prev.nt changed"
    [ -z "$(find "$T" -maxdepth 1 -name 'prev.nt.tmp.*')" ] || problem "temporary file left"
    finish
fi

if begin closed-pipe; then
    # ~100 KB of N-Triples into a reader that stops after 10 bytes
    set -o pipefail
    timeout $((60 * SCALE)) "$EKG" --ontology "$ONTO" --format nt "$CORPUS"/*.txt 2>"$T/stderr" | head -c 10 >/dev/null
    rc=$? err=$T/stderr secs=0
    set +o pipefail
    [ "$rc" = 0 ] || [ "$rc" = 141 ] || problem "exit code $rc, want 0 or 141 (SIGPIPE)"
    expect_no_err
    finish
fi

if begin closed-pipe-sigpipe-ignored; then
    # with SIGPIPE ignored by the parent, EPIPE must still end ekg quietly
    # (a write error on a closed pipe is not worth a message)
    set -o pipefail
    ( trap '' PIPE; timeout $((60 * SCALE)) "$EKG" --ontology "$ONTO" --format nt "$CORPUS"/*.txt 2>"$T/stderr" | head -c 10 >/dev/null )
    rc=$? err=$T/stderr secs=0
    set +o pipefail
    [ "$rc" != 124 ] || problem "hung"
    expect_not_err "Segmentation|Aborted|sanitizer"
    finish
fi

# ============================ command line ============================

if begin usage-no-input; then
    run 30 --ontology "$ONTO" --out "$GOOD"
    expect_rc 2
    expect_err "^ekg: error: no input"
    expect_untouched
    finish
fi

if begin usage-unknown-format; then
    run 30 --ontology "$ONTO" --format xml "$I/good.txt"
    expect_rc 2
    expect_err "^ekg: error: unknown format 'xml'"
    finish
fi

if begin usage-bad-reference-date; then
    run 30 --ontology "$ONTO" --out "$GOOD" --reference-date 2023-13-45x "$I/good.txt"
    expect_rc 2
    expect_err "^ekg: error: --reference-date"
    expect_untouched
    finish
fi

if begin usage-jsonl-extra-argument; then
    run 30 --ontology "$ONTO" --out "$GOOD" --jsonl "$I/good.txt" "$I/good.txt"
    expect_rc 2
    expect_err "^ekg: error: --jsonl takes one input"
    expect_untouched
    finish
fi

if begin clean-missing-file; then
    run 30 --clean "$I/nope.txt"
    expect_rc 3
    expect_err "^ekg: error: $I/nope.txt: No such file or directory$"
    finish
fi

echo
echo "badinput: $pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ] || echo "failed:$failed_names"
[ "$fail" = 0 ]
