#!/bin/sh
# tests/fuzz/run.sh [SECONDS] [TARGET...] - builds the libFuzzer targets with clang
# (-DEKG_FUZZ=ON, in build-fuzz/) and fuzzes each target for SECONDS (default 60),
# as many at a time as there are cores. Working corpora and crashes go to
# build-fuzz/fuzz-run/<target>/{corpus,artifacts}; the seeds in
# tests/fuzz/corpus/<target>/ are only read. Prints executions and time per target.
#
# Environment:
#   EKG_FUZZ_KEEP_GOING=1    fork mode with -ignore_crashes=1: collect every crash
#   EKG_FUZZ_IGNORE_KNOWN=1  do not stop on the known bugs listed in tests/fuzz/README.md
#   EKG_FUZZ_JOBS=N          targets at a time (default: number of cores)
#   EKG_FUZZ_NOBUILD=1       use the existing build
#   EKG_FUZZ_TIMEOUT=S       a unit running longer is a hang (default 120: wall time, and a
#                            loaded machine or nice can starve a unit for tens of seconds)
#   EKG_FUZZ_FAST=1          LeakSanitizer + UBSan (trapping) instead of ASan + UBSan, in
#                            build-fuzz-fast/: about twice the executions, no memory-error
#                            checks beyond crashes; the working corpora are shared
#
# tests/fuzz/run.sh merge [TARGET...] - runs every input of each working corpus once
# under the ASan build and adds those that reach code the seeds do not (libFuzzer
# -merge=1) to the seeds in tests/fuzz/corpus/<target>/, to be committed.
# Exit status: 0 if no target found a crash, 1 otherwise.
set -u
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build="$src/build-fuzz"
sanitizers=address,undefined
if [ -n "${EKG_FUZZ_FAST:-}" ]; then
    build="$src/build-fuzz-fast"
    sanitizers=leak,undefined
fi
secs=${1:-60}
[ $# -gt 0 ] && shift
merge=""
if [ "$secs" = merge ]; then
    merge=1 build="$src/build-fuzz" sanitizers=address,undefined
fi
targets=${*:-"fuzz_pipeline fuzz_jsonl fuzz_writers fuzz_nquads"}
jobs=${EKG_FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}

if [ -z "${EKG_FUZZ_NOBUILD:-}" ]; then
    CC=${CC:-clang} cmake -S "$src" -B "$build" -DEKG_FUZZ=ON \
        -DEKG_FUZZ_SANITIZERS="$sanitizers" >/dev/null || exit 1
    cmake --build "$build" -j"$jobs" --target $targets >/dev/null || exit 1
fi

merge_one() {
    t=$1
    w="$src/build-fuzz/fuzz-run/$t"
    unwind=
    [ "$t" = fuzz_nquads ] && unwind=:fast_unwind_on_malloc=0
    before=$(ls "$here/corpus/$t" | wc -l)
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}$unwind \
    LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$src/tests/lsan.supp:print_suppressions=0}$unwind \
        "$build/tests/$t" -merge=1 -timeout=120 -rss_limit_mb=2560 -max_len=8192 \
        "$here/corpus/$t" "$w/corpus" >"$w/log-merge" 2>&1 || {
        echo "$t: the merge failed (log $w/log-merge)"
        return 1
    }
    # libFuzzer restarts a merge after an input that crashes: a second attempt is a crash
    if grep -q 'MERGE-OUTER: attempt [2-9]' "$w/log-merge"; then
        echo "$t: an input crashed during the merge (log $w/log-merge)"
        return 1
    fi
    printf '%-14s %6d inputs run under ASan, seeds %d -> %d\n' "$t" \
        "$(ls "$w/corpus" | wc -l)" "$before" "$(ls "$here/corpus/$t" | wc -l)"
}

run_one() {
    t=$1
    w="$src/build-fuzz/fuzz-run/$t"
    mkdir -p "$w/corpus" "$w/artifacts"
    set -- -max_total_time="$secs" -timeout="${EKG_FUZZ_TIMEOUT:-120}" -report_slow_units=20 -rss_limit_mb=2560 -max_len=8192 \
        -print_final_stats=1 -artifact_prefix="$w/artifacts/"
    if [ -n "${EKG_FUZZ_KEEP_GOING:-}" ]; then
        set -- "$@" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1
    fi
    # third-party leaks suppressed; fuzz_nquads unwinds fully to see raptor's own leak
    log="$w/log-$(basename "$build")"
    unwind=
    [ "$t" = fuzz_nquads ] && unwind=:fast_unwind_on_malloc=0
    start=$(date +%s)
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}$unwind \
    LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$src/tests/lsan.supp:print_suppressions=0}$unwind \
        "$build/tests/$t" "$@" "$w/corpus" "$here/corpus/$t" >"$log" 2>&1
    rc=$?
    end=$(date +%s)
    # executions: the final stats, or in fork mode the last "#N:" progress line
    n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    [ -n "$n" ] || n=$(sed -n 's/^#\([0-9]*\):* .*/\1/p' "$log" | tail -n 1)
    crashes=$(find "$w/artifacts" -type f | wc -l)
    printf '%-14s %10s executions %6ss  exit %d  artifacts %d  (log %s)\n' \
        "$t" "${n:-?}" $((end - start)) "$rc" "$crashes" "$log"
    [ "$rc" -eq 0 ] && [ "$crashes" -eq 0 ]
}

if [ -n "$merge" ]; then
    status=0
    for t in $targets; do merge_one "$t" || status=1; done
    exit $status
fi

status=0
running=0
pids=""
for t in $targets; do
    run_one "$t" &
    pids="$pids $!"
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        for p in $pids; do wait "$p" || status=1; done
        pids=""
        running=0
    fi
done
for p in $pids; do wait "$p" || status=1; done
exit $status
