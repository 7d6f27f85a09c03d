"""Signer certificate paths that pyHanko validated, remembered per signer and trust store.

Building and validating the path of a physician's certificate (name matching, the CA
signatures, key usage, policies) is the same work for each of their documents and used
to be most of a verification (issue 14's profiles). What makes a path valid is fixed by
the certificates and the trust anchors, except time: so the cache keeps, per (constant
part of the CMS: signer identifier, embedded certificates, algorithms; trust-anchor set),
the validity window of the path pyHanko accepted, the intersection of every certificate's
notBefore..notAfter including the root's. A later document's moment must lie inside it,
exactly the ``time_ok`` check of a full verification.

Bounded (least recently used out first) and safe to share between the endpoint's worker
threads. It holds certificates (public), never a payload or a signature.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from asn1crypto import x509
from cachetools import LRUCache

DEFAULT_SIZE = 1024

ChainKey = tuple[bytes, frozenset[bytes]]


@dataclass(frozen=True)
class ValidatedChain:
    """What a full verification established about one signer's path, independent of
    the document: the signer certificate (DER, so that every caller parses its own
    copy: asn1crypto objects are not thread-safe while lazily parsing), the window in
    which every certificate of the path is valid, and the facts the result reports."""

    certificate_der: bytes
    not_before: dt.datetime
    not_after: dt.datetime
    non_repudiation: bool
    signer_niss: str | None
    signer_subject: str

    def valid_at(self, moment: dt.datetime) -> bool:
        return self.not_before <= moment <= self.not_after

    @classmethod
    def of_path(
        cls,
        certificate: x509.Certificate,
        path: Iterable[x509.Certificate],
        *,
        non_repudiation: bool,
        signer_niss: str | None,
    ) -> ValidatedChain:
        windows = [c["tbs_certificate"]["validity"] for c in path]
        return cls(
            certificate_der=certificate.dump(),
            not_before=max(w["not_before"].native for w in windows),
            not_after=min(w["not_after"].native for w in windows),
            non_repudiation=non_repudiation,
            signer_niss=signer_niss,
            signer_subject=certificate.subject.human_friendly,
        )


class TrustAnchors(Sequence[x509.Certificate]):
    """Trust anchors kept as DER, with their fingerprints computed once: each access gives
    a freshly loaded certificate (asn1crypto objects are not thread-safe while lazily
    parsing), and :func:`chain_key` reads the fingerprints without loading any, so that a
    cache hit costs no certificate parse (the endpoint checks every document against the
    same anchors)."""

    def __init__(self, certificates: Iterable[x509.Certificate]) -> None:
        self._der = tuple(c.dump() for c in certificates)
        self.fingerprints = frozenset(hashlib.sha256(der).digest() for der in self._der)

    @overload
    def __getitem__(self, index: int) -> x509.Certificate: ...
    @overload
    def __getitem__(self, index: slice) -> list[x509.Certificate]: ...
    def __getitem__(self, index: int | slice) -> x509.Certificate | list[x509.Certificate]:
        if isinstance(index, slice):
            return [x509.Certificate.load(der) for der in self._der[index]]
        return x509.Certificate.load(self._der[index])

    def __len__(self) -> int:
        return len(self._der)

    def __iter__(self) -> Iterator[x509.Certificate]:
        return (x509.Certificate.load(der) for der in self._der)


def chain_key(constant: bytes, trust_roots: Iterable[x509.Certificate]) -> ChainKey:
    """The cache key of a CMS's constant part checked against these trust anchors."""
    if isinstance(trust_roots, TrustAnchors):
        return hashlib.sha256(constant).digest(), trust_roots.fingerprints
    return hashlib.sha256(constant).digest(), frozenset(root.sha256 for root in trust_roots)


class ChainCache:
    """A thread-safe LRU map (cachetools' ``LRUCache`` under a lock) from :func:`chain_key`
    to :class:`ValidatedChain`."""

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        if size < 1:
            raise ValueError("the cache must hold at least one chain")
        self._entries: LRUCache[ChainKey, ValidatedChain] = LRUCache(maxsize=size)
        self._lock = threading.Lock()

    def get(self, key: ChainKey) -> ValidatedChain | None:
        with self._lock:
            return self._entries.get(key)

    def put(self, key: ChainKey, chain: ValidatedChain) -> None:
        with self._lock:
            self._entries[key] = chain

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)
