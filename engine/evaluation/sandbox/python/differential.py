"""EvalPlus-style differential testing (HumanEval+): the trusted reference is run
on every input and the candidate's answer compared with its output, exactly or with
EvalPlus's tolerances and special oracles (spec/evaluation.md §1.2). Used by the
tests process (level B) and the in-process runner (level A).

Standard library only; may import codec, assertions and candidate_side.
"""

import ast
import copy
import json
import math
import reprlib

import assertions
from assertions import Abort

REFERENCE_FILENAME = "<reference>"


_repr = reprlib.Repr()
_repr.maxstring = 60
_repr.maxother = 60
_repr.maxlist = _repr.maxtuple = _repr.maxset = _repr.maxfrozenset = _repr.maxdict = 8
_repr.maxlevel = 4


def short_repr(value):
    try:
        text = _repr.repr(value)
    except BaseException:
        if type(value) is int:
            return "<int of %d bits>" % value.bit_length()
        return "<%s>" % type(value).__name__
    return assertions.shorten(text, 200)


_SAFE_CALLS = {"float": float, "int": int, "complex": complex, "str": str, "bytes": bytes,
               "set": set, "frozenset": frozenset, "tuple": tuple, "list": list, "dict": dict}


def _literal(node):
    """ast.literal_eval plus list/tuple concatenation with `+` and calls such as
    float('inf'), set() or tuple([...]) on literals."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left), _literal(node.right)
        if type(left) in (list, tuple) and type(right) is type(left):
            return left + right
        if isinstance(left, (int, float, complex)) and isinstance(right, (int, float, complex)):
            return left + right
        raise ValueError("unsupported '+' in inputs")
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub):
        left, right = _literal(node.left), _literal(node.right)
        if isinstance(left, (int, float, complex)) and isinstance(right, (int, float, complex)):
            return left - right
        raise ValueError("unsupported '-' in inputs")
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        value = _literal(node.operand)
        if isinstance(value, (int, float, complex)):
            return -value if isinstance(node.op, ast.USub) else +value
        raise ValueError("unsupported unary operator in inputs")
    if isinstance(node, ast.List):
        return [_literal(e) for e in node.elts]
    if isinstance(node, ast.Tuple):
        return tuple(_literal(e) for e in node.elts)
    if isinstance(node, ast.Set):
        return {_literal(e) for e in node.elts}
    if isinstance(node, ast.Dict):
        if any(k is None for k in node.keys):
            raise ValueError("unsupported ** in inputs")
        return {_literal(k): _literal(v) for k, v in zip(node.keys, node.values)}
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _SAFE_CALLS
            and not node.keywords and len(node.args) <= 1):
        return _SAFE_CALLS[node.func.id](*[_literal(a) for a in node.args])
    return ast.literal_eval(node)


def parse_inputs(text):
    """The list of argument lists of an inputs job: JSON, else a Python literal."""
    if isinstance(text, (list, tuple)):
        value = text
    else:
        try:
            value = json.loads(text)
        except ValueError:
            value = _literal(ast.parse(text.strip(), "<inputs>", "eval").body)
    if not isinstance(value, (list, tuple)):
        raise ValueError("the inputs are not a list")
    return list(value)


def is_floats(x):
    """EvalPlus's is_floats: a float, or a non-empty list/tuple of floats."""
    if isinstance(x, float):
        return True
    if isinstance(x, (list, tuple)) and x:
        return all(isinstance(i, float) for i in x)
    return False


def _is_number(x):
    return isinstance(x, (bool, int, float, complex))


def _isclose(a, b, rtol, atol):
    """numpy.isclose(a, b) for scalars (equal_nan=False)."""
    try:
        if isinstance(a, complex) or isinstance(b, complex):
            a, b = complex(a), complex(b)
            if a == b:
                return True
            if any(math.isnan(v) or math.isinf(v) for v in (a.real, a.imag, b.real, b.imag)):
                return False
            return abs(a - b) <= atol + rtol * abs(b)
        a, b = float(a), float(b)
    except (OverflowError, TypeError, ValueError):
        return False
    if math.isnan(a) or math.isnan(b):
        return False
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= atol + rtol * abs(b)


