"""codec: tagged values and frames."""

import collections
import math
import os
import threading
import time
import unittest

import sandbox_harness  # noqa: F401  (puts the sandbox modules on sys.path)
import codec


def round_trip(value, results=False):
    return codec.decode(codec.encode_message(codec.to_tree(value, results=results)))


class ValueTests(unittest.TestCase):
    def assertExact(self, a, b):
        """Equal, with the same types all the way down (and -0.0 kept)."""
        self.assertIs(type(a), type(b))
        if type(a) is float:
            if math.isnan(b):
                self.assertTrue(math.isnan(a))
            else:
                self.assertEqual(a, b)
                self.assertEqual(math.copysign(1.0, a), math.copysign(1.0, b))
        elif type(a) in (list, tuple):
            self.assertEqual(len(a), len(b))
            for x, y in zip(a, b):
                self.assertExact(x, y)
        elif type(a) is dict:
            self.assertEqual(list(a), list(b))
            for k in a:
                self.assertExact(a[k], b[k])
        else:
            self.assertEqual(a, b)

    def test_scalars(self):
        for value in (None, True, False, 0, -1, 7, "", "héllo \u2603 \U0001F600", "\ud800", b"", b"\x00\xff",
                      1.5, -2.25, 1e308, 5e-324, 0.1, 1 + 2j, complex(-0.0, float("inf"))):
            self.assertExact(round_trip(value), value)

    def test_big_ints_cross_exactly_and_fast(self):
        for value in (2 ** 64, -(2 ** 64) + 1, 10 ** 400, -(10 ** 5000), 18 * 10 ** 200000):
            start = time.monotonic()
            self.assertExact(round_trip(value), value)
            self.assertLess(time.monotonic() - start, 2.0)
        self.assertEqual(codec.to_tree(10 ** 300), {"i": str(10 ** 300)})
        self.assertIn("x", codec.to_tree(1 << 2000))

    def test_special_floats(self):
        self.assertTrue(math.isnan(round_trip(float("nan"))))
        self.assertEqual(round_trip(float("inf")), float("inf"))
        self.assertEqual(round_trip(float("-inf")), float("-inf"))
        self.assertExact(round_trip(-0.0), -0.0)
        self.assertExact(round_trip([0.0, -0.0] * 8), [0.0, -0.0] * 8)  # packed form too
        self.assertEqual(codec.to_tree(3.0), {"f": "0x1.8000000000000p+1"})

    def test_containers(self):
        value = {"a": [1, (2, 3.5, {4, 5}), frozenset({(6, "x")})], (1, 2): {b"k": None}, 3: [[], (), {}]}
        self.assertExact(round_trip(value), value)
        self.assertIs(type(round_trip((1,))), tuple)
        self.assertIs(type(round_trip({1})), set)
        self.assertIs(type(round_trip(frozenset())), frozenset)
        self.assertEqual(list(round_trip({3: 1, 1: 2, 2: 3})), [3, 1, 2])  # dict order kept

    def test_packed_numbers(self):
        for value in (list(range(100)), tuple(x / 3 for x in range(50)), [1, 3, 2.0, 8.0, float("nan")] * 3,
                      [2 ** 63, -(2 ** 63), 1e300, float("inf"), -0.0, 0, 5, 6]):
            self.assertExact(round_trip(value), value)
        self.assertIn("ln", codec.to_tree(list(range(10))))
        self.assertIn("tn", codec.to_tree(tuple(range(10))))
        self.assertIn("l", codec.to_tree([True] * 10))  # bools are not packed
        self.assertIn("l", codec.to_tree([2 ** 70] * 10))
        big = [x + 0.5 for x in range(1_000_000)]
        self.assertLess(len(codec.encode(big)), codec.MAX_FRAME)

    def test_depth_cap(self):
        value = []
        for _ in range(codec.MAX_DEPTH - 1):
            value = [value]
        self.assertEqual(round_trip(value), value)  # 50 nested lists
        with self.assertRaises(codec.NotPlainData):
            codec.to_tree([value])  # 51
        cyclic = []
        cyclic.append(cyclic)
        with self.assertRaises(codec.NotPlainData):
            codec.to_tree(cyclic)
        with self.assertRaises(codec.NotPlainData):
            codec.rebuild(cyclic)
        deep = None
        for _ in range(60):
            deep = {"l": [deep]}
        with self.assertRaises(codec.DecodeError):
            codec.from_tree(deep)

    def test_subclasses_and_objects_refused(self):
        class I(int):
            def __eq__(self, other):
                return True

        class AlwaysEqual:
            def __eq__(self, other):
                return True

        Point = collections.namedtuple("Point", "x y")
        for value in (I(3), AlwaysEqual(), Point(1, 2), collections.OrderedDict(a=1), [1, I(2)], {"k": AlwaysEqual()},
                      object(), len, range(3), iter([1]), bytearray(b"x"), type):
            with self.assertRaises(codec.NotPlainData):
                codec.to_tree(value)
            with self.assertRaises(codec.NotPlainData):
                codec.rebuild(value)

    def test_results_take_standard_dicts(self):
        counter = collections.Counter("abracadabra")
        self.assertExact(round_trip(counter, results=True), dict(counter))
        ordered = collections.OrderedDict([("b", 1), ("a", 2)])
        ordered.move_to_end("b")
        self.assertEqual(list(round_trip(ordered, results=True)), ["a", "b"])
        self.assertEqual(codec.rebuild([collections.defaultdict(list, {1: [2]})], True), [{1: [2]}])
        self.assertIs(type(codec.rebuild(counter, True)), dict)
        with self.assertRaises(codec.NotPlainData):
            codec.to_tree(counter)  # arguments stay exact

        class MyCounter(collections.Counter):
            pass

        with self.assertRaises(codec.NotPlainData):
            codec.to_tree(MyCounter("a"), results=True)

    def test_rebuild_copies_containers(self):
        inner = [1, 2]
        value = {"k": inner}
        copy = codec.rebuild(value)
        self.assertEqual(copy, value)
        self.assertIsNot(copy["k"], inner)

    def test_malformed_trees(self):
        for tree in ({"i": "1.5"}, {"i": 3}, {"i": " 3"}, {"f": "1.5"}, {"f": 1.5}, {"s": 3}, {"b": "abc"},
                     {"b": "AB"}, {"l": "x"}, {"set": [{"l": []}]}, {"d": [[{"l": []}, None]]}, {"d": [[1]]},
                     {"q": 1}, {"i": "1", "s": "x"}, [], 3, "s", 1.5, {"ln": "1,x"}, {"ln": "01.50"},
                     {"ln": "1,,2"}, {"x": "0x10"}, {"c": ["0x1p+0"]}):
            with self.assertRaises(codec.DecodeError, msg=repr(tree)):
                codec.from_tree(tree)
        for data in (b"\xff", b"{", b"[" * 100000, b"NaN"):
            with self.assertRaises(codec.DecodeError):
                codec.decode(data)


