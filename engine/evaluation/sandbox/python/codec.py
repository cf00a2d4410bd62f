"""Tagged JSON values and length-prefixed frames between the tests process (T)
and the candidate process (C). See ../PROTOCOL.md, "Frames between T and C".

Only exact builtin types cross: `type(x) is int`, never a subclass. A value is
turned into a *tree* of JSON-able tagged nodes (to_tree / from_tree); encode
and decode do that plus the JSON text. Frames are a 4-byte big-endian length
and that many bytes, at most MAX_FRAME, read and written with os.read/os.write
on raw file descriptors under an absolute time.monotonic() deadline.

Standard library only; loaded first, imports nothing of ours.
"""

import collections
import json
import os
import re
import select
import sys
import time

MAX_FRAME = 16 * 1024 * 1024
MAX_DEPTH = 50

_HEADER = 4
_WRITE_CHUNK = select.PIPE_BUF  # a pipe reported writable takes this much without blocking
_READ_CHUNK = 1 << 20
_INT_TEXT = re.compile(r"-?[0-9]+", re.ASCII)
_HEX_TEXT = re.compile(r"(?:[0-9a-f][0-9a-f])*", re.ASCII)
_HEX_INT_TEXT = re.compile(r"-?[0-9a-f]+", re.ASCII)
DECIMAL_INT_BITS = 1024  # ints wider than this cross as {"x": hex}
PACK_MIN = 8             # lists/tuples of at least this many numbers cross packed
_PACK_INT_LIMIT = 1 << 64


# Results only (never arguments): these exact standard-library dict types cross as a
# plain dict. They are data, and their == with a dict is dict's ==. Counter is a
# Python class whose methods the candidate could patch, so items are read with
# dict.items (OrderedDict with its own C-level items, which keeps its order).
_RESULT_DICTS = (collections.Counter, collections.OrderedDict, collections.defaultdict)
_ORDERED_DICT = collections.OrderedDict
_SCALARS = (type(None), bool, int, float, str, bytes, complex)
_CONTAINERS = (list, tuple, set, frozenset, dict)


def is_plain_type(t, results=False):
    """Whether values of exact type `t` can be plain data at the top level."""
    return t in _SCALARS or t in _CONTAINERS or (results and t in _RESULT_DICTS)


def _dict_items(v, t):
    return _ORDERED_DICT.items(v) if t is _ORDERED_DICT else dict.items(v)


class NotPlainData(Exception):
    """The value (or something inside it) is not an exact plain builtin type."""


class DecodeError(ValueError):
    """A tree or message that this codec would never have produced."""


class FrameError(Exception):
    """A frame over the size cap, or a stream that ended inside a frame."""


class FrameTimeout(Exception):
    """The deadline passed while waiting for the other side."""


# --------------------------------------------------------------------------------------
# Values <-> trees


def _int_text(value):
    try:
        return int.__repr__(value)
    except ValueError:  # more digits than sys.int_max_str_digits allows
        old = sys.get_int_max_str_digits()
        sys.set_int_max_str_digits(0)
        try:
            return int.__repr__(value)
        finally:
            sys.set_int_max_str_digits(old)


def _parse_int(text):
    try:
        return int(text)
    except ValueError:
        old = sys.get_int_max_str_digits()
        sys.set_int_max_str_digits(0)
        try:
            return int(text)
        finally:
            sys.set_int_max_str_digits(old)


def _type_name(t):
    try:
        name = type.__getattribute__(t, "__qualname__")
        if type(name) is str:
            return name
    except BaseException:
        pass
    return "object"


def _int_node(v):
    # Decimal is quadratic in CPython 3.11 (a million digits take ~25 s each way);
    # hexadecimal is linear, so big ints cross in hex.
    if int.bit_length(v) <= DECIMAL_INT_BITS:
        return {"i": _int_text(v)}
    return {"x": ("-" + int.__format__(-v, "x")) if v < 0 else int.__format__(v, "x")}


def _pack_numbers(items):
    """'1,3,2.0,8.0' for a sequence of exact ints (at most 64 bits) and floats; None if
    any item is something else. Floats use repr(), which round-trips exactly; an int
    token never contains '.', 'e', 'n' or 'i', a float token always does."""
    parts = []
    append = parts.append
    for x in items:
        t = type(x)
        if t is float:
            append(float.__repr__(x))
        elif t is int and -_PACK_INT_LIMIT < x < _PACK_INT_LIMIT:
            append(int.__repr__(x))
        else:
            return None
    return ",".join(parts)


def _unpack_numbers(text):
    if type(text) is not str:
        raise DecodeError("malformed packed list")
    if not text:
        return []
    out = []
    append = out.append
    for token in text.split(","):
        if _INT_TEXT.fullmatch(token):
            value = int(token)
            if not -_PACK_INT_LIMIT < value < _PACK_INT_LIMIT:
                raise DecodeError("malformed packed list")
        else:
            try:
                value = float(token)
            except ValueError:
                raise DecodeError("malformed packed list") from None
            if float.__repr__(value) != token:
                raise DecodeError("malformed packed list")
        append(value)
    return out


