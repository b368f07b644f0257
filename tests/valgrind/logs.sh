#!/bin/sh
# tests/valgrind/logs.sh clear|check DIR - the valgrind logs of one test run
# (tests/valgrind/run.sh writes DIR/PROGRAM.PID.log for every process).
#   clear   removes the logs of earlier runs (ctest valgrind_clear, before every test)
#   check   prints each log that reports an error or a definite or indirect leak, and
#           exits 1 if there is one (ctest valgrind_logs, after every test). A log
#           without a summary is a process killed before valgrind could finish (SIGKILL,
#           e.g. a timeout): it is listed, and the test that killed it fails on its own.
set -u
mode=${1:-}
dir=${2:-}
[ -n "$dir" ] || { echo "usage: logs.sh clear|check DIR" >&2; exit 2; }
case $mode in
clear)
    mkdir -p "$dir" && find "$dir" -maxdepth 1 -name '*.log' -type f -delete
    ;;
check)
    n=0 bad=0 cut=0
    for f in "$dir"/*.log; do
        [ -f "$f" ] || continue
        n=$((n + 1))
        if grep -q 'ERROR SUMMARY: [1-9]' "$f"; then
            bad=$((bad + 1))
            printf '==== %s\n' "$f"
            cat "$f"
        elif ! grep -q 'ERROR SUMMARY: 0 errors' "$f"; then
            cut=$((cut + 1))
            printf 'no summary (killed?): %s (%s)\n' "$f" \
                "$(sed -n 's/^==[0-9]*== Command: //p' "$f" | head -c 200)"
        fi
    done
    echo "valgrind: $n processes, $bad with errors, $cut without a summary (logs in $dir)"
    [ "$bad" = 0 ]
    ;;
*)
    echo "usage: logs.sh clear|check DIR" >&2
    exit 2
    ;;
esac
