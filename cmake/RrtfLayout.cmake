# Where each kind of file lives below the install prefix. The build tree has the
# same layout under the build folder, so a program finds its files relative to its
# own folder whether it runs from the build or from an install, and an install
# works under any prefix (engine/runtime/install_layout.cpp reads these names).
set(RRTF_BIN_DIR bin)                       # rrtf, rrtf-workbench
set(RRTF_LIBEXEC_DIR libexec/rrtf)          # rrtf-sandbox: started by the programs, not by people
set(RRTF_PRIVATE_LIB_DIR lib/rrtf/modules)  # librrtf_sentencepiece.so, which the engine dlopen()s
set(RRTF_DATA_DIR share/rrtf)               # the demo pack, the shipped tokenizer

# rrtf_layout_source(FILE): FILE (runtime/install_layout.cpp) learns the names above.
# Defined for that file alone, in the folder whose targets compile it: they are the
# same relative paths in every build, so ccache still shares its compiles.
function(rrtf_layout_source file)
  set_source_files_properties(${file} PROPERTIES COMPILE_DEFINITIONS
    "RRTF_LIBEXEC_DIR=\"${RRTF_LIBEXEC_DIR}\";RRTF_PRIVATE_LIB_DIR=\"${RRTF_PRIVATE_LIB_DIR}\";RRTF_DATA_DIR=\"${RRTF_DATA_DIR}\"")
endfunction()
