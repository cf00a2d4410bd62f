"""The modules load the way the zygote loads them: from source text, in the order
codec, assertions, candidate_side, tests_side, inprocess, each registered in
sys.modules before the next, under /usr/bin/python3 -I -S -B -u (no PYTHONPATH,
no site), and then judge a job at both levels."""

import json
import os
import subprocess
import unittest

import sandbox_harness

MODULES = ("codec", "assertions", "candidate_side", "differential", "tests_side", "inprocess", "jail", "spawner", "tests_server", "zygote")

LOADER = r'''
import json, os, sys, time, types
sources = json.loads(sys.stdin.read())
for name, source in sources:
    module = types.ModuleType(name)
    sys.modules[name] = module
    exec(compile(source, "<sandbox/%s.py>" % name, "exec"), module.__dict__)
import candidate_side, tests_side, inprocess

def read_all(fd):
    data = b""
    while True:
        chunk = os.read(fd, 65536)
        if not chunk:
            return data
        data += chunk

TESTS = "def check(candidate):\n    assert candidate(2, 3) == 5\n    assert candidate(-1, 1) == 0\n"
job = {"style": "check", "candidate": "def add(a, b):\n    return a + b\n", "prelude": "", "tests": TESTS,
       "entry_point": "add", "deadline": time.monotonic() + 10}
results = {}
req_r, req_w = os.pipe(); resp_r, resp_w = os.pipe(); v_r, v_w = os.pipe()
if os.fork() == 0:
    os.close(req_w); os.close(resp_r); os.close(v_r); os.close(v_w)
    candidate_side.serve_candidate(dict(job), req_r, resp_w)
if os.fork() == 0:
    os.close(req_r); os.close(resp_w); os.close(v_r)
    tests_side.run_tests_split(dict(job), req_w, resp_r, v_w)
for fd in (req_r, req_w, resp_r, resp_w, v_w):
    os.close(fd)
results["split"] = json.loads(read_all(v_r))
os.wait(); os.wait()
v_r, v_w = os.pipe()
if os.fork() == 0:
    os.close(v_r)
    inprocess.run_in_process(dict(job), v_w, "n0nce")
os.close(v_w)
results["in-process"] = json.loads(read_all(v_r))
os.wait()
print(json.dumps(results))
'''


class ModuleLoadingTests(unittest.TestCase):
    def test_zygote_style_loading(self):
        sources = []
        for name in MODULES:
            with open(os.path.join(sandbox_harness._MODULES, name + ".py"), encoding="utf-8") as f:
                text = f.read()
            self.assertNotIn(')rrtfpy"', text)  # the C++ raw-string delimiter (embed_python.cmake)
            sources.append((name, text))
        env = {"PATH": "/usr/bin:/bin"}
        done = subprocess.run(["/usr/bin/python3", "-I", "-S", "-B", "-u", "-c", LOADER], input=json.dumps(sources),
                              capture_output=True, text=True, timeout=60, env=env)
        self.assertEqual(done.returncode, 0, done.stderr)
        results = json.loads(done.stdout)
        self.assertEqual(results["split"], {"outcome": "passed", "tests_passed": 2, "tests_total": 2, "detail": ""})
        self.assertEqual(results["in-process"], {"nonce": "n0nce", "outcome": "passed", "tests_passed": 2,
                                                 "tests_total": 2, "detail": ""})

    def test_each_module_imports_only_earlier_ones(self):
        import ast
        for index, name in enumerate(MODULES):
            with open(os.path.join(sandbox_harness._MODULES, name + ".py"), encoding="utf-8") as f:
                tree = ast.parse(f.read())
            imported = set()
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    imported.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module:
                    imported.add(node.module.split(".")[0])
            ours = imported & (set(MODULES) | {"zygote"})
            self.assertLessEqual(ours, set(MODULES[:index]), name)


if __name__ == "__main__":
    unittest.main()
