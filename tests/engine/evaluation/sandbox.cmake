# The sandbox end to end: real rrtf-sandbox workers, real namespaces, driven through
# SandboxPool. test_sandbox: the test styles, partial credit, fallback, concurrency and
# a helper killed mid-run. test_sandbox_hostile: the 39 hostile programs of
# spec/sandbox.md §4 (several run into the 3 s wall limit on purpose).
rrtf_add_evaluation_test(test_sandbox test_sandbox.cpp hostile_fixture.h)
add_dependencies(test_sandbox rrtf-sandbox)
set_tests_properties(test_sandbox PROPERTIES TIMEOUT 300)
rrtf_add_evaluation_test(test_sandbox_hostile test_sandbox_hostile.cpp hostile_fixture.h)
add_dependencies(test_sandbox_hostile rrtf-sandbox)
# RUN_SERIAL: it counts every process of the sandbox's uids, so another test's sandbox
# (scripts/test.sh runs two tests at a time) would look like an escaped process.
set_tests_properties(test_sandbox_hostile PROPERTIES TIMEOUT 600 RUN_SERIAL ON)
# The protocol's lines read by both sides (fuzz/regressions/sandbox_*): bad answers,
# ready lines and job lines are errors, never a crash of the client or the helper.
rrtf_add_evaluation_test(test_sandbox_lines test_sandbox_lines.cpp)
add_dependencies(test_sandbox_lines rrtf-sandbox)
