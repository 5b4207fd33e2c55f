import sys
from pathlib import Path

# tools/ (the notebook builder) is importable by the tests
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
