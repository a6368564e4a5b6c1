"""The crash test's child: random edits through the window's own code path, until killed.

Run as ``python crash_child.py FILE SEED``. It opens FILE with the window's
``gui.document.Document`` (offscreen Qt) and pushes the same undo commands the
window pushes (``gui.commands``): text fields and scores through
``Document.set_field`` (what a form's autosave calls), measure and goal moves
through ``commands.move_measure`` / ``commands.move_goal`` (what a drag in the
plan tree pushes), and Ctrl+Z through ``Document.undo``.

Protocol on stdout, one line per event, flushed:

- ``READY`` once the file is open;
- ``TRY n kind id field value-json`` before an edit is pushed;
- ``ACK n kind id field value-json`` once the push returned (core has committed).

``value-json`` is the stored value for a field (text, or the score's string, or
null); for ``(move)`` it is the whole plan structure expected after the move:
``{"goals": [...], "measures": {goal id: [...]}}``. A failed push prints ``FAIL``;
an in-memory state that disagrees with what was pushed prints ``BUG``; both exit 1.

``python crash_child.py --serve`` starts each run faster, as a fork server: it loads
Python, Qt and the window's modules once (no QApplication, one thread), then for each
``RUN FILE SEED OUT ERR`` line on stdin forks a child that runs the edits as above with
its stdout and stderr in OUT and ERR, and answers ``PID n``; ``POLL n`` answers
``RUNNING`` or ``STATUS code``, ``WAIT n`` waits for the child and answers ``STATUS code``
(the exit status, or minus the signal that ended it, as ``subprocess`` gives it).
"""

from __future__ import annotations

import json
import os
import random
import sys
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the tests' recording prompter

from gui import qtfix  # noqa: E402

qtfix.keep_none_alive()

from PySide6.QtWidgets import QApplication  # noqa: E402
from recording_prompter import RecordingPrompter  # noqa: E402

from core.report.model import Score  # noqa: E402
from gui import commands  # noqa: E402
from gui.document import Document  # noqa: E402

MEASURE_FIELDS = ("text", "indicator", "baseline_level", "target_level", "achieved")
SCORES = [Score.FULL, Score.IN_PROGRESS, Score.INSUFFICIENT, Score.NOT_IMPLEMENTED, Score.NOT_DUE, None]
LETTERS = "абвгдеёжзийклмноөпрстуүфхцчшщъыьэюя АБВГДЕӨҮ0123456789.,-\n\t"


def out(*parts) -> None:
    sys.stdout.write(" ".join(str(p) for p in parts) + "\n")
    sys.stdout.flush()


def stored(field: str, value):
    if field == "score":
        return value.value if value is not None else None
    return value


def structure(doc) -> dict:
    return {
        "goals": [g.id for g in doc.report.goals],
        "measures": {g.id: [m.id for m in g.measures] for g in doc.report.goals},
    }


def moved(shape: dict, kind: str, item_id: str, goal_id: str | None, index: int) -> dict:
    """The structure after a move, by the same rule as core (remove, clamp, insert)."""
    shape = json.loads(json.dumps(shape))
    if kind == "goal":
        ids = [g for g in shape["goals"] if g != item_id]
        ids.insert(max(0, min(index, len(ids))), item_id)
        shape["goals"] = ids
        return shape
    for ids in shape["measures"].values():
        if item_id in ids:
            ids.remove(item_id)
    target = shape["measures"][goal_id]
    target.insert(max(0, min(index, len(target))), item_id)
    return shape


def text(rnd: random.Random, n: int) -> str:
    size = rnd.choice([1, 5, 40, 200, 2000]) if rnd.random() < 0.9 else rnd.randint(5000, 40000)
    return f"#{n} " + "".join(rnd.choice(LETTERS) for _ in range(size))


