"""``python -m registry``: the command line (see :mod:`registry.cli.commands`)."""

import sys

from .cli.commands import main

sys.exit(main())
