"""``tailan --self-test``: proves that an installed Tailan works, without a screen.

Run on a soum PC after installing, on a fresh machine after building the bundle,
and in CI. It starts Qt offscreen and does, on a copy of the bundled sample in a
temporary folder, what a user does first: opens the report, reads the total,
prints it to PDF, shows the window; then what the user sends out (printing through
QPrinter, the Word export and import, the ranking as .xlsx, a signature) and the
aimag's consolidation window, so that nothing the bundle left out fails weeks later
(``gui/selftest_outputs.py``). It also checks that the bundled fonts have
every Mongolian letter in Qt and in reportlab (a PC without Cyrillic fonts would
otherwise show empty boxes), and that the user's data and settings live outside
the install folder. One line per check (✓ or ✗ and what was checked); the exit
code is 0 only when every check passed.

The user's real data and settings are never touched: the data folder and Qt's
settings point into the temporary folder while the test runs.

The windowed ``tailan.exe`` has no console on Windows (``sys.stdout`` is None), so
``--self-test-output FILE`` also writes the lines to a file; the exit code is the
answer either way.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from gui import selftest_outputs as outputs

EXPECTED_TOTAL = "80,9"
OK, FAIL = "✓", "✗"


def _option(argv: list[str], name: str) -> str | None:
    for i, arg in enumerate(argv):
        if arg == name and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def install_folder() -> Path:
    """Where the program lives: the bundle's folder, or the source tree."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


