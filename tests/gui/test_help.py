"""Help, About and zoom (issue 11 item 8): what a Word user looks for, in Mongolian, remembered."""

from __future__ import annotations

from importlib.metadata import version

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core.paths import user_data_dir


def menu_titled(window, title):
    return next(a.menu() for a in window.menuBar().actions() if a.text() == title)


def test_help_menu_opens_a_mongolian_guide_that_names_the_file(window, qtbot):
    help_menu = menu_titled(window, "&Тусламж")
    texts = [a.text() for a in help_menu.actions()]
    assert texts == ["Заавар", "Тайлан программын тухай"]
    help_menu.actions()[0].trigger()
    dialog = window.help.dialog
    qtbot.waitUntil(dialog.isVisible)
    text = dialog.text.toPlainText()
    for words in ("Тайлан программыг хэрхэн ашиглах вэ", "Word-ын хүснэгтээ оруулах", "Арга хэмжээ бүрийг үнэлэх",
                  "Хэвлэх ба PDF", "Баталгаажуулах ба илгээх", "Нөөц хуулбар хадгалах", str(window.doc.path)):
        assert words in text
    dialog.reject()


def test_f1_opens_the_guide(window, qtbot):
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key_F1)
    qtbot.waitUntil(lambda: window.help.dialog is not None and window.help.dialog.isVisible())
    assert window.help.dialog.objectName() == "guideDialog"
    window.help.dialog.reject()


def test_about_says_version_licence_data_folder_and_fonts(window, qtbot):
    dialog = window.help.show_about()
    qtbot.waitUntil(dialog.isVisible)
    text = dialog.text.toPlainText()
    assert version("tailan") in text
    assert "MIT" in text and "SIL Open Font License 1.1" in text and "Liberation" in text
    assert str(user_data_dir()) in text
    assert "Хувилбар" in text and "Өгөгдлийн хавтас" in text
    dialog.reject()


def test_ctrl_plus_and_minus_zoom_the_tree_and_the_forms_and_it_is_remembered(window, qtbot, sample_path, prompter):
    from gui.app import create_main_window
    from gui.forms.fields import TextField

    window.tree.setFocus()
    qtbot.waitUntil(window.tree.hasFocus, timeout=2000)
    size = window.tree.font().pointSizeF()
    achieved = window.findChild(TextField, "achievedInput")
    height = achieved.height() if achieved else None
    qtbot.keyClick(window.tree, Qt.Key_Plus, Qt.ControlModifier)
    qtbot.keyClick(window.tree, Qt.Key_Equal, Qt.ControlModifier)  # Ctrl+= on keyboards where + needs Shift
    bigger = window.tree.font().pointSizeF()
    assert bigger > size
    assert window.stack.font().pointSizeF() == bigger  # the forms too
    measure = window.doc.report.find_measure("1.1")[0]
    window.select_item(measure.id)
    achieved = window.findChild(TextField, "achievedInput")
    QApplication.processEvents()
    if height is not None:
        assert achieved.height() > height  # the same lines, larger
    assert window.menuBar().font().pointSizeF() == size  # menus stay as they are
    window.close()

    again = create_main_window(sample_path, prompter=prompter)
    qtbot.addWidget(again)
    assert again.tree.font().pointSizeF() == bigger  # remembered
    again.show()
    again.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is again, timeout=2000)
    again.tree.setFocus()
    qtbot.keyClick(again.tree, Qt.Key_Minus, Qt.ControlModifier)
    assert size < again.tree.font().pointSizeF() < bigger
    qtbot.keyClick(again.tree, Qt.Key_0, Qt.ControlModifier)
    assert again.tree.font().pointSizeF() == size
    again.doc.close()
