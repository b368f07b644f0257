#!/bin/sh
# tests/valgrind/run.sh PROGRAM [ARGS...] - runs PROGRAM under valgrind memcheck. A build
# configured with -DEKG_VALGRIND=ON (scripts/test --valgrind) runs every unit test through
# it, and the integration, bad-input and docs tests get BUILD/valgrind/ekg (and
# BUILD/valgrind/ekg_hello) instead of the real program: generated scripts that call this
# one.
#
# Memory errors (invalid reads and writes, uninitialised values, bad frees) and leaks that
# are definitely or indirectly lost make PROGRAM exit 99, so that the test fails; reachable
# and possibly lost blocks are not errors. The report goes to a file, never to stderr, so
# that tests which want stderr empty or matching still hold:
#     $EKG_VALGRIND_LOGS/PROGRAM.PID.log
# and the ctest valgrind_logs, which runs after the others, fails for any log with an
# error and prints it (tests/valgrind/logs.sh). Third-party noise: tests/valgrind/memcheck.supp.
#
# Environment:
#   EKG_VALGRIND_LOGS      where the logs go (default ${TMPDIR:-/tmp}/ekg-valgrind)
#   EKG_VALGRIND_OPTIONS   more valgrind options, e.g. --track-origins=yes or
#                          --gen-suppressions=all
# Unit tests must run with CK_FORK=no (ctest sets it), or check's forks hide leaks.
set -u
[ $# -ge 1 ] || { echo "usage: run.sh PROGRAM [ARGS...]" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
logs=${EKG_VALGRIND_LOGS:-${TMPDIR:-/tmp}/ekg-valgrind}
mkdir -p "$logs" || exit 1
# exec: signals (timeout's TERM, SIGPIPE) reach valgrind and the program, not a shell
# shellcheck disable=SC2086  # EKG_VALGRIND_OPTIONS is a list of words
exec valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite,indirect \
    --errors-for-leak-kinds=definite,indirect --error-exitcode=99 --num-callers=40 \
    --suppressions="$here/memcheck.supp" --log-file="$logs/$(basename "$1").%p.log" \
    ${EKG_VALGRIND_OPTIONS:-} "$@"
