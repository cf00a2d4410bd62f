#!/usr/bin/python3
"""Writes the seed corpora of the fuzz targets into fuzz/corpus/<target>/.

Text seeds are cut from the test data, tests/data (a few records of each problem
set, the golden model's config; a file missing there gives no seed) or written
here after the formats the engine reads (LeetCode's and CoderEval's records, whose
texts may not be redistributed); binary seeds (safetensors, a torch.save zip, its
data.pkl, GGUF) are tiny valid files built byte by byte. Needs only the Python
standard library, no network.
Run from anywhere: ./fuzz/make_seeds.py [--test-data DIR]
"""

import argparse
import collections
import gzip
import io
import json
import os
import pickle
import shutil
import struct
import sys
import types
import zipfile

ROOT = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(ROOT, "corpus")


def write(target, name, data):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(folder, name), "wb") as out:
        out.write(data)


def jsonl(records):
    return "".join(json.dumps(r) + "\n" for r in records)


# ---- safetensors ----------------------------------------------------------------

DTYPE_SIZES = {"BOOL": 1, "U8": 1, "I8": 1, "I16": 2, "I32": 4, "I64": 8, "F16": 2, "BF16": 2, "F32": 4, "F64": 8}


def safetensors(tensors, metadata=None, pad_to=8):
    """tensors: [(name, dtype, shape)]; data is a counting byte pattern."""
    header = {}
    offset = 0
    for name, dtype, shape in tensors:
        count = 1
        for dim in shape:
            count *= dim
        size = count * DTYPE_SIZES[dtype]
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [offset, offset + size]}
        offset += size
    if metadata is not None:
        header["__metadata__"] = metadata
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % pad_to)
    return struct.pack("<Q", len(text)) + text + bytes(i % 251 for i in range(offset))


def safetensors_seeds(data):
    write("safetensors", "small", safetensors(
        [("a", "F32", [2, 2]), ("b", "BF16", [3]), ("c", "I64", []), ("d", "F16", [0, 4])], {"format": "pt"}))
    write("safetensors", "dtypes", safetensors([(d.lower(), d, [2]) for d in DTYPE_SIZES]))
    write("safetensors", "unaligned", safetensors([("x", "U8", [3]), ("y", "F32", [2])], pad_to=1))
    write("safetensors", "empty", safetensors([]))
    golden = os.path.join(data, "golden/gpt_bigcode_tiny_mqa/model.safetensors")
    if os.path.exists(golden):  # the golden model's tensor names, every dimension cut to 1 or 2
        with open(golden, "rb") as f:
            length = struct.unpack("<Q", f.read(8))[0]
            header = json.loads(f.read(length))
        tensors = [(name, info["dtype"], [min(d, 2) for d in info["shape"]])
                   for name, info in header.items() if name != "__metadata__"]
        write("safetensors", "golden-names", safetensors(tensors[:12], header.get("__metadata__")))


def index_seeds():
    for kind, prefix, suffix in ((0, "model-", ".safetensors"), (1, "pytorch_model-", ".bin")):
        first, second = prefix + "00001-of-00002" + suffix, prefix + "00002-of-00002" + suffix
        index = {"metadata": {"total_size": 30}, "weight_map": {"a": first, "b": first, "c": second}}
        write("checkpoint_index", "index-%d" % kind, bytes([kind]) + json.dumps(index, indent=2).encode())
        index["weight_map"] = {"a": first}
        write("checkpoint_index", "partial-%d" % kind, bytes([kind]) + json.dumps(index).encode())


# ---- torch.save zip and its pickle ---------------------------------------------------

