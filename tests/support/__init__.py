"""Helpers the test folders share, kept out of the product package.

``pytest`` puts ``tests/`` on ``sys.path`` (``pythonpath`` in ``pyproject.toml``), so test
modules import them as ``from support.signing import ...``:

* ``signing``: demo PKIs and SoftHSM2 tokens for fixtures, extra and tampered certificates
  and signatures, openssl interoperability checks.
* ``endpoint``: a live TLS endpoint on a thread or in a child process, fault injection,
  TLS certificates for the refusal tests, the PostgreSQL test cluster.
* ``outbox``: a real encrypted profile with signed documents queued for sending.
* ``kmehr_check``: the official KMEHR XSD and Mult-eMediatt schematron, run for real.

Everything here drives the real components; nothing is mocked.
"""
