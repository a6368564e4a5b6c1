"""The prompter is one protocol: the real dialogs and the tests' recorder answer the same questions.

Every method of ``gui.prompter.Prompter`` exists on ``DialogPrompter`` and on
``tests/recording_prompter.RecordingPrompter`` with the same parameters, so a test
that drives the window with the recorder drives what users meet. No production code
asks which prompter it holds: windows pass on the one they were given.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

from recording_prompter import RecordingPrompter

from gui.prompter import DialogPrompter, Prompter

GUI = Path(__file__).resolve().parents[2] / "gui"


def questions() -> list[str]:
    return [name for name, value in vars(Prompter).items() if inspect.isfunction(value) and not name.startswith("_")]


def parameters(function) -> list[tuple[str, object]]:
    return [(p.name, p.default) for p in inspect.signature(function).parameters.values()]


def test_the_protocol_has_every_question_the_window_asks():
    assert sorted(questions()) == ["ask_text", "choose", "choose_folder", "confirm", "error", "info", "open_path",
                                   "open_paths", "save_path"]


def test_the_dialogs_and_the_recorder_answer_the_protocol_alike():
    for implementation in (DialogPrompter, RecordingPrompter):
        for name in questions():
            assert parameters(getattr(implementation, name)) == parameters(getattr(Prompter, name)), (
                implementation.__name__, name)
    assert isinstance(RecordingPrompter(), Prompter) and isinstance(DialogPrompter(), Prompter)


def test_no_production_code_asks_which_prompter_it_holds():
    asked = []
    for path in GUI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("isinstance", "type"):
                names = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
                names |= {n.attr for n in ast.walk(node) if isinstance(n, ast.Attribute)}
                if any("prompter" in name.lower() for name in names):
                    asked.append(f"{path.relative_to(GUI.parent)}:{node.lineno}")
    assert asked == []


def test_a_window_passes_the_prompter_it_was_given_to_the_windows_it_opens(window, prompter, tmp_path, qtbot):
    """The aimag's window opened from the menu asks through the same recorder (a test answers both)."""
    cwin = window.sending.open_consolidation(tmp_path / "aimag.tailan")
    qtbot.addWidget(cwin)
    assert cwin.prompter is prompter and cwin.shared_prompter is prompter
    assert window.shared_prompter is prompter


def test_a_window_without_a_prompter_makes_its_own_dialogs_and_passes_none_on(qtbot, tmp_path):
    from gui.app import create_main_window

    own = create_main_window(None)
    qtbot.addWidget(own)
    assert isinstance(own.prompter, DialogPrompter) and own.prompter.parent is own
    assert own.shared_prompter is None
    cwin = own.sending.open_consolidation(tmp_path / "aimag.tailan")
    qtbot.addWidget(cwin)
    assert isinstance(cwin.prompter, DialogPrompter) and cwin.prompter.parent is cwin
