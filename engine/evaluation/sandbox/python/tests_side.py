"""The tests process (T) of level B: runs the trusted tests with every candidate
function replaced by a Proxy that calls into the candidate process (C) over
frames. See ../PROTOCOL.md.

T never executes candidate code and never touches a candidate object: replies
are data (the tagged encoding of codec) rebuilt here with T's own builtins.

Styles:
  check    exec prelude and tests, then check(Proxy(entry_point))      (HumanEval)
  asserts  exec prelude, then module-level asserts whose names of
           candidate functions are bound to proxies                      (MBPP, own)
  inputs   call the entry point on each input and compare with the
           trusted reference's output as EvalPlus does                   (HumanEval+)
  script   not split: a `fallback` verdict, the zygote reruns it in level A.

Standard library only; may import codec, assertions, candidate_side and differential.
"""

import ast
import builtins
import json
import os
import time

import assertions
import codec
from assertions import Abort
from differential import load_inputs, load_reference, run_inputs

TESTS_FILENAME = "<tests>"
PRELUDE_FILENAME = "<prelude>"
CANDIDATE_ENDED = "candidate process ended"


# --------------------------------------------------------------------------------------
# Exceptions raised by the candidate, re-created in T


class RemoteError(Exception):
    """Base of exceptions re-created from the candidate's `raised` replies whose name is
    not one of T's builtin exception classes."""

    def __str__(self):
        return self.args[0] if self.args and type(self.args[0]) is str else ""


def _remote_str(self):
    return self.args[0] if self.args and type(self.args[0]) is str else ""


_remote_classes = {}


def remote_exception(type_name, message):
    """An exception whose type name and str() are the candidate's. When the name is a
    builtin Exception class of T it is a subclass of that class (so `except ValueError`
    in the tests still works); otherwise a subclass of RemoteError."""
    cls = _remote_classes.get(type_name)
    if cls is not None:
        return cls(message)
    base = getattr(builtins, type_name, None) if type_name.isidentifier() else None
    if isinstance(base, type) and issubclass(base, Exception):
        try:
            cls = type(type_name, (base,), {"__module__": "candidate", "__str__": _remote_str})
            exc = cls(message)  # fails for classes such as UnicodeDecodeError (5 arguments)
            _remote_classes[type_name] = cls
            return exc
        except Exception:
            pass
    try:
        cls = type(type_name, (RemoteError,), {"__module__": "candidate"})
    except Exception:  # a name type() refuses (NUL characters)
        cls = type("CandidateError", (RemoteError,), {"__module__": "candidate"})
    _remote_classes[type_name] = cls
    return cls(message)


# --------------------------------------------------------------------------------------
# The channel to C and the proxies


