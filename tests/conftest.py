"""Make the project importable from a plain checkout (no install needed)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

pytest_plugins = ["browser_fixtures"]     # served, browser, page: one of each for all browser tests
