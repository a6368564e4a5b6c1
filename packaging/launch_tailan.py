"""Entry script of the bundle's windowed executable ``tailan`` (same as the ``tailan`` gui-script)."""

import multiprocessing
import sys

if __name__ == "__main__":
    # The aimag's window checks received files in worker processes (core.aimag.checking);
    # in the bundle each worker is this executable started again: freeze_support runs its task.
    multiprocessing.freeze_support()
    from gui.app import main

    sys.exit(main())