def allclose(out, exp, rtol, atol):
    """numpy.allclose(out, exp, rtol, atol) for nested lists/tuples of numbers; anything
    numpy would refuse (strings, None, ragged shapes) is not close."""
    if _is_number(out) and _is_number(exp):
        return _isclose(out, exp, rtol, atol)
    out_seq = type(out) in (list, tuple)
    exp_seq = type(exp) in (list, tuple)
    if out_seq and exp_seq:
        if len(out) != len(exp):
            return False
        return all(allclose(o, e, rtol, atol) for o, e in zip(out, exp))
    if out_seq and _is_number(exp):
        return all(allclose(o, exp, rtol, atol) for o in out)
    if exp_seq and _is_number(out):
        return all(allclose(out, e, rtol, atol) for e in exp)
    return False


class Tolerance:
    """EvalPlus's atol, including its quirk: once an expected value is a float (list),
    atol becomes 1e-6 for the rest of the inputs when the record's atol is 0."""

    def __init__(self, atol):
        self.atol = atol


def evalplus_match(out, exp, tolerance):
    exact = bool(out == exp)
    if tolerance.atol == 0 and is_floats(exp):
        tolerance.atol = 1e-6
    if not exact and tolerance.atol != 0:
        if type(out) != type(exp):
            return False
        if isinstance(exp, (list, tuple)) and len(out) != len(exp):
            return False
        return allclose(out, exp, 1e-07, tolerance.atol)
    return exact


def load_reference(job, builtins_namespace):
    """(reference function, its namespace) from job["reference"]; Abort("error") on failure."""
    entry = job.get("entry_point") or ""
    namespace = {"__name__": "__reference__", "__builtins__": builtins_namespace}
    try:
        exec(compile(job.get("reference") or "", REFERENCE_FILENAME, "exec", dont_inherit=True), namespace)
    except BaseException as e:
        raise Abort("error", "the reference solution failed to load: " + assertions.exception_detail(e)) from None
    function = namespace.get(entry)
    if not callable(function):
        raise Abort("error", "the reference solution does not define %s()" % entry)
    return function, namespace


def load_inputs(job):
    try:
        inputs = parse_inputs(job.get("inputs") or "[]")
    except Exception as e:
        raise Abort("error", "the inputs cannot be read: " + assertions.exception_detail(e)) from None
    return inputs


def run_inputs(job, inputs, reference, reference_namespace, call, ledger):
    """Each input is one assertion: call(args) against reference(*deepcopy(args))."""
    entry = job.get("entry_point") or ""
    try:
        atol = float(job.get("atol") or 0.0)
    except (TypeError, ValueError):
        atol = 0.0
    tolerance = Tolerance(atol)
    poly = reference_namespace.get("poly") if entry == "find_zero" else None
    for index, args in enumerate(inputs):
        where = "input #%d" % index
        if type(args) is tuple:
            args = list(args)
        if type(args) is not list:
            ledger.record("error", "%s is not a list of arguments" % where)
            continue
        expected = None
        if poly is None:
            try:
                expected = reference(*copy.deepcopy(args))
            except Abort:
                raise
            except BaseException as e:
                ledger.record(assertions.outcome_for_exception(e),
                              "%s: the reference raised %s" % (where, assertions.exception_detail(e)))
                continue
        try:
            got = call(copy.deepcopy(args))
            if poly is not None:
                good = abs(poly(*args, got)) <= atol
            else:
                good = evalplus_match(got, expected, tolerance)
        except Abort:
            raise
        except BaseException as e:
            ledger.record(assertions.outcome_for_exception(e), assertions.exception_detail(e, where=where))
            continue
        if good:
            ledger.record("passed")
        else:
            call_text = "%s(%s)" % (entry, ", ".join(short_repr(a) for a in args))
            if poly is not None:
                ledger.record("failed", "%s: %s returned %s, not a zero of poly within %g"
                              % (where, assertions.shorten(call_text, 300), short_repr(got), atol))
            else:
                ledger.record("failed", "%s: %s expected %s, got %s"
                              % (where, assertions.shorten(call_text, 300), short_repr(expected),
                                 short_repr(got)))