def fake_torch():
    """Stand-ins for the torch globals a state dict pickles, so that the standard
    pickler writes what torch.save writes (protocol 2, persistent storage ids)."""
    torch = types.ModuleType("torch")
    utils = types.ModuleType("torch._utils")

    def _rebuild_tensor_v2(*args):
        raise NotImplementedError

    def _rebuild_parameter(*args):
        raise NotImplementedError

    for function in (_rebuild_tensor_v2, _rebuild_parameter):
        function.__module__ = "torch._utils"
        function.__qualname__ = function.__name__
    utils._rebuild_tensor_v2 = _rebuild_tensor_v2
    utils._rebuild_parameter = _rebuild_parameter
    storages = {}
    for name in ("FloatStorage", "HalfStorage", "BFloat16Storage", "LongStorage", "ByteStorage", "BoolStorage"):
        cls = type(name, (), {"__module__": "torch"})
        setattr(torch, name, cls)
        storages[name] = cls
    torch._utils = utils
    sys.modules["torch"] = torch
    sys.modules["torch._utils"] = utils
    return utils, storages


class Storage:
    def __init__(self, kind, key, count, size):
        self.kind, self.key, self.count, self.data = kind, key, count, bytes(i % 256 for i in range(count * size))


class Tensor:
    def __init__(self, storage, offset, shape, stride, parameter=False):
        self.storage, self.offset, self.shape, self.stride, self.parameter = storage, offset, shape, stride, parameter

    def __reduce_ex__(self, protocol):
        utils = sys.modules["torch._utils"]
        rebuilt = (utils._rebuild_tensor_v2,
                   (self.storage, self.offset, tuple(self.shape), tuple(self.stride), False, collections.OrderedDict()))
        if self.parameter:
            return (utils._rebuild_parameter, (Tensor(self.storage, self.offset, self.shape, self.stride), False,
                                               collections.OrderedDict()))
        return rebuilt


class TorchPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Storage):
            return ("storage", obj.kind, obj.key, "cpu", obj.count)
        return None


def state_dict_pickle(state):
    out = io.BytesIO()
    TorchPickler(out, protocol=2).dump(state)
    return out.getvalue()


def torch_zip(state, storages, folder="archive", byteorder=True):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        def add(name, data):  # a fixed date keeps the seeds the same from run to run
            archive.writestr(zipfile.ZipInfo(folder + "/" + name, date_time=(1980, 1, 1, 0, 0, 0)), data)
        add("data.pkl", state_dict_pickle(state))
        if byteorder:
            add("byteorder", "little")
        for storage in storages:
            add("data/" + storage.key, storage.data)
        add("version", "3\n")
    return out.getvalue()


def torch_seeds():
    _, kinds = fake_torch()
    weights = Storage(kinds["FloatStorage"], "0", 6, 4)
    halves = Storage(kinds["HalfStorage"], "1", 4, 2)
    ordered = collections.OrderedDict()
    ordered["wte.weight"] = Tensor(weights, 0, [2, 3], [3, 1])
    ordered["lm_head.weight"] = Tensor(weights, 0, [2, 3], [3, 1])  # tied: one storage
    ordered["ln.bias"] = Tensor(halves, 1, [3], [1], parameter=True)
    ordered["t.weight"] = Tensor(weights, 2, [2, 2], [1, 2])  # a strided view
    write("torch_bin", "ordered", torch_zip(ordered, [weights, halves]))
    write("unpickler", "ordered.pkl", state_dict_pickle(ordered))
    plain = {"a": Tensor(halves, 0, [4], [1])}
    write("torch_bin", "plain", torch_zip(plain, [halves], folder="pytorch_model", byteorder=False))
    write("unpickler", "plain.pkl", state_dict_pickle(plain))
    wrapped = {"state_dict": {"x": Tensor(weights, 0, [6], [1])}, "epoch": 3, "name": "run", "lr": 0.5,
               "flags": [True, False, None], "big": 2 ** 40, "neg": -7}
    write("torch_bin", "wrapped", torch_zip(wrapped, [weights]))
    write("unpickler", "wrapped.pkl", state_dict_pickle(wrapped))
    # Protocol 4 framing and memo opcodes around an empty dict.
    write("unpickler", "proto4.pkl", pickle.dumps({"k": ("v", 1, 2.5, b"\x00")}, protocol=4))
    for module in ("torch", "torch._utils"):
        del sys.modules[module]


