"""Received files checked on every core: worker processes check, the run takes the verdicts in order.

A consolidation spends most of its time checking files (``core.received.verify``: a
private copy, SQLite's own checks, every value bounded, the report loaded, its
fingerprint and signature), and each check is independent of the others and of the
aimag's file. So the checks of a large batch run in worker processes, one a core (a
process, not a thread: the checks are Python and SQLite work that a thread would do
under the interpreter's lock), while the run itself, the aimag's file's one writer,
takes their verdicts in the order the files were given and judges, archives and merges
each as before. A worker only reads received files and writes their private copies in
the archive folder (as ``verify`` always did); it never opens the aimag's file.

The run checks a file itself when no worker has it: while the workers start (a new
process imports the checks, about a tenth of a second) and whenever the file whose
turn it is was not handed out yet; while a worker still checks that file, the run
checks one from the end of the batch. A small batch (fewer than ``MIN_FILES_FOR_WORKERS``)
is checked in the run's own process only. The workers of a run that finished wait idle
for the next run of the same program (``KEEP_IDLE_SECONDS``: the reviewer consolidates
the files that came in since, or again after deciding), which then starts checking at
once; each task names its run's archive folder. A run that was cancelled or failed
stops its workers.

Everything a check promises holds in a worker: its deadline and SQLite limits apply
there, a bad file is a verdict with its reason, never an exception. A worker that
dies (killed, out of memory) stops no other file: each worker has a pipe of its own,
so the run knows which files it held; they are checked again one by one, each by a
new worker, and a file that ends its worker again is rejected with why. Workers are
started with ``spawn`` (on every system, as Windows must): a child never inherits the
threads of the window or of the run; the bundle's executables call
``multiprocessing.freeze_support()`` first, so a frozen child runs the check rather
than the program.
"""

from __future__ import annotations

import os
from collections import deque
from pathlib import Path
from typing import Callable, Iterator

from core.received.verify import Verdict, check_submission

#: Below this many files a batch is checked in the run's own process: starting workers
#: costs about as much as checking a few dozen files (measured: no gain below about 60).
MIN_FILES_FOR_WORKERS = 64
#: Files a worker checks per task: one task costs about a tenth of a check in messages
#: between the processes, so a few files travel together.
FILES_PER_TASK = 4
#: Verdicts waiting for their turn, at most, per worker: workers are not handed more while
#: the run merges slower than they check, so the run's memory stays the same for any batch.
MAX_AHEAD_PER_WORKER = 2 * FILES_PER_TASK
#: What a file that ended its worker (twice) is rejected with.
WORKER_ENDED = ("файлыг шалгах үед шалгагч процесс зогсов (санах ой дууссан эсвэл зогсоосон): файлыг "
                "тусад нь дахин нэгтгэж үзнэ үү; дахин давтагдвал илгээгчээс шинээр авна уу")
#: What checks one file: ``check(path, keep_copy_in=folder) -> Verdict`` (a function of a module,
#: so a worker can import it; tests give one that ends its worker).
Check = Callable[..., Verdict]


def worker_count(files: int) -> int:
    """How many worker processes a batch of ``files`` gets: one a core, none for a small batch or one core."""
    cores = os.cpu_count() or 1
    if files < MIN_FILES_FOR_WORKERS or cores < 2:
        return 0
    return min(cores, 8)


def checked_in_order(paths: list[Path], archive: Path, workers: int | None = None,
                     check: Check = check_submission) -> Iterator[Verdict]:
    """Each file's ``Verdict`` (``for_the_run``: the report without its goals), in the order of
    ``paths``, checked by ``workers`` processes (default ``worker_count``) and by this one.
    Closing the iterator early (a cancel, a write error) stops the workers and removes the
    private copies of files checked ahead and never taken. Workers that finished a run are
    kept for the next one (``KEEP_IDLE_SECONDS``)."""
    workers = worker_count(len(paths)) if workers is None else workers
    if workers <= 0:
        for path in paths:
            yield check(path, keep_copy_in=archive).for_the_run()
        return
    pool = _kept.take(workers, archive, check)
    finished = False
    try:
        yield from pool.verdicts(paths)
        finished = True
    finally:
        if finished:
            _kept.keep(pool)
        else:
            pool.close()


#: Seconds the workers of a finished run wait for the next one (the reviewer consolidating the
#: files that came in since, or again after deciding): starting two workers costs about a fifth
#: of a second of a core, as much as checking eighty files. Then they end.
KEEP_IDLE_SECONDS = 300.0


