"""Preview of a large report (issue 15): the window stays usable while the PDF is laid out.

In one run, on the 1,000-measure generated report: the floor is the same layout
(``gui.printing.layout_pdf``) run on the GUI thread, which freezes the window for its
whole length. Then the preview: the dialog opens, the PDF is laid out in a worker
thread while a 20 ms QTimer records how often the event loop got a turn (the GIL is
shared: this is what the officer feels). Then the preview reopened on the unchanged
report (the cache: no layout). Printed: the times, the timer's share of expected
ticks, its longest and 95th-percentile pauses.
"""

from __future__ import annotations

import statistics
import time

from generate import generated_report

from core.storage import ReportFile


def test_preview_of_1000_measures_keeps_the_window_responsive(tmp_path, qtbot):
    from PySide6.QtCore import QEventLoop, QSettings, QTimer

    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path))  # never the user's settings
    from recording_prompter import RecordingPrompter

    from gui import printing
    from gui.app import create_main_window
    from gui.preview import PreviewDialog

    path = tmp_path / "big.tailan"
    with ReportFile.create(path) as rf:
        rf.add_report(generated_report(1000))
    window = create_main_window(path, prompter=RecordingPrompter())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    start = time.perf_counter()
    printing.layout_pdf(window.doc.report)
    floor = time.perf_counter() - start

    # An idle window (the event loop waits, as when the officer just looks): time to the first page.
    printing.clear_cache()
    loop = QEventLoop()
    start = time.perf_counter()
    idle = PreviewDialog(window.doc, window.prompter, window)
    idle.job.finished.connect(lambda *_: loop.quit())
    idle.show()
    loop.exec()
    idle_first_page = time.perf_counter() - start
    idle.reject()

    # A window in use: a 20 ms timer stands for the officer's clicks and keys.
    printing.clear_cache()
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(20)
    start = time.perf_counter()
    dialog = PreviewDialog(window.doc, window.prompter, window)
    opened = time.perf_counter() - start
    dialog.show()
    qtbot.waitUntil(lambda: dialog.is_ready() and not dialog.page_labels[0].pixmap().isNull(), timeout=300000)
    first_page = time.perf_counter() - start
    timer.stop()
    gaps = sorted(b - a for a, b in zip(ticks, ticks[1:]))
    share = len(ticks) / (first_page / 0.02)
    start = time.perf_counter()
    again = PreviewDialog(window.doc, window.prompter, window)
    reopened = time.perf_counter() - start
    assert again.is_ready()
    print(f"\n[bench] 1,000 measures, {len(dialog.page_labels)} pages: layout on the GUI thread (window frozen) "
          f"{floor:.1f} s; preview, window idle: pages after {idle_first_page:.1f} s (x{idle_first_page / floor:.2f}); "
          f"preview, window busy: dialog open {opened * 1e3:.0f} ms, first page shown after {first_page:.1f} s "
          f"(x{first_page / floor:.2f} of the frozen layout), 20 ms timer got {share:.0%} of its ticks, "
          f"pauses p95 {gaps[int(len(gaps) * 0.95)] * 1e3:.0f} ms, max {gaps[-1] * 1e3:.0f} ms "
          f"(median {statistics.median(gaps) * 1e3:.0f} ms); reopened unchanged {reopened * 1e3:.0f} ms")
    assert opened < 1.0 and reopened < 1.0
    assert share > 0.5
    dialog.reject()
    again.reject()
    window.doc.close()