# ---- GGUF ----------------------------------------------------------------------

def byte_level_alphabet():
    """GPT-2's bytes_to_unicode: the 256 single-byte tokens of a byte-level BPE vocabulary."""
    printable = list(range(0x21, 0x7F)) + list(range(0xA1, 0xAD)) + list(range(0xAE, 0x100))
    codes = {}
    extra = 0
    for byte in range(256):
        if byte in printable:
            codes[byte] = chr(byte)
        else:
            codes[byte] = chr(256 + extra)
            extra += 1
    return [codes[b] for b in range(256)]


def small_vocab():
    alphabet = byte_level_alphabet()
    merges = ["Ġ t", "Ġ a", "i n", "Ġt h", "e r", "d e", "de f", "Ġ Ġ", "ĠĠ ĠĠ", "r e", "re t", "ret u", "retu r",
              "retur n", "Ġ f", "Ġf i", "Ġfi b", "( n", "n )", "1 2", "Ġ <"]
    vocab = list(alphabet)
    for merge in merges:
        left, right = merge.split(" ")
        if left + right not in vocab:
            vocab.append(left + right)
    specials = ["<|endoftext|>", "<fim_prefix>", "<fim_middle>", "<fim_suffix>", "<fim_pad>"]
    return vocab, merges, specials


def gguf_string(text, version):
    data = text.encode()
    return (struct.pack("<I", len(data)) if version == 1 else struct.pack("<Q", len(data))) + data


def gguf(values, version=3):
    count = (lambda n: struct.pack("<I", n)) if version == 1 else (lambda n: struct.pack("<Q", n))
    out = b"GGUF" + struct.pack("<I", version) + count(0) + count(len(values))
    for key, (kind, value) in values.items():
        out += gguf_string(key, version)
        if kind == "str":
            out += struct.pack("<I", 8) + gguf_string(value, version)
        elif kind == "u32":
            out += struct.pack("<II", 4, value)
        elif kind == "f32":
            out += struct.pack("<If", 6, value)
        elif kind == "strs":
            out += struct.pack("<II", 9, 8) + count(len(value)) + b"".join(gguf_string(v, version) for v in value)
        elif kind == "i32s":
            out += struct.pack("<II", 9, 5) + count(len(value)) + b"".join(struct.pack("<i", v) for v in value)
        elif kind == "f32s":
            out += struct.pack("<II", 9, 6) + count(len(value)) + b"".join(struct.pack("<f", v) for v in value)
    return out


def gguf_seeds():
    vocab, merges, specials = small_vocab()
    tokens = vocab + specials
    types_ = [1] * len(vocab) + [3] * len(specials)
    values = collections.OrderedDict([
        ("general.architecture", ("str", "starcoder")),
        ("general.alignment", ("u32", 32)),
        ("tokenizer.ggml.model", ("str", "gpt2")),
        ("tokenizer.ggml.pre", ("str", "starcoder")),
        ("tokenizer.ggml.tokens", ("strs", tokens)),
        ("tokenizer.ggml.token_type", ("i32s", types_)),
        ("tokenizer.ggml.scores", ("f32s", [0.0] * 4)),
        ("tokenizer.ggml.merges", ("strs", merges)),
        ("tokenizer.ggml.eos_token_id", ("u32", len(vocab))),
        ("general.rope_scale", ("f32", 1.0)),
    ])
    write("gguf_vocab", "v3", gguf(values, 3))
    write("gguf_vocab", "v2", gguf(values, 2))
    del values["tokenizer.ggml.pre"]
    write("gguf_vocab", "v1-no-pre", gguf(values, 1))
    write("tokenizer_select", "gguf", bytes([2, 0]) + gguf(values, 3))


# ---- tokenizer.json ----------------------------------------------------------------

