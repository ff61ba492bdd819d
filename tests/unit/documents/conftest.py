import sys
from pathlib import Path

# Lets the tests here import their small helper module (ocr_lines) by name.
sys.path.insert(0, str(Path(__file__).parent))
