"""Entry script of the bundle's console executable ``tailan-cli`` (same as the ``tailan-cli`` script)."""

import multiprocessing

if __name__ == "__main__":
    # A consolidation checks files in worker processes (core.aimag.checking); in the
    # bundle each worker is this executable started again: freeze_support runs its task.
    multiprocessing.freeze_support()
    from core.cli import run

    run()