def tokenizer_json(digits=True, merges_as_pairs=False):
    vocab, merges, specials = small_vocab()
    ids = {token: i for i, token in enumerate(vocab)}
    added = [{"id": len(vocab) + i, "content": s, "single_word": False, "lstrip": i == 2, "rstrip": i == 3,
              "normalized": False, "special": True} for i, s in enumerate(specials)]
    added.append({"id": len(vocab) + len(specials), "content": " user_word", "single_word": True, "lstrip": False,
                  "rstrip": False, "normalized": True, "special": False})
    byte_level = {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True}
    pre = ({"type": "Sequence", "pretokenizers": [{"type": "Digits", "individual_digits": True}, byte_level]}
           if digits else byte_level)
    return json.dumps({
        "version": "1.0", "truncation": None, "padding": None, "added_tokens": added, "normalizer": None,
        "pre_tokenizer": pre, "post_processor": byte_level, "decoder": byte_level,
        "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": None,
                  "end_of_word_suffix": None, "fuse_unk": False, "byte_fallback": False,
                  "vocab": ids, "merges": [m.split(" ") for m in merges] if merges_as_pairs else merges},
    }, ensure_ascii=False, indent=1)


def tokenizer_seeds():
    write("tokenizer_json", "digits", tokenizer_json(True))
    write("tokenizer_json", "plain-pairs", tokenizer_json(False, merges_as_pairs=True))
    config = json.dumps({"eos_token": {"content": "<|endoftext|>"}, "model_max_length": 8192}).encode()
    write("tokenizer_select", "folder-json-config", bytes([8, len(config)]) + config + tokenizer_json(True).encode())
    write("tokenizer_select", "file-json", bytes([0, 0]) + tokenizer_json(False).encode())
    write("tokenizer_select", "model", bytes([1, 0]) + b"\x0a\x09\x0a\x05<unk>\x15\x00\x00\x00\x00\x18\x02")


# ---- config.json ---------------------------------------------------------------------

def config_seeds(data):
    golden = os.path.join(data, "golden/gpt_bigcode_tiny_mqa/config.json")
    if os.path.exists(golden):
        with open(golden, "rb") as f:
            write("config_json", "golden", f.read())
    write("config_json", "starcoder", json.dumps({
        "model_type": "gpt_bigcode", "vocab_size": 49152, "n_positions": 8192, "n_embd": 6144, "n_layer": 40,
        "n_head": 48, "n_inner": 24576, "multi_query": True, "activation_function": "gelu",
        "layer_norm_epsilon": 1e-5, "scale_attn_weights": True, "bos_token_id": 0, "eos_token_id": 0,
        "torch_dtype": "bfloat16"}, indent=2))
    write("config_json", "aliases", json.dumps({
        "model_type": "gpt_bigcode", "vocab_size": 64, "max_position_embeddings": 32, "hidden_size": 16,
        "num_hidden_layers": 1, "num_attention_heads": 2, "multi_query": False, "num_key_value_heads": 2,
        "pad_token_id": None, "tie_word_embeddings": False}))


# ---- problem sets and samples -----------------------------------------------------------

def first_lines(path, count, opener=open):
    with opener(path, "rt", encoding="utf-8") as f:
        return [next(f) for _ in range(count)]


def smallest_lines(path, count, opener=open):
    with opener(path, "rt", encoding="utf-8") as f:
        return sorted(f, key=len)[:count]