class _KeptWorkers:
    """The idle workers of the last finished run in this process, until the next run takes them or
    ``KEEP_IDLE_SECONDS`` pass. A run that was cancelled or failed keeps none."""

    def __init__(self):
        import threading

        self._lock = threading.Lock()
        self._pool: Workers | None = None
        self._timer = None

    def take(self, count: int, archive: Path, check: Check) -> Workers:
        """The kept workers when they are as many, check the same way and are all alive; else new ones."""
        with self._lock:
            pool, self._pool = self._pool, None
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        if pool is not None and pool.count == count and pool.check is check and pool.alive():
            pool.archive = archive
            return pool
        if pool is not None:
            pool.close()
        return Workers(count, archive, check)

    def keep(self, pool: Workers) -> None:
        """Keeps a finished run's workers, idle, for the next run."""
        import threading

        pool.settle()
        with self._lock:
            old, self._pool = self._pool, pool
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(KEEP_IDLE_SECONDS, self.end)
            self._timer.name = "tailan-kept-workers"
            self._timer.daemon = True
            self._timer.start()
        if old is not None:  # another run finished meanwhile: one set is enough
            old.close()

    def end(self) -> None:
        """Stops the kept workers (the time passed, or the program ends)."""
        with self._lock:
            pool, self._pool = self._pool, None
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        if pool is not None:
            pool.close()

    @property
    def pool(self) -> Workers | None:
        return self._pool


_kept = _KeptWorkers()


def end_kept_workers() -> None:
    """Stops the workers kept from the last run, if any (a test, or the window closing)."""
    _kept.end()


# ------------------------------------------------------------------ the worker's side
def _reference() -> tuple:
    """What a worker is given to start with: our reference schema of today's version, as built here."""
    from core.received.schema import reference_columns, reference_schema
    from core.storage.schema import SCHEMA_VERSION

    return SCHEMA_VERSION, reference_schema(SCHEMA_VERSION), reference_columns(SCHEMA_VERSION)


def _check_files(archive: Path, paths: list[Path], check: Check) -> list[Verdict | BaseException]:
    """Some files' checks; what a check raised (our own disk failing) is handed back in its
    file's place, to be raised by the run at that file's turn."""
    out: list[Verdict | BaseException] = []
    for path in paths:
        try:
            out.append(check(path, keep_copy_in=archive).for_the_run())
        except Exception as exc:  # noqa: BLE001 - raised again by the run, at the file's turn
            out.append(exc)
    return out


def _serve(conn, check: Check, reference: tuple) -> None:
    """A worker: takes our reference schema as the run built it (building it again would import
    sqlite-utils and run every migration), says it is ready, then checks the files it is sent
    (with the archive folder of their run) until it is sent ``None``, and ends at once (it holds
    nothing that needs Python's teardown)."""
    from core.storage.received import give_built

    give_built(*reference)
    try:
        conn.send("ready")
        while (task := conn.recv()) is not None:
            conn.send(_check_files(*task, check))
    except (EOFError, OSError):  # the run ended (or stopped before this worker started): nothing to say
        pass
    os._exit(0)


# ------------------------------------------------------------------ the run's side
class _Worker:
    """One worker process, its pipe, and the files it holds (``None`` while it starts, ``[]`` when idle)."""

    def __init__(self, check: Check, reference: tuple):
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        self.conn, theirs = context.Pipe()
        self.process = context.Process(target=_serve, args=(theirs, check, reference),
                                       name="tailan-check", daemon=True)
        self.process.start()
        theirs.close()
        self.task: list[tuple[int, Path]] | None = None
        self.started = False
        self.suspect = False  # checking again a file that was held by a worker that died

    def hand(self, task: list[tuple[int, Path]], archive: Path) -> None:
        self.task = task
        self.conn.send((archive, [path for _, path in task]))

    def stop(self) -> None:
        """Tells an idle worker to end; one that cannot be told any more is ended."""
        try:
            self.conn.send(None)
        except OSError:
            self.process.kill()
        self.conn.close()


