"""The candidate process (C) of level B: runs the untrusted program alone and
answers calls from the tests process. See ../PROTOCOL.md.

Nothing here is trusted by anyone: the candidate owns this process and can
patch or replace any of it. All it can change is its own answers, which T
checks as data (the tagged encoding) and rebuilds with its own builtins.

Standard library only; may import codec and assertions.
"""

import builtins
import os

import assertions
import codec

FILENAME = "<candidate>"
_MAX_MESSAGE = 2000


def _line_in_candidate(tb):
    return assertions.innermost_line(tb, FILENAME)


def _raised(exc):
    return {"raised": {"type": assertions.type_name(exc),
                       "message": assertions.shorten(assertions.safe_str(exc), _MAX_MESSAGE),
                       "line": _line_in_candidate(exc.__traceback__ if isinstance(exc, BaseException) else None)}}


def _send(fd, message):
    codec.write_frame(fd, codec.encode_message(message))


def _kind(value):
    if isinstance(value, type):
        return "class"
    if callable(value):
        return "function"
    return "other"


def _names(namespace):
    names = {}
    for key, value in list(namespace.items()):
        if type(key) is not str or (key.startswith("__") and key.endswith("__")):
            continue
        names[key] = _kind(value)
    return names


def _answer(namespace, frame):
    """The reply message (bytes) to one request frame."""
    try:
        message = codec.decode_message(frame)
        name = message["call"]
        if type(name) is not str:
            raise codec.DecodeError("call name is not a string")
        args = [codec.from_tree(a) for a in message["args"]]
        kwargs = {}
        for key, tree in message.get("kwargs", {}).items():
            kwargs[key] = codec.from_tree(tree)
    except Exception as e:
        return codec.encode_message({"raised": {"type": "ProtocolError", "message": assertions.safe_str(e),
                                                "line": None}})
    try:
        if name in namespace:
            function = namespace[name]
        else:
            raise NameError("name %r is not defined" % name)
        result = function(*args, **kwargs)
    except BaseException as e:
        return codec.encode_message(_raised(e))
    try:
        reply = codec.encode_message({"ok": codec.to_tree(result, results=True)})
    except codec.NotPlainData as e:
        if codec.is_plain_type(type(result), results=True):  # something inside is not plain
            return codec.encode_message({"bad_return": assertions.shorten(assertions.safe_str(e), _MAX_MESSAGE)})
        # A non-plain object (re.Match, AlwaysEqual...): T gets a stand-in that has only
        # this truth value; comparing it is a TypeError there.
        try:
            truth = bool(result)
        except BaseException as e:
            return codec.encode_message(_raised(e))
        return codec.encode_message({"opaque": {"type": assertions.shorten(assertions.type_name(result), 200),
                                                "truth": truth}})
    except BaseException as e:
        return codec.encode_message(_raised(e))
    if len(reply) > codec.MAX_FRAME:
        return codec.encode_message({"bad_return": "the result takes %d bytes, over the %d byte frame cap"
                                                   % (len(reply), codec.MAX_FRAME)})
    return reply


def serve_candidate(job, req_fd, resp_fd):
    """Compile and run job["candidate"], report ready / syntax_error / load_error on
    resp_fd, then answer call frames from req_fd until EOF. Never returns."""
    try:
        _serve(job, req_fd, resp_fd)
    except BaseException:
        os._exit(1)
    os._exit(0)


def _serve(job, req_fd, resp_fd):
    source = job.get("candidate", "") if type(job) is dict else ""
    if type(source) is not str:
        source = ""
    if type(job) is dict:
        job.clear()  # the tests, prelude and reference are no business of the candidate's
    job = None

    try:
        code = compile(source, FILENAME, "exec", dont_inherit=True)
    except SyntaxError as e:
        _send(resp_fd, {"syntax_error": {"message": assertions.safe_str(e.msg), "line": e.lineno}})
        return
    except (ValueError, OverflowError) as e:  # e.g. "source code string cannot contain null bytes"
        _send(resp_fd, {"syntax_error": {"message": assertions.safe_str(e), "line": None}})
        return
    except BaseException as e:  # RecursionError, MemoryError while compiling
        _send(resp_fd, {"load_error": _raised(e)["raised"]})
        return
    source = None

    namespace = {"__name__": "__candidate__", "__builtins__": builtins}
    try:
        exec(code, namespace)
    except BaseException as e:  # SystemExit and KeyboardInterrupt included
        _send(resp_fd, {"load_error": _raised(e)["raised"]})
        return
    code = None

    try:
        ready = codec.encode_message({"ready": {"names": _names(namespace)}})
        if len(ready) > codec.MAX_FRAME:
            raise codec.FrameError("the candidate defines too many names")
    except BaseException as e:
        _send(resp_fd, {"load_error": _raised(e)["raised"]})
        return
    codec.write_frame(resp_fd, ready)

    while True:
        try:
            frame = codec.read_frame(req_fd, None)
        except codec.FrameError:
            return
        if frame is None:
            return
        reply = _answer(namespace, frame)
        try:
            codec.write_frame(resp_fd, reply)
        except OSError:  # the tests process is gone
            return
