"""A prompter for tests: records every prompt and answers from queues the test sets.

It implements the ``gui.prompter.Prompter`` protocol where ``gui.prompter.DialogPrompter``
shows real dialogs (tests/gui/test_prompter.py keeps their methods alike), so a window
test never blocks on a modal dialog. It lives with the tests, not in the shipped ``gui``
package.
"""

from __future__ import annotations


class RecordingPrompter:
    """Records every prompt; answers from queues set by the test (``answers["confirm"]``...)."""

    def __init__(self, **answers):
        self.calls: list[tuple] = []
        self.answers = {key: list(value) for key, value in answers.items()}

    def _answer(self, kind: str, default):
        queue = self.answers.get(kind)
        return queue.pop(0) if queue else default

    def error(self, title: str, message: str) -> None:
        self.calls.append(("error", title, message))

    def info(self, title: str, message: str) -> None:
        self.calls.append(("info", title, message))

    def confirm(self, title: str, message: str, yes: str, no: str) -> bool:
        self.calls.append(("confirm", title, message))
        return self._answer("confirm", False)

    def choose(self, title: str, label: str, items: list[str]) -> int | None:
        self.calls.append(("choose", title, items))
        return self._answer("choose", None)

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        self.calls.append(("ask_text", title, label))
        return self._answer("ask_text", None)

    def open_path(self, title: str, folder: str, filters: str) -> str | None:
        self.calls.append(("open_path", title, folder))
        return self._answer("open_path", None)

    def open_paths(self, title: str, folder: str, filters: str) -> list[str]:
        self.calls.append(("open_paths", title, folder))
        return list(self._answer("open_paths", []))

    def save_path(self, title: str, suggested: str, filters: str) -> str | None:
        self.calls.append(("save_path", title, suggested))
        return self._answer("save_path", None)

    def choose_folder(self, title: str, folder: str) -> str | None:
        self.calls.append(("choose_folder", title, folder))
        return self._answer("choose_folder", None)

    def kinds(self) -> list[str]:
        return [call[0] for call in self.calls]

    def start_folders(self) -> list[tuple[str, str]]:
        """(title, folder) of every file dialog asked: where it would have opened (for a save,
        the folder of the name it suggested)."""
        from pathlib import Path

        pickers = {"open_path": 2, "open_paths": 2, "choose_folder": 2, "save_path": 2}
        found = []
        for call in self.calls:
            if call[0] in pickers:
                where = call[pickers[call[0]]]
                found.append((call[1], str(Path(where).parent) if call[0] == "save_path" else where))
        return found
