# The evaluator against the shared HumanEval and MBPP data, in the real sandbox.
rrtf_add_evaluation_test(test_evaluator test_evaluator.cpp)
add_dependencies(test_evaluator rrtf-sandbox)
set_tests_properties(test_evaluator PROPERTIES TIMEOUT 900)
# DeepSeek-Coder's LeetCode contest set (hand-written answers to real records) and
# CoderEval's refusal, in the real sandbox.
rrtf_add_evaluation_test(test_leetcode test_leetcode.cpp)
add_dependencies(test_leetcode rrtf-sandbox)
