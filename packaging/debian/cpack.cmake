# Two Debian packages from the install components: "rrtf" (component cli: the command
# line, the sandbox helper, the SentencePiece module, the demo pack and tokenizer,
# the manual page and the bash completion) and "rrtf-workbench" (component gui: the
# window, its desktop entry, icons and AppStream file), which depends on the first.
# Library dependencies come from the binaries (dpkg-shlibdeps); the rest is listed here.
# `./scripts/package.sh` builds them and runs lintian on them.
set(RRTF_DEBIAN_DIR ${CMAKE_CURRENT_LIST_DIR})
set(RRTF_DEBIAN_MAINTAINER "RRTF Workbench developers <rrtf-workbench@users.noreply.github.com>")

# Every package carries its copyright file and changelog under share/doc/PACKAGE
# (Debian policy 12.5 and 12.7).
install(FILES ${RRTF_DEBIAN_DIR}/copyright DESTINATION share/doc/rrtf COMPONENT cli)
rrtf_install_compressed(${RRTF_DEBIAN_DIR}/changelog.Debian share/doc/rrtf cli)
if(RRTF_BUILD_GUI)
  install(FILES ${RRTF_DEBIAN_DIR}/copyright DESTINATION share/doc/rrtf-workbench COMPONENT gui)
  rrtf_install_compressed(${RRTF_DEBIAN_DIR}/changelog.Debian share/doc/rrtf-workbench gui)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME rrtf)
set(CPACK_PACKAGE_VENDOR "RRTF Workbench")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${RRTF_DEBIAN_MAINTAINER})
set(CPACK_PACKAGE_HOMEPAGE_URL ${PROJECT_HOMEPAGE_URL})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL cli)
if(RRTF_BUILD_GUI)
  list(APPEND CPACK_COMPONENTS_ALL gui)
endif()
set(CPACK_DEB_COMPONENT_INSTALL ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${RRTF_DEBIAN_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

set(CPACK_DEBIAN_CLI_PACKAGE_NAME rrtf)
# The sandbox runs the judged programs with the system's Python 3.
set(CPACK_DEBIAN_CLI_PACKAGE_DEPENDS "python3")
# OpenBLAS: LibTorch's products are ~25x faster than with netlib's BLAS. numpy: the
# HumanEval+ OriginFmt tests import it.
set(CPACK_DEBIAN_CLI_PACKAGE_RECOMMENDS "libopenblas0-openmp | libopenblas0, python3-numpy")
set(CPACK_COMPONENT_CLI_DESCRIPTION
"rank, judge and train code generation models (command line)
rrtf runs code models of the StarCoder family (StarCoder, WizardCoder,
PanGu-Coder2) from Hugging Face checkpoints on the CPU, judges their answers
to HumanEval, HumanEval+, MBPP and LeetCode problems in a sandbox (namespaces,
seccomp, resource limits) with pass@k, and trains them with RRTF, the ranking
method of the PanGu-Coder2 paper: answers ranked by unit tests and a teacher,
then a ranking loss plus a supervised loss.
.
This package holds the rrtf command, its sandbox helper, a demo pack of three
small trained models, the manual page and the bash completion.")

set(CPACK_DEBIAN_GUI_PACKAGE_NAME rrtf-workbench)
set(CPACK_DEBIAN_GUI_PACKAGE_DEPENDS "rrtf (= ${PROJECT_VERSION}-${CPACK_DEBIAN_PACKAGE_RELEASE})")
set(CPACK_DEBIAN_GUI_PACKAGE_SECTION science)
set(CPACK_COMPONENT_GUI_DESCRIPTION
"compare, judge and train code generation models (desktop)
RRTF Workbench is the desktop side of rrtf: several code models answer the
same problem side by side as they generate, benchmarks are judged in a
sandbox and stored, a case study shows which problems each model solves
alone, a failure inspector labels failed answers, and RRTF training runs
with live curves.
.
This package holds the rrtf-workbench window, its desktop entry, icons and
AppStream metadata.")

include(CPack)
cpack_add_component(cli DISPLAY_NAME "rrtf command line")
cpack_add_component(gui DISPLAY_NAME "RRTF Workbench window" DEPENDS cli)
