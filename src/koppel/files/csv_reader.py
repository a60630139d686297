"""CSV and text files as SIS export them: any common encoding, any common delimiter."""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from koppel.files.problems import ImportFileError

DELIMITERS = (";", ",", "\t", "|")
SNIFF_RECORDS = 20
EUROPEAN_ENCODINGS = ["cp1252", "latin_1", "iso8859_15", "cp850", "mac_roman"]


def decode(data: bytes, file_label: str) -> tuple[str, str]:
    """The text and the encoding it was in: a BOM wins, then UTF-8, then the best
    Western-European guess (Windows-1252 when unsure)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "utf-8-sig"
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(name), "utf-16"
            except UnicodeDecodeError:
                raise ImportFileError("csv.encoding", file=file_label) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise ImportFileError("csv.binary", file=file_label)
    best = from_bytes(data[:200_000], cp_isolation=EUROPEAN_ENCODINGS).best()
    for name in ([best.encoding] if best is not None else []) + ["cp1252", "latin_1"]:
        try:
            return data.decode(name), name
        except (UnicodeDecodeError, LookupError):
            continue
    raise ImportFileError("csv.encoding", file=file_label)  # pragma: no cover - latin_1 decodes all


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first records into the most, most consistent fields."""
    sample = text[:64_000]
    best, best_score = ",", (-1, -1)
    for delimiter in DELIMITERS:
        counts = [
            len(record)
            for _, record in zip(
                range(SNIFF_RECORDS),
                csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter),
                strict=False,
            )
            if any(field.strip() for field in record)
        ]
        if not counts:
            continue
        width, agreeing = Counter(counts).most_common(1)[0]
        score = (agreeing if width > 1 else 0, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_records(path: Path, file_label: str) -> Iterator[list[str]]:
    """Every record of the file (quoted delimiters and line breaks kept in their field)."""
    text, _encoding = decode(path.read_bytes(), file_label)
    delimiter = sniff_delimiter(text)
    try:
        yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    except csv.Error as error:
        raise ImportFileError("csv.syntax", file=file_label, reason=str(error)) from None
