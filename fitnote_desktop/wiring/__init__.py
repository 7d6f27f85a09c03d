"""Composition: profile settings → concrete adapters → services; the demo set-up.

The only package that knows every layer. ``connection``: the one factory for "signer
+ endpoint client" (the app and every CLI command use it); ``session``: an unlocked
profile wired into :class:`~fitnote_desktop.services.Services`; ``demo``: the demo
PKI, sandbox endpoint and demo profile with its seed data.
"""
