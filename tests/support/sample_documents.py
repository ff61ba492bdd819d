"""Where the sample document photos live: in the repository (tests/fixtures/documents, a copy
of the project's shared set), or another set of the same shape named by ``DOORSTEP_FIXTURES``.
Nothing beside the checkout is needed."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
IN_REPOSITORY = REPO_ROOT / "tests" / "fixtures" / "documents"
FIXTURES = Path(os.environ.get("DOORSTEP_FIXTURES") or IN_REPOSITORY)
# The shared scorer (field normalisation as the acceptance scoring does it), vendored unchanged.
SCORER = REPO_ROOT / "tests" / "fixtures" / "score_documents.py"
