"""Run untrusted work (reading a report file) in child processes with limits
on wall time, processor time and memory, so that one hostile file costs at
most those and never the process that asked: not its memory, not its
threads, not the index write lock.

A PDF of a million glyphs, a content stream of nested operators or a
decompression bomb each kept a server thread busy for minutes and reached
gigabytes. Here each file is read by a child forked from a *fork server*
(``multiprocessing``'s ``forkserver``: a clean single-threaded process that
has already imported the readers, so children start in milliseconds and a
multi-threaded server never forks itself). The child sets its own limits with
``setrlimit`` before reading: address space (``RLIMIT_AS``: the memory the
reading may add to what the reader holds at start, so a bomb gets a
``MemoryError``) and processor time (``RLIMIT_CPU``: SIGXCPU, then SIGKILL);
the parent kills it when the wall time runs out. A child reads several files
in turn (limits reset for each) and is replaced after a breach.

A child that dies of its own signal (native code aborting: pdfium ends the
process when an allocation fails under the memory limit, or on an internal
error) has its file read once more by a *careful* child, in which readers
take their pure-Python path (``careful()``): the PDF reader then uses
pdfminer, which reads the file or meets a limit as a Python exception with
its reason.
"""
from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.spawn
import os
import queue
import resource
import signal
import threading
from dataclasses import dataclass

# what children need, imported once in the fork server
PRELOAD = ["search_service.indexer", "pdfplumber", "pypdfium2.raw"]
FILES_PER_CHILD = 25  # a fresh child now and then: no slow creep of memory

log = logging.getLogger("search_service.sandbox")


@dataclass(frozen=True)
class Limits:
    """Per file. ``seconds`` is wall time (and processor time: one thread
    cannot use more); ``memory_mb`` is what reading may allocate."""
    seconds: float = 120.0
    memory_mb: int = 1024

    def describe_memory(self) -> str:
        mb = self.memory_mb
        return f"{mb / 1024:g} GB" if mb >= 1024 and mb % 256 == 0 else f"{mb:,} MB"


class Refused(Exception):
    """The file could not be read in its child; the message says why, in words."""


class LimitExceeded(Refused):
    """Reading stopped at a limit; the message says which."""


class _Crashed(LimitExceeded):
    """The child died of a signal of its own (not a limit's): the file is
    read once more in a careful child."""


_careful = False


def careful() -> bool:
    """True in a child reading a file again after native code crashed the
    child before it: readers take their pure-Python path."""
    return _careful


class _CpuTime(BaseException):
    """Raised in the child by SIGXCPU (BaseException: no ``except Exception``
    in the reader swallows it)."""


def _on_sigxcpu(signum, frame):
    raise _CpuTime()