class SelfTest:
    def __init__(self, tmp: Path, real_data_dir: Path, real_settings_file: Path):
        self.tmp = tmp
        self.real_data_dir = real_data_dir
        self.real_settings_file = real_settings_file
        self.app = None
        self.sample: Path | None = None
        self.report = None
        self.pdf: bytes | None = None
        self.lines: list[str] = []
        self.failed = 0

    # ------------------------------------------------------------ the checks
    def check_resources(self) -> str:
        from core.paths import SAMPLE_TEXT, resource, resources_dir

        needed = [resource("fonts", "LiberationSans-Regular.ttf"), resource("fonts", "LiberationSerif-Regular.ttf"),
                  resource("fonts", "LiberationSerif-Bold.ttf"), resource("translations", "tailan_mn.qm"),
                  resource("icons", "tailan.png"), resource("sample", SAMPLE_TEXT)]
        missing = [str(p) for p in needed if not p.is_file()]
        if missing:
            raise AssertionError("missing: " + ", ".join(missing))
        return f"resources found in {resources_dir()} (fonts, translation, icon, sample)"

    def check_qt(self) -> str:
        from PySide6 import __version__ as pyside_version

        from gui.windows import ensure_application

        self.app = ensure_application([sys.argv[0] if sys.argv else "tailan"])
        platform = self.app.platformName()
        if platform != "offscreen":
            raise AssertionError(f"Qt platform is {platform!r}, not offscreen")
        return f"Qt {pyside_version} started offscreen"

    def check_translation(self) -> str:
        from PySide6.QtCore import QCoreApplication

        from gui import i18n

        text = QCoreApplication.translate("MainWindow", "Total implementation: {0}")
        if i18n.current() != "mn" or text == "Total implementation: {0}":
            raise AssertionError(f"the Mongolian translation is not in effect (language {i18n.current()!r})")
        return f"Mongolian translation loaded ({text.format(EXPECTED_TOTAL)})"

    def check_qt_fonts(self) -> str:
        from PySide6.QtGui import QFont, QFontInfo, QFontMetrics, QRawFont

        from core.pdf.fonts import REQUIRED_CHARS
        from gui import fonts

        families = fonts.register_fonts()
        wanted = ["Liberation Sans", "Liberation Serif"]
        absent = [f for f in wanted if f not in families]
        if absent:
            raise AssertionError(f"fonts not registered with Qt: {absent} (registered: {families})")
        problems = []
        for family in wanted:
            font = QFont(family, 12)
            actual = QFontInfo(font).family()
            if actual != family:
                problems.append(f"{family} resolves to {actual}")
                continue
            metrics = QFontMetrics(font)
            missing = [ch for ch in REQUIRED_CHARS if not metrics.inFontUcs4(ord(ch))]
            glyphs = QRawFont.fromFont(font).glyphIndexesForString(REQUIRED_CHARS)
            missing += [ch for ch, g in zip(REQUIRED_CHARS, glyphs) if g == 0 and ch not in missing]
            if missing:
                problems.append(f"{family} lacks {''.join(missing)}")
            elif not self._renders_letters(font):
                problems.append(f"{family} draws Ө Ү as empty boxes")
        if not fonts.covers(self.app.font(), REQUIRED_CHARS):
            problems.append(f"the window font {self.app.font().family()} lacks Mongolian letters")
        if problems:
            raise AssertionError("; ".join(problems))
        return (f"Qt fonts {', '.join(wanted)} have all {len(REQUIRED_CHARS) - 1} Mongolian letters and №, "
                f"and draw them; window font {QFontInfo(self.app.font()).family()}")

    @staticmethod
    def _renders_letters(font) -> bool:
        """The letters draw ink, and not the same shape as characters the font lacks (boxes)."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QImage, QPainter

        def draw(text: str) -> QImage:
            image = QImage(240, 40, QImage.Format_Grayscale8)
            image.fill(Qt.white)
            painter = QPainter(image)
            painter.setFont(font)
            painter.setPen(Qt.black)
            painter.drawText(4, 30, text)
            painter.end()
            return image

        letters = draw("ӨөҮү")
        boxes = draw("\ue000\ue001\ue002\ue003")  # private-use code points: no font has them
        ink = sum(1 for y in range(letters.height()) for x in range(letters.width())
                  if letters.pixelColor(x, y).value() < 128)
        return ink > 20 and letters != boxes

    def check_pdf_fonts(self) -> str:
        from core.pdf import fonts as pdf_fonts

        problems = []
        for name, filename in pdf_fonts.FONT_FILES.items():
            missing = pdf_fonts.missing_glyphs(pdf_fonts.font_path(name))
            if missing:
                problems.append(f"{filename} lacks {''.join(missing)}")
        if problems:
            raise AssertionError("; ".join(problems))
        pdf_fonts.register_fonts()
        return (f"printout fonts {', '.join(pdf_fonts.FONT_FILES.values())} have all "
                f"{len(pdf_fonts.MONGOLIAN_LETTERS)} Mongolian letters and № (reportlab)")

    def check_sample(self) -> str:
        from core.report.scoring import summarize
        from core.storage import ReportFile
        from core.tables.sample import create_sample_database

        self.sample = create_sample_database(self.tmp / "x.tailan")
        with ReportFile.open(self.sample) as rf:
            reports = rf.list_reports()
            if len(reports) != 1:
                raise AssertionError(f"the sample holds {len(reports)} reports, not 1")
            self.report = rf.load_report(reports[0].id)
        total = summarize(self.report).total_display
        if total != EXPECTED_TOTAL:
            raise AssertionError(f"total {total!r}, expected {EXPECTED_TOTAL}")
        measures = sum(len(goal.measures) for goal in self.report.goals)
        return f"sample opened from a copy in a temporary folder: {measures} measures, total {total}"

    def check_pdf(self) -> str:
        from core.pdf.document import export_pdf
        from gui.preview import page_count, render_pages

        if self.report is None:
            raise AssertionError("no report (the sample did not open)")
        target = self.tmp / "x.pdf"
        export_pdf(self.report, target)
        data = self.pdf = target.read_bytes()
        if not data.startswith(b"%PDF"):
            raise AssertionError("the file written is not a PDF")
        pages = page_count(data)
        if pages < 1:
            raise AssertionError("the PDF has no pages")
        image = next(render_pages(data, width_px=400, pages=[0]))
        if image.isNull():
            raise AssertionError("page 1 could not be rendered for the preview")
        return f"PDF written ({len(data) // 1024} KB, {pages} pages) and page 1 rendered for the preview"

    def check_window(self) -> str:
        from gui.windows import create_main_window

        if self.sample is None:
            raise AssertionError("no file (the sample did not open)")
        window = create_main_window(self.sample)
        try:
            window.show()
            self.app.processEvents()
            label = window.total_label.text()
            if EXPECTED_TOTAL not in label:
                raise AssertionError(f"the total label reads {label!r}")
        finally:
            window.close()
            if hasattr(window, "flush"):
                window.flush()
            window.deleteLater()
            self.app.processEvents()
        return f"main window shown offscreen: «{label}»"

    # What the user sends out, and the aimag's window: gui/selftest_outputs.py.
    def check_print(self) -> str:
        if self.pdf is None:
            raise AssertionError("no PDF (the printout was not made)")
        return outputs.check_print(self.pdf, self.tmp)

    def check_word(self) -> str:
        if self.report is None:
            raise AssertionError("no report (the sample did not open)")
        return outputs.check_word(self.report, self.tmp)

    def check_excel(self) -> str:
        if self.report is None:
            raise AssertionError("no report (the sample did not open)")
        return outputs.check_excel(self.report)

    def check_signature(self) -> str:
        return outputs.check_signature()

    def check_evidence(self) -> str:
        return outputs.check_evidence()

    def check_consolidation_window(self) -> str:
        return outputs.check_consolidation_window(self.app, self.tmp)

    def check_data_location(self) -> str:
        folder = install_folder()
        inside = [str(p) for p in (self.real_data_dir, self.real_settings_file) if _inside(p, folder)]
        if inside and getattr(sys, "frozen", False):
            raise AssertionError(f"user data inside the install folder {folder}: {', '.join(inside)}")
        return f"user data in {self.real_data_dir}, settings in {self.real_settings_file} (outside {folder})"

    # ------------------------------------------------------------ running
    def run(self, emit: Callable[[str], None]) -> int:
        checks = [self.check_resources, self.check_qt, self.check_translation, self.check_qt_fonts,
                  self.check_pdf_fonts, self.check_sample, self.check_pdf, self.check_window,
                  self.check_print, self.check_word, self.check_excel, self.check_signature,
                  self.check_evidence, self.check_consolidation_window, self.check_data_location]
        for check in checks:
            name = check.__name__.removeprefix("check_").replace("_", " ")
            started = time.perf_counter()
            try:
                line = f"{OK} {check()}"
            except Exception as exc:  # a self-test reports every failure and goes on
                self.failed += 1
                line = f"{FAIL} {name}: {type(exc).__name__}: {getattr(exc, 'message', None) or exc}"
            emit(f"{line}  [{(time.perf_counter() - started) * 1000:.0f} ms]")
            if check == self.check_qt and self.app is None:
                emit(f"{FAIL} the remaining checks need Qt; stopped")
                self.failed += 1
                break
        passed = len(checks) - self.failed
        emit(f"self-test {'passed' if not self.failed else 'FAILED'}: {max(passed, 0)} of {len(checks)} checks")
        return 0 if not self.failed else 1


def run_self_test(argv: list[str] | None = None) -> int:
    """Runs every check and returns the exit code (0: all passed). Meant to be the process's whole job."""
    argv = list(sys.argv if argv is None else argv)
    output = _option(argv, "--self-test-output")
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything creates the QApplication

    from PySide6.QtCore import QSettings

    from core.paths import app_version, user_data_dir
    from gui import settings as app_settings

    real_data_dir = user_data_dir()
    real_settings_file = Path(app_settings.settings().fileName())
    lines: list[str] = []
    stream = sys.stdout
    if stream is not None and hasattr(stream, "reconfigure"):
        try:
            stream.reconfigure(errors="replace")
        except (OSError, ValueError):
            pass

    def emit(line: str) -> None:
        lines.append(line)
        if stream is not None:
            print(line, file=stream, flush=True)

    frozen = "bundle" if getattr(sys, "frozen", False) else "source tree"
    emit(f"Tailan {app_version()} self-test ({frozen}: {install_folder()}; Python {sys.version.split()[0]}, "
         f"{sys.platform})")
    saved_data_dir = os.environ.get("TAILAN_DATA_DIR")
    with tempfile.TemporaryDirectory(prefix="tailan-self-test-") as name:
        tmp = Path(name)
        os.environ["TAILAN_DATA_DIR"] = str(tmp / "data")
        QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp / "settings"))
        try:
            code = SelfTest(tmp, real_data_dir, real_settings_file).run(emit)
        finally:
            if saved_data_dir is None:
                os.environ.pop("TAILAN_DATA_DIR", None)
            else:
                os.environ["TAILAN_DATA_DIR"] = saved_data_dir
    if output:
        Path(output).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return code
