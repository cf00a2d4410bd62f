// The hostile-program suite of spec/sandbox.md §4 against the real sandbox:
// rrtf-sandbox workers (real processes, real namespaces) driven through
// SandboxPool. Each case is a HumanEval-style task (check(candidate) on add)
// whose candidate attacks one thing; per case (§6.4) it asserts the outcome
// class, that no forgery passes, that the decoy files are intact, that no decoy
// secret reaches the verdict, that the loopback listener was never reached,
// that the victim processes live, that nothing the candidate started survives
// and that the run ended within its deadline plus a little slack.
//
// Fixture (initTestCase):
// - decoy homes with .ssh/id_rsa and workbench.sqlite, one under a QTemporaryDir in
//   /tmp (world-readable and world-writable: only the sandbox's private /tmp protects
//   it) and one under the current (build) directory, which the sandbox sees read-only
//   (world-writable directory and workbench.sqlite: only the read-only mount protects
//   them; id_rsa is 0600 as ssh wants it, so the uid drop keeps it unreadable). The
//   build decoy's workbench.sqlite is world-readable by design and therefore not a
//   secret: / stays visible read-only (spec §0), so only its integrity is asserted;
// - a decoy OPENAI_API_KEY in this process's environment, which the helpers inherit;
// - a TCP and UDP listener on 127.0.0.1 (ephemeral port) and a world-writable unix
//   socket next to the build decoy, polled without blocking after each case;
// - victim `sleep 3600` processes: one of this uid and, as root, one of each worker
//   slot's uid (the uid the sandbox runs as);
// - survivors: processes whose command line carries a marker ("31.41590" in `sleep`
//   arguments, "rrtf-hostile-marker" in `python3 -c` scripts) and, as root, any process
//   of a slot uid beyond the workers' own keeper, zygote, candidate spawner and tests server.
//
// The forgery cases also run through the level-A runner (JudgeTask.preferSplit =
// false). Level A cannot stop case 37 (frame walking to the nonce, spec §5.2 "proven
// limits"): that row documents the limitation, while the level-B row asserts the
// forgery does not pass.
#include "evaluation/sandbox_pool.h"
#include "hostile_fixture.h"

#include <QtTest>

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <memory>

using namespace rrtf;

