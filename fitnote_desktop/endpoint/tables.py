"""Every table of the endpoint's database, and creating them.

The tables are declared on :data:`fitnote_desktop.endpoint.db.Base` by the modules that
own them: ``db.py`` (documents, dossiers, practitioners, ...) and ``questions.py``
(questions with their deadlines). ``create_all`` only knows the tables whose modules were
imported, so the one place that creates the schema imports them all. It lives apart from
``db.py`` because ``questions.py`` builds on ``db.py`` (and on the repository above it):
``db.py`` importing it back would tie the layers into a circle.
"""

from __future__ import annotations

from sqlalchemy.engine import Engine

from fitnote_desktop.endpoint import questions  # noqa: F401 - registers its tables on Base
from fitnote_desktop.endpoint.db import Base


def create_schema(engine: Engine) -> None:
    """Create every table and index that does not exist yet (a new database, or a table
    added since; existing tables are left as they are)."""
    Base.metadata.create_all(engine)
