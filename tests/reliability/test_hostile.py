"""Every hostile kind through every entry point that takes it, each as a separate ``tailan-cli`` process.

Checked for each (kind, entry point): the expected exit code (consolidate: the
file's fate), a message in Mongolian on one line, no traceback and no "internal
error", the input byte-identical afterwards (and a journal beside it too), and a
failed import leaves no report file behind. Prints the table of kinds × entry points.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import time
from pathlib import Path

import pytest
from figures import record
from generate import submission_file
from helpers import run_cli
from hostile import KINDS, RECEIVED_KINDS

ENTRIES = ("import", "show", "edit", "verify", "consolidate")
CYRILLIC = re.compile("[А-Яа-яӨөҮүЁё]")


def state(path: Path) -> tuple:
    """What the input is, without ever reading a device or a pipe."""
    out = []
    for p in (path, path.with_name(path.name + "-journal"), path.with_name(path.name + "-wal")):
        try:
            st = os.lstat(p)
        except FileNotFoundError:
            out.append(None)
            continue
        if stat.S_ISLNK(st.st_mode):
            target = os.readlink(p)
            real = Path(os.path.realpath(p))
            content = hashlib.sha256(real.read_bytes()).hexdigest() if real.is_file() else None
            out.append(("link", target, content))
        elif stat.S_ISREG(st.st_mode):
            out.append(("file", hashlib.sha256(p.read_bytes()).hexdigest(), st.st_size))
        elif stat.S_ISDIR(st.st_mode):
            out.append(("dir", sorted(x.name for x in p.iterdir())))
        else:
            out.append(("special", stat.S_IFMT(st.st_mode)))
    return tuple(out)


def feed(entry: str, path: Path, work: Path):
    if entry == "import":
        db = work / f"import-{time.monotonic_ns()}.tailan"
        return run_cli("import", path, "--db", db), db
    if entry == "show":
        return run_cli("show", path), None
    if entry == "edit":  # a template opened for editing: a score entered (issue 19)
        return run_cli("set", path, "--measure", "1.1", "--score", "30"), None
    if entry == "verify":
        return run_cli("verify", path), None
    db = work / f"aimag-{time.monotonic_ns()}.tailan"
    return run_cli("consolidate", path, "--db", db, "--json"), db


def judge(entry: str, expected, result, db) -> list[str]:
    out, err = result.stdout.decode("utf-8", "replace"), result.stderr.decode("utf-8", "replace")
    problems = []
    if "Traceback" in out + err or "дотоод алдаа" in out + err:
        problems.append(f"crash: {err.strip()[-300:]}")
    if entry == "consolidate":  # a good file from an unknown soum waits for the reviewer: "accepted" here
        if result.returncode not in (0, 1):
            problems.append(f"exit {result.returncode}: {err.strip()[-200:]}")
        else:
            data = json.loads(out)
            taken = data["added"] + data["updated"] + data["pending"]
            fate = "rejected" if data["rejected"] else ("accepted" if taken else "nothing")
            if fate != expected:
                problems.append(f"{fate}, expected {expected}")
            if result.returncode != (1 if data["rejected"] or data["pending"] else 0):
                problems.append(f"exit {result.returncode} for {fate}")
            for item in data["rejected"]:
                if not CYRILLIC.search(item["reason"]):
                    problems.append(f"reason not in Mongolian: {item['reason']}")
        return problems
    if result.returncode != expected:
        problems.append(f"exit {result.returncode}, expected {expected}: {(err or out).strip()[-300:]}")
    if result.returncode == 2:
        message = (err if entry != "verify" else out).strip()
        if not CYRILLIC.search(message) or "\n" in message:
            problems.append(f"not one Mongolian line: {message[-300:]!r}")
        reason = message.partition(" — ")[2] if entry == "verify" else ""
        if re.search("[A-Za-z]", re.sub("«[^»]*»", "", reason)):
            problems.append(f"English in the reason: {reason!r}")
    if entry == "import" and result.returncode != 0 and db is not None and db.exists():
        problems.append("a failed import left a report file")
    return problems


@pytest.mark.slow  # a process per kind and entry point (110 feeds): make test-slow, make reliability, CI
def test_hostile_corpus(tmp_path):
    run_corpus(tmp_path, KINDS, "hostile")
    assert len(KINDS) >= 25


def test_hostile_templates_opened_for_editing(tmp_path):
    """The templates of issue 19 (a trigger on the change log, an expression index), in the default run."""
    run_corpus(tmp_path, {k: v for k, v in KINDS.items() if k.startswith("template")}, "hostile-templates")


@pytest.mark.slow
def test_hostile_corpus_every_received_kind(tmp_path):
    """Every kind of ``tests/test_received_checks.py`` through the command line (the default run feeds a few)."""
    run_corpus(tmp_path, RECEIVED_KINDS, "hostile-received")


def run_corpus(tmp_path, kinds: dict, name: str) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    good = submission_file(inbox, "Сайн сум", seed=4)
    work = tmp_path / "work"
    work.mkdir()
    table, failures, feeds = [], [], 0
    for kind, (build, expected) in kinds.items():
        folder = tmp_path / f"k{len(table)}"
        folder.mkdir()
        path = build(folder, good)
        before = state(path)
        row = {"kind": kind}
        for entry in ENTRIES:
            if entry not in expected:
                row[entry] = "—"
                continue
            started = time.monotonic()
            result, db = feed(entry, path, work)
            feeds += 1
            problems = judge(entry, expected[entry], result, db)
            if state(path) != before and not (entry == "edit" and result.returncode == 0):
                problems.append("the input changed")
            seconds = time.monotonic() - started
            if seconds > 60:
                problems.append(f"took {seconds:.0f} s")
            shown = expected[entry] if entry == "consolidate" else f"exit {result.returncode}"
            row[entry] = ("ok " if not problems else "FAIL ") + str(shown)
            failures += [f"{kind} / {entry}: {p}" for p in problems]
        table.append(row)
    width = max(len(r["kind"]) for r in table)
    print("\n" + f"{'kind':<{width}}  " + "  ".join(f"{e:<14}" for e in ENTRIES))
    for r in table:
        print(f"{r['kind']:<{width}}  " + "  ".join(f"{r[e]:<14}" for e in ENTRIES))
    record(name, {"kinds": len(kinds), "feeds": feeds, "failures": failures,
                  "table": {r["kind"]: {e: r[e] for e in ENTRIES} for r in table}})
    assert not failures, "\n".join(failures)
