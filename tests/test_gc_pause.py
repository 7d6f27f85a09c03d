"""``gc_paused``: the cyclic collector is off inside, back as it was outside."""

from __future__ import annotations

import gc

import pytest

from fitnote_desktop.gc_pause import gc_paused


def test_paused_inside_and_back_on_after_an_error() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        assert not gc.isenabled()
        raise RuntimeError
    assert gc.isenabled()


def test_nested_and_already_off_stay_as_they_were() -> None:
    with gc_paused():
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner one does not switch it back on
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # off before, off after
    finally:
        gc.enable()


def test_cycles_made_while_paused_are_collected_afterwards() -> None:
    class Node:
        other: object = None

    with gc_paused():
        a, b = Node(), Node()
        a.other, b.other = b, a
        count = sum(isinstance(o, Node) for o in gc.get_objects())
        del a, b
    assert count == 2
    gc.collect()
    assert not any(isinstance(o, Node) for o in gc.get_objects())