def to_tree(value, results=False):
    """The tagged tree of `value`; NotPlainData if any part is not an exact plain type
    or containers nest deeper than MAX_DEPTH. results=True (a function's result) also
    takes exact collections.Counter/OrderedDict/defaultdict, as dicts."""
    return _to_tree(value, 0, results)


def _to_tree(v, depth, results):
    t = type(v)
    if v is None or t is bool:
        return v
    if t is int:
        return _int_node(v)
    if t is float:
        return {"f": float.hex(v)}
    if t is str:
        return {"s": v}
    if t is bytes:
        return {"b": bytes.hex(v)}
    if t is complex:
        return {"c": [float.hex(v.real), float.hex(v.imag)]}
    if t is list or t is tuple or t is set or t is frozenset or t is dict or (results and t in _RESULT_DICTS):
        if depth >= MAX_DEPTH:
            raise NotPlainData("containers nested deeper than %d" % MAX_DEPTH)
        depth += 1
        if (t is list or t is tuple) and len(v) >= PACK_MIN:
            packed = _pack_numbers(v)
            if packed is not None:
                return {"ln" if t is list else "tn": packed}
        if t is not list and t is not tuple and t is not set and t is not frozenset:
            return {"d": [[_to_tree(k, depth, results), _to_tree(x, depth, results)]
                          for k, x in _dict_items(v, t)]}
        items = [_to_tree(x, depth, results) for x in v]
        if t is list:
            return {"l": items}
        if t is tuple:
            return {"t": items}
        if t is set:
            return {"set": items}
        return {"fs": items}
    raise NotPlainData("%s is not plain data" % _type_name(t))


def from_tree(tree):
    """The value a tree stands for; DecodeError for anything to_tree cannot produce."""
    try:
        return _from_tree(tree, 0)
    except DecodeError:
        raise
    except (TypeError, ValueError, OverflowError) as e:  # unhashable set items, bad hex...
        raise DecodeError("malformed value: %s" % e) from None


def _from_tree(node, depth):
    if node is None or node is True or node is False:
        return node
    if type(node) is not dict or len(node) != 1:
        raise DecodeError("malformed value node")
    ((tag, val),) = node.items()
    if tag == "i":
        if type(val) is not str or not _INT_TEXT.fullmatch(val):
            raise DecodeError("malformed int")
        return _parse_int(val)
    if tag == "x":
        if type(val) is not str or not _HEX_INT_TEXT.fullmatch(val):
            raise DecodeError("malformed int")
        return int(val, 16)
    if tag == "f":
        return _float(val)
    if tag == "s":
        if type(val) is not str:
            raise DecodeError("malformed str")
        return val
    if tag == "b":
        if type(val) is not str or not _HEX_TEXT.fullmatch(val):
            raise DecodeError("malformed bytes")
        return bytes.fromhex(val)
    if tag == "c":
        if type(val) is not list or len(val) != 2:
            raise DecodeError("malformed complex")
        return complex(_float(val[0]), _float(val[1]))
    if tag == "ln" or tag == "tn":
        if depth >= MAX_DEPTH:
            raise DecodeError("containers nested deeper than %d" % MAX_DEPTH)
        items = _unpack_numbers(val)
        return items if tag == "ln" else tuple(items)
    if tag in ("l", "t", "set", "fs", "d"):
        if type(val) is not list:
            raise DecodeError("malformed container")
        if depth >= MAX_DEPTH:
            raise DecodeError("containers nested deeper than %d" % MAX_DEPTH)
        depth += 1
        if tag == "d":
            out = {}
            for pair in val:
                if type(pair) is not list or len(pair) != 2:
                    raise DecodeError("malformed dict item")
                out[_from_tree(pair[0], depth)] = _from_tree(pair[1], depth)
            return out
        items = [_from_tree(x, depth) for x in val]
        if tag == "l":
            return items
        if tag == "t":
            return tuple(items)
        if tag == "set":
            return set(items)
        return frozenset(items)
    raise DecodeError("unknown tag")


def _float(text):
    if type(text) is not str:
        raise DecodeError("malformed float")
    value = float.fromhex(text)
    if float.hex(value) != text:  # only the canonical spelling float.hex() writes
        raise DecodeError("malformed float")
    return value


def rebuild(value, results=False):
    """A copy of `value` made only of exact plain builtin types (the same check as
    to_tree, without the JSON): containers are rebuilt, scalars of exact builtin types
    are immutable and returned as they are. NotPlainData otherwise. `results` as to_tree."""
    return _rebuild(value, 0, results)


