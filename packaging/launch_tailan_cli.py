"""Entry script of the bundle's console executable ``tailan-cli`` (same as the ``tailan-cli`` script)."""

import sys

from core.cli import main

sys.exit(main())
