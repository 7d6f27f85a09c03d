"""The contract between the app's endpoint client and the TRIO-like endpoint.

Both sides import it (``fitnote_desktop.transport`` as client, ``fitnote_desktop.endpoint``
as server) and it imports neither, so they cannot drift apart and neither depends on the
other's package: ``routes`` (the paths), ``errors`` (the stable error codes with their
HTTP status), ``receipts`` and ``retraction`` (the canonical bytes that get signed).
``docs/api.md`` documents the same tables; tests keep them in sync.

Nothing here does I/O. Error details never carry medical content or a NISS: they name a
field or a rule, never a value.
"""
