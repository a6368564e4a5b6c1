"""What the aimag's file has received, read back from the file (issue 23, item 8): the
window's list of files after a restart, and after the reviewer's decisions."""

from __future__ import annotations

from soums import Soum
from test_receipt import as_aimag, world  # noqa: F401  (two soums sent; the aimag accepted both)

from core.aimag.consolidate import Outcome, consolidate
from core.aimag.decisions import decide, waiting
from core.aimag.received_files import received_files
from core.storage import ReportFile


def test_the_files_received_are_read_back_with_what_became_of_each(world, tmp_path, monkeypatch):
    stranger = Soum(tmp_path, monkeypatch, "stranger").start("Хужирт сум").finalize().send()
    other = Soum(tmp_path, monkeypatch, "other").start("Бат-Өлзий сум").finalize().send()
    as_aimag(world)
    consolidate([stranger, other], world.db)
    with ReportFile.open(world.db) as rf:
        first, second = waiting(rf)
        decide(rf, second.id, False)  # the reviewer rejects one; the other still waits
        files = {o.organization: o for o in received_files(rf)}
    assert {name: o.status for name, o in files.items()} == {
        "Нарийнтээл сум": Outcome.ADDED, "Хархорин сум": Outcome.ADDED,
        first.organization: Outcome.PENDING, second.organization: Outcome.REJECTED}
    assert files[first.organization].id == first.id and files[first.organization].reason == first.reason
    assert "татгалзсан" in files[second.organization].reason
    assert "одоо тооцогдож" in files["Нарийнтээл сум"].reason
    assert all(o.file.endswith(".tailan") for o in files.values())
