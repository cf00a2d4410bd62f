"""Level A: candidate and tests in one process (spec/sandbox.md §5.2).

Used for style "script", for jobs with split=false and for level-B fallbacks.
It stops accidents and casual reward hacking only: the candidate shares the
interpreter with this runner and can walk frames up to the nonce (that is why
level B is the default).

Before any untrusted code runs: compile everything (a syntax verdict), keep
os.write/os._exit in locals, snapshot builtins, install an audit-hook tripwire
(gc.get_objects/get_referrers/get_referents, sys.settrace/setprofile,
sys._current_frames, ctypes, open() of /proc; not sys._getframe, which
namedtuple/typing/enum need). Candidate functions the tests call are wrapped
so that results must be exact plain builtin types (rebuilt); the tests run in
fresh globals with a copy of the pristine builtins, after the trusted prelude.

Standard library only; may import codec, assertions, candidate_side, tests_side.
"""

import ast
import builtins
import os
import sys

import assertions
import codec
import differential
import tests_side

CANDIDATE_FILENAME = "<candidate>"
_BLOCKED_EVENTS = frozenset((
    "gc.get_objects", "gc.get_referrers", "gc.get_referents",
    "sys.settrace", "sys.setprofile", "sys._current_frames", "sys._current_exceptions",
))


def make_tripwire():
    """The audit hook: RuntimeError("sandbox: <event> is not allowed") for the blocked
    events, any ctypes.* event and open() of a path under /proc."""
    blocked = _BLOCKED_EVENTS
    realpath = os.path.realpath
    fsdecode = os.fsdecode
    runtime_error = RuntimeError
    str_type, bytes_type = str, bytes

    def tripwire(event, args):
        if event in blocked or event.startswith("ctypes."):
            raise runtime_error("sandbox: %s is not allowed" % event)
        if event == "open" and args:
            path = args[0]
            if type(path) is bytes_type:
                path = fsdecode(path)
            if type(path) is str_type:
                try:
                    resolved = realpath(path)
                except BaseException:
                    resolved = path
                for candidate in (path, resolved):
                    if candidate == "/proc" or candidate.startswith("/proc/"):
                        raise runtime_error("sandbox: open(%r) is not allowed" % path)

    return tripwire


def _json_text(value):
    """JSON text of the record's values (str, int, bool) without the json module."""
    t = type(value)
    if t is bool:
        return "true" if value else "false"
    if t is int:
        return int.__repr__(value)
    if t is not str:
        value = "" if value is None else assertions.safe_str(value)
    parts = ['"']
    for ch in value:
        code = ord(ch)
        if ch == '"' or ch == "\\" or code < 0x20 or code > 0x7E:
            if code > 0xFFFF:
                code -= 0x10000
                parts.append("\\u%04x\\u%04x" % (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)))
            else:
                parts.append("\\u%04x" % code)
        else:
            parts.append(ch)
    parts.append('"')
    return "".join(parts)


def record_line(nonce, record):
    """The verdict line: {"nonce": ..., "outcome": ..., "tests_passed": ..., "tests_total": ...,
    "detail": ...}, as ASCII bytes ending in a newline."""
    keys = ("outcome", "tests_passed", "tests_total", "detail")
    body = ",".join('"%s":%s' % (key, _json_text(record.get(key, 0 if key.startswith("tests") else "")))
                    for key in keys)
    return ('{"nonce":%s,%s}\n' % (_json_text(nonce), body)).encode("ascii")


def _wrap(function, name):
    rebuild = codec.rebuild
    is_plain_type = codec.is_plain_type
    not_plain = codec.NotPlainData
    type_error = TypeError
    opaque = tests_side.Opaque
    type_ = type
    bool_ = bool

    def candidate(*args, **kwargs):
        result = function(*args, **kwargs)
        try:
            return rebuild(result, True)
        except not_plain as e:
            if is_plain_type(type_(result), True):
                raise type_error("candidate returned non-plain type: %s" % assertions.safe_str(e)) from None
        # As in level B: a stand-in with only the truth value (bool() runs candidate code,
        # which is in this process anyway).
        return opaque(assertions.type_name(result), bool_(result) is True)

    candidate.__name__ = name
    candidate.__qualname__ = name
    return candidate


def run_in_process(job, verdict_fd, nonce):
    """Judge the job in this process; write one record carrying `nonce` to verdict_fd
    and end with os._exit(0). Never returns."""
    write = os.write
    exit_ = os._exit
    line_of = record_line
    try:
        os.set_inheritable(verdict_fd, False)
    except BaseException:
        pass
    try:
        record = _run(job)
    except MemoryError:
        record = {"outcome": "out_of_memory", "tests_passed": 0, "tests_total": 0,
                  "detail": "MemoryError in the runner"}
    except BaseException as e:
        record = {"outcome": "error", "tests_passed": 0, "tests_total": 0,
                  "detail": "the in-process runner failed: " + assertions.exception_detail(e)}
    try:
        data = line_of(nonce, record)
        while data:
            n = write(verdict_fd, data)
            data = data[n:]
    except BaseException:
        exit_(1)
    exit_(0)


