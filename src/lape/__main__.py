"""``python -m lape``: the command line."""

import sys

from lape.cli import main

sys.exit(main())