def problem_seeds(data):
    he = os.path.join(data, "humaneval")
    sources = [
        ("humaneval.jsonl.gz", "HumanEval.jsonl.gz", 2, gzip.open, True),
        ("humanevalplus.jsonl", "HumanEvalPlus-Mini-v0.1.10.jsonl.gz", 1, gzip.open, False),
    ]
    for name, source, count, opener, compress in sources:
        path = os.path.join(he, source)
        if not os.path.exists(path):
            continue
        text = "".join(smallest_lines(path, count, opener))
        write("problems", name, gzip.compress(text.encode(), mtime=0) if compress else text)
    mbpp = os.path.join(data, "mbpp/mbpp.jsonl")
    if os.path.exists(mbpp):
        write("problems", "mbpp.jsonl", "".join(first_lines(mbpp, 2)))
    sanitized = os.path.join(data, "mbpp/sanitized-mbpp.json")
    if os.path.exists(sanitized):
        with open(sanitized, encoding="utf-8") as f:
            records = json.load(f)[:2]
        write("problems", "sanitized-mbpp.json", json.dumps(records, indent=4))
    write("problems", "rrtf.jsonl", jsonl([
        {"task_id": "own/1", "instruction": "Write f(x) that doubles x.", "tests": "assert f(2) == 4\n",
         "solution": "def f(x):\n    return 2 * x\n", "entry_point": "f"},
        {"task_id": 7, "instruction": "Sum a list.", "tests": ["assert s([1, 2]) == 3", "assert s([]) == 0"]},
    ]))
    # LeetCode's and CoderEval's texts may not be redistributed: records of their shapes
    # written for this project, with every field their readers look at.
    write("problems", "leetcode.jsonl", jsonl([
        {"task_id": "weekly-contest-1-pair-sum", "url": "https://example.invalid/problems/pair-sum",
         "title": "pair-sum",
         "meta": "{'questionId': '1', 'title': 'Pair Sum', 'difficulty': 'Easy', 'lang': 'python3'}",
         "prompt": '"""\nGiven a list nums and an integer target, return how many pairs i < j have '
                   'nums[i] + nums[j] == target.\n"""\nclass Solution:\n    def pairSum(self, nums: List[int], '
                   'target: int) -> int:\n',
         "prompt_sft": "Count the pairs i < j with nums[i] + nums[j] == target.\n\n```python\nclass Solution:\n"
                       "    def pairSum(self, nums: List[int], target: int) -> int:\n```",
         "test": "\nmy_solution = Solution()\n\ntest_input = { \"nums\": [1, 2, 3], \"target\": 4 }\n"
                 "assert my_solution.pairSum(**test_input) == 1\n",
         "start_time": "1692498600"}]))
    write("problems", "codereval.jsonl", jsonl([
        {"question_id": "0123456789abcdef01234567", "input": "def reset_counter(cls):\n\t\"\"\"\n\tReset\n\t\"\"\"\n\t",
         "signature": "def reset_counter(cls):", "docstring": "Reset"},
        {"question_id": "0123456789abcdef01234568", "input": "def list_names(path):\n\t\"\"\"\n\tNames in `path`\n\t\"\"\"\n\t",
         "signature": "def list_names(path):", "docstring": "Names in `path`"}]))
    write("problems", "humanevalplus-strings.jsonl", jsonl([
        {"task_id": "HumanEval/0", "prompt": "def f(x):\n", "entry_point": "f", "canonical_solution": "    return x\n",
         "contract": "", "base_input": "[[1], [float('inf')]]", "plus_input": "[[2]]", "atol": "1e-6",
         "test": ""}]))

    samples = [
        {"task_id": "HumanEval/0", "completion": "    return x\n"},
        {"task_id": "HumanEval/0", "solution": "def f(x):\n    return x\n", "extra": {"k": [1, 2]}},
        {"task_id": 11, "completion": "pass", "temperature": 0.8},
    ]
    write("samples", "samples.jsonl", jsonl(samples))
    write("samples", "samples.jsonl.gz", gzip.compress(jsonl(samples).encode(), mtime=0))
    write("samples", "array.json", json.dumps(samples))


# ---- training data -------------------------------------------------------------------------

