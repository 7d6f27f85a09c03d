"""The modules of a copy's QR code: reportlab's encoding, computed without its slow parts.

Every certificate has its own verification address, so its QR code is encoded once per
document, and reportlab's ``qrencoder`` took about a sixth of four copies' CPU (issue 14's
profile): it builds the whole symbol nine times (eight mask trials and the final one), placing
each data bit through a Python lambda, scores each trial with list-of-bool loops, and
derives the Reed-Solomon generator polynomial anew for every block.

Here the parts that depend only on the symbol's version (function patterns, the order of the
data positions, each mask's bits at those positions, the generator polynomials) are taken
from reportlab once per version and kept; per payload only the codewords, the eight masked
placements and their penalty scores are computed, on ``bytes`` rows. The scores follow
reportlab's own rules exactly, quirks included (its finder-pattern rule looks in rows only,
for one orientation only, and never at the last position of a row), so the chosen mask and every
module are reportlab's: ``tests/documents/test_qr.py`` compares the two on many payloads.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import chain, pairwise, zip_longest
from operator import itemgetter

from reportlab.graphics.barcode import qrencoder as rl

LEVEL = rl.QRErrorCorrectLevel.M  # error correction M: 15 % of the code may be damaged
_MASKS = range(8)
_FINDER = bytes([1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0])  # rule 3, as reportlab looks for it
_LONG_RUN = re.compile(rb"\x00{5,}|\x01{5,}")  # rule 1: five or more alike in a line
_TO_DIGITS = bytes.maketrans(b"\x00\x01", b"01")
_FROM_DIGITS = bytes.maketrans(b"01", b"\x00\x01")
_SEPARATOR = b"\x02"  # between the lines of a symbol searched at once


@dataclass(frozen=True)
class _Version:
    """What every symbol of one version shares: taken from reportlab's own ``makeImpl``.

    A symbol is handled as one flat ``bytes`` of 0/1 modules, row after row. Placing the
    data is one gather: module ``k`` is ``source[order[k]]`` of ``template + data bits``
    (``order`` points a data position at its bit, any other module at the template).
    """

    size: int  # modules per side
    trial: bytes  # function patterns with blank format bits (the mask trials)
    final: tuple[bytes, ...]  # per mask: function patterns and its format bits
    data_count: int  # data positions (codeword bits and remainder bits)
    order: Callable[[bytes], tuple[int, ...]]  # the gather described above
    mask_bits: tuple[int, ...]  # per mask: its values at the data positions, one per byte


@cache  # 40 versions at most
def _version(version: int) -> _Version:
    code = rl.QRCode(version, LEVEL)
    blocks = rl.QRRSBlock.getRSBlocks(version, LEVEL)
    code.dataCache = [0] * sum(block.totalCount for block in blocks)  # data bits: all light

    def flat() -> bytes:
        return bytes(chain.from_iterable(code.modules))

    code.makeImpl(True, 0)
    trial = flat()
    final = []
    for mask in _MASKS:
        code.makeImpl(False, mask)
        final.append(flat())
    size = code.moduleCount
    positions = [(row, col) for col, row in code.dataPosIterator()]
    order = list(range(size * size))
    for i, (row, col) in enumerate(positions):
        order[row * size + col] = size * size + i
    mask_bits = tuple(
        int.from_bytes(bytes(int(bool(rl.QRUtil.getMask(m)(r, c))) for r, c in positions))
        for m in _MASKS
    )
    return _Version(size, trial, tuple(final), len(positions), itemgetter(*order), mask_bits)


_EXP = tuple(rl.EXP_TABLE[:255]) * 2  # α^k for k < 510: a sum of two logarithms needs no modulo


@cache  # a few dozen block sizes
def _generator_logs(ec_count: int) -> tuple[int | None, ...]:
    """The logarithms of the coefficients (after the leading 1) of the Reed-Solomon
    generator polynomial of ``ec_count`` codewords; None for a zero coefficient."""
    coefficients = rl.QRUtil.getErrorCorrectPolynomial(ec_count).num[1:]
    return tuple(rl.LOG_TABLE[g] if g else None for g in coefficients)


def _ec_codewords(data: list[int], ec_count: int) -> list[int]:
    """The remainder of ``data``·x^ec_count divided by the generator (what reportlab's
    ``QRPolynomial.mod`` computes), by the usual shift-register division."""
    logs = _generator_logs(ec_count)
    log = rl.LOG_TABLE
    remainder = [0] * ec_count
    for codeword in data:
        factor = codeword ^ remainder[0]
        remainder = [*remainder[1:], 0]
        if factor:
            shift = log[factor]
            for i, g in enumerate(logs):
                if g is not None:
                    remainder[i] ^= _EXP[g + shift]
    return remainder


def _codewords(code: rl.QRCode) -> list[int]:
    """``QRCode.createData`` for the code's data: padded data and error correction
    codewords, interleaved block by block."""
    version = code.version
    blocks = rl.QRRSBlock.getRSBlocks(version, LEVEL)
    capacity = 8 * sum(block.dataCount for block in blocks)
    buffer = rl.QRBitBuffer()
    for data in code.dataList:
        data.write(buffer, version)
    if buffer.getLengthInBits() > capacity:
        raise ValueError("QR code data overflow")
    if buffer.getLengthInBits() + 4 <= capacity:
        buffer.put(0, 4)  # terminator
    while buffer.getLengthInBits() % 8:
        buffer.putBit(False)
    pad = rl.QRCode.PAD0
    while buffer.getLengthInBits() < capacity:  # pad codewords, alternating
        buffer.put(pad, 8)
        pad = rl.QRCode.PAD1 if pad == rl.QRCode.PAD0 else rl.QRCode.PAD0
    data_blocks: list[list[int]] = []
    ec_blocks: list[list[int]] = []
    offset = 0
    for block in blocks:
        part = buffer.buffer[offset : offset + block.dataCount]
        offset += block.dataCount
        data_blocks.append(part)
        ec_blocks.append(_ec_codewords(part, block.totalCount - block.dataCount))
    interleaved = chain(zip_longest(*data_blocks), zip_longest(*ec_blocks))
    return [c for group in interleaved for c in group if c is not None]


def _placed(shape: _Version, template: bytes, bits: int, mask: int) -> bytes:
    """The flat symbol: ``template`` with the data ``bits`` (one per byte) masked."""
    data = (bits ^ shape.mask_bits[mask]).to_bytes(shape.data_count)
    return bytes(shape.order(template + data))


def _blocks(rows: list[bytes]) -> int:
    """Rule 2: 3 points for every 2×2 square of one colour, on the rows as integers."""
    inner = (1 << (len(rows) - 1)) - 1
    values = [int(row.translate(_TO_DIGITS), 2) for row in rows]
    count = 0
    for above, below in pairwise(values):
        same_vertical = ~(above ^ below)
        same_horizontal = ~(below ^ (below >> 1))
        count += (same_vertical & (same_vertical >> 1) & same_horizontal & inner).bit_count()
    return 3 * count


def _lost_point(symbol: bytes, size: int) -> int:
    """reportlab's ``QRUtil.getLostPoint``: the penalty of one masked symbol."""
    rows = [symbol[i : i + size] for i in range(0, size * size, size)]
    columns = [symbol[i::size] for i in range(size)]
    lines = _SEPARATOR.join(rows + columns)
    runs = _LONG_RUN.findall(lines)
    rule1 = sum(map(len, runs)) - 2 * len(runs)  # a run of n ≥ 5: n - 2 points
    # rule 3: non-overlapping, left to right, never starting at the last possible module
    # (reportlab stops one short), in the rows only (it compares each column, a tuple,
    # to a list: never equal)
    rule3 = 40 * _SEPARATOR.join(row[:-1] for row in rows).count(_FINDER)
    rule4 = 10 * (abs(100 * symbol.count(1) // (size * size) - 50) // 5)
    return rule1 + _blocks(rows) + rule3 + rule4


def qr_modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The modules of ``payload``'s QR code (error correction M), row by row, exactly as
    reportlab's ``QRCode.make`` sets them."""
    code = rl.QRCode(None, LEVEL)
    code.addData(payload)
    code.version = code.calculate_version()
    shape = _version(code.version)
    codewords = _codewords(code)
    digits = format(int.from_bytes(bytes(codewords)), f"0{8 * len(codewords)}b").encode()
    # one bit per byte; the remainder bits are light, as reportlab's
    bits = int.from_bytes(digits.translate(_FROM_DIGITS).ljust(shape.data_count, b"\x00"))
    scores = [_lost_point(_placed(shape, shape.trial, bits, m), shape.size) for m in _MASKS]
    best = scores.index(min(scores))  # the first of equal scores, as reportlab keeps
    symbol = _placed(shape, shape.final[best], bits, best)
    size = shape.size
    return tuple(tuple(map(bool, symbol[i : i + size])) for i in range(0, size * size, size))
