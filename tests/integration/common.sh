# common.sh - sourced by every tests/integration/*.sh test:
#     . "$(dirname "$0")/common.sh" "$@"        with arguments EKG SRCDIR
# EKG is the ekg binary (ctest passes $<TARGET_FILE:ekg>), or the word "fixture" to run a
# test against the hand-written graph in tests/data/sample.* instead of a real export.
# Sets EKG, SRC, WORK (a fresh temp dir, removed on exit unless EKG_KEEP_WORK=1) and gives:
#   fail MSG...          print "FAIL: MSG" and exit 1
#   need TOOL [PKG]      skip (exit 77) if TOOL is missing, or fail when CI=true
#   need_node            the same for node and tests/node/node_modules
#   export_corpus DIR    ekg --out DIR corpus/*.txt (or copy the fixture), checks the files
set -euo pipefail

if [[ $# -lt 2 ]]; then
  echo "usage: $0 EKG-BINARY|fixture SOURCE-DIR" >&2
  exit 2
fi
EKG=$1
[[ $EKG = fixture || $EKG = /* ]] || EKG=$PWD/$EKG
SRC=$(cd "$2" && pwd)
TEST_NAME=$(basename "$0" .sh)
export EKG_CACHE_DIR=${EKG_CACHE_DIR:-${TMPDIR:-/tmp}/ekg-test-cache}
export LC_ALL=C.UTF-8
PY=/usr/bin/python3        # Debian's python3 (rdflib, networkx); not a pyenv one on PATH
NODE_DIR=$SRC/tests/node
JENA=$SRC/tests/integration/jena.sh

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ekg-$TEST_NAME.XXXXXX")
ekg_cleanup_hooks=()
ekg_cleanup() {
  local rc=$? hook
  for hook in "${ekg_cleanup_hooks[@]}"; do $hook || true; done
  if [[ ${EKG_KEEP_WORK:-0} = 1 || ( $rc -ne 0 && $rc -ne 77 && ${CI:-} != true ) ]]; then
    echo "($TEST_NAME: work files kept in $WORK)" >&2
  else
    rm -rf "$WORK"
  fi
}
trap ekg_cleanup EXIT
# at_exit FUNCTION: run FUNCTION when the test exits, before the work dir is removed.
at_exit() { ekg_cleanup_hooks+=("$1"); }

fail() { echo "FAIL: $TEST_NAME: $*" >&2; exit 1; }
note() { echo "$TEST_NAME: $*"; }

# A missing tool is a skip on a developer machine and a failure under CI.
missing() {
  if [[ ${CI:-} = true ]]; then
    fail "$1 is missing (CI=true, so this is a failure; run scripts/install-deps)"
  fi
  echo "SKIP: $TEST_NAME: $1 is missing (run scripts/install-deps)"
  exit 77
}
need() {
  if [[ $1 = /* ]]; then [[ -x $1 ]] || missing "$1${2:+ (package $2)}"
  else command -v "$1" >/dev/null 2>&1 || missing "$1${2:+ (package $2)}"; fi
}
need_node() {
  need node nodejs
  [[ -d $NODE_DIR/node_modules/jsonld && -d $NODE_DIR/node_modules/rdf-validate-shacl ]] ||
    missing "tests/node/node_modules (npm ci in tests/node)"
}

# export_corpus DIR [EXTRA-OPTIONS...]: a fresh export of the sample corpus into DIR.
export_corpus() {
  local out=$1 f
  shift
  mkdir -p "$out"
  if [[ $EKG = fixture ]]; then
    for f in ttl nt nq jsonld dot; do cp "$SRC/tests/data/sample.$f" "$out/graph.$f"; done
  else
    [[ -x $EKG ]] || fail "ekg binary '$EKG' not found or not executable"
    "$EKG" --out "$out" "$@" "$SRC"/corpus/*.txt 2>"$out.stderr" ||
      { cat "$out.stderr" >&2; fail "ekg --out $out corpus/*.txt exited $?"; }
  fi
  for f in ttl nt nq jsonld dot; do
    [[ -s $out/graph.$f ]] || fail "export did not write a non-empty $out/graph.$f"
  done
}
