"""Crash consistency: the window's edit path killed with SIGKILL at random moments.

A child process (``crash_child.py``) opens the file with the window's ``Document``
and pushes random edits as the window's undo commands, printing ``TRY`` before and
``ACK`` after each one. The parent kills it after a random delay, then checks the
file with a fresh ``ReportFile.open``: ``PRAGMA integrity_check`` is ok; every
acknowledged edit's last value is in the data (the one edit in flight may or may
not be there, whole); and replaying the change log from before the run over the
data as it was gives exactly the data now, each log row's old value matching the
value it replaced. The same file goes through every kill, so recovery after
recovery is tested too. The children are forked from one ``crash_child.py --serve``
that loaded Python and Qt once, so a kill costs the edits, not a process start.

``TAILAN_CRASH_KILLS`` sets the number of kills (default 4; ``make reliability``: 500).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from figures import count, record
from generate import generated_report

from core.storage import ReportFile

CHILD = Path(__file__).with_name("crash_child.py")
MEASURE_FIELDS = ("text", "indicator", "baseline_level", "target_level", "achieved", "score")


def snapshot(path: Path) -> dict:
    """Everything the edits can change, read straight from the file."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        fields = {}
        for row in conn.execute("SELECT id, text FROM goals"):
            fields[("goal", row[0], "text")] = row[1]
        for row in conn.execute(f"SELECT id, {', '.join(MEASURE_FIELDS)} FROM measures"):
            for name, value in zip(MEASURE_FIELDS, row[1:]):
                fields[("measure", row[0], name)] = value
        goals = [r[0] for r in conn.execute("SELECT id FROM goals ORDER BY sort_order")]
        measures = {g: [r[0] for r in conn.execute("SELECT id FROM measures WHERE goal_id = ? ORDER BY sort_order", (g,))] for g in goals}
        log = conn.execute(
            "SELECT id, item_kind, item_id, field, old_value, new_value FROM change_log ORDER BY id"
        ).fetchall()
        return {"fields": fields, "shape": {"goals": goals, "measures": measures}, "log": log}
    finally:
        conn.close()


def replay(before: dict, rows: list) -> tuple[dict, dict]:
    """The data the change log rows say, applied over the data as it was before them."""
    fields = dict(before["fields"])
    shape = json.loads(json.dumps(before["shape"]))
    for _, kind, item_id, field, old, new in rows:
        if field == "(move)":
            if kind == "goal":
                assert shape["goals"].index(item_id) == json.loads(old)
                shape["goals"].remove(item_id)
                shape["goals"].insert(json.loads(new), item_id)
            else:
                old, new = json.loads(old), json.loads(new)
                assert shape["measures"][old["goal_id"]].index(item_id) == old["index"]
                shape["measures"][old["goal_id"]].remove(item_id)
                shape["measures"][new["goal_id"]].insert(new["index"], item_id)
        else:
            assert field.startswith("(") is False, field
            assert fields[(kind, item_id, field)] == old, f"log old value disagrees for {kind} {field}"
            fields[(kind, item_id, field)] = new
    return fields, shape


def whole_lines(data: bytes) -> list[str]:
    """The lines the child finished writing. The kill may cut the last one anywhere, even inside
    a Cyrillic letter's two bytes: it is dropped before anything is decoded."""
    return [line.decode("utf-8") for line in data.split(b"\n")[:-1]]


def parse(lines: list[str]) -> tuple[list[tuple], tuple | None, list[str]]:
    """(acknowledged edits in order, the edit in flight or None, problem lines)."""
    acked, tried, problems = [], {}, []
    for line in lines:
        head, _, rest = line.partition(" ")
        if head in ("FAIL", "BUG"):
            problems.append(line)
        if head not in ("TRY", "ACK"):
            continue
        n, kind, item_id, field, value = rest.split(" ", 4)
        edit = (int(n), kind, item_id, field, json.loads(value))
        if head == "TRY":
            tried[edit[0]] = edit
        else:
            assert tried.pop(edit[0]) == edit
            acked.append(edit)
    assert len(tried) <= 1, tried
    return acked, next(iter(tried.values()), None), problems


def check_run(path: Path, before: dict, acked: list, in_flight: tuple | None) -> dict:
    rf = ReportFile.open(path)  # the checks a user's window makes; rolls back a hot journal
    try:
        assert not rf.read_only, rf.read_only_reason
        assert [r[0] for r in rf.conn.execute("PRAGMA integrity_check")] == ["ok"]
        assert rf.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        rf.close()
    journal = path.with_name(path.name + "-journal")
    if journal.exists():  # a journal SQLite judged not hot (empty, or header not yet synced) may stay
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            conn.execute("SELECT count(*) FROM change_log").fetchone()  # a hot journal would refuse this
        finally:
            conn.close()
    after = snapshot(path)
    new_rows = after["log"][len(before["log"]):]
    assert after["log"][: len(before["log"])] == before["log"], "old change log rows changed"

    # every acknowledged edit is there, in order; the one in flight whole or not at all
    logged = [(r[1], r[2], r[3]) for r in new_rows]
    wanted = [(e[1], e[2], e[3]) for e in acked]
    landed = False
    if len(logged) == len(wanted) + 1:
        assert in_flight is not None and logged[-1] == in_flight[1:4], "a change log row no edit asked for"
        landed = True
    assert logged[: len(wanted)] == wanted and len(logged) - len(wanted) in (0, 1), "acknowledged edits missing from the log"

    expected_fields = dict(before["fields"])
    expected_shape = before["shape"]
    for _, kind, item_id, field, value in acked + ([in_flight] if landed else []):
        if field == "(move)":
            expected_shape = value
        else:
            expected_fields[(kind, item_id, field)] = value
    assert after["shape"] == expected_shape, "the plan's order is not what the acknowledged moves made"
    wrong = [key for key, value in expected_fields.items() if after["fields"].get(key) != value]
    assert not wrong, f"acknowledged values missing: {wrong[:3]}"

    fields, shape = replay(before, new_rows)
    assert fields == after["fields"] and shape == after["shape"], "the change log disagrees with the data"
    return {"acked": len(acked), "landed_in_flight": landed}


