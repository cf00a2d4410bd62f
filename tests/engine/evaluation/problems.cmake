# Problem sets, samples files, program assembly, pass@k and SHA-256.
rrtf_add_evaluation_test(test_problem_set test_problem_set.cpp)
rrtf_add_evaluation_test(test_samples test_samples.cpp)
target_link_libraries(test_samples PRIVATE ZLIB::ZLIB)  # writes .jsonl.gz fixtures
rrtf_add_evaluation_test(test_task_builder test_task_builder.cpp)
rrtf_add_evaluation_test(test_pass_at_k test_pass_at_k.cpp)
rrtf_add_evaluation_test(test_sha256 test_sha256.cpp)