def _address_space() -> int:
    """This process's current virtual memory size in bytes."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _child(conn, fn, limits: Limits, careful: bool = False) -> None:
    """Read items from ``conn`` and send back ("ok", result), ("error", text)
    or ("limit", which) for each; exit after a breach."""
    global _careful
    _careful = careful
    try:
        base = _address_space()
    except OSError:
        base = 0
    if base:
        cap = base + limits.memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    # processor time: the hard limit (SIGKILL) is set once, for every file
    # this child may read; each file gets a soft limit (SIGXCPU) below it
    hard = int(limits.seconds * (FILES_PER_CHILD + 1)) + 10
    resource.setrlimit(resource.RLIMIT_CPU, (hard, hard))
    signal.signal(signal.SIGXCPU, _on_sigxcpu)
    os.nice(10)  # searches first: a reader waits for the processor, not they
    while True:
        try:
            item = conn.recv()
        except EOFError:
            return
        if item is None:
            return
        used = resource.getrusage(resource.RUSAGE_SELF)
        soft = min(int(used.ru_utime + used.ru_stime + limits.seconds) + 1, hard)
        resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))
        try:
            reply = ("ok", fn(item))
        except MemoryError:
            reply = ("limit", "memory")
        except _CpuTime:
            reply = ("limit", "cpu")
        except Exception as e:  # the reader's own refusals are values, not exceptions; this is a bug
            reply = ("error", f"{type(e).__name__}: {e}")
        try:
            conn.send(reply)
        except MemoryError:
            conn.send(("limit", "memory"))
        except (BrokenPipeError, OSError):
            return
        if reply[0] == "limit":
            return


def _reset_fork_server() -> None:
    """A forked process (a gunicorn worker) must not use its parent's fork
    server (it is not its child: ``waitpid`` fails); give it its own,
    started when first needed."""
    from multiprocessing import forkserver

    old = forkserver._forkserver
    if old._forkserver_alive_fd is not None:
        try:
            os.close(old._forkserver_alive_fd)
        except OSError:
            pass
    server = forkserver.ForkServer()
    forkserver._forkserver = server
    for name in ("ensure_running", "get_inherited_fds", "connect_to_new_process", "set_forkserver_preload"):
        setattr(forkserver, name, getattr(server, name))
    server.set_forkserver_preload(PRELOAD)


os.register_at_fork(after_in_child=_reset_fork_server)
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(PRELOAD)

# multiprocessing makes each child import the parent's __main__ again (a
# script run as `python script.py` would run its top level twice). Our
# children run a function of an importable module and need no __main__, so
# their preparation data leaves it out.
_starting = threading.local()
_preparation_data = multiprocessing.spawn.get_preparation_data


def _without_main(name):
    data = _preparation_data(name)
    if getattr(_starting, "child", False):
        data.pop("init_main_from_path", None)
        data.pop("init_main_from_name", None)
    return data


multiprocessing.spawn.get_preparation_data = _without_main


class _Child:
    def __init__(self, fn, limits: Limits, careful: bool = False):
        self.conn, child_conn = _CONTEXT.Pipe()
        self.proc = _CONTEXT.Process(target=_child, args=(child_conn, fn, limits, careful), daemon=True)
        _starting.child = True
        try:
            self.proc.start()
        finally:
            _starting.child = False
        child_conn.close()
        self.done = 0

    def stop(self, kill: bool = False) -> None:
        if kill and self.proc.is_alive():
            self.proc.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.proc.join(5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()


def _outcome(child: _Child, item, limits: Limits):
    """fn(item) in ``child``, or a LimitExceeded; the child is unusable after
    a LimitExceeded or a crash (the caller replaces it)."""
    try:
        child.conn.send(item)
        if not child.conn.poll(limits.seconds):
            child.stop(kill=True)
            return LimitExceeded(f"took longer than {limits.seconds:g} s to read")
        kind, value = child.conn.recv()
    except (EOFError, OSError):
        child.proc.join(5)
        code = child.proc.exitcode
        if code in (-signal.SIGKILL, -signal.SIGXCPU):
            return LimitExceeded(f"took more than {limits.seconds:g} s of processor time to read")
        return _Crashed(f"could not be read: the reader stopped unexpectedly (exit {code}); "
                        f"it may need more than {limits.describe_memory()} of memory")
    if kind == "limit":
        return LimitExceeded(f"needs more than {limits.describe_memory()} of memory to read" if value == "memory"
                             else f"took more than {limits.seconds:g} s of processor time to read")
    if kind == "error":  # a bug in the reader, met by this file: refuse it, keep the detail for the logs
        log.error("reading failed: %s", value)
        return Refused("could not be read: the reader failed on it (please report this file)")
    return value


def run_each(fn, items: list, limits: Limits, procs: int = 1):
    """Yield (index, outcome) for every item, in the order they finish:
    ``fn(item)`` run in a child process, or a Refused (LimitExceeded when a
    limit stopped it). ``fn`` must be
    a module-level function (it is pickled by name). ``procs`` children work
    at once."""
    if not items:
        return
    todo: queue.Queue = queue.Queue()
    for pair in enumerate(items):
        todo.put(pair)
    done: queue.Queue = queue.Queue()
    stop = threading.Event()

    def work():
        child = None
        i = None
        try:
            while not stop.is_set():
                try:
                    i, item = todo.get_nowait()
                except queue.Empty:
                    return
                if child is None:
                    child = _Child(fn, limits)
                outcome = _outcome(child, item, limits)
                child.done += 1
                if isinstance(outcome, _Crashed):
                    child.stop(kill=True)
                    child = _Child(fn, limits, careful=True)  # for this file only: stopped below
                    outcome = _outcome(child, item, limits)
                    child.done = FILES_PER_CHILD
                if isinstance(outcome, Refused) or child.done >= FILES_PER_CHILD:
                    child.stop(kill=isinstance(outcome, Refused))
                    child = None
                done.put((i, outcome, False))
        except BaseException as e:  # the sandbox itself failed (no fork server?): tell the caller
            done.put((i, e, True))
        finally:
            if child is not None:
                child.stop()

    threads = [threading.Thread(target=work, daemon=True, name="sandbox") for _ in range(max(1, min(procs, len(items))))]
    for t in threads:
        t.start()
    try:
        for _ in range(len(items)):
            i, outcome, failed = done.get()
            if failed:
                raise outcome
            yield i, outcome
    finally:
        stop.set()
        for t in threads:
            t.join()


def run(fn, item, limits: Limits):
    """``fn(item)`` in a child process, or a Refused."""
    return next(run_each(fn, [item], limits))[1]
