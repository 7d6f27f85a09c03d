"""The web desk of advising and occupational physicians, served by the endpoint (``/desk``).

The other side of the TRIO flow: the physicians who receive certificates read them here
in their own dataset, ask the treating physician questions with an answer-by date and
(occupational physician) note the contact moments. Modules: ``routes`` (the pages),
``sessions`` and ``csrf`` (cookie sessions, form tokens), ``identity`` and ``tls``
(who signs in: demo list or eID certificate), ``caseload`` (the registry's assignment),
``inbox``, ``certificate`` (one document's page), ``dialogue`` (questions) and
``notes`` (contact notes). Templates and texts: ``endpoint/templates/desk/``.
"""
