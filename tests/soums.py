"""Soum offices as separate PCs for tests: each its own data folder (keys) and report file."""

from __future__ import annotations

import shutil

from helpers import SAMPLE_TXT

from core.report.model import Score
from core.sending.export import export_submission
from core.sending.lifecycle import finalize, reopen
from core.storage import ReportFile


class Soum:
    """One organization's PC: its own data folder (keys) and its report file."""

    def __init__(self, base, monkeypatch, folder_name: str):
        self.data = base / folder_name
        self.data.mkdir()
        self.monkeypatch = monkeypatch
        self.file = base / f"{folder_name}.tailan"
        self.outbox = base / f"{folder_name}-outbox"
        self.outbox.mkdir()

    def use(self) -> "Soum":
        self.monkeypatch.setenv("TAILAN_DATA_DIR", str(self.data))
        return self

    def start(self, organization: str, aimag: str = "Өвөрхангай") -> "Soum":
        from core.tables.textimport import import_file

        self.use()
        report = import_file(SAMPLE_TXT).report
        report.organization, report.aimag = organization, aimag
        for m in report.measures():
            if m.score is None:
                m.score = Score.FULL
        with ReportFile.create(self.file) as rf:
            rf.add_report(report)
        return self

    def copy_of(self, other: "Soum") -> "Soum":
        shutil.copyfile(other.file, self.file)
        return self

    def edit(self, **fields) -> "Soum":
        self.use()
        with ReportFile.open(self.file) as rf:
            report_id = rf.resolve_report_id(None)
            for name, value in fields.items():
                if name == "score_first":
                    first = rf.load_report(report_id).measures()[0]
                    rf.set_field("measure", first.id, "score", value)
                else:
                    rf.set_field("report", report_id, name, value)
        return self

    def finalize(self, new_key: bool = True) -> "Soum":
        """Finalizes as the officer does, confirming a new key when this PC has none (``--new-key``)."""
        self.use()
        with ReportFile.open(self.file) as rf:
            finalize(rf, rf.resolve_report_id(None), new_key=new_key)
        return self

    def reopen(self) -> "Soum":
        self.use()
        with ReportFile.open(self.file) as rf:
            reopen(rf, rf.resolve_report_id(None))
        return self

    def send(self, name: str | None = None):
        self.use()
        with ReportFile.open(self.file, read_only=True) as rf:
            report_id = rf.resolve_report_id(None)
            target = self.outbox / name if name else self.outbox
            return export_submission(rf, report_id, target)


def aimag_pc(base, monkeypatch, name: str = "Өвөрхангай"):
    """The aimag's PC (its own data folder, where its receipt key lives) and its consolidation
    file with the aimag's name set; returns the file's path."""
    from core.aimag.register import set_aimag_name

    folder = base / "aimag-pc"
    folder.mkdir()
    monkeypatch.setenv("TAILAN_DATA_DIR", str(folder))
    db = base / "aimag.tailan"
    with ReportFile.open(db, create=True) as rf:
        with rf.transaction():
            set_aimag_name(rf, name)
    return db
