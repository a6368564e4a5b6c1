"""Received files checked on every core (core.aimag.checking): the same verdicts, in order, one writer.

Real worker processes (spawn), real signed files and the hostile kinds of test_consolidate.
"""

from __future__ import annotations

import os
import shutil
import threading

import pytest
from checking_helpers import CRASH_MARK, crashing, rushed, where
from generate import consolidate_trusted, submission_file
from helpers import digest
from test_consolidate import HOSTILE, make_hostile

from core.aimag import checking
from core.aimag.consolidate import ConsolidationCancelled, archive_dir, consolidate
from core.aimag.ranking import ranking
from core.received.refusal import TOO_SLOW
from core.received.verify import check_submission
from core.report import scoring
from core.storage import ReportFile


@pytest.fixture(scope="module")
def inbox(tmp_path_factory):
    """Ten soums' signed files, and every hostile kind made from the first (only read)."""
    folder = tmp_path_factory.mktemp("inbox")
    good = [submission_file(folder, f"Сум {i:02d}", seed=i) for i in range(10)]
    hostile_dir = tmp_path_factory.mktemp("hostile")
    hostile = {kind: make_hostile(kind, good[0], hostile_dir) for kind in sorted(HOSTILE)}
    return good, hostile


def left_in(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def verdicts_of_started_workers(paths, archive, check):
    """``checked_in_order``'s verdicts once its workers have started (before, the run's own
    process checks the first files itself: a short batch would never reach a worker)."""
    pool = checking.Workers(2, archive, check)
    try:
        while not all(w.started for w in pool.workers):
            pool._take_answers(block=True)
        return list(pool.verdicts(paths))
    finally:
        pool.close()


def test_workers_check_in_order_and_the_run_takes_each_verdict_once(inbox, tmp_path):
    good, hostile = inbox
    paths = [p for pair in zip(good, hostile.values()) for p in pair]  # good and bad in turn
    archive = tmp_path / "archive"
    verdicts = verdicts_of_started_workers(paths, archive, where)
    assert [v.path for v in verdicts] == paths
    pids = {int(v.reason.rsplit("pid ", 1)[1]) for v in verdicts if "pid " in v.reason}
    assert pids - {os.getpid()}, "no worker process checked anything"
    for v in verdicts:
        if v.path in good:
            assert v.ok and v.copy is not None and v.copy.parent == archive
            v.discard_copy()
        else:
            assert not v.ok
    assert left_in(archive) == []


def test_a_batch_with_workers_ends_as_in_one_process(inbox, tmp_path, monkeypatch):
    """Every hostile kind rejected with its own reason (bounds and limits hold in a worker),
    every good file taken, the aimag's files alike, whether or not workers checked them."""
    good, hostile = inbox
    paths = good + list(hostile.values())
    sent = {path: digest(path) for path in paths}
    outcomes = {}
    for workers in (0, 2):
        monkeypatch.setattr(checking, "worker_count", lambda files, w=workers: w)
        db = tmp_path / f"aimag-{workers}.tailan"
        result = consolidate_trusted(paths, db)
        outcomes[workers] = [(o.file, o.status, o.reason, o.organization, o.revision) for o in result.outcomes]
        assert [o.status for o in result.outcomes] == ["added"] * len(good) + ["rejected"] * len(hostile)
        for outcome, kind in zip(result.outcomes[len(good):], hostile):
            assert HOSTILE[kind] in outcome.reason, (kind, outcome.reason)
        assert len(left_in(archive_dir(db))) == len(good)  # each taken file archived, nothing else left
    assert outcomes[0] == outcomes[2]
    assert {path: digest(path) for path in paths} == sent  # every received file untouched


def test_a_checks_deadline_holds_in_a_worker(inbox, tmp_path):
    good, _ = inbox
    verdicts = verdicts_of_started_workers(good, tmp_path / "archive", rushed)
    assert [v.reason for v in verdicts] == [TOO_SLOW] * len(good)


def test_a_file_that_ends_its_worker_is_rejected_and_the_others_go_on(inbox, tmp_path, monkeypatch):
    good, _ = inbox
    crash = tmp_path / f"{CRASH_MARK}.tailan"
    shutil.copy(good[3], crash)
    monkeypatch.setenv("TAILAN_TEST_PARENT", str(os.getpid()))  # this process never ends itself
    paths = [crash] + good
    archive = tmp_path / "archive"
    verdicts = verdicts_of_started_workers(paths, archive, crashing)  # the first task goes to a worker
    assert [v.path for v in verdicts] == paths
    assert not verdicts[0].ok and verdicts[0].reason == checking.WORKER_ENDED
    assert all(v.ok for v in verdicts[1:])
    for v in verdicts:
        v.discard_copy()
    assert left_in(archive) == []


def test_cancel_with_workers_leaves_the_aimag_file_and_archive_as_they_were(inbox, tmp_path, monkeypatch):
    good, _ = inbox
    db = tmp_path / "aimag.tailan"
    consolidate_trusted(good[:2], db)
    before, archived = digest(db), left_in(archive_dir(db))
    monkeypatch.setattr(checking, "worker_count", lambda files: 2)
    batch = good * 3
    asked = []

    def cancel_at_the_fifth():
        asked.append(1)
        return len(asked) > 5

    with pytest.raises(ConsolidationCancelled):
        consolidate(batch, db, should_cancel=cancel_at_the_fifth)
    assert digest(db) == before
    assert left_in(archive_dir(db)) == archived  # neither the run's copies nor copies checked ahead


def test_small_batches_and_one_core_use_no_workers(monkeypatch):
    assert checking.worker_count(checking.MIN_FILES_FOR_WORKERS - 1) == 0
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert checking.worker_count(500) == 0
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert checking.worker_count(500) == 2


def pids_of(verdicts) -> set[int]:
    return {int(v.reason.rsplit("pid ", 1)[1]) for v in verdicts if "pid " in v.reason} - {os.getpid()}


def run_twice(paths, tmp_path, names=("first", "second")):
    """Two runs of ``checked_in_order`` with two workers, each into its own archive folder."""
    runs = []
    for name in names:
        archive = tmp_path / name
        verdicts = list(checking.checked_in_order(paths, archive, workers=2, check=where))
        runs.append((archive, verdicts))
    return runs


def test_the_next_run_takes_the_workers_of_the_last_and_its_own_archive(inbox, tmp_path):
    """Workers that finished a run wait, idle, for the next one (starting them costs a tenth of a
    second of a core): the second run is checked by the same processes, and each run's copies land
    in that run's archive folder."""
    good, hostile = inbox
    paths = (good + list(hostile.values())) * 3
    try:
        (first, one), (second, two) = run_twice(paths, tmp_path)
        kept = checking._kept.pool
        assert kept is not None and kept.alive()
        assert pids_of(two) and pids_of(two) <= {w.process.pid for w in kept.workers}
        assert pids_of(one) & pids_of(two)  # the same processes checked both
        for archive, verdicts in ((first, one), (second, two)):
            assert [v.path for v in verdicts] == paths
            taken = [v for v in verdicts if v.ok]
            assert len(taken) == len(good) * 3 and all(v.copy.parent == archive for v in taken)
            for v in taken:
                v.discard_copy()
            assert left_in(archive) == []
    finally:
        checking.end_kept_workers()
    assert checking._kept.pool is None
    assert not any(w.process.is_alive() for w in kept.workers)


def test_kept_workers_end_when_idle_and_a_dead_one_is_not_taken(inbox, tmp_path, monkeypatch):
    good, _ = inbox
    paths = good * 7
    monkeypatch.setattr(checking, "KEEP_IDLE_SECONDS", 0.3)
    try:
        run_twice(paths, tmp_path, names=("first",))
        kept = checking._kept.pool
        kept.workers[0].process.kill()
        kept.workers[0].process.join()
        (_, verdicts), = run_twice(paths, tmp_path, names=("second",))  # a new set, the dead one's left
        assert all(v.ok for v in verdicts) and not pids_of(verdicts) & {w.process.pid for w in kept.workers}
        for v in verdicts:
            v.discard_copy()
        latest = checking._kept.pool
        assert latest is not kept and not any(w.process.is_alive() for w in kept.workers)
        for timer in [t for t in threading.enumerate() if t.name == "tailan-kept-workers"]:
            timer.join(timeout=10)  # the idle time passes: they end by themselves
        assert checking._kept.pool is None and not any(w.process.is_alive() for w in latest.workers)
    finally:
        checking.end_kept_workers()


def test_a_cancelled_run_keeps_no_workers(inbox, tmp_path, monkeypatch):
    good, _ = inbox
    monkeypatch.setattr(checking, "worker_count", lambda files: 2)
    db = tmp_path / "aimag.tailan"
    asked = []
    with pytest.raises(ConsolidationCancelled):
        consolidate(good * 7, db, should_cancel=lambda: asked.append(1) or len(asked) > 5)
    assert checking._kept.pool is None


def test_the_run_gets_each_report_without_its_goals_and_its_total_as_checked(inbox, tmp_path):
    """A verdict travels from a worker with the report's own fields and its total, not its goals:
    the aimag keeps the total the check computed, equal to the one of the whole report."""
    good, _ = inbox
    paths = good * 3
    whole = {p: check_submission(p) for p in good}
    for workers in (0, 2):
        for verdict in checking.checked_in_order(paths, tmp_path / f"archive-{workers}", workers=workers):
            full = whole[verdict.path]
            assert verdict.report.goals == [] and verdict.report.signatories == []
            assert verdict.report.fingerprint == full.report.fingerprint and verdict.canonical == full.canonical
            assert verdict.total == scoring.display(scoring.report_total(full.report)) != ""
            verdict.discard_copy()
    db = tmp_path / "aimag.tailan"
    consolidate_trusted(good[:1], db)
    with ReportFile.open(db, read_only=True) as rf:
        assert [r.total for r in ranking(rf)] == [scoring.report_total(whole[good[0]].report)]
