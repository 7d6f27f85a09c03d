"""``chain_cache.TrustAnchors``: the same anchors as the list it was made of (each access a
fresh copy, so no two threads share a lazily parsed certificate), and the same cache key,
so that a path validated against the list is found through the anchors and back."""

from __future__ import annotations

from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.signing.chain_cache import TrustAnchors, chain_key


def test_trust_anchors_are_the_certificates_and_key_the_cache_alike(demo_pki: DemoPki) -> None:
    roots = [*demo_pki.citizen_trust_roots(), demo_pki.citizen_trust_roots()[0]]
    anchors = TrustAnchors(roots)
    assert len(anchors) == len(roots)
    assert [c.dump() for c in anchors] == [c.dump() for c in roots]
    assert [c.dump() for c in anchors[1:]] == [c.dump() for c in roots[1:]]
    assert anchors[0].dump() == roots[0].dump() and anchors[0] is not anchors[0]
    assert anchors.fingerprints == frozenset(c.sha256 for c in roots)
    assert chain_key(b"constant", anchors) == chain_key(b"constant", roots)
    assert chain_key(b"constant", anchors) != chain_key(b"constant", roots[:0])
