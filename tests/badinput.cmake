# The bad-input suite: the ekg program against missing, unreadable, binary,
# malformed and hostile input, broken ontologies and unwritable outputs
# (tests/badinput/run.sh; each case asserts the exit code, the message and that
# no output was left behind or changed). The cases with 100 MB / 10^6-document /
# 50 MB inputs and documents of 20,000 names or 160,000 references are a separate,
# slower test.
find_program(EKG_RAPPER rapper)
find_program(EKG_DOT dot)
find_program(EKG_PYTHON3 python3)
if(EKG_RAPPER AND EKG_DOT AND EKG_PYTHON3)
  add_test(NAME badinput
    COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/badinput/run.sh ${EKG_TEST_EKG} ${CMAKE_SOURCE_DIR}/ontology)
  # COST: the two longest tests start first, so that ctest -j2 runs the rest beside them
  set_tests_properties(badinput PROPERTIES TIMEOUT 300 LABELS "badinput;threads" COST 100
    ENVIRONMENT "BADINPUT_BIG=0;BADINPUT_TIMEOUT_SCALE=${EKG_TEST_TIMEOUT_SCALE}")
  add_test(NAME badinput_big
    COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/badinput/run.sh ${EKG_TEST_EKG} ${CMAKE_SOURCE_DIR}/ontology)
  set_tests_properties(badinput_big PROPERTIES TIMEOUT 1800 LABELS "badinput;slow" COST 1000
    ENVIRONMENT "BADINPUT_ONLY=100mb|4mb|million|50mb|repeated|many-names|many-references;BADINPUT_TIMEOUT_SCALE=${EKG_TEST_TIMEOUT_SCALE}")
else()
  message(STATUS "badinput tests need rapper, dot and python3: not added")
endif()