class FrameTests(unittest.TestCase):
    def setUp(self):
        self.r, self.w = os.pipe()

    def tearDown(self):
        for fd in (self.r, self.w):
            try:
                os.close(fd)
            except OSError:
                pass

    def test_round_trip_and_eof(self):
        codec.write_frame(self.w, b"hello")
        codec.write_frame(self.w, b"")
        os.close(self.w)
        self.assertEqual(codec.read_frame(self.r, time.monotonic() + 1), b"hello")
        self.assertEqual(codec.read_frame(self.r, None), b"")
        self.assertIsNone(codec.read_frame(self.r, time.monotonic() + 1))

    def test_partial_writes_are_assembled(self):
        data = (12).to_bytes(4, "big") + b"partial read"

        def dribble():
            for i in range(len(data)):
                os.write(self.w, data[i:i + 1])
                time.sleep(0.002)

        thread = threading.Thread(target=dribble)
        thread.start()
        self.assertEqual(codec.read_frame(self.r, time.monotonic() + 5), b"partial read")
        thread.join()

    def test_large_frame_through_a_pipe(self):
        payload = os.urandom(5 * 1024 * 1024)
        result = {}
        thread = threading.Thread(target=lambda: result.setdefault("got", codec.read_frame(self.r, time.monotonic() + 20)))
        thread.start()
        codec.write_frame(self.w, payload, time.monotonic() + 20)
        thread.join()
        self.assertEqual(result["got"], payload)

    def test_cap(self):
        with self.assertRaises(codec.FrameError):
            codec.write_frame(self.w, b"x" * (codec.MAX_FRAME + 1))
        os.write(self.w, (codec.MAX_FRAME + 1).to_bytes(4, "big"))
        with self.assertRaises(codec.FrameError):
            codec.read_frame(self.r, time.monotonic() + 1)

    def test_truncated(self):
        os.write(self.w, (10).to_bytes(4, "big") + b"abc")
        os.close(self.w)
        with self.assertRaises(codec.FrameError):
            codec.read_frame(self.r, time.monotonic() + 1)

    def test_truncated_header(self):
        os.write(self.w, b"\x00\x00")
        os.close(self.w)
        with self.assertRaises(codec.FrameError):
            codec.read_frame(self.r, time.monotonic() + 1)

    def test_timeout(self):
        start = time.monotonic()
        with self.assertRaises(codec.FrameTimeout):
            codec.read_frame(self.r, start + 0.2)
        self.assertGreaterEqual(time.monotonic() - start, 0.19)
        os.write(self.w, (5).to_bytes(4, "big") + b"ab")  # stalls inside a frame
        with self.assertRaises(codec.FrameTimeout):
            codec.read_frame(self.r, time.monotonic() + 0.1)

    def test_write_timeout_when_nobody_reads(self):
        with self.assertRaises(codec.FrameTimeout):
            codec.write_frame(self.w, b"x" * (1 << 20), time.monotonic() + 0.2)

    def test_write_to_closed_reader(self):
        os.close(self.r)
        with self.assertRaises(BrokenPipeError):
            codec.write_frame(self.w, b"x", time.monotonic() + 1)

    def test_past_deadline_still_takes_ready_data(self):
        codec.write_frame(self.w, b"ready")
        self.assertEqual(codec.read_frame(self.r, time.monotonic() - 1), b"ready")


if __name__ == "__main__":
    unittest.main()