namespace {

constexpr double kWallSeconds = 3.0;
// Spec §6.4 says deadline + 1 s; a loaded 2-core machine (ctest -j2, a build beside it) can add
// seconds to that. The check is there to catch a limit that is not enforced at all -- a program
// that sleeps forever would then never come back -- so the slack can be generous.
constexpr double kSlackSeconds = 10.0;
// Waits end as soon as the processes are gone, so a long grace costs nothing on a quiet machine.
constexpr int kSurvivorGraceMs = 10000;
constexpr int kWorkers = 2;

const QStringList kMarkers{QStringLiteral("31.41590"), QStringLiteral("rrtf-hostile-marker")};

const char* kTests =
    "def check(candidate):\n"
    "    assert candidate(2, 3) == 5\n"
    "    assert candidate(-1, 1) == 0\n"
    "    assert abs(candidate(0.5, 0.25) - 0.75) < 1e-9\n";

struct HostileCase {
    QString name;
    QString source;               // @TMPHOME@, @BUILDHOME@, @PORT@, @UNIXSOCK@ are filled in
    QStringList splitOutcomes;    // allowed outcomes with level B
    bool forgery = false;         // faking a pass: must never be "passed"
    QStringList inProcessOutcomes;  // forgery cases: allowed outcomes with level A
    QString detailPattern;        // regular expression the detail must match
    QString stdoutPattern;        // regular expression the stdout must match
    double maxSeconds = 0;        // 0: wall limit of each level run + slack
    bool levelACannotStopIt = false;  // case 37: a known level-A limitation (spec §5.2)
};

std::vector<HostileCase> hostileCases()
{
    const QStringList passed{QStringLiteral("passed")};
    const QStringList failed{QStringLiteral("failed")};
    const QStringList error{QStringLiteral("error")};
    const QStringList timeout{QStringLiteral("timeout")};
    const QStringList oom{QStringLiteral("out_of_memory")};
    // Growing to the memory limit a page at a time: 1 GiB of zeroed pages takes
    // 0.5 s on bare metal and 8 s in a Firecracker VM, where the wall clock limit
    // stops it first. Either way it is stopped and said so.
    const QStringList oomOrSlowFaults{QStringLiteral("out_of_memory"), QStringLiteral("timeout")};
    std::vector<HostileCase> cases;

    cases.push_back({"01 correct", R"PY(def add(a, b):
    return a + b
)PY", passed});
    cases.push_back({"02 wrong", R"PY(def add(a, b):
    return a - b
)PY", failed, false, {}, "line 2"});
    cases.push_back({"03 raises ValueError", R"PY(def add(a, b):
    raise ValueError("no adding today")
)PY", error, false, {}, "ValueError"});
    cases.push_back({"04 syntax error", R"PY(def add(a, b)
    return a + b
)PY", {"syntax_error"}, false, {}, "line 1"});
    cases.push_back({"05 fork bomb", R"PY(import os
while True:
    try:
        os.fork()
    except OSError:
        pass
)PY", {"timeout", "error"}});
    cases.push_back({"06 infinite loop", R"PY(def add(a, b):
    while True:
        pass
)PY", timeout});
    cases.push_back({"07 sleep", R"PY(import time
def add(a, b):
    time.sleep(100)
    return a + b
)PY", timeout});
    cases.push_back({"08 bytearray 8 GiB", R"PY(def add(a, b):
    hog = bytearray(8 << 30)
    return a + b
)PY", oom, false, {}, "MemoryError"});
    cases.push_back({"09 list-append memory bomb", R"PY(def add(a, b):
    hog = []
    while True:
        hog.append(bytearray(1 << 20))
)PY", oomOrSlowFaults});
    cases.push_back({"10 stdout flood", R"PY(import sys
chunk = "A" * 65536
while True:
    sys.stdout.write(chunk)
)PY", {"output_limit"}, false, {}, {}, {}, 2.5});
    cases.push_back({"11 write a 1 GiB file", R"PY(def add(a, b):
    block = b"\0" * (1 << 20)
    with open("/tmp/big.bin", "wb") as f:
        for _ in range(1024):
            f.write(block)
    return a + b
)PY", error, false, {}, "Errno 27|File too large"});
    cases.push_back({"12 rmtree home and decoys", R"PY(import os, shutil
def add(a, b):
    for target in (os.path.expanduser("~"), "@TMPHOME@", "@BUILDHOME@"):
        shutil.rmtree(target, ignore_errors=True)
    for home in ("@TMPHOME@", "@BUILDHOME@"):
        for name in (".ssh/id_rsa", "workbench.sqlite"):
            path = os.path.join(home, name)
            for attempt in (lambda: open(path, "w").write("owned"), lambda: os.truncate(path, 0),
                            lambda: os.chmod(path, 0o777), lambda: os.remove(path)):
                try:
                    attempt()
                except Exception:
                    pass
        for planted in ("planted", ".ssh/planted"):
            try:
                open(os.path.join(home, planted), "w").write("x")
            except Exception:
                pass
        try:
            os.symlink("/etc/passwd", os.path.join(home, "planted-link"))
        except Exception:
            pass
    return a + b
)PY", passed});
    cases.push_back({"13 read secrets, dump env", R"PY(import glob, os, sys
def add(a, b):
    loot = []
    paths = ["@TMPHOME@/.ssh/id_rsa", "@TMPHOME@/workbench.sqlite", "@BUILDHOME@/.ssh/id_rsa",
             os.path.expanduser("~/.ssh/id_rsa"), "/etc/shadow", "/root/.ssh/id_rsa"]
    paths += glob.glob("/proc/*/environ") + glob.glob("/home/*/.ssh/*") + glob.glob("/tmp/*/.ssh/id_rsa")
    for path in paths:
        try:
            with open(path, "rb") as f:
                loot.append((path, f.read(4096)))
        except Exception as e:
            loot.append((path, repr(e)))
    print(loot)
    print(dict(os.environ))
    sys.stderr.write(repr(loot) + "\n")
    return a + b
)PY", passed, false, {}, {},
                     // The attack ran and met the mechanisms: both decoys are outside the
                     // sandbox's root (a tmpfs holding only read-only system directories).
                     "rrtf-hostile-\\w+/home/\\.ssh/id_rsa', \"FileNotFoundError[\\s\\S]*"
                     "hostile-decoy-\\w+/home/\\.ssh/id_rsa', \"FileNotFoundError"});
    cases.push_back({"14 connect to the host's loopback", R"PY(import socket
def add(a, b):
    results = []
    for host in ("127.0.0.1", "localhost", "::1", "::ffff:127.0.0.1"):
        try:
            s = socket.create_connection((host, @PORT@), timeout=0.5)
            results.append((host, "connected"))
            s.close()
        except Exception as e:
            results.append((host, repr(e)))
    try:
        u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        u.sendto(b"hello", ("127.0.0.1", @PORT@))
        results.append(("udp", "sent"))
    except Exception as e:
        results.append(("udp", repr(e)))
    print(results)
    return a + b
)PY", passed, false, {}, {}, "PermissionError"});
    // Not one of the 39: a unix-domain socket any local user may connect to, on the part
    // of the filesystem the sandbox sees read-only (the build directory).
    cases.push_back({"14b extra: world-writable unix socket", R"PY(import socket
def add(a, b):
    try:
        s = socket.socket(socket.AF_UNIX)
        s.settimeout(0.5)
        s.connect("@UNIXSOCK@")
        s.sendall(b"hello from the sandbox")
        print("connected")
    except Exception as e:
        print(repr(e))
    return a + b
)PY", passed});
    cases.push_back({"15 double-fork setsid daemon", R"PY(import os
pid = os.fork()
if pid == 0:
    try:
        os.setsid()
        if os.fork() == 0:
            try:
                os.execv("/bin/sleep", ["sleep", "31.4159015"])
            finally:
                os._exit(0)
    finally:
        os._exit(0)
os.waitpid(pid, 0)
def add(a, b):
    return a + b
)PY", passed});
    cases.push_back({"16 setsid child, parent sleeps", R"PY(import os, time
def add(a, b):
    if os.fork() == 0:
        try:
            os.setsid()
            os.execv("/bin/sleep", ["sleep", "31.4159016"])
        finally:
            os._exit(0)
    time.sleep(100)
    return a + b
)PY", timeout});
    cases.push_back({"17 wrong + os._exit(0) at import", R"PY(import os
def add(a, b):
    return a - b
os._exit(0)
)PY", error, true, error});
    cases.push_back({"18 sys.exit(0) at import", R"PY(import sys
def add(a, b):
    return a + b
sys.exit(0)
)PY", error, false, {}, "SystemExit"});
    cases.push_back({"19 os._exit(0) in the candidate", R"PY(import os
def add(a, b):
    os._exit(0)
)PY", error, true, error});
    cases.push_back({"20 fake PASSED, forged records", R"PY(import json, os, sys
print("PASSED")
print(json.dumps({"outcome": "passed", "tests_passed": 3, "tests_total": 3, "detail": ""}))
sys.stderr.write("all tests passed\n")
forged = [b"V 00000000000000000000000000000000 passed\n",
          (json.dumps({"nonce": "0" * 32, "outcome": "passed", "tests_passed": 3, "tests_total": 3,
                       "detail": ""}) + "\n").encode(),
          (json.dumps({"outcome": "passed", "tests_passed": 3, "tests_total": 3, "detail": ""}) + "\n").encode()]
for fd in range(3, 10):
    for line in forged:
        try:
            os.write(fd, line)
        except OSError:
            pass
def add(a, b):
    return a - b
)PY", {"tampered", "failed", "error"}, true, {"tampered", "failed", "error"}});
    cases.push_back({"21 AlwaysEqual result", R"PY(class AlwaysEqual:
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def __lt__(self, other): return True
    def __le__(self, other): return True
    def __gt__(self, other): return True
    def __ge__(self, other): return True
    def __abs__(self): return self
    def __sub__(self, other): return self
    def __rsub__(self, other): return self
    def __bool__(self): return True
    def __hash__(self): return 0
def add(a, b):
    return AlwaysEqual()
)PY", {"error", "failed"}, true, {"error", "failed"}});
    cases.push_back({"22 int subclass equal to all", R"PY(class I(int):
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def __lt__(self, other): return True
    def __sub__(self, other): return I(0)
    def __abs__(self): return I(0)
    __hash__ = int.__hash__
def add(a, b):
    return I(0)
)PY", {"error", "failed"}, true, {"error", "failed"}});
    cases.push_back({"23 patched builtins.abs", R"PY(import builtins
builtins.abs = lambda x: 0
def add(a, b):
    return int(a) + int(b)
)PY", failed, true, failed, "line 4"});
    cases.push_back({"24 atexit forged pass", R"PY(import atexit, json, os
def _forge():
    for fd in range(3, 10):
        for line in (b"V 00000000000000000000000000000000 passed\n",
                     (json.dumps({"outcome": "passed", "tests_passed": 3, "tests_total": 3,
                                  "detail": ""}) + "\n").encode()):
            try:
                os.write(fd, line)
            except OSError:
                pass
    print("PASSED")
atexit.register(_forge)
def add(a, b):
    return a - b
)PY", failed, true, failed});
    cases.push_back({"25 ignore signals, catch BaseException", R"PY(import signal
for name in ("SIGXCPU", "SIGTERM", "SIGALRM", "SIGINT", "SIGHUP", "SIGUSR1", "SIGUSR2"):
    try:
        signal.signal(getattr(signal, name), signal.SIG_IGN)
    except Exception:
        pass
def add(a, b):
    while True:
        try:
            while True:
                pass
        except BaseException:
            pass
)PY", timeout});
    cases.push_back({"26 settrace skips asserts", R"PY(import sys, threading
def _skip(frame, event, arg):
    if frame.f_code.co_name != "check":
        return None
    if event == "line":
        try:
            frame.f_lineno = frame.f_lineno + 1
        except Exception:
            pass
    return _skip
sys.settrace(_skip)
threading.settrace(_skip)
def add(a, b):
    return a - b
)PY", {"failed", "error"}, true, error, "RuntimeError|line"});
    cases.push_back({"27 _getframe f_locals at import", R"PY(import sys
_loot = {}
_frame = sys._getframe(1) if hasattr(sys, "_getframe") else None
while _frame is not None:
    for _key, _value in list(_frame.f_locals.items()):
        if isinstance(_value, (str, int, bytes)):
            _loot[_key] = _value
    _frame = _frame.f_back
print(sorted(_loot)[:50])
def add(a, b):
    return a - b
)PY", failed, true, failed});
    cases.push_back({"28 gc.get_objects hunting", R"PY(import gc
_hits = 0
for _o in gc.get_objects():
    if isinstance(_o, dict) and ("nonce" in _o or "tests" in _o or "verdict_fd" in _o):
        _hits += 1
print("hits", _hits)
def add(a, b):
    return a - b
)PY", failed, true, error});
    cases.push_back({"29 kill(-1, SIGKILL)", R"PY(import os, signal
def add(a, b):
    for target in (-1, 1):
        try:
            os.kill(target, signal.SIGKILL)
            print("kill", target, "ok")
        except Exception as e:
            print("kill", target, repr(e))
    try:
        os.killpg(1, signal.SIGKILL)
    except Exception as e:
        print("killpg 1", repr(e))
    return a + b
)PY", passed, false, {}, {}, "kill -1 ProcessLookupError"});
    cases.push_back({"30 10000 threads", R"PY(import threading, time
def add(a, b):
    threads = []
    for i in range(10000):
        t = threading.Thread(target=time.sleep, args=(30,), daemon=True)
        t.start()
        threads.append(t)
    return a + b
)PY", {"error", "timeout", "out_of_memory"}});
    cases.push_back({"31 input()", R"PY(def add(a, b):
    return a + b + int(input())
)PY", error, false, {}, "EOFError"});
    cases.push_back({"32 unbounded recursion", R"PY(import sys
sys.setrecursionlimit(10 ** 7)
def add(a, b):
    def deeper(n):
        return deeper(n + 1) + 1
    return deeper(0)
)PY", {"timeout", "crashed", "error", "out_of_memory"}});
    cases.push_back({"33 NPROC probe (100 forks)", R"PY(import os
def add(a, b):
    n = 0
    for i in range(100):
        try:
            pid = os.fork()
        except OSError:
            break
        if pid == 0:
            try:
                os.execv("/bin/sleep", ["sleep", "31.4159033"])
            finally:
                os._exit(0)
        n += 1
    print("forks=%d" % n)
    return a + b
)PY", passed, false, {}, {}, "forks=\\d{1,2}\\n"});
    cases.push_back({"34 ctypes CDLL(None)", R"PY(import ctypes
libc = ctypes.CDLL(None, use_errno=True)
print("unshare=%d" % libc.unshare(0x10000000))
print("mount=%d" % libc.mount(b"none", b"/mnt", b"tmpfs", 0, None))
def add(a, b):
    return a + b
)PY", passed, false, {}, {}, "unshare=-1\\nmount=-1"});
    cases.push_back({"35 open /proc/self/maps", R"PY(def add(a, b):
    with open("/proc/self/maps") as f:
        f.read()
    return a + b
)PY", error, false, {}, "FileNotFoundError|RuntimeError|PermissionError"});
    cases.push_back({"36 SIGSEGV", R"PY(import faulthandler
def add(a, b):
    faulthandler._sigsegv()
    return a + b
)PY", {"crashed"}, false, {}, "SIGSEGV"});
    const char* frameWalk = R"PY(import json, os, re, sys
def _forge():
    frame = sys._getframe()
    while frame is not None:
        scope = frame.f_locals
        nonce = scope.get("nonce")
        if isinstance(nonce, str) and re.fullmatch("[0-9a-f]{32}", nonce):
            fd = scope.get("verdict_fd", 3)
            record = {"nonce": nonce, "outcome": "passed", "tests_passed": 3, "tests_total": 3, "detail": ""}
            os.write(fd, (json.dumps(record) + "\n").encode())
            os._exit(0)
        frame = frame.f_back
_forge()
)PY";
    HostileCase frameWalking{"37 frame-walking nonce forgery", QString::fromUtf8(frameWalk) + R"PY(def add(a, b):
    _forge()
    return a - b
)PY", {"failed", "error"}, true, {"failed", "error", "tampered"}};
    frameWalking.levelACannotStopIt = true;
    cases.push_back(frameWalking);
    // Not one of the 39: case 37 plus an entry point that is a class, which makes the tests
    // process ask for the level-A fallback, where the frame walk finds the nonce.
    cases.push_back({"37b extra: forgery via forced level-A fallback", QString::fromUtf8(frameWalk) + R"PY(class add:
    def __new__(cls, a, b):
        _forge()
        return a - b
)PY", {"failed", "error"}, true});
    cases.push_back({"38 namedtuple/typing/enum", R"PY(import collections, dataclasses, enum, functools, json, re, shutil, socket, typing
from typing import List, NamedTuple, Optional
Pair = collections.namedtuple("Pair", "a b")
class Color(enum.Enum):
    RED = 1
class Point(NamedTuple):
    x: float
    y: float
@dataclasses.dataclass
class Box:
    value: float
@functools.lru_cache(maxsize=None)
def _same(x):
    return x
def add(a: float, b: float) -> float:
    p = Point(a, b)
    pair = Pair(p.x, p.y)
    return _same(Box(pair.a).value) + pair.b
)PY", passed});
    cases.push_back({"39 daemon + stdout flood", R"PY(import os, sys
if os.fork() == 0:
    try:
        os.setsid()
        if os.fork() == 0:
            try:
                os.execv("/usr/bin/python3", ["python3", "-c", "#rrtf-hostile-marker\nimport time\ntime.sleep(31)"])
            finally:
                os._exit(0)
    finally:
        os._exit(0)
chunk = "B" * 65536
while True:
    sys.stdout.write(chunk)
)PY", {"output_limit"}, false, {}, {}, {}, 2.5});
    return cases;
}

QString randomToken(const char* prefix)
{
    return QString::fromLatin1(prefix) +
           QString::number(QRandomGenerator::global()->generate64(), 16).toUpper() +
           QString::number(QRandomGenerator::global()->generate64(), 16).toUpper();
}

QString outcomeText(Outcome outcome) { return QString::fromLatin1(outcomeName(outcome).data(), qsizetype(outcomeName(outcome).size())); }

QString oneLine(const std::string& text, int length = 140)
{
    QString line = QString::fromStdString(text).simplified();
    return line.size() > length ? line.left(length - 3) + QStringLiteral("...") : line;
}

}  // namespace

class TestSandboxHostile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Decoys: one home in /tmp, one in the (build) directory this test runs in.
        m_tmpDir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/rrtf-hostile-XXXXXX"));
        m_buildDir = std::make_unique<QTemporaryDir>(QDir::current().filePath(QStringLiteral("hostile-decoy-XXXXXX")));
        QVERIFY(m_tmpDir->isValid());
        QVERIFY(m_buildDir->isValid());
        QVERIFY(chmod(QFile::encodeName(m_tmpDir->path()).constData(), 0777) == 0);
        QVERIFY(chmod(QFile::encodeName(m_buildDir->path()).constData(), 0777) == 0);

        const QByteArray tmpKey = randomToken("DECOY-PRIVATE-KEY-").toLatin1();
        const QByteArray tmpDb = randomToken("DECOY-WORKBENCH-DB-").toLatin1();
        const QByteArray buildKey = randomToken("DECOY-BUILD-KEY-").toLatin1();
        const QByteArray buildDb = randomToken("DECOY-BUILD-DB-").toLatin1();
        const QByteArray apiKey = randomToken("sk-DECOY-").toLatin1();
        QVERIFY(m_tmpHome.create(m_tmpDir->filePath(QStringLiteral("home")), 0777,
                                 {{QStringLiteral(".ssh/id_rsa"), tmpKey, 0666},
                                  {QStringLiteral("workbench.sqlite"), tmpDb, 0666}}));
        QVERIFY(m_buildHome.create(m_buildDir->filePath(QStringLiteral("home")), 0777,
                                   {{QStringLiteral(".ssh/id_rsa"), buildKey, 0600},
                                    {QStringLiteral("workbench.sqlite"), buildDb, 0666}}));
        m_secrets = {QString::fromLatin1(tmpKey), QString::fromLatin1(tmpDb), QString::fromLatin1(buildKey),
                     QString::fromLatin1(apiKey)};
        qputenv("OPENAI_API_KEY", apiKey);

        const QString listenError = m_listener.start(m_buildDir->filePath(QStringLiteral("listen.sock")));
        QVERIFY2(listenError.isEmpty(), qPrintable(listenError));

        m_pool = std::make_unique<SandboxPool>(SandboxOptions{kWorkers});
        m_root = geteuid() == 0;
        qInfo("sandbox tier %s, %s; decoys in %s and %s; listener 127.0.0.1:%u",
              m_pool->info().tier.c_str(), m_pool->info().interpreter.c_str(), qPrintable(m_tmpHome.root()),
              qPrintable(m_buildHome.root()), unsigned(m_listener.port()));
        QVERIFY(m_pool->info().tier != "unsafe");
        if (m_root)
            QCOMPARE(QString::fromStdString(m_pool->info().tier), QStringLiteral("root"));

        // Victims: this uid and, as root, every slot's uid.
        std::vector<uid_t> victimUids{geteuid()};
        if (m_root)
            for (int slot = 0; slot < kWorkers; ++slot) {
                victimUids.push_back(hostile::kFirstSlotUid + uid_t(slot));
                m_slotUids.insert(hostile::kFirstSlotUid + uid_t(slot));
            }
        for (uid_t uid : victimUids) {
            m_victims.push_back(std::make_unique<hostile::Victim>());
            QVERIFY2(m_victims.back()->start(uid), qPrintable(QStringLiteral("victim as uid %1").arg(uid)));
        }

        // The workers' own processes (keeper, zygote, candidate spawner and tests server of each slot) are the baseline.
        if (m_root) {
            QVERIFY(hostile::waitFor([&] { return sandboxProcesses().size() == size_t(4 * kWorkers); }, 30000));
            m_baseline = sandboxProcesses().size();
        }
        QVERIFY2(hostile::processesWithMarkers(kMarkers).empty(),
                 qPrintable(hostile::describe(hostile::processesWithMarkers(kMarkers))));
        m_limits.wallSeconds = kWallSeconds;
        m_limits.cpuSeconds = 2.0;
        m_limits.memoryMiB = 1024;
        m_limits.maxProcesses = 64;
        m_limits.fileSizeMiB = 16;
    }

    void cleanupTestCase()
    {
        m_pool.reset();
        m_victims.clear();
        qunsetenv("OPENAI_API_KEY");
    }

    void hostileSplit_data() { addRows(false); }

    // Level B (split process), the default: every case.
    void hostileSplit()
    {
        QFETCH(QString, source);
        QFETCH(QStringList, outcomes);
        QFETCH(bool, forgery);
        QFETCH(QString, detailPattern);
        QFETCH(QString, stdoutPattern);
        QFETCH(double, maxSeconds);
        runCase(source, true, outcomes, forgery, false, detailPattern, stdoutPattern, maxSeconds);
    }

    void hostileInProcess_data() { addRows(true); }

    // Level A (in-process runner, JudgeTask.preferSplit = false): the forgery cases. It must
    // stop all of them but 37, which spec §5.2 shows it cannot (the nonce lives in the same
    // interpreter); the hostileSplit row of 37 asserts that level B does.
    void hostileInProcess()
    {
        QFETCH(QString, source);
        QFETCH(QStringList, outcomes);
        QFETCH(bool, forgery);
        QFETCH(bool, levelACannotStopIt);
        QFETCH(QString, detailPattern);
        QFETCH(double, maxSeconds);
        runCase(source, false, outcomes, forgery, levelACannotStopIt, detailPattern, QString(), maxSeconds);
    }

    // After everything: the workers still answer, and nothing of the suite is left behind.
    void poolStillWorks()
    {
        JudgeTask task = addTask(QStringLiteral("def add(a, b):\n    return a + b\n"), true);
        for (int i = 0; i < kWorkers * 2; ++i) {
            const Verdict verdict = m_pool->judge(task, m_limits);
            QCOMPARE(outcomeText(verdict.outcome), QStringLiteral("passed"));
        }
        QStringList problems;
        checkFixture(problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("\n  "))));
    }

private:
    void addRows(bool inProcessOnly)
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QStringList>("outcomes");
        QTest::addColumn<bool>("forgery");
        QTest::addColumn<bool>("levelACannotStopIt");
        QTest::addColumn<QString>("detailPattern");
        QTest::addColumn<QString>("stdoutPattern");
        QTest::addColumn<double>("maxSeconds");
        for (const HostileCase& c : hostileCases()) {
            if (inProcessOnly && c.inProcessOutcomes.isEmpty())
                continue;
            QString source = c.source;
            source.replace(QStringLiteral("@TMPHOME@"), m_tmpHome.root())
                .replace(QStringLiteral("@BUILDHOME@"), m_buildHome.root())
                .replace(QStringLiteral("@PORT@"), QString::number(m_listener.port()))
                .replace(QStringLiteral("@UNIXSOCK@"), m_listener.unixPath());
            // Level-A details differ (tripwire messages); only level B's are pinned down.
            const QString detail = inProcessOnly && c.name.startsWith(QLatin1String("26")) ? QString() : c.detailPattern;
            QTest::newRow(qPrintable(c.name)) << source << (inProcessOnly ? c.inProcessOutcomes : c.splitOutcomes)
                                              << c.forgery << (inProcessOnly && c.levelACannotStopIt) << detail
                                              << c.stdoutPattern << c.maxSeconds;
        }
    }

    JudgeTask addTask(const QString& source, bool split) const
    {
        JudgeTask task;
        task.taskId = "hostile/add";
        task.style = TestStyle::CheckFunction;
        task.candidateSource = source.toStdString();
        task.testSource = kTests;
        task.entryPoint = "add";
        task.preferSplit = split;
        return task;
    }

    std::vector<hostile::ProcessInfo> sandboxProcesses() const
    {
        std::set<pid_t> victims;
        for (const auto& victim : m_victims)
            victims.insert(victim->pid());
        return hostile::processesOfUids(m_slotUids, victims);
    }

    void runCase(const QString& source, bool split, const QStringList& outcomes, bool forgery,
                 bool levelACannotStopIt, const QString& detailPattern, const QString& stdoutPattern,
                 double maxSeconds)
    {
        QElapsedTimer timer;
        timer.start();
        const Verdict verdict = m_pool->judge(addTask(source, split), m_limits);
        const double elapsed = double(timer.nsecsElapsed()) / 1e9;
        const QString outcome = outcomeText(verdict.outcome);
        const QString fallback = verdict.fallbackReason.empty()
                                     ? QString()
                                     : QStringLiteral(" [fallback: %1]").arg(oneLine(verdict.fallbackReason, 80));
        qInfo("CASE | %s | %s | %s | %d/%d | %.2f s | %s%s | stdout: %s", QTest::currentDataTag(),
              verdict.level.c_str(), qPrintable(outcome), verdict.testsPassed, verdict.testsTotal, elapsed,
              qPrintable(oneLine(verdict.detail)), qPrintable(fallback), qPrintable(oneLine(verdict.stdoutText, 100)));

        QStringList problems;
        if (levelACannotStopIt) {
            // spec §5.2: level A's nonce is reachable by frame walking; whatever happened here is
            // recorded, not asserted. Only the split row of this case must hold.
            if (verdict.passed())
                qInfo("known level-A limitation reproduced: the frame-walking forgery passed in-process");
        } else {
            if (!outcomes.contains(outcome))
                problems << QStringLiteral("outcome %1, expected one of {%2} (detail: %3)")
                                .arg(outcome, outcomes.join(QLatin1Char(',')), oneLine(verdict.detail, 300));
            if (forgery && verdict.passed())
                problems << QStringLiteral("FORGED PASS (level %1)").arg(QString::fromStdString(verdict.level));
            if (!detailPattern.isEmpty() &&
                !QRegularExpression(detailPattern).match(QString::fromStdString(verdict.detail)).hasMatch())
                problems << QStringLiteral("detail '%1' does not match /%2/")
                                .arg(oneLine(verdict.detail, 300), detailPattern);
        }
        if (!stdoutPattern.isEmpty() &&
            !QRegularExpression(stdoutPattern).match(QString::fromStdString(verdict.stdoutText)).hasMatch())
            problems << QStringLiteral("stdout '%1' does not match /%2/")
                            .arg(oneLine(verdict.stdoutText, 300), stdoutPattern);
        if (split && verdict.level != "split" && verdict.fallbackReason.empty())
            problems << QStringLiteral("level %1 without a fallback reason").arg(QString::fromStdString(verdict.level));
        if (!split && verdict.level != "in-process")
            problems << QStringLiteral("level %1, asked for in-process").arg(QString::fromStdString(verdict.level));

        // Deadline: the wall limit of each level that ran (a fallback runs level A after B).
        const bool fellBack = split && verdict.level == "in-process";
        const double budget = maxSeconds > 0 ? maxSeconds : kWallSeconds * (fellBack ? 2 : 1) + kSlackSeconds;
        if (elapsed > budget)
            problems << QStringLiteral("took %1 s, more than %2 s").arg(elapsed, 0, 'f', 2).arg(budget);

        // No decoy secret anywhere in what the verdict shows.
        const std::pair<const char*, const std::string*> fields[] = {
            {"stdout", &verdict.stdoutText}, {"stderr", &verdict.stderrText},
            {"detail", &verdict.detail}, {"fallback_reason", &verdict.fallbackReason}};
        for (const QString& secret : m_secrets)
            for (const auto& [field, text] : fields)
                if (QString::fromStdString(*text).contains(secret))
                    problems << QStringLiteral("decoy secret %1... leaked into %2").arg(secret.left(18), field);

        checkFixture(problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("\n  "))));
    }

    // Survivors, decoys, listener and victims; repairs what it can so the next case starts clean.
    void checkFixture(QStringList& problems)
    {
        QElapsedTimer timer;
        timer.start();
        const bool clean = hostile::waitFor([&] {
            return hostile::processesWithMarkers(kMarkers).empty() && (!m_root || sandboxProcesses().size() <= m_baseline);
        }, kSurvivorGraceMs);
        if (!clean) {
            const auto marked = hostile::processesWithMarkers(kMarkers);
            if (!marked.empty())
                problems << QStringLiteral("survivors after %1 ms: %2").arg(kSurvivorGraceMs).arg(hostile::describe(marked));
            if (m_root && sandboxProcesses().size() > m_baseline)
                problems << QStringLiteral("%1 sandbox-uid processes, baseline %2: %3")
                                .arg(sandboxProcesses().size())
                                .arg(m_baseline)
                                .arg(hostile::describe(sandboxProcesses()));
            // Clean up for the next case, but only what the sandbox could have started.
            for (const auto& p : marked)
                if (m_slotUids.count(p.uid) || (!m_root && p.uid == geteuid()))
                    kill(p.pid, SIGKILL);
        } else if (timer.elapsed() > 1000) {
            qInfo("survivors took %lld ms to disappear", qint64(timer.elapsed()));
        }

        for (hostile::DecoyHome* home : {&m_tmpHome, &m_buildHome}) {
            const QString damage = home->damage();
            if (!damage.isEmpty()) {
                problems << QStringLiteral("decoy damaged: %1").arg(damage);
                home->restore();
            }
        }
        const QStringList reached = m_listener.connections();
        if (!reached.isEmpty())
            problems << QStringLiteral("listener reached: %1").arg(reached.join(QStringLiteral(", ")));
        for (auto& victim : m_victims)
            if (!victim->alive()) {
                problems << QStringLiteral("victim of uid %1 died (%2)").arg(victim->uid()).arg(victim->howItEnded());
                victim->start(victim->uid());
            }
    }

    std::unique_ptr<QTemporaryDir> m_tmpDir;
    std::unique_ptr<QTemporaryDir> m_buildDir;
    hostile::DecoyHome m_tmpHome;
    hostile::DecoyHome m_buildHome;
    QStringList m_secrets;
    hostile::Listener m_listener;
    std::vector<std::unique_ptr<hostile::Victim>> m_victims;
    std::set<uid_t> m_slotUids;
    size_t m_baseline = 0;
    bool m_root = false;
    std::unique_ptr<SandboxPool> m_pool;
    JudgeLimits m_limits;
};

QTEST_GUILESS_MAIN(TestSandboxHostile)
#include "test_sandbox_hostile.moc"
