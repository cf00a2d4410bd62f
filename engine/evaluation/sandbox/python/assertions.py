"""Counted assertions: partial credit for test code.

compile_counted() rewrites every `assert test, msg` of a test source into

    try:
        if test:
            <ledger>.ok()
        else:
            <ledger>.fail(LINE, "assert ...source...")
    except <abort>:
        raise
    except:
        <ledger>.exc(LINE, "assert ...source...")

so each executed assertion is counted and execution goes on after a failing
one. `msg` is never evaluated. An Abort (timeout, candidate death, fallback)
always propagates. The ledger and the abort class are looked up as globals of
the test code under the names given to compile_counted (LEDGER_NAME and
ABORT_NAME by default); bind() puts them there.

Standard library only; may import codec.
"""

import ast
import sys

LEDGER_NAME = "__rrtf_ledger__"
ABORT_NAME = "__rrtf_abort__"
MAX_DETAIL = 2000
_MAX_SOURCE = 300


class Abort(BaseException):
    """Ends a test run with a fixed outcome; never recorded as an assertion result.

    outcome: "timeout", "error", "fallback" or "out_of_memory"."""

    def __init__(self, outcome, detail=""):
        BaseException.__init__(self, outcome, detail)
        self.outcome = outcome
        self.detail = detail


def safe_str(obj):
    """str(obj), or a placeholder when that fails (it may be hostile code in level A)."""
    try:
        text = str(obj)
        if type(text) is str:
            return text
    except BaseException:
        pass
    return "<unprintable>"


def type_name(exc):
    try:
        name = type(exc).__name__
        if type(name) is str:
            return name
    except BaseException:
        pass
    return "Exception"


def shorten(text, limit=MAX_DETAIL):
    """One line, at most `limit` characters, no lone surrogates (they cannot become UTF-8)."""
    text = " ".join(text.split()) if "\n" in text or "\r" in text else text
    if len(text) > limit:
        text = text[:limit - 3] + "..."
    return text.encode("utf-8", "replace").decode("utf-8")


def outcome_for_exception(exc):
    return "out_of_memory" if isinstance(exc, MemoryError) else "error"


def exception_detail(exc, line=None, where=None):
    """`Type: message (line N)` (or `(<where>)` when given instead of a line)."""
    message = safe_str(exc)
    text = type_name(exc) + (": " + message if message else "")
    if where:
        text += " (%s)" % where
    elif line:
        text += " (line %d)" % line
    return shorten(text)


class Ledger:
    """Counts executed assertions; keeps the first non-pass as (outcome, detail)."""

    def __init__(self):
        self.passed = 0
        self.total = 0
        self.first_failure = None

    # Called by rewritten asserts.
    def ok(self):
        self.passed += 1
        self.total += 1

    def fail(self, line, source):
        self.total += 1
        if self.first_failure is None:
            self.first_failure = ("failed", shorten("line %d: %s" % (line, source)))

    def exc(self, line, source):
        exc = sys.exc_info()[1]
        self.total += 1
        if self.first_failure is None:
            self.first_failure = (outcome_for_exception(exc), exception_detail(exc, line))

    # For runners that count other things (one input = one assertion).
    def record(self, outcome, detail=""):
        """Count one assertion: outcome "passed", or a non-pass with its detail."""
        self.total += 1
        if outcome == "passed":
            self.passed += 1
        elif self.first_failure is None:
            self.first_failure = (outcome, shorten(detail))

    def escaped(self, exc, line=None, where=None):
        """An exception outside any assert ended the tests; not counted as an assertion."""
        if self.first_failure is None:
            self.first_failure = (outcome_for_exception(exc), exception_detail(exc, line, where))

    def verdict(self, static_total=0):
        """The verdict record fields: outcome passed when nothing failed, otherwise the
        outcome of the first non-pass; tests_total = max(executed, static_total)."""
        outcome, detail = self.first_failure if self.first_failure else ("passed", "")
        return {"outcome": outcome, "tests_passed": self.passed,
                "tests_total": max(self.total, static_total), "detail": detail}


