#!/usr/bin/env bash
# bad_input EKG SRC: the CLI on bad input. A directory and a missing file fail (non-zero
# exit, a message naming the file, no crash); an empty file is an empty article: a warning
# naming it and exit 0; invalid UTF-8 either fails
# the same way or warns with FILE:LINE:COLUMN and exits 0. No failing run may touch the
# files of an earlier good export in the same --out DIR. Writing to /dev/full exits 5
# with a clear message.
. "$(dirname "$0")/common.sh" "$@"
[[ $EKG != fixture ]] || { echo "SKIP: $TEST_NAME needs the real ekg binary"; exit 77; }
[[ -x $EKG ]] || fail "ekg binary '$EKG' not found"
cd "$WORK"
OUT=$WORK/out
mkdir -p "$OUT"
"$EKG" --out "$OUT" "$SRC"/corpus/*.txt 2>good.stderr || { cat good.stderr >&2; fail "the good run failed"; }
[[ -s $OUT/graph.ttl ]] || fail "the good run wrote no graph.ttl"
cp -a "$OUT" good
mkdir adir
: >empty.txt
printf 'France opposed the plan.\nParis said \xff\xfe no.\nNATO agreed.\n' >badutf8.txt
errors=0
problem() { echo "FAIL: $TEST_NAME: $*" >&2; errors=$((errors + 1)); }

unchanged() {   # unchanged WHAT: the good export is still there, byte for byte, nothing added
  diff -r -q good "$OUT" >&2 || problem "$1: the files of the earlier good run in --out DIR changed"
}

check_fails() {   # check_fails WHAT FILE [MORE-FILES]: non-zero exit, no crash, message naming FILE
  local what=$1 file=$2 rc=0
  shift
  "$EKG" --out "$OUT" "$@" >stdout 2>stderr || rc=$?
  echo "  $what: exit $rc: $(head -1 stderr)"
  if [[ $rc = 0 ]]; then problem "$what ($file): exit 0, expected a failure"
  elif [[ $rc -ge 124 ]]; then problem "$what ($file): exit $rc (crash or signal)"
  elif [[ $rc != 3 ]]; then problem "$what ($file): exit $rc, expected 3 (input error)"
  fi
  grep -qF "$file" stderr || problem "$what: the message does not name $file"
  if [[ $rc = 0 ]]; then cp -a good/. "$OUT"/; else unchanged "$what"; fi   # a success may rewrite
}
check_fails "a directory" adir
check_fails "a missing file" no-such-file.txt
rc=0
"$EKG" --out "$OUT" empty.txt >stdout 2>stderr || rc=$?
echo "  an empty file: exit $rc: $(head -1 stderr)"
[[ $rc = 0 ]] || problem "an empty file: exit $rc, expected 0 with a warning"
grep -qE '^ekg: warning: empty\.txt: empty file' stderr || problem "an empty file: no warning naming empty.txt"
cp -a good/. "$OUT"/

rc=0
"$EKG" --out "$OUT" badutf8.txt >stdout 2>stderr || rc=$?
echo "  invalid UTF-8: exit $rc: $(head -1 stderr)"
if [[ $rc = 0 ]]; then
  grep -qE 'badutf8\.txt:2:[0-9]+' stderr || problem "invalid UTF-8: exit 0 without a warning naming badutf8.txt:2:COLUMN"
  cp -a good/. "$OUT"/   # a successful run may rewrite the export; restore it
else
  [[ $rc -lt 124 ]] || problem "invalid UTF-8: exit $rc (crash or signal)"
  grep -qF badutf8.txt stderr || problem "invalid UTF-8: the message does not name badutf8.txt"
  unchanged "invalid UTF-8"
fi

# A good file and a bad one together: still a failure, still nothing written.
check_fails "a good file, then a missing one" no-such-file.txt "$SRC/corpus/$(ls "$SRC/corpus" | head -1)" no-such-file.txt

# Output errors: exit 5 and a message.
for how in "--output /dev/full" "stdout to /dev/full"; do
  rc=0
  if [[ $how = --output* ]]; then
    "$EKG" --format nt --output /dev/full "$SRC"/corpus/*.txt >stdout 2>stderr || rc=$?
  else
    "$EKG" --format nt --output - "$SRC"/corpus/*.txt >/dev/full 2>stderr || rc=$?
  fi
  echo "  $how: exit $rc: $(head -1 stderr)"
  [[ $rc = 5 ]] || problem "$how: exit $rc, expected 5 (output error)"
  grep -qiE 'space|/dev/full|stdout|standard output|write' stderr || problem "$how: no clear message on stderr"
done
# An --out DIR that cannot be written (a file where the directory should be).
: >notadir
rc=0; "$EKG" --out notadir "$SRC"/corpus/*.txt >stdout 2>stderr || rc=$?
echo "  --out FILE: exit $rc: $(head -1 stderr)"
[[ $rc = 5 ]] || problem "--out on a regular file: exit $rc, expected 5"

[[ $errors = 0 ]] || fail "$errors problems (listed above)"
note "ok"
