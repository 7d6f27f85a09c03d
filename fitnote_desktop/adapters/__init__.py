"""Implementations of the service ports (``services.ports``) over the lower layers.

Each adapter translates between the services' vocabulary (domain values and the
records of ``services.ports``) and one layer's API, and nothing else: no rules live
here. ``store``: patients and documents; ``sender``: the outbox and the endpoint's
document routes; ``messaging``: TRIO threads; ``signer``: the configured key store;
``pdf``: the PDF copies; ``profiles``: creating a profile at first run.
"""
