"""Two windows on one file: the second is told and opens read-only; no edit of the first is lost.

Both in one process (two ``create_main_window``) and across processes (a second
window process, and ``tailan-cli set``, while the first window holds the file).
"""

from __future__ import annotations

import os
import subprocess
import sys

from helpers import REPO, run_cli

from core.storage import ReportFile

SECOND_WINDOW = r"""
import sys
sys.path.insert(0, "tests")  # the recording prompter (run from the repository)
from gui import qtfix
qtfix.keep_none_alive()
from gui.app import create_main_window
from recording_prompter import RecordingPrompter
w = create_main_window(sys.argv[1], prompter=RecordingPrompter())
m = w.doc.report.measures()[0]
ok = w.doc.set_field("measure", m.id, "achieved", "хоёр дахь цонх")
print(int(w.doc.read_only), int(not w.banner.isHidden()), int(ok))
print(w.doc.read_only_reason)
w.doc.close()
"""


def type_into(window, text):
    from PySide6.QtWidgets import QPlainTextEdit

    field = window.findChild(QPlainTextEdit, "achievedInput")
    field.setPlainText(text)  # as typed: the binder's pause timer starts
    assert window.flush()  # what focus-out, selection change or close does


def test_second_window_is_told_and_first_keeps_every_edit(tmp_path, sample_file, window_env):
    from recording_prompter import RecordingPrompter

    from gui.app import create_main_window

    first = create_main_window(sample_file, prompter=RecordingPrompter())
    second_prompter = RecordingPrompter()
    second = create_main_window(sample_file, prompter=second_prompter)
    try:
        assert not first.doc.read_only
        assert second.doc.read_only and "өөр цонх" in second.doc.read_only_reason
        assert not second.banner.isHidden() and second.doc.read_only_reason in second.banner.text()

        measures = first.doc.report.measures()
        edits = {}
        for i, m in enumerate(measures[:5]):
            first.select_item(m.id)
            type_into(first, f"эхний цонх {i}")
            edits[m.id] = f"эхний цонх {i}"
        assert second.doc.set_field("measure", measures[0].id, "achieved", "хоёр") is False
        assert second_prompter.kinds() == ["error"]

        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
        other = subprocess.run([sys.executable, "-c", SECOND_WINDOW, str(sample_file)], capture_output=True,
                               cwd=REPO, env=env, timeout=120)
        assert other.returncode == 0, other.stderr.decode()
        flags, reason = other.stdout.decode().split("\n", 1)
        assert flags.split() == ["1", "1", "0"] and "өөр цонх" in reason
        cli = run_cli("set", sample_file, "--measure", "6.1", "--score", "0")
        assert cli.returncode == 2 and "Traceback" not in cli.stderr.decode()

        first.select_item(measures[5].id)
        type_into(first, "сүүлийн засвар")
        edits[measures[5].id] = "сүүлийн засвар"
    finally:
        second.doc.close()
        second.close()
        first.doc.close()
        first.close()
    with ReportFile.open(sample_file) as rf:
        report = rf.load_report(rf.resolve_report_id(None))
        saved = {m.id: m.achieved for m in report.measures() if m.id in edits}
        assert saved == edits
        logged = [e for e in rf.change_log() if e["field"] == "achieved"]
        assert len(logged) == len(edits)
