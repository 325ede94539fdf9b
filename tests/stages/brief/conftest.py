"""The brief's tests share the seed inputs of the stage tests (``tests/stages/seed_inputs.py``)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
