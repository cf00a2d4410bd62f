# Finds the third-party libraries every part of the build shares.
find_package(Torch REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(ZLIB REQUIRED)
find_package(Threads REQUIRED)
# LibTorch's at::parallel_for is a header template that runs on OpenMP only when
# the calling file is compiled with it; without, our kernels would run on one thread.
find_package(OpenMP REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(PCRE2 REQUIRED IMPORTED_TARGET libpcre2-8)
pkg_check_modules(SECCOMP REQUIRED IMPORTED_TARGET libseccomp)
find_package(SQLite3 REQUIRED)
if(RRTF_BUILD_SENTENCEPIECE)
  pkg_check_modules(SENTENCEPIECE REQUIRED IMPORTED_TARGET sentencepiece)
endif()
if(RRTF_BUILD_TESTS)
  find_package(Qt6 6.4 REQUIRED COMPONENTS Core Test)
endif()
if(RRTF_BUILD_GUI)
  find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets Charts Sql LinguistTools)
  # Debian's QScintilla ships no CMake package: find its header folder and library.
  find_path(QSCINTILLA_INCLUDE_DIR Qsci/qsciscintilla.h
    PATHS /usr/include/x86_64-linux-gnu/qt6 /usr/include/qt6 ${Qt6_DIR}/../../../include/qt6)
  find_library(QSCINTILLA_LIBRARY NAMES qscintilla2_qt6)
  if(NOT QSCINTILLA_INCLUDE_DIR OR NOT QSCINTILLA_LIBRARY)
    message(FATAL_ERROR "QScintilla for Qt 6 not found: install libqscintilla2-qt6-dev or set -DRRTF_BUILD_GUI=OFF")
  endif()
  add_library(QScintilla::QScintilla UNKNOWN IMPORTED)
  set_target_properties(QScintilla::QScintilla PROPERTIES
    IMPORTED_LOCATION ${QSCINTILLA_LIBRARY}
    INTERFACE_INCLUDE_DIRECTORIES ${QSCINTILLA_INCLUDE_DIR}
    INTERFACE_LINK_LIBRARIES "Qt6::Widgets")
endif()
if(TARGET Qt6::Core)
  # All our Qt code (every target that uses Qt gets them through Qt6::Core):
  # Q_SIGNALS/Q_SLOTS/Q_EMIT instead of the keywords, which LibTorch's headers
  # would otherwise meet as macros (its "slots" word), so no include order is
  # needed; and no connect() to a lambda without a context object (a compile
  # error from Qt 6.7 on; tests/check_connect_context.py checks it before).
  set_property(TARGET Qt6::Core APPEND PROPERTY
    INTERFACE_COMPILE_DEFINITIONS QT_NO_KEYWORDS QT_NO_CONTEXTLESS_CONNECT)
endif()

# TorchConfig puts its flags into TORCH_CXX_FLAGS (the C++11 ABI switch); apply
# them to every target so objects agree with libtorch.
add_compile_options(${TORCH_CXX_FLAGS})
