# Docs tests: the README's C example builds and runs, and the docs name every option.
#
# Included from tests/CMakeLists.txt, this file adds the tests. Each test runs this same
# file again in script mode (cmake -DDOCS_TEST=name -P docs.cmake), so that the checks
# are CMake, not shell quoting:
#
#   docs_hello       examples/hello.c is the README's example; built against libekg, it
#                    writes Turtle that rapper parses and that holds "France ekg:opposes
#                    the Tokyo office"
#   docs_pkgconfig   cmake --install into a staging dir; hello.c built with the README's
#                    pkg-config line; ekg.1, ekg.h, ekg.pc and the ontology in place
#   docs_options     every long option in `ekg --help` is in README.md and man/ekg.1
#   docs_man         man/ekg.1 formats with groff -man -ww without a warning

if(NOT CMAKE_SCRIPT_MODE_FILE)
  add_executable(ekg_hello ${CMAKE_SOURCE_DIR}/examples/hello.c)
  target_link_libraries(ekg_hello PRIVATE libekg)
  find_program(EKG_RAPPER rapper)
  find_program(EKG_GROFF groff)
  find_program(EKG_PKG_CONFIG pkg-config)
  find_program(EKG_CC NAMES cc gcc clang)
  set(_docs -DSRC=${CMAKE_SOURCE_DIR} -DBIN=${CMAKE_BINARY_DIR} -DEKG=${EKG_TEST_EKG}
            -DHELLO=${EKG_TEST_HELLO} -DRAPPER=${EKG_RAPPER} -DGROFF=${EKG_GROFF}
            -DPKG_CONFIG=${EKG_PKG_CONFIG} -DCC=${EKG_CC})
  set(_docs_tests hello pkgconfig options man)
  if(EKG_SANITIZE)
    # the installed static library needs the sanitizer runtime to link: packaging is
    # tested in the plain build
    list(REMOVE_ITEM _docs_tests pkgconfig)
  endif()
  foreach(t ${_docs_tests})
    add_test(NAME docs_${t} COMMAND ${CMAKE_COMMAND} ${_docs} -DDOCS_TEST=${t}
             -P ${CMAKE_CURRENT_LIST_FILE})
    set_tests_properties(docs_${t} PROPERTIES TIMEOUT 120 LABELS docs)
  endforeach()
  return()
endif()

# ---- script mode ----

function(need prog what)
  if(NOT ${prog} OR ${prog} MATCHES "NOTFOUND$")
    message(FATAL_ERROR "docs_${DOCS_TEST}: ${what} not found")
  endif()
endfunction()

# The Turtle in `ttl_file` parses with rapper and has France ekg:opposes <a facility>.
function(check_turtle ttl_file)
  need(RAPPER "rapper (Debian raptor2-utils)")
  execute_process(COMMAND ${RAPPER} -q -i turtle -o ntriples ${ttl_file} http://example.org/
                  RESULT_VARIABLE rc OUTPUT_VARIABLE nt ERROR_VARIABLE perr)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "rapper rejects the Turtle of hello:\n${perr}")
  endif()
  set(want "<https://w3id.org/ekg/id/country-fra> <https://w3id.org/ekg/ontology#opposes> <https://w3id.org/ekg/id/facility-")
  string(FIND "${nt}" "${want}" at)
  if(at LESS 0)
    message(FATAL_ERROR "hello's graph lacks 'France ekg:opposes the Tokyo office':\n${nt}")
  endif()
endfunction()

if(DOCS_TEST STREQUAL "hello")
  # the README shows examples/hello.c from its first #include to its end, verbatim
  file(READ ${SRC}/examples/hello.c hello)
  file(READ ${SRC}/README.md readme)
  string(FIND "${hello}" "#include <stdio.h>" at)
  string(SUBSTRING "${hello}" ${at} -1 body)
  string(FIND "${readme}" "${body}" in)
  if(at LESS 0 OR in LESS 0)
    message(FATAL_ERROR "README.md's C example differs from examples/hello.c")
  endif()
  set(ENV{EKG_ONTOLOGY} ${SRC}/ontology)
  set(out ${BIN}/docs_hello.ttl)
  execute_process(COMMAND ${HELLO} OUTPUT_FILE ${out} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "examples/hello.c exited with ${rc}")
  endif()
  check_turtle(${out})