def training_seeds():
    records = [
        {"task_id": "alpaca/17/evol1", "instruction": "Write f(x) returning x squared.", "tests": "assert f(2) == 4\n",
         "solution": "def f(x):\n    return x * x\n", "entry_point": "f",
         "answers": [{"text": "def f(x): return x**2", "source": "gpt-3.5-turbo", "temperature": 0.2},
                     {"text": "def f(x): return x*x", "source": "human", "note": "kept"}],
         "evolution": {"seed": "alpaca/17", "parent": "alpaca/17", "round": 1, "prompt": "pangu-coder2",
                       "heuristic": 3},
         "meta": {"origin": "seed"}},
        {"task_id": 5, "instruction": "Sum.", "tests": ["assert s([1]) == 1"]},
    ]
    write("training_records", "records.jsonl", jsonl(records))
    write("training_records", "no-tests.jsonl", jsonl([{"task_id": "x", "instruction": "Say hi."}]))

    def answer(cls, score, outcome, passed, total):
        return {"model": "student", "temperature": 0.8, "outcome": outcome, "tests_passed": passed,
                "tests_total": total, "detail": "", "class": cls, "score": score, "reason": "",
                "text": "```python\ndef f(x):\n    return x\n```", "code": "def f(x):\n    return x\n"}

    ranked = {"task_id": "alpaca/17", "prompt": "Write f.",
              "teachers": [answer("all_pass", 3.0, "passed", 2, 2)],
              "best_teacher": 0,
              "students": [answer("partial", 2.5, "failed", 1, 2), answer(None, None, "sandbox_error", 0, 0)],
              "pairs": [{"student": 0, "r_tea": 3.0, "r_stu": 2.5}], "reason": ""}
    ranked["students"][1].pop("class")
    ranked["students"][1].pop("score")
    empty = {"task_id": 9, "prompt": "x", "teachers": [], "best_teacher": None, "students": [], "pairs": [],
             "reason": "no teacher answer"}
    write("rankings", "rankings.jsonl", jsonl([ranked, empty]))

    group = {"task_id": "alpaca/17", "role": "student",
             "model": {"name": "starcoder", "dir": "/models/starcoder", "fingerprint": "3f9c"},
             "template": "pangu", "temperature": 0.8, "top_p": 0.95, "seed": 8812, "max_new_tokens": 512,
             "samples": [{"index": 0, "text": "def f(x): return x", "finish": "eos", "tokens": 41},
                         {"index": 1, "text": "", "finish": "length", "tokens": 512}]}
    teacher = {"task_id": "alpaca/17", "role": "teacher", "model": {"name": "data"},
               "samples": [{"index": 0, "text": "def f(x): return x", "source": "human"},
                           {"index": 1, "text": "x", "source": "gpt-4", "temperature": 0.2}]}
    write("answer_samples", "answers.jsonl", jsonl([group, teacher]))
    write("answer_samples", "partial-tail.jsonl", jsonl([group]) + json.dumps(teacher)[:40])

    limits = {"wall_seconds": 6.0, "cpu_seconds": 3.0, "memory_mib": 1024, "max_processes": 64,
              "file_size_mib": 16, "output_keep_bytes": 65536, "output_kill_bytes": 1048576}
    header = {"rrtf_verdict_journal": 1,
              "settings": {"limits": limits, "prefer_split": True, "interpreter": "/usr/bin/python3 3.11.2"}}
    verdict = {"outcome": "failed", "tests_passed": 1, "tests_total": 3, "detail": "line 2: assert f(1) == 2",
               "stdout": "", "stderr": "", "wall_ms": 12.5, "cpu_ms": 10.0, "level": "split",
               "fallback_reason": "", "tier": "userns", "interpreter": "/usr/bin/python3 3.11.2",
               "limits": limits, "rechecked": False}
    line = {"task_id": "alpaca/17", "role": "student", "model": "student:/models/s", "index": 0,
            "code_sha256": "ab" * 32, "tests_sha256": "cd" * 32, "verdict": verdict}
    write("verdict_journal", "journal", jsonl([header, line, dict(line, index=1, role="teacher")]))
    write("verdict_journal", "partial", jsonl([header, line]) + json.dumps(line)[:30])
    write("verdict_journal", "header-only", jsonl([header]))

    metrics = [{"step": s, "loss": 2.0 / s, "lr": 1e-5, "elapsed_seconds": s * 1.5, "time": 1.7e9 + s,
                "tokens_seen": 512 * s} for s in range(1, 5)]
    text = jsonl(metrics)
    write("metrics", "metrics", bytes([len(jsonl(metrics[:2]))]) + text.encode())
    write("metrics", "partial", bytes([30]) + (text + '{"step": 5, "lo').encode())