def _rebuild(v, depth, results):
    t = type(v)
    if v is None or t is bool or t is int or t is float or t is str or t is bytes or t is complex:
        return v
    if t is list or t is tuple or t is set or t is frozenset or t is dict or (results and t in _RESULT_DICTS):
        if depth >= MAX_DEPTH:
            raise NotPlainData("containers nested deeper than %d" % MAX_DEPTH)
        depth += 1
        if t is not list and t is not tuple and t is not set and t is not frozenset:
            out = {}
            for k, x in list(_dict_items(v, t)):
                out[_rebuild(k, depth, results)] = _rebuild(x, depth, results)
            return out
        items = [_rebuild(x, depth, results) for x in v]
        if t is list:
            return items
        if t is tuple:
            return tuple(items)
        if t is set:
            return set(items)
        return frozenset(items)
    raise NotPlainData("%s is not plain data" % _type_name(t))


def encode(value):
    """UTF-8 JSON bytes of the tagged tree of `value` (NotPlainData as to_tree)."""
    return encode_message(to_tree(value))


def decode(data):
    """The value of bytes produced by encode(); DecodeError otherwise."""
    return from_tree(decode_message(data))


def encode_message(obj):
    """JSON bytes (ASCII, compact) of a message made of dicts, lists, str, numbers, trees."""
    return json.dumps(obj, ensure_ascii=True, separators=(",", ":"), allow_nan=False).encode("ascii")


def decode_message(data):
    """The JSON object in `data`; DecodeError for bad UTF-8, bad JSON or nesting too deep."""
    try:
        return json.loads(bytes(data))
    except (ValueError, RecursionError, TypeError) as e:
        raise DecodeError("malformed message: %s" % e) from None


# --------------------------------------------------------------------------------------
# Frames


_pollers = {}  # (fd, events) -> poll object: one per channel, not one per wait


def _wait(fd, events, deadline):
    """Wait until fd is ready for `events`; FrameTimeout once the deadline has passed."""
    if deadline is None:
        return
    poller = _pollers.get((fd, events))
    if poller is None:
        poller = _pollers[(fd, events)] = select.poll()
        poller.register(fd, events | select.POLLERR | select.POLLHUP)
    while True:
        remaining = deadline - time.monotonic()
        timeout_ms = max(0, int(remaining * 1000.0) + 1) if remaining > 0 else 0
        try:
            if poller.poll(timeout_ms):
                return
        except InterruptedError:
            continue
        if remaining <= 0 or time.monotonic() >= deadline:
            raise FrameTimeout("deadline passed")


def write_frame(fd, payload, deadline=None):
    """Write one frame. FrameError over MAX_FRAME; FrameTimeout when the reader does not
    take it before `deadline` (None: block); OSError (e.g. BrokenPipeError) passes through."""
    payload = bytes(payload)
    if len(payload) > MAX_FRAME:
        raise FrameError("frame of %d bytes is over the %d byte cap" % (len(payload), MAX_FRAME))
    data = memoryview(len(payload).to_bytes(_HEADER, "big") + payload)
    done = 0
    while done < len(data):
        _wait(fd, select.POLLOUT, deadline)
        chunk = data[done:done + _WRITE_CHUNK] if deadline is not None else data[done:]
        try:
            n = os.write(fd, chunk)
        except (InterruptedError, BlockingIOError):
            continue
        done += n


_unread = {}  # fd -> bytes that arrived after the last frame read from it


def reset_channels():
    """Forgets buffered bytes and pollers: a process that serves job after job (the tests
    server) reuses fd numbers, and one job's leftovers must never reach the next."""
    _unread.clear()
    _pollers.clear()


def _fill(fd, buf, count, deadline):
    """Reads into `buf` until it holds `count` bytes (in as few reads as the data allows);
    False on end of file first."""
    while len(buf) < count:
        _wait(fd, select.POLLIN, deadline)
        try:
            chunk = os.read(fd, min(max(count - len(buf), 4096), _READ_CHUNK))
        except (InterruptedError, BlockingIOError):
            continue
        if not chunk:
            return False
        buf += chunk
    return True


def read_frame(fd, deadline=None):
    """Read one frame's payload. None on EOF before a frame starts; FrameError for a
    frame over MAX_FRAME or one cut short; FrameTimeout past `deadline` (None: block).
    Header and payload usually come in one read."""
    buf = _unread.pop(fd, bytearray())
    if not _fill(fd, buf, _HEADER, deadline):
        if not buf:
            return None
        raise FrameError("stream ended inside a frame")
    length = int.from_bytes(buf[:_HEADER], "big")
    if length > MAX_FRAME:
        raise FrameError("frame of %d bytes is over the %d byte cap" % (length, MAX_FRAME))
    end = _HEADER + length
    if not _fill(fd, buf, end, deadline):
        raise FrameError("stream ended inside a frame")
    if len(buf) > end:
        _unread[fd] = buf[end:]
    return bytes(buf[_HEADER:end])