def run(path: str, seed: int) -> int:
    rnd = random.Random(seed)
    QApplication([sys.argv[0]])
    prompter = RecordingPrompter()
    doc = Document.open(path, prompter)
    if doc.read_only:
        out("FAIL", 0, json.dumps(doc.read_only_reason, ensure_ascii=False))
        return 1
    out("READY")
    n = 0
    while True:
        n += 1
        choice = rnd.random()
        goals = doc.report.goals
        if choice < 0.45:  # a text field, as the form's autosave commits it
            goal = rnd.choice(goals)
            if goal.measures and rnd.random() < 0.85:
                kind, item, field = "measure", rnd.choice(goal.measures), rnd.choice(MEASURE_FIELDS)
            else:
                kind, item, field = "goal", goal, "text"
            value = text(rnd, n)
            line = (kind, item.id, field, json.dumps(value, ensure_ascii=False))
            out("TRY", n, *line)
            ok = doc.set_field(kind, item.id, field, value)
            check = getattr(doc.items[item.id], field) == value
        elif choice < 0.7:  # a score, as the score box commits it
            measures = doc.report.measures()
            item = rnd.choice(measures)
            value = rnd.choice([s for s in SCORES if s != item.score])
            line = ("measure", item.id, "score", json.dumps(stored("score", value)))
            out("TRY", n, *line)
            ok = doc.set_field("measure", item.id, "score", value)
            check = doc.items[item.id].score == value
        elif choice < 0.85:  # a measure dragged to another place, maybe another goal
            measures = doc.report.measures()
            item = rnd.choice(measures)
            source = doc.goal_of[item.id]
            target = rnd.choice(goals)
            size = len(target.measures) - (1 if target is source else 0)
            index = rnd.randint(0, size)
            if target is source and target.measures.index(item) == index:
                continue
            expected = moved(structure(doc), "measure", item.id, target.id, index)
            line = ("measure", item.id, "(move)", json.dumps(expected))
            out("TRY", n, *line)
            ok = doc.push(commands.move_measure(doc, item.id, target.id, index))
            check = structure(doc) == expected
        elif choice < 0.93:  # a goal dragged
            item = rnd.choice(goals)
            index = rnd.randint(0, len(goals) - 1)
            if goals.index(item) == index:
                continue
            expected = moved(structure(doc), "goal", item.id, None, index)
            line = ("goal", item.id, "(move)", json.dumps(expected))
            out("TRY", n, *line)
            ok = doc.push(commands.move_goal(doc, item.id, index))
            check = structure(doc) == expected
        else:  # Ctrl+Z of the last field edit or move
            stack = doc.undo_stack
            if not stack.canUndo():
                continue
            command = stack.command(stack.index() - 1)
            step = command.steps[0] if len(command.steps) == 1 else None
            if isinstance(step, commands.FieldStep):
                value = step.old
                line = (step.kind, step.item_id, step.field, json.dumps(stored(step.field, value), ensure_ascii=False))
                out("TRY", n, *line)
                ok = doc.undo()
                check = getattr(doc.items[step.item_id], step.field) == value
            elif isinstance(step, commands.MoveStep) and step.kind == "measure":
                expected = moved(structure(doc), "measure", step.item_id, step.old_parent_id, step.old_index)
                line = ("measure", step.item_id, "(move)", json.dumps(expected))
                out("TRY", n, *line)
                ok = doc.undo()
                check = structure(doc) == expected
            elif isinstance(step, commands.MoveStep) and step.kind == "goal":
                expected = moved(structure(doc), "goal", step.item_id, None, step.old_index)
                line = ("goal", step.item_id, "(move)", json.dumps(expected))
                out("TRY", n, *line)
                ok = doc.undo()
                check = structure(doc) == expected
            else:
                continue
        if not ok:
            out("FAIL", n, json.dumps(prompter.calls[-1:], ensure_ascii=False))
            return 1
        if not check:
            out("BUG", n, "the window's memory disagrees with the edit it pushed")
            return 1
        out("ACK", n, *line)


def status(wait_status: int) -> int:
    return -os.WTERMSIG(wait_status) if os.WIFSIGNALED(wait_status) else os.WEXITSTATUS(wait_status)


def serve() -> int:
    """The fork server: one run per ``RUN`` line, each in a forked child (see the docstring)."""
    ended: dict[int, int] = {}  # children reaped by POLL, for the WAIT that follows
    for line in sys.stdin:
        command, *args = line.split()
        if command == "RUN":
            path, seed, out_path, err_path = args
            sys.stdout.flush()
            pid = os.fork()
            if pid == 0:  # the child: its own stdout and stderr, then the edits until it is killed
                for fd, name in ((1, out_path), (2, err_path)):
                    os.dup2(os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), fd)
                code = 1
                try:
                    code = run(path, int(seed))
                except BaseException:
                    traceback.print_exc()
                finally:
                    sys.stdout.flush()
                    sys.stderr.flush()
                    os._exit(code)
            answer = f"PID {pid}"
        elif command == "POLL":
            pid = int(args[0])
            if pid not in ended:
                done, wait_status = os.waitpid(pid, os.WNOHANG)
                if done:
                    ended[pid] = status(wait_status)
            answer = f"STATUS {ended[pid]}" if pid in ended else "RUNNING"
        elif command == "WAIT":
            pid = int(args[0])
            answer = f"STATUS {ended.pop(pid) if pid in ended else status(os.waitpid(pid, 0)[1])}"
        else:
            answer = f"UNKNOWN {command}"
        print(answer, flush=True)
    return 0


def main() -> int:
    if sys.argv[1:] == ["--serve"]:
        return serve()
    return run(sys.argv[1], int(sys.argv[2]))


if __name__ == "__main__":
    sys.exit(main())
