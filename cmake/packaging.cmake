# The Debian package (`make deb`): copydesk_<version>_<arch>.deb, built by CPack, so that a
# writer's machine installs the linter with apt instead of a compiler and some twenty -dev
# packages. Installs /usr/bin/copydesk, its man page (made from --help by help2man) and
# /usr/share/doc/copydesk/copyright, made from LICENSE and NOTICE.

include(GNUInstallDirs)

# The man page: help2man runs the binary just built, so the page never drifts from --help;
# docs/copydesk.h2m adds what --help does not say (exit status, examples, files).
find_program(COPYDESK_HELP2MAN help2man)
if(COPYDESK_HELP2MAN)
  set(man_page ${PROJECT_BINARY_DIR}/copydesk.1)
  add_custom_command(
    OUTPUT ${man_page}.gz
    COMMAND ${COPYDESK_HELP2MAN} --no-info --section=1 --include=${PROJECT_SOURCE_DIR}/docs/copydesk.h2m
            "--name=lint articles for spelling, confused words, spacing and grammar slips"
            --output=${man_page} $<TARGET_FILE:copydesk>
    COMMAND gzip -9 -n -f ${man_page}
    DEPENDS copydesk ${PROJECT_SOURCE_DIR}/docs/copydesk.h2m
    COMMENT "Writing the man page copydesk.1 from --help"
    VERBATIM)
  add_custom_target(copydesk_man ALL DEPENDS ${man_page}.gz)
  install(FILES ${man_page}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man not found: no man page (`make deb` installs it)")
endif()

# Debian's copyright file: our licence, then the data's sources and licences.
file(READ ${PROJECT_SOURCE_DIR}/NOTICE notice_text)
file(READ ${PROJECT_SOURCE_DIR}/LICENSE license_text)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             ${PROJECT_SOURCE_DIR}/NOTICE ${PROJECT_SOURCE_DIR}/LICENSE)
file(WRITE ${PROJECT_BINARY_DIR}/copyright
     "copydesk: the code is licensed under the Apache License, Version 2.0 (below; also in\n"
     "/usr/share/common-licenses/Apache-2.0). The data compiled into the binary keeps its own\n"
     "licences, listed in the NOTICE that follows.\n\n${notice_text}\n\n${license_text}")
install(FILES ${PROJECT_BINARY_DIR}/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME copydesk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_CONTACT "copydesk maintainers <copydesk@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "document-quality linter for editorial pipelines")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
       "copydesk lints articles (plain text, Markdown, HTML) for misspellings, confused words,\n"
       "missing spaces, lowercase sentence starts, wrong articles and repeated words, with exact\n"
       "locations, several report formats and safe fixes. It runs as a pre-commit hook, in an\n"
       "editor or as a CI gate.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_STRIP_FILES ON)
# dpkg-shlibdeps names the libraries the binary links (Hunspell, utf8proc, md4c, toml++, gumbo,
# libstdc++) with their versions; the dictionary is loaded at run time, so it is named here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "hunspell-en-us")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "hunspell-en-gb, pre-commit, git")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "hunspell-en-au, hunspell-en-ca, hunspell-en-za")
include(CPack)
