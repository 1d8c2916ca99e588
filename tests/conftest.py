"""Shared test set-up: the repository root on sys.path so tests import ``tests.factories``."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