class _Rewriter(ast.NodeTransformer):
    def __init__(self, source, ledger_name, abort_name):
        # Split once: ast.get_source_segment splits the whole source on every call,
        # which made tests with many asserts quadratic.
        self.lines = [line.encode("utf-8") for line in source.splitlines(keepends=True)]
        self.ledger_name = ledger_name
        self.abort_name = abort_name

    def _segment(self, node):
        """The node's source text (positions are UTF-8 byte offsets), or None."""
        try:
            first, last = node.lineno - 1, node.end_lineno - 1
            if first == last:
                text = self.lines[first][node.col_offset:node.end_col_offset]
            else:
                text = b"".join([self.lines[first][node.col_offset:]] + self.lines[first + 1:last] +
                                [self.lines[last][:node.end_col_offset]])
            return text.decode("utf-8")
        except Exception:
            return None

    def visit_Assert(self, node):
        text = self._segment(node)
        text = shorten(text or "assert ...", _MAX_SOURCE)
        line = node.lineno

        at = _Positioned(node)

        def ledger_call(method, args):
            func = at(ast.Attribute, value=at(ast.Name, id=self.ledger_name, ctx=ast.Load()), attr=method,
                      ctx=ast.Load())
            return at(ast.Expr, value=at(ast.Call, func=func, args=args, keywords=[]))

        def where():
            return [at(ast.Constant, value=line), at(ast.Constant, value=text)]

        check = at(ast.If, test=node.test, body=[ledger_call("ok", [])], orelse=[ledger_call("fail", where())])
        handlers = [
            at(ast.ExceptHandler, type=at(ast.Name, id=self.abort_name, ctx=ast.Load()), name=None,
               body=[at(ast.Raise)]),
            at(ast.ExceptHandler, type=None, name=None, body=[ledger_call("exc", where())]),
        ]
        return at(ast.Try, body=[check], handlers=handlers, orelse=[], finalbody=[])

    def visit(self, node):
        # Asserts are statements: walk statement lists only, never into expressions,
        # whose literal tables can hold tens of thousands of nodes.
        for field in ("body", "orelse", "finalbody", "handlers", "cases"):
            statements = getattr(node, field, None)
            if isinstance(statements, list):
                setattr(node, field, [self._rewrite(child) for child in statements])
        return node

    def _rewrite(self, node):
        if isinstance(node, ast.Assert):
            return self.visit_Assert(node)
        return self.visit(node)


class _Positioned:
    """Builds AST nodes carrying the position of `old` (no tree walk needed afterwards)."""

    def __init__(self, old):
        self.position = {"lineno": old.lineno, "col_offset": old.col_offset,
                         "end_lineno": getattr(old, "end_lineno", old.lineno),
                         "end_col_offset": getattr(old, "end_col_offset", old.col_offset)}

    def __call__(self, node_class, **fields):
        if "lineno" in node_class._attributes:
            fields.update(self.position)
        return node_class(**fields)


def count_asserts(source_or_tree):
    """Number of assert statements in a source text or an AST."""
    tree = ast.parse(source_or_tree) if isinstance(source_or_tree, str) else source_or_tree
    return sum(1 for node in ast.walk(tree) if isinstance(node, ast.Assert))


def compile_counted(source, filename, ledger_name=LEDGER_NAME, abort_name=ABORT_NAME):
    """Code object of `source` with every assert counted (see the module doc).
    SyntaxError as compile() would raise it."""
    return compile_counted_tree(ast.parse(source, filename, "exec"), source, filename, ledger_name, abort_name)


def compile_counted_tree(tree, source, filename, ledger_name=LEDGER_NAME, abort_name=ABORT_NAME):
    """compile_counted for an already parsed `source`; rewrites `tree` in place."""
    tree = _Rewriter(source, ledger_name, abort_name).visit(tree)  # every new node is located
    return compile(tree, filename, "exec", dont_inherit=True)


def bind(namespace, ledger, abort=Abort, ledger_name=LEDGER_NAME, abort_name=ABORT_NAME):
    """Put the ledger and the abort class where counted code looks for them."""
    namespace[ledger_name] = ledger
    namespace[abort_name] = abort
    return namespace


def innermost_line(tb, filename):
    """Line number of the innermost traceback entry whose code comes from `filename`."""
    line = None
    while tb is not None:
        try:
            if tb.tb_frame.f_code.co_filename == filename:
                line = tb.tb_lineno
        except BaseException:
            pass
        tb = tb.tb_next
    return line
