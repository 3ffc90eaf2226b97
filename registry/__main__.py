"""``python -m registry``: the command line (see :mod:`registry.cli`)."""

import sys

from .cli import main

sys.exit(main())