# ---- the sandbox's lines ---------------------------------------------------------------------

def sandbox_seeds():
    limits = {"wall_s": 6.0, "cpu_s": 3.0, "memory_mb": 1024, "nproc": 64, "fsize_mb": 16, "output_keep": 65536,
              "output_kill": 1048576}
    job = {"id": 7, "task_id": "HumanEval/0", "style": "check", "candidate": "def f(x):\n    return x\n",
           "prelude": "", "tests": "def check(c):\n    assert c(1) == 1\n", "entry_point": "f", "reference": "",
           "inputs": "", "atol": 0.0, "split": True, "allow_fallback": False, "limits": limits}
    answer = {"id": 7, "outcome": "passed", "tests_passed": 3, "tests_total": 3, "detail": "", "stdout": "",
              "stderr": "", "wall_ms": 4.1, "cpu_ms": 2.0, "level": "split", "fallback_reason": "",
              "tier": "root", "interpreter": "/usr/bin/python3 3.11.2"}
    ready = {"ready": True, "tier": "userns", "interpreter": "/usr/bin/python3 3.11.2", "detail": "user namespaces"}
    refused = {"ready": False, "tier": "unsafe", "error": "no isolation available"}
    write("sandbox_client", "ready-answers", jsonl([ready, answer, dict(answer, id=8, outcome="timeout")]))
    write("sandbox_client", "refused", jsonl([refused]))
    hello = {"hello": {"interpreter": "/usr/bin/python3 3.11.2", "tier": "userns"}}
    write("sandbox_supervisor", "jobs", jsonl([hello, job, dict(job, id=8, style="inputs", inputs="[[1], [2]]"),
                                               answer]) + "\n\n")
    write("sandbox_supervisor", "no-limits", jsonl([{"id": "x"}, {"id": None, "limits": {}}]))


def sse_seeds():
    # Byte 0: the size of the pieces the stream is fed in.
    chunks = "".join("data: " + json.dumps({"id": "cmpl-1", "object": "text_completion", "choices": [
        {"index": 0, "text": text, "logprobs": None, "finish_reason": None}]}) + "\n\n" for text in ["def", " f", "(x)"])
    write("sse", "completions", b"\x07" + (chunks + "data: [DONE]\n\n").encode())
    chat = "".join("data: " + json.dumps({"choices": [{"index": 0, "delta": {"content": text}}]}) + "\r\n\r\n"
                   for text in ["ret", "urn"])
    write("sse", "chat-crlf", b"\x03" + chat.encode())
    write("sse", "fields", b"\x01\xef\xbb\xbf: ping\nevent: error\nid: 3\nretry: 1000\ndata: a\rdata\r\rdata: {\"cho")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--test-data", "--shared-data", dest="test_data",
                        default=os.path.join(ROOT, "..", "tests", "data"),
                        help="a folder with the layout of tests/data (default: tests/data)")
    args = parser.parse_args()
    if os.path.isdir(CORPUS):
        shutil.rmtree(CORPUS)
    safetensors_seeds(args.test_data)
    index_seeds()
    torch_seeds()
    gguf_seeds()
    tokenizer_seeds()
    config_seeds(args.test_data)
    problem_seeds(args.test_data)
    training_seeds()
    sandbox_seeds()
    sse_seeds()
    total = sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(CORPUS) for f in files)
    print("fuzz/corpus: %d bytes" % total)


if __name__ == "__main__":
    main()
