"""The text fields' right-click menu is ours, in the window's language (Qt ships no Mongolian)."""

from __future__ import annotations

from gui_helpers import measure_by_number, read_back
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QPlainTextEdit

from gui import i18n

QT_ENGLISH = {"&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Delete", "Select All"}


def right_click(qtbot, widget):
    """The right button's press, then the context-menu event the platform sends after it."""
    target = widget.viewport() if isinstance(widget, QPlainTextEdit) else widget
    QTest.mousePress(target, Qt.RightButton, Qt.NoModifier, QPoint(10, 10))
    QTest.mouseRelease(target, Qt.RightButton, Qt.NoModifier, QPoint(10, 10))
    if not isinstance(QApplication.activePopupWidget(), QMenu):  # offscreen sends no menu event itself
        QApplication.sendEvent(target, QContextMenuEvent(QContextMenuEvent.Mouse, QPoint(10, 10),
                                                         target.mapToGlobal(QPoint(10, 10))))
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=2000)
    return QApplication.activePopupWidget()


def texts(menu):
    return [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]


def test_the_measure_text_menu_is_mongolian_and_its_copy_works(window, qtbot):
    assert i18n.current() == "mn"
    window.select_item(measure_by_number(window.doc.report, "1.1").id)
    field = window.findChild(QPlainTextEdit, "achievedInput")
    field.setFocus()
    field.selectAll()
    menu = right_click(qtbot, field)
    assert menu.objectName() == "textContextMenu"
    assert texts(menu) == ["Буцаах", "Дахин хийх", "Хайчлах", "Хуулах", "Буулгах", "Устгах", "Бүгдийг сонгох"]
    assert not QT_ENGLISH & set(texts(menu))
    menu.findChild(type(menu.actions()[0]), "copy").trigger()
    menu.close()
    assert QGuiApplication.clipboard().text() == field.toPlainText() != ""


def test_undo_in_the_menu_of_a_form_field_is_the_windows_undo(window, qtbot, sample_path):
    from gui_helpers import type_text

    field = window.findChild(QLineEdit, "organizationInput")
    window.select_item(window.doc.report.id)
    field.setFocus()
    field.end(False)
    type_text(field, "X")
    window.flush()
    assert read_back(sample_path).organization.endswith("X")
    menu = right_click(qtbot, field)
    undo = menu.findChild(type(menu.actions()[0]), "undo")
    assert undo.isEnabled()
    undo.trigger()
    menu.close()
    assert not read_back(sample_path).organization.endswith("X")


def test_the_find_box_gets_the_same_menu(window, qtbot):
    menu = right_click(qtbot, window.findChild(QLineEdit, "findInput"))
    assert "Бүгдийг сонгох" in texts(menu)
    menu.close()
