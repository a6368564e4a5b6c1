"""Tailan's window (PySide6), a thin adapter over ``core``.

``main`` is the program ``tailan``: it imports the window only when called, so that
a process that imports this entry point again (a consolidation's worker processes,
``core.aimag.checking``, started with ``spawn``) does not load Qt for nothing.
"""


def main() -> int:
    """Runs the window (``gui.app.main``)."""
    from gui.app import main as run_window

    return run_window()
