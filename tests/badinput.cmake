# The bad-input suite: the ekg program against missing, unreadable, binary,
# malformed and hostile input, broken ontologies and unwritable outputs
# (tests/badinput/run.sh; each case asserts the exit code, the message and that
# no output was left behind or changed). The cases with 100 MB / 10^6-document /
# 50 MB inputs are a separate, slower test.
find_program(EKG_RAPPER rapper)
find_program(EKG_DOT dot)
find_program(EKG_PYTHON3 python3)
if(EKG_RAPPER AND EKG_DOT AND EKG_PYTHON3)
  add_test(NAME badinput
    COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/badinput/run.sh $<TARGET_FILE:ekg> ${CMAKE_SOURCE_DIR}/ontology)
  set_tests_properties(badinput PROPERTIES TIMEOUT 300 LABELS badinput
    ENVIRONMENT "BADINPUT_BIG=0")  # run.sh sets LSAN_OPTIONS (lsan.supp) itself
  add_test(NAME badinput_big
    COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/badinput/run.sh $<TARGET_FILE:ekg> ${CMAKE_SOURCE_DIR}/ontology)
  set_tests_properties(badinput_big PROPERTIES TIMEOUT 1800 LABELS "badinput;slow"
    ENVIRONMENT "BADINPUT_ONLY=100mb|4mb|million|50mb|repeated")
else()
  message(STATUS "badinput tests need rapper, dot and python3: not added")
endif()