def _run(job):
    ledger = assertions.Ledger()
    state = {"static": 0}
    try:
        return _drive(job, ledger, state)
    except assertions.Abort as a:
        # Only trusted parts failing raise Abort legitimately here; the candidate can raise
        # one too (assertions is importable), so whatever it says, the outcome is error.
        detail = a.detail if type(a.detail) is str else assertions.safe_str(a.detail)
        return tests_side.abort_record(assertions.Abort("error", detail), ledger, state["static"])


def _drive(job, ledger, state):
    style = job.get("style")
    if style not in ("check", "asserts", "inputs", "script"):
        raise assertions.Abort("error", "unknown test style %r" % (style,))
    entry = job.get("entry_point") or ""
    # Asserts never re-raise anything in level A: only this runner may end the run.
    never = type("NeverRaised", (BaseException,), {})

    # 1. Compile everything before any untrusted code runs.
    tree = code = None
    if style == "inputs":
        inputs = differential.load_inputs(job)
        state["static"] = len(inputs)
    else:
        try:
            source = job.get("tests") or ""
            tree = ast.parse(source, tests_side.TESTS_FILENAME, "exec")
            code = assertions.compile_counted(source, tests_side.TESTS_FILENAME)
        except (SyntaxError, ValueError) as e:
            raise assertions.Abort("error", "the tests do not compile: " + assertions.exception_detail(e)) from None
        state["static"] = assertions.count_asserts(tree)
    try:
        candidate_code = compile(job.get("candidate") or "", CANDIDATE_FILENAME, "exec", dont_inherit=True)
    except SyntaxError as e:
        detail = assertions.safe_str(e.msg) + (" (line %d)" % e.lineno if e.lineno else "")
        return {"outcome": "syntax_error", "tests_passed": 0, "tests_total": state["static"],
                "detail": assertions.shorten(detail)}
    except (ValueError, OverflowError) as e:
        return {"outcome": "syntax_error", "tests_passed": 0, "tests_total": state["static"],
                "detail": assertions.shorten(assertions.safe_str(e))}

    # 2. Pristine builtins, trusted reference, tripwire.
    pristine = dict(builtins.__dict__)
    if style == "inputs":
        reference, reference_namespace = differential.load_reference(job, dict(pristine))
    sys.addaudithook(make_tripwire())

    # 3. The candidate.
    if style == "script":
        namespace = {"__name__": "__main__", "__builtins__": dict(pristine)}
        tests_side.run_prelude(job.get("prelude") or "", namespace)
    else:
        namespace = {"__name__": "__candidate__", "__builtins__": builtins}
    try:
        exec(candidate_code, namespace)
    except BaseException as e:
        line = assertions.innermost_line(e.__traceback__, CANDIDATE_FILENAME)
        return {"outcome": assertions.outcome_for_exception(e), "tests_passed": 0,
                "tests_total": state["static"], "detail": assertions.exception_detail(e, line)}

    # 4. The tests.
    if style == "script":
        assertions.bind(namespace, ledger, never)
        tests_side.run_counted(code, namespace, ledger)
        return ledger.verdict(state["static"])

    if style == "inputs":
        function = namespace.get(entry)
        if not callable(function):
            ledger.escaped(NameError("the candidate does not define %s()" % entry))
            return ledger.verdict(state["static"])
        wrapped = _wrap(function, entry)
        differential.run_inputs(job, inputs, reference, reference_namespace, lambda args: wrapped(*args), ledger)
        return ledger.verdict(state["static"])

    tests_namespace = {"__name__": "__tests__", "__builtins__": dict(pristine)}
    prelude = job.get("prelude") or ""

    def bind_candidate_names(wanted):
        for name in sorted(wanted):
            if name not in namespace or (name.startswith("__") and name.endswith("__")):
                continue
            value = namespace[name]
            if not isinstance(value, type) and callable(value):
                value = _wrap(value, name)
            tests_namespace[name] = value

    # The prelude may use the candidate's names (MBPP's test_setup_code, see tests_side).
    bind_candidate_names(tests_side.prelude_names(prelude))
    tests_side.run_prelude(prelude, tests_namespace)
    if style == "asserts":
        bind_candidate_names(tests_side.names_in_tests(tree))
    else:
        function = namespace.get(entry)
        if not callable(function):
            ledger.escaped(NameError("the candidate does not define %s()" % entry))
            return ledger.verdict(state["static"])
        # The tests' own references to the entry point mean the candidate's (see tests_side).
        tests_namespace[entry] = _wrap(function, entry)
    assertions.bind(tests_namespace, ledger, never)
    if tests_side.run_counted(code, tests_namespace, ledger) and style == "check":
        tests_side.call_check(tests_namespace, tests_namespace[entry], ledger)
    return ledger.verdict(state["static"])
