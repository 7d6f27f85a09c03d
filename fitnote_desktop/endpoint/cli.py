"""``fitnote-endpoint``: the sandbox TRIO-like server."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    print("fitnote-endpoint: the sandbox endpoint is not built yet (issue 5)", file=sys.stderr)
    return 1
