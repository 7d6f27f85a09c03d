"""The one exception of the KMEHR package."""

from __future__ import annotations


class KmehrError(ValueError):
    """A message that cannot be written or read.

    ``code`` is a message code (``kmehr.bad_xml``, ``kmehr.foreign_schema``,
    ``kmehr.not_incapacity``, ``kmehr.malformed``, ``kmehr.not_exportable``) that the
    UI translates; the English text says what is wrong without echoing any value of the
    message, which may be medical.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
