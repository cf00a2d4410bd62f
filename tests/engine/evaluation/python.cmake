# The Python side of the sandbox (engine/evaluation/sandbox/python), tested with plain
# unittest under the interpreter the sandbox runs (no third-party modules):
#   python_sandbox_units     codec, counted assertions, level B (tests and candidate
#                            processes forked with plain pipes) and level A, with the
#                            hostile-program cases that need no sandbox
#   python_sandbox_datasets  every HumanEval, sanitized MBPP and HumanEval+ Mini reference
#                            solution passes (skipped where RRTF_TEST_DATA lacks the data)
set(RRTF_SANDBOX_PYTHON_TESTS ${CMAKE_CURRENT_LIST_DIR}/python)
set(RRTF_SANDBOX_PYTHON_ENV
  "PYTHONPATH=${CMAKE_SOURCE_DIR}/engine/evaluation/sandbox/python"
  "RRTF_TEST_DATA=${RRTF_TEST_DATA}"
  "PYTHONDONTWRITEBYTECODE=1")
add_test(NAME python_sandbox_units
  COMMAND /usr/bin/python3 -B -m unittest -v test_codec test_assertions test_split_runner test_inprocess test_module_loading
  WORKING_DIRECTORY ${RRTF_SANDBOX_PYTHON_TESTS})
add_test(NAME python_sandbox_datasets
  COMMAND /usr/bin/python3 -B -m unittest -v test_datasets
  WORKING_DIRECTORY ${RRTF_SANDBOX_PYTHON_TESTS})
set_tests_properties(python_sandbox_units PROPERTIES ENVIRONMENT "${RRTF_SANDBOX_PYTHON_ENV}" TIMEOUT 300)
set_tests_properties(python_sandbox_datasets PROPERTIES ENVIRONMENT "${RRTF_SANDBOX_PYTHON_ENV}" TIMEOUT 900)
