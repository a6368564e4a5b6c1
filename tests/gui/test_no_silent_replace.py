"""Issue 13's data loss: no path of the window replaces an existing report file silently.

Real files, the real window and the recording prompter: choosing the open file as the
target of New, Import, Carry forward, Save a copy or Send is refused and leaves it
untouched (and still writable); choosing another existing report asks, and on "yes"
keeps the old file as a backup copy beside it before the new one takes the name.
"""

from __future__ import annotations

import hashlib

import pytest
from gui_helpers import read_back

from core.paths import resource


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _trigger(window, how):
    actions = window.actions_
    return {
        "new": actions.new_report,
        "carry": actions.new_from_current,
        "copy": actions.save_copy_as,
        "import": actions.import_text_file,
    }[how]()


def _queue_target(prompter, how, target):
    if how == "import":
        prompter.answers["open_path"] = [str(resource("sample", "000_09351593bdc28142.txt"))]
    prompter.answers["save_path"] = [str(target)]


@pytest.mark.parametrize("how", ["new", "carry", "copy", "import"])
def test_the_open_file_is_never_replaced(window, sample_path, prompter, how):
    before = digest(sample_path)
    measures = len(window.doc.report.measures())
    _queue_target(prompter, how, sample_path)
    assert not _trigger(window, how)
    assert "error" in prompter.kinds()
    assert digest(sample_path) == before
    assert len(read_back(sample_path).measures()) == measures
    assert window.doc.path == sample_path
    # the open document still writes: nothing pulled the file from under it
    measure = window.doc.report.measures()[0]
    assert window.doc.set_field("measure", measure.id, "indicator", "шалгав")
    assert read_back(sample_path).measures()[0].indicator == "шалгав"


@pytest.mark.parametrize("how", ["new", "carry", "copy", "import"])
def test_another_existing_report_is_kept_when_the_user_says_no(window, tmp_path, sample_path, prompter, how):
    other = tmp_path / "other.tailan"
    other.write_bytes(sample_path.read_bytes())
    before = digest(other)
    _queue_target(prompter, how, other)
    prompter.answers["confirm"] = [False]
    assert not _trigger(window, how)
    assert "confirm" in prompter.kinds()
    assert digest(other) == before
    assert window.doc.path == sample_path
    assert not list(tmp_path.glob("other*-*.tailan"))


@pytest.mark.parametrize("how", ["new", "carry", "copy", "import"])
def test_replacing_another_report_keeps_the_old_one_as_a_backup(window, tmp_path, sample_path, prompter, how):
    other = tmp_path / "other.tailan"
    other.write_bytes(sample_path.read_bytes())
    before = digest(other)
    _queue_target(prompter, how, other)
    prompter.answers["confirm"] = [True]
    assert _trigger(window, how)
    confirms = [call for call in prompter.calls if call[0] == "confirm"]
    assert len(confirms) == 1 and "other.tailan" in confirms[0][2]
    backups = [p for p in tmp_path.iterdir() if p.name.startswith("other") and p != other]
    assert len(backups) == 1, backups
    assert digest(backups[0]) == before
    assert backups[0].name in confirms[0][2]  # the question named the backup
    assert read_back(other).id  # the new file is a sound report under the chosen name


def test_send_never_replaces_a_file_silently(window, tmp_path, sample_path, prompter):
    from core.sending.lifecycle import finalize

    doc = window.doc
    for measure in doc.report.measures():
        if measure.score is None:
            assert doc.set_field("measure", measure.id, "score", "100")
    finalize(doc.rf, doc.report.id)
    window.sending._reload(doc.report.id)
    earlier = tmp_path / "earlier.tailan"
    earlier.write_bytes(sample_path.read_bytes())
    before = digest(earlier)
    prompter.answers["save_path"] = [str(earlier), str(earlier)]
    prompter.answers["confirm"] = [False, True]
    assert window.sending.do_send() is None
    assert digest(earlier) == before
    assert window.sending.do_send() == earlier
    backups = [p for p in tmp_path.iterdir() if p.name.startswith("earlier") and p != earlier]
    assert len(backups) == 1 and digest(backups[0]) == before
    prompter.answers["save_path"] = [str(sample_path)]
    assert window.sending.do_send() is None
    assert "error" in prompter.kinds()
