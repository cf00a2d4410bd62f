// The one source of the tests' precompiled-header targets (tests/CMakeLists.txt): the header is
// built beside it and reused by every test of the same kind.
