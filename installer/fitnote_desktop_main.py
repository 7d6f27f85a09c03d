"""Entry script of the frozen program (PyInstaller needs a script, not an entry point).

Same as the ``fitnote-desktop`` console script. ``freeze_support`` first: should any
library start a ``multiprocessing`` child (spawn on Windows/macOS), the child re-runs
this executable and must not start the app a second time.
"""

import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from fitnote_desktop.cli import main

    raise SystemExit(main())
