"""``endpoint.coalesce``: the writes of one event-loop step leave as one write, in order,
and nothing that could overtake them (closing, EOF) does; an abort drops them.

On a real socket pair under the event loop: a counting wrapper around the loop's own
transport counts the writes that reach it, and the other end reads the bytes back.
"""

from __future__ import annotations

import asyncio
import socket

from fitnote_desktop.endpoint.coalesce import CoalescingTransport


class _Counting(asyncio.Transport):
    """Wraps the loop's real transport and counts the writes that reach it."""

    def __init__(self, transport: asyncio.Transport) -> None:
        super().__init__()
        self.inner = transport
        self.writes = 0

    def write(self, data: bytes | bytearray | memoryview) -> None:
        self.writes += 1
        self.inner.write(data)

    def write_eof(self) -> None:
        self.inner.write_eof()

    def can_write_eof(self) -> bool:
        return self.inner.can_write_eof()

    def close(self) -> None:
        self.inner.close()

    def abort(self) -> None:
        self.inner.abort()

    def is_closing(self) -> bool:
        return self.inner.is_closing()

    def get_write_buffer_size(self) -> int:
        return self.inner.get_write_buffer_size()

    def get_extra_info(self, name: str, default: object = None) -> object:
        return self.inner.get_extra_info(name, default)


async def _pair() -> tuple[_Counting, CoalescingTransport, socket.socket]:
    loop = asyncio.get_running_loop()
    ours, theirs = socket.socketpair()
    transport, _ = await loop.create_connection(asyncio.Protocol, sock=ours)
    counting = _Counting(transport)  # type: ignore[arg-type]
    return counting, CoalescingTransport(counting, loop), theirs


def _read_all(sock: socket.socket) -> bytes:
    sock.settimeout(5)
    chunks = []
    while chunk := sock.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


def test_one_loop_step_one_write_in_order() -> None:
    async def run() -> tuple[int, int, bytes]:
        counting, transport, theirs = await _pair()
        transport.write(b"HTTP/1.1 201 Created\r\ncontent-length: 5\r\n\r\n")
        transport.write(memoryview(b"hello"))
        transport.write(b"")
        pending = transport.get_write_buffer_size()
        assert counting.writes == 0  # nothing left before the step ends
        await asyncio.sleep(0)
        assert counting.writes == 1
        transport.write(b"next")  # a later step: its own write
        await asyncio.sleep(0)
        transport.close()
        await asyncio.sleep(0.05)  # the loop closes the socket
        return counting.writes, pending, _read_all(theirs)

    writes, pending, received = asyncio.run(run())
    assert writes == 2
    assert pending == len(b"HTTP/1.1 201 Created\r\ncontent-length: 5\r\n\r\nhello")
    assert received == b"HTTP/1.1 201 Created\r\ncontent-length: 5\r\n\r\nhellonext"


def test_close_and_eof_flush_first_abort_drops() -> None:
    async def run() -> tuple[bytes, bytes]:
        _, closing, theirs = await _pair()
        closing.write(b"last words")
        closing.close()  # before the step ends: the pending write goes first
        assert closing.is_closing()
        _, eof, theirs_eof = await _pair()
        eof.write(b"then EOF")
        eof.write_eof()
        _, aborted, theirs_aborted = await _pair()
        aborted.write(b"never sent")
        aborted.abort()
        assert aborted.get_write_buffer_size() == 0
        await asyncio.sleep(0.05)
        assert _read_all(theirs_aborted) == b""
        eof.close()
        await asyncio.sleep(0.05)  # the loop closes the sockets
        return _read_all(theirs), _read_all(theirs_eof)

    closed, eofed = asyncio.run(run())
    assert closed == b"last words"
    assert eofed == b"then EOF"
