# Integration tests: the real consumers of ekg's output (tests/integration/*.sh), each run
# as `SCRIPT $<TARGET_FILE:ekg> SOURCE-DIR`. Every script exports corpus/*.txt afresh into
# its own temp dir. A missing tool makes a test skip (exit 77), except under CI=true, where
# it fails. Tools come from scripts/install-deps (node modules: npm ci in tests/node).
set(EKG_INTEGRATION_DIR ${CMAKE_CURRENT_SOURCE_DIR}/integration)

# ekg_integration_test(NAME TIMEOUT LABEL...): tests/integration/NAME.sh as ctest NAME.
function(ekg_integration_test name timeout)
  add_test(NAME ${name}
    COMMAND ${EKG_INTEGRATION_DIR}/${name}.sh ${EKG_TEST_EKG} ${CMAKE_SOURCE_DIR})
  set_tests_properties(${name} PROPERTIES
    TIMEOUT ${timeout}
    SKIP_RETURN_CODE 77
    LABELS "integration;${ARGN}"
    ENVIRONMENT "EKG_CACHE_DIR=${CMAKE_BINARY_DIR}/test-cache;TMPDIR=${CMAKE_BINARY_DIR}/test-tmp")
endfunction()

ekg_integration_test(turtle      120 rdf jena)
ekg_integration_test(jsonld       60 rdf node)
ekg_integration_test(dot          60 graphviz)
ekg_integration_test(shacl        60 rdf node)
ekg_integration_test(virtuoso    180 rdf store)
ekg_integration_test(rdflib       60 rdf python)
ekg_integration_test(determinism  60 cli threads)
ekg_integration_test(bad_input    60 cli)
ekg_integration_test(shards      120 cli)
# Virtuoso is the slowest to start; do not let it compete with the JVM for both cores.
set_tests_properties(virtuoso PROPERTIES RUN_SERIAL ON)
file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/test-tmp ${CMAKE_BINARY_DIR}/test-cache)
