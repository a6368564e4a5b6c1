"""Entry script of the bundle's windowed executable ``tailan`` (same as the ``tailan`` gui-script)."""

import sys

from gui.app import main

sys.exit(main())