class ForkServer:
    """``crash_child.py --serve``: Python and Qt loaded once, each run a forked child killed for real."""

    def __init__(self, env: dict):
        self.process = subprocess.Popen([sys.executable, str(CHILD), "--serve"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, env=env, text=True, encoding="utf-8")

    def ask(self, line: str) -> str:
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().strip()
        assert answer, f"the fork server stopped ({self.process.poll()})"
        return answer

    def start(self, path: Path, seed: int, out: Path, err: Path) -> int:
        return int(self.ask(f"RUN {path} {seed} {out} {err}").removeprefix("PID "))

    def running(self, pid: int) -> bool:
        return self.ask(f"POLL {pid}") == "RUNNING"

    def wait(self, pid: int) -> int:
        return int(self.ask(f"WAIT {pid}").removeprefix("STATUS "))

    def close(self, child: int | None = None) -> None:
        """Ends the server; a ``child`` still running (a check failed before its kill) is killed first."""
        if child is not None and self.process.poll() is None and self.running(child):
            os.kill(child, signal.SIGKILL)
            self.wait(child)
        self.process.stdin.close()
        self.process.wait(timeout=60)
        self.process.stdout.close()


def kill_runs(path: Path, kills: int, seed: int, max_delay: float) -> dict:
    rnd = random.Random(seed)
    totals = {"kills": 0, "edits_acknowledged": 0, "edits_checked": 0, "in_flight_landed": 0,
              "in_flight_lost": 0, "journal_left": 0, "hot_journal_left": 0, "killed_before_ready": 0}
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}
    server = ForkServer(env)
    child = None
    try:
        for run in range(kills):
            before = snapshot(path)
            out_path, err_path = path.with_name(f"child-{run}.out"), path.with_name(f"child-{run}.err")
            out_path.write_bytes(b"")  # there before the child runs: read at once below
            child = server.start(path, seed * 100_000 + run, out_path, err_path)
            deadline = time.monotonic() + 60
            while b"READY" not in out_path.read_bytes() and server.running(child) and time.monotonic() < deadline:
                time.sleep(0.01)
            time.sleep(rnd.uniform(0, max_delay))
            try:
                os.kill(child, signal.SIGKILL)
            except ProcessLookupError:  # pragma: no cover - already reaped: the status below says why
                pass
            returncode, child = server.wait(child), None
            assert returncode == -signal.SIGKILL, (
                f"child ended by itself ({returncode}): {err_path.read_bytes()[-2000:].decode(errors='replace')}\n"
                f"{out_path.read_bytes()[-2000:].decode(errors='replace')}")
            lines = whole_lines(out_path.read_bytes())
            acked, in_flight, problems = parse(lines)
            assert not problems, problems
            if "READY" not in lines:
                totals["killed_before_ready"] += 1
            journal = path.with_name(path.name + "-journal")
            if journal.exists():
                totals["journal_left"] += 1
                if journal.stat().st_size >= 28 and journal.read_bytes()[:8] == bytes.fromhex("d9d505f920a163d7"):
                    totals["hot_journal_left"] += 1
            result = check_run(path, before, acked, in_flight)
            totals["kills"] += 1
            totals["edits_acknowledged"] += result["acked"]
            totals["edits_checked"] += result["acked"] + (1 if in_flight else 0)
            if in_flight:
                totals["in_flight_landed" if result["landed_in_flight"] else "in_flight_lost"] += 1
            out_path.unlink()
            err_path.unlink()
    finally:
        server.close(child)
    return totals


def test_sigkill_during_window_edits_loses_no_acknowledged_edit(disk_path):
    path = disk_path / "crash.tailan"  # on the disk: its commits last long enough to be killed in
    with ReportFile.create(path) as rf:
        rf.add_report(generated_report(24, per_goal=6, text_length=200, seed=3))
    kills = count("TAILAN_CRASH_KILLS", 4)
    started = time.monotonic()
    totals = kill_runs(path, kills, seed=count("TAILAN_CRASH_SEED", 1), max_delay=0.6)
    totals["seconds"] = round(time.monotonic() - started, 1)
    totals["edit_path"] = "gui.document.Document + gui.commands (offscreen)"
    record("crash", totals)
    assert totals["kills"] == kills
    assert totals["edits_acknowledged"] > 0


def test_a_line_the_kill_cut_inside_a_letter_is_dropped_whole():
    """The kill once fell between the two bytes of a Cyrillic letter: the whole lines still read."""
    written = 'READY\nTRY 1 measure m1 text "өө"\nACK 1 measure m1 text "өө"\nTRY 2 goal g1 text "Ө'.encode()
    for cut in (len(written) - 1, len(written)):  # inside the letter's two bytes, or after them
        assert whole_lines(written[:cut]) == ["READY", 'TRY 1 measure m1 text "өө"', 'ACK 1 measure m1 text "өө"']
    acked, in_flight, problems = parse(whole_lines(written[:-1]))
    assert [edit[0] for edit in acked] == [1] and in_flight is None and not problems
