# rrtf_sentencepiece: the only code that links libsentencepiece. Debian's build
# carries a private protobuf that crashes next to LibTorch's, so the engine never
# links it but dlopen()s this module (RTLD_DEEPBIND) through sentencepiece_abi.h.
add_library(rrtf_sentencepiece MODULE ${CMAKE_CURRENT_LIST_DIR}/sentencepiece_module.cpp)
target_include_directories(rrtf_sentencepiece PRIVATE ${CMAKE_CURRENT_LIST_DIR}/..)
target_link_libraries(rrtf_sentencepiece PRIVATE PkgConfig::SENTENCEPIECE)
set_target_properties(rrtf_sentencepiece PROPERTIES
  LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/${RRTF_PRIVATE_LIB_DIR}
  CXX_VISIBILITY_PRESET hidden      # only the C ABI is exported
  VISIBILITY_INLINES_HIDDEN ON
  AUTOMOC OFF)                      # plain C++, no Qt
add_dependencies(rrtf_engine rrtf_sentencepiece)

# LibTorch's flags, added to every target, may pick the pre-C++11 std::string
# ABI; this module must match libsentencepiece instead (only C types reach the engine).
get_target_property(_rrtf_sp_options rrtf_sentencepiece COMPILE_OPTIONS)
if(_rrtf_sp_options)
  list(FILTER _rrtf_sp_options EXCLUDE REGEX "_GLIBCXX_USE_CXX11_ABI")
  set_target_properties(rrtf_sentencepiece PROPERTIES COMPILE_OPTIONS "${_rrtf_sp_options}")
endif()
install(TARGETS rrtf_sentencepiece LIBRARY DESTINATION ${RRTF_PRIVATE_LIB_DIR} COMPONENT cli)
