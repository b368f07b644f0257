# libFuzzer targets (tests/fuzz/), built with -DEKG_FUZZ=ON and clang. Each one also
# becomes a ctest that fuzzes for a short bounded time: new inputs go to a working
# corpus in the build tree, the seeds in tests/fuzz/corpus/<target>/ are only read.
# Longer runs: tests/fuzz/run.sh [seconds].
if(EKG_FUZZ)
  set(EKG_FUZZ_SECONDS 20 CACHE STRING "Seconds each fuzz ctest runs")
  set(EKG_FUZZ_RUNS 100000 CACHE STRING "At most this many executions per fuzz ctest")
  foreach(target fuzz_pipeline fuzz_jsonl fuzz_writers fuzz_nquads)
    add_executable(${target} ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/${target}.c)
    target_include_directories(${target} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/fuzz)
    target_compile_definitions(${target} PRIVATE
      EKG_FUZZ_ONTOLOGY="${CMAKE_SOURCE_DIR}/ontology")
    target_compile_options(${target} PRIVATE ${EKG_WARNINGS})
    target_link_options(${target} PRIVATE -fsanitize=fuzzer)
    target_link_libraries(${target} PRIVATE libekg)
    set(work ${CMAKE_CURRENT_BINARY_DIR}/fuzz-work/${target})
    file(MAKE_DIRECTORY ${work}/corpus ${work}/artifacts)
    add_test(NAME ${target}
      COMMAND ${target} -max_total_time=${EKG_FUZZ_SECONDS} -runs=${EKG_FUZZ_RUNS}
              -timeout=25 -rss_limit_mb=2560 -max_len=8192 -print_final_stats=1
              -artifact_prefix=${work}/artifacts/
              ${work}/corpus ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/corpus/${target})
    # Leaks inside raptor2, Graphviz and fontconfig are suppressed (tests/lsan.supp);
    # raptor's N-Quads parser leaks on a syntax error, and only a full unwind shows that the
    # leak is inside it: fuzz_nquads, the one target that feeds raptor bad input, unwinds so.
    set(unwind "")
    if(target STREQUAL "fuzz_nquads")
      set(unwind ":fast_unwind_on_malloc=0")
    endif()
    math(EXPR timeout "${EKG_FUZZ_SECONDS} + 120")
    set_tests_properties(${target} PROPERTIES TIMEOUT ${timeout} LABELS fuzz
      ENVIRONMENT "ASAN_OPTIONS=detect_leaks=1:abort_on_error=0${unwind};LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_SOURCE_DIR}/lsan.supp:print_suppressions=0;UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
  endforeach()
  # Crashes found so far, minimised (tests/fuzz/crashes/<target>/): each must now pass.
  add_test(NAME fuzz_regressions
    COMMAND ${CMAKE_COMMAND} -DSRC=${CMAKE_CURRENT_SOURCE_DIR}/fuzz/crashes
            -DBIN=${CMAKE_CURRENT_BINARY_DIR} -P ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/regressions.cmake)
  set_tests_properties(fuzz_regressions PROPERTIES TIMEOUT 300 LABELS fuzz)
endif()
