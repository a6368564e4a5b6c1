"""``python -m core.cli``: the command line, as the installed ``tailan-cli`` runs it."""

import sys

from core.cli import main

sys.exit(main())