class Workers:
    """The worker processes of one run, what each holds, and the files this process checked
    ahead of their turn (verdicts by each file's place in the batch)."""

    def __init__(self, count: int, archive: Path, check: Check = check_submission):
        self.archive = archive
        self.check = check
        self.count = count
        self.reference = _reference()
        self.workers = [_Worker(check, self.reference) for _ in range(count)]
        self.ready: dict[int, Verdict | BaseException] = {}
        self.retry: deque[tuple[int, Path]] = deque()  # files a dead worker held, one by one

    def _here(self, index: int, path: Path) -> None:
        try:
            self.ready[index] = self.check(path, keep_copy_in=self.archive).for_the_run()
        except Exception as exc:  # noqa: BLE001 - raised at the file's turn
            self.ready[index] = exc

    def _held(self, index: int) -> bool:
        return any(w.task and any(i == index for i, _ in w.task) for w in self.workers)

    def verdicts(self, paths: list[Path]) -> Iterator[Verdict]:
        waiting = deque(enumerate(paths))
        for turn in range(len(paths)):
            if self.workers:  # an idle worker gets its next files before this one is merged, not after
                self._take_answers(block=False)
                self._hand_out(waiting)
            while turn not in self.ready:
                self._hand_out(waiting)
                if waiting and waiting[0][0] == turn:  # nobody has it: checked here, in its turn
                    self._here(*waiting.popleft())
                elif self._held(turn) and waiting and len(self.ready) < self.count * FILES_PER_TASK:
                    self._here(*waiting.pop())  # a worker has it: one from the end meanwhile
                elif not self.workers:  # every worker died starting: a held file cannot be checked here
                    for index, path in self.retry:
                        self.ready[index] = Verdict(path, False, WORKER_ENDED)
                    self.retry.clear()
                else:
                    self._take_answers(block=True)
                if self.workers:
                    self._take_answers(block=False)
            verdict = self.ready.pop(turn)
            if isinstance(verdict, BaseException):
                raise verdict
            yield verdict

    def _hand_out(self, waiting: deque) -> None:
        """Idle workers get the next files: a file a dead worker held alone, else a few from the front."""
        for worker in self.workers:
            if worker.task == []:
                if self.retry:
                    worker.suspect = True
                    worker.hand([self.retry.popleft()], self.archive)
                elif waiting and len(self.ready) < MAX_AHEAD_PER_WORKER * len(self.workers):
                    worker.suspect = False
                    worker.hand([waiting.popleft() for _ in range(min(FILES_PER_TASK, len(waiting)))], self.archive)

    def _take_answers(self, block: bool) -> None:
        """Reads what the workers said (ready, verdicts) and notices a worker that died."""
        from multiprocessing.connection import wait

        talking = [w.conn for w in self.workers] + [w.process.sentinel for w in self.workers]
        for signal in wait(talking, timeout=None if block else 0):
            for worker in list(self.workers):
                if signal is worker.conn or signal == worker.process.sentinel:
                    self._answer(worker)

    def _answer(self, worker: _Worker) -> None:
        try:
            said = worker.conn.recv() if worker.conn.poll() else None
        except (EOFError, OSError):
            said = None
        if said == "ready":
            worker.task, worker.started = [], True
        elif isinstance(said, list):
            self.ready.update(zip((i for i, _ in worker.task), said))
            worker.task = []
        elif not worker.process.is_alive():  # it died: what it held is checked again, alone
            self._replace(worker)

    def _replace(self, worker: _Worker) -> None:
        """A dead worker's files are checked again one by one (one that was alone already is
        rejected); a new worker takes its place, unless it died before it ever started (then
        another would too: the run goes on with the workers it has, or alone)."""
        held = worker.task or []
        if worker.suspect:  # a file checked alone ended its worker again
            for index, path in held:
                self.ready[index] = Verdict(path, False, WORKER_ENDED)
        else:
            self.retry.extend(held)
        worker.conn.close()
        worker.process.join()
        self.workers.remove(worker)
        if worker.started:
            self.workers.append(_Worker(self.check, self.reference))

    def alive(self) -> bool:
        """Whether every worker is still there to check (none died since the run)."""
        return len(self.workers) == self.count and all(w.process.is_alive() for w in self.workers)

    def settle(self) -> None:
        """Ends a run without stopping the workers: one still checking is waited for, so no copy of
        its files is left; the private copies of files checked and never taken are removed."""
        for worker in self.workers:
            while worker.task:  # a task in hand: its answer (and its copies) come back first
                self._take_answers(block=True)
        for verdict in self.ready.values():
            if isinstance(verdict, Verdict):
                verdict.discard_copy()
        self.ready.clear()
        self.retry.clear()

    def close(self) -> None:
        """Stops the workers, once the run is settled (``settle``), and waits for them to end."""
        self.settle()
        for worker in self.workers:
            if worker.process.is_alive():
                worker.stop()
        for worker in self.workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():  # it did not hear: ended
                worker.process.kill()
                worker.process.join()
