# The hardening Debian builds its own packages with (dpkg-buildflags, hardening=+all;
# position-independent executables are already GCC's default here): a stack
# protector, fortified libc calls, and relocations made read-only and bound at start.
# The sandbox helper runs beside untrusted programs, and the rest reads untrusted
# files. Not under the sanitizers, whose runtimes check the same things their way.
if(NOT RRTF_SANITIZE)
  add_compile_options(-fstack-protector-strong -fstack-clash-protection -fcf-protection
    "$<$<NOT:$<CONFIG:Debug>>:-U_FORTIFY_SOURCE;-D_FORTIFY_SOURCE=2>")
  add_link_options(LINKER:-z,relro LINKER:-z,now)
endif()