class Channel:
    """Request/response frames to the candidate process under one absolute deadline."""

    def __init__(self, req_fd, resp_fd, deadline):
        self.req_fd = req_fd
        self.resp_fd = resp_fd
        self.deadline = deadline
        self.calls = 0

    def _read(self, waiting_for):
        try:
            frame = codec.read_frame(self.resp_fd, self.deadline)
        except codec.FrameTimeout:
            raise Abort("timeout", "timed out waiting for the candidate (%s)" % waiting_for) from None
        except codec.FrameError as e:
            raise Abort("error", "malformed reply from the candidate: %s" % e) from None
        except OSError:
            raise Abort("error", CANDIDATE_ENDED) from None
        if frame is None:
            raise Abort("error", CANDIDATE_ENDED)
        try:
            message = codec.decode_message(frame)
        except codec.DecodeError as e:
            raise Abort("error", "malformed reply from the candidate: %s" % e) from None
        if type(message) is not dict or len(message) != 1:
            raise Abort("error", "malformed reply from the candidate")
        return message

    def first_message(self):
        """The candidate's first message: ("ready", names), ("syntax_error", detail) or
        ("load_error", (type, detail))."""
        message = self._read("loading")
        ((tag, body),) = message.items()
        if tag == "ready" and type(body) is dict and type(body.get("names")) is dict:
            names = {k: v for k, v in body["names"].items() if type(v) is str}
            return "ready", names
        if tag == "syntax_error" and type(body) is dict:
            text = _text(body.get("message")) or "invalid syntax"
            line = body.get("line")
            if type(line) is int:
                text += " (line %d)" % line
            return "syntax_error", assertions.shorten(text)
        if tag == "load_error" and type(body) is dict:
            kind = _text(body.get("type")) or "Exception"
            text = kind
            message = _text(body.get("message"))
            if message:
                text += ": " + message
            line = body.get("line")
            if type(line) is int:
                text += " (line %d)" % line
            return "load_error", (kind, assertions.shorten(text))
        raise Abort("error", "malformed first message from the candidate")

    def call(self, name, args, kwargs):
        try:
            message = {"call": name, "args": [codec.to_tree(a) for a in args]}
            if kwargs:
                message["kwargs"] = {k: codec.to_tree(v) for k, v in kwargs.items()}
        except codec.NotPlainData as e:
            raise Abort("fallback", "an argument to %s() cannot cross to the candidate process: %s"
                        % (name, e)) from None
        payload = codec.encode_message(message)
        if len(payload) > codec.MAX_FRAME:
            raise Abort("fallback", "the arguments to %s() take %d bytes, over the frame cap"
                        % (name, len(payload)))
        self.calls += 1
        if self.deadline is not None and time.monotonic() >= self.deadline:
            raise Abort("timeout", "the deadline passed before call #%d (%s)" % (self.calls, name))
        try:
            codec.write_frame(self.req_fd, payload, self.deadline)
        except codec.FrameTimeout:
            raise Abort("timeout", "timed out sending call #%d (%s) to the candidate" % (self.calls, name)) from None
        except OSError:
            raise Abort("error", CANDIDATE_ENDED) from None
        reply = self._read("call #%d, %s()" % (self.calls, name))
        ((tag, body),) = reply.items()
        if tag == "ok":
            try:
                return codec.from_tree(body)
            except codec.DecodeError as e:
                raise Abort("error", "malformed reply from the candidate: %s" % e) from None
        if tag == "raised" and type(body) is dict:
            kind = _text(body.get("type")) or "Exception"
            message = assertions.shorten(_text(body.get("message")))
            if kind == "MemoryError":
                raise Abort("out_of_memory", "MemoryError in %s()%s" % (name, ": " + message if message else ""))
            raise remote_exception(kind, message)
        if tag == "opaque" and type(body) is dict and type(body.get("truth")) is bool:
            return Opaque(_text(body.get("type")) or "object", body["truth"])
        if tag == "bad_return":
            raise TypeError("candidate returned non-plain type: %s" % assertions.shorten(_text(body), 300))
        raise Abort("error", "malformed reply from the candidate")


class Opaque:
    """Stands for a non-plain object the candidate returned (a re.Match, or a hostile
    AlwaysEqual): only its truth value, computed by the candidate, is known. Every
    comparison, hash or arithmetic is a TypeError, so it can never equal anything."""

    __slots__ = ("type_name", "truth")

    def __init__(self, type_name, truth):
        object.__setattr__(self, "type_name", type_name)
        object.__setattr__(self, "truth", truth is True)

    def _refuse(self, *args):
        raise TypeError("candidate returned non-plain type %s: only its truth value can be used"
                        % object.__getattribute__(self, "type_name"))

    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = __hash__ = _refuse
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _refuse
    __truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = _refuse
    __abs__ = __neg__ = __pos__ = __len__ = __iter__ = __contains__ = __getitem__ = _refuse
    __index__ = __int__ = __float__ = __complex__ = _refuse

    def __setattr__(self, name, value):
        raise AttributeError("read-only")

    def __bool__(self):
        return object.__getattribute__(self, "truth")

    def __repr__(self):
        return "<non-plain %s from the candidate>" % object.__getattribute__(self, "type_name")

    __str__ = __repr__


