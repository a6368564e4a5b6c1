"""``python -m core.cli``: the command line, as the installed ``tailan-cli`` runs it."""

from core.cli import run

if __name__ == "__main__":  # not when a worker process of a consolidation imports it (spawn)
    run()