elseif(DOCS_TEST STREQUAL "pkgconfig")
  need(PKG_CONFIG "pkg-config")
  need(CC "a C compiler")
  set(stage ${BIN}/docs-stage)
  file(REMOVE_RECURSE ${stage})
  set(ENV{DESTDIR} ${stage})
  execute_process(COMMAND ${CMAKE_COMMAND} --install ${BIN} RESULT_VARIABLE rc
                  OUTPUT_QUIET ERROR_VARIABLE ierr)
  unset(ENV{DESTDIR})
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install failed:\n${ierr}")
  endif()
  # where the install put things (prefix as configured, under the staging dir)
  file(GLOB_RECURSE installed ${stage}/*)
  foreach(v pcs mans headers ttls ctxs)
    set(${v} ${installed})
  endforeach()
  list(FILTER pcs INCLUDE REGEX "/pkgconfig/ekg\\.pc$")
  list(FILTER mans INCLUDE REGEX "/man1/ekg\\.1$")
  list(FILTER headers INCLUDE REGEX "/include/ekg\\.h$")
  list(FILTER ttls INCLUDE REGEX "/share/ekg/ontology/ekg\\.ttl$")
  list(FILTER ctxs INCLUDE REGEX "/share/ekg/ontology/context\\.jsonld$")
  foreach(v pcs mans headers ttls ctxs)
    if(NOT ${v})
      message(FATAL_ERROR "cmake --install did not install what the README says (${v})")
    endif()
  endforeach()
  list(GET pcs 0 pc)
  list(GET ttls 0 ttl)
  get_filename_component(pcdir ${pc} DIRECTORY)
  get_filename_component(ontodir ${ttl} DIRECTORY)
  # the README's line: cc hello.c $(pkg-config --cflags --libs --static ekg) -o hello
  set(ENV{PKG_CONFIG_PATH} ${pcdir})
  set(ENV{PKG_CONFIG_SYSROOT_DIR} ${stage})
  execute_process(COMMAND ${PKG_CONFIG} --cflags --libs --static ekg RESULT_VARIABLE rc
                  OUTPUT_VARIABLE flags ERROR_VARIABLE perr OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "pkg-config ekg failed:\n${perr}")
  endif()
  separate_arguments(flags UNIX_COMMAND "${flags}")
  set(exe ${BIN}/docs_hello_pc)
  execute_process(COMMAND ${CC} ${SRC}/examples/hello.c ${flags} -o ${exe}
                  RESULT_VARIABLE rc ERROR_VARIABLE cerr)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "hello.c does not build with the pkg-config line:\n${cerr}")
  endif()
  set(ENV{EKG_ONTOLOGY} ${ontodir})
  execute_process(COMMAND ${exe} OUTPUT_FILE ${BIN}/docs_hello_pc.ttl RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "hello built with pkg-config exited with ${rc}")
  endif()
  check_turtle(${BIN}/docs_hello_pc.ttl)

elseif(DOCS_TEST STREQUAL "options")
  execute_process(COMMAND ${EKG} --help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "ekg --help exited with ${rc}")
  endif()
  string(REGEX MATCHALL "--[a-z][a-z0-9-]*" opts "${help}")
  list(REMOVE_DUPLICATES opts)
  list(LENGTH opts n)
  if(n LESS 5)
    message(FATAL_ERROR "found only ${n} long options in ekg --help: ${opts}")
  endif()
  file(READ ${SRC}/README.md readme)
  file(READ ${SRC}/man/ekg.1 man)
  string(REPLACE "\\-" "-" man "${man}")   # roff writes --out as \-\-out
  set(missing "")
  foreach(o ${opts})
    # the option as a whole word: "--out" must not be satisfied by "--output"
    string(REGEX MATCH "${o}([^a-z0-9-]|$)" r "${readme}")
    if(NOT r)
      list(APPEND missing "README.md: ${o}")
    endif()
    string(REGEX MATCH "${o}([^a-z0-9-]|$)" m "${man}")
    if(NOT m)
      list(APPEND missing "man/ekg.1: ${o}")
    endif()
  endforeach()
  if(missing)
    string(REPLACE ";" "\n  " missing "${missing}")
    message(FATAL_ERROR "options in ekg --help that the docs do not describe:\n  ${missing}")
  endif()
  message(STATUS "all ${n} long options of ekg --help are in README.md and man/ekg.1")

elseif(DOCS_TEST STREQUAL "man")
  need(GROFF "groff (Debian groff-base)")
  execute_process(COMMAND ${GROFF} -man -Tutf8 -ww ${SRC}/man/ekg.1
                  RESULT_VARIABLE rc OUTPUT_VARIABLE page ERROR_VARIABLE warn)
  if(NOT rc EQUAL 0 OR NOT warn STREQUAL "")
    message(FATAL_ERROR "groff -man -ww on man/ekg.1:\n${warn}")
  endif()
  file(READ ${SRC}/man/ekg.1 src)
  foreach(sec NAME SYNOPSIS DESCRIPTION OPTIONS "OUTPUT FORMATS" "EXIT STATUS" ENVIRONMENT
          FILES EXAMPLES "SEE ALSO")
    string(FIND "${src}" "\n.SH ${sec}\n" at)
    if(at LESS 0)
      message(FATAL_ERROR "man/ekg.1 has no ${sec} section")
    endif()
  endforeach()
else()
  message(FATAL_ERROR "docs.cmake: unknown DOCS_TEST '${DOCS_TEST}'")
endif()