def _text(value):
    return value if type(value) is str else ""


class Proxy:
    """Stands for the candidate's function `name`: calling it calls it in C."""

    def __init__(self, channel, name):
        self._channel = channel
        self.__name__ = name
        self.__qualname__ = name

    def __call__(self, *args, **kwargs):
        return self._channel.call(self.__name__, args, kwargs)

    def __repr__(self):
        return "<candidate function %s>" % self.__name__


# --------------------------------------------------------------------------------------
# Shared by level A and level B


def names_in_tests(tree):
    """Names the tests read but never bind themselves (candidates for binding)."""
    loaded, bound = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (loaded if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                bound.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
    return loaded - bound


def prelude_names(source):
    """Names the prelude reads but does not bind (empty if it does not parse)."""
    if not source:
        return set()
    try:
        return names_in_tests(ast.parse(source, PRELUDE_FILENAME, "exec"))
    except (SyntaxError, ValueError):
        return set()


def _kind_text(kind):
    return "a class" if kind == "class" else "a function" if kind == "function" else "an object"


def run_prelude(source, namespace):
    """Exec the trusted prelude; an exception there is the dataset's, reported as error."""
    if not source:
        return
    try:
        exec(compile(source, PRELUDE_FILENAME, "exec", dont_inherit=True), namespace)
    except Abort:
        raise
    except BaseException as e:
        raise Abort("error", "the prelude raised " + assertions.exception_detail(e)) from None


def run_counted(code, namespace, ledger):
    """Exec counted test code; an exception escaping outside asserts ends it as error."""
    try:
        exec(code, namespace)
    except Abort:
        raise
    except BaseException as e:
        ledger.escaped(e, assertions.innermost_line(e.__traceback__, TESTS_FILENAME))
        return False
    return True


def call_check(namespace, candidate, ledger):
    check = namespace.get("check")
    if not callable(check):
        ledger.escaped(NameError("the tests define no check() function"))
        return
    try:
        check(candidate)
    except Abort:
        raise
    except BaseException as e:
        ledger.escaped(e, assertions.innermost_line(e.__traceback__, TESTS_FILENAME))


def compile_tests(source):
    """(code, static assert count, names the tests read) of trusted test code, from one
    parse; Abort("error") if it does not compile. The zygote caches the result per test
    text, so the samples of one problem share the work."""
    try:
        tree = ast.parse(source, TESTS_FILENAME, "exec")
        names = names_in_tests(tree)
        static = assertions.count_asserts(tree)
        code = assertions.compile_counted_tree(tree, source, TESTS_FILENAME)
    except (SyntaxError, ValueError) as e:
        raise Abort("error", "the tests do not compile: " + assertions.exception_detail(e)) from None
    return code, static, names


# --------------------------------------------------------------------------------------
# Level B entry point


def tests_record(job, req_fd, resp_fd):
    """Run the tests against the candidate process and return the verdict record."""
    try:
        return _run_split(job, req_fd, resp_fd)
    except MemoryError:
        return {"outcome": "out_of_memory", "tests_passed": 0, "tests_total": 0,
                "detail": "MemoryError in the tests process"}
    except BaseException as e:
        return {"outcome": "error", "tests_passed": 0, "tests_total": 0,
                "detail": "the tests process failed: " + assertions.exception_detail(e)}


def run_tests_split(job, req_fd, resp_fd, verdict_fd):
    """Run the tests against the candidate process; write one verdict record (a JSON
    line) to verdict_fd; never returns."""
    record = tests_record(job, req_fd, resp_fd)
    try:
        write_record(verdict_fd, record)
    except BaseException:
        os._exit(1)
    os._exit(0)


def write_record(fd, record):
    line = (json.dumps(record, ensure_ascii=True, separators=(",", ":")) + "\n").encode("ascii")
    view = memoryview(line)
    while view:
        try:
            n = os.write(fd, view)
        except InterruptedError:
            continue
        view = view[n:]


def abort_record(abort, ledger, static_total):
    if abort.outcome == "fallback":
        return {"outcome": "fallback", "tests_passed": 0, "tests_total": 0,
                "detail": assertions.shorten(abort.detail)}
    return {"outcome": abort.outcome, "tests_passed": ledger.passed,
            "tests_total": max(ledger.total, static_total), "detail": assertions.shorten(abort.detail)}


def _run_split(job, req_fd, resp_fd):
    ledger = assertions.Ledger()
    state = {"static": 0}
    try:
        return _drive(job, req_fd, resp_fd, ledger, state)
    except Abort as a:
        return abort_record(a, ledger, state["static"])


def _drive(job, req_fd, resp_fd, ledger, state):
    style = job.get("style")
    if style == "script":
        raise Abort("fallback", "script-style tests run as one program (level A)")
    if style not in ("check", "asserts", "inputs"):
        raise Abort("error", "unknown test style %r" % (style,))
    entry = job.get("entry_point") or ""
    channel = Channel(req_fd, resp_fd, job.get("deadline"))

    # The trusted parts first: a problem there is the dataset's, whatever the candidate is.
    if style == "inputs":
        reference, reference_namespace = load_reference(job, builtins)
        inputs = load_inputs(job)
        state["static"] = len(inputs)
    else:
        compiled = job.get("compiled_tests")  # set by the zygote's cache
        code, state["static"], test_names = compiled or compile_tests(job.get("tests") or "")

    tag, body = channel.first_message()
    if tag == "syntax_error":
        return {"outcome": "syntax_error", "tests_passed": 0, "tests_total": state["static"], "detail": body}
    if tag == "load_error":
        kind, detail = body
        outcome = "out_of_memory" if kind == "MemoryError" else "error"
        return {"outcome": outcome, "tests_passed": 0, "tests_total": state["static"], "detail": detail}
    names = body

    if style in ("check", "inputs") and names.get(entry) == "class":
        raise Abort("fallback", "the candidate defines %s as a class, whose instances cannot cross" % entry)

    if style == "inputs":
        proxy = Proxy(channel, entry)
        run_inputs(job, inputs, reference, reference_namespace, lambda args: proxy(*args), ledger)
        return ledger.verdict(state["static"])

    namespace = {"__name__": "__tests__", "__builtins__": builtins}
    prelude = job.get("prelude") or ""
    # MBPP's test_setup_code runs after the solution and may use its names (tasks 367 and
    # 927 build trees of the solution's Node class): candidate functions become proxies,
    # anything else cannot be had in T.
    for name in sorted(prelude_names(prelude)):
        kind = names.get(name)
        if kind == "function":
            namespace[name] = Proxy(channel, name)
        elif kind is not None:
            raise Abort("fallback", "the prelude uses %s, which the candidate defines as %s" % (name, _kind_text(kind)))
    run_prelude(prelude, namespace)
    if style == "asserts":
        for name in sorted(test_names):
            kind = names.get(name)
            if kind is None:
                continue
            if kind == "function":
                namespace[name] = Proxy(channel, name)
            elif name not in namespace:
                raise Abort("fallback", "the tests use %s, which the candidate defines as %s" % (name, _kind_text(kind)))
    else:
        # As in human-eval's single program, the tests' own references to the entry point
        # (HumanEval/33 compares candidate(x) with sort_third(x)) mean the candidate's
        # function, not the prelude's stub. The prelude's helpers (poly, encode_cyclic...)
        # stay the trusted ones.
        namespace[entry] = Proxy(channel, entry)
    assertions.bind(namespace, ledger)
    if run_counted(code, namespace, ledger) and style == "check":
        call_check(namespace, namespace[entry], ledger)
    return ledger.verdict(state["static"])
