"""CSV- en tekstbestanden as SIS export them: any common encoding, any common delimiter.

Encoding, in this order: a byte order mark (UTF-8; UTF-16 LE/BE, which is Excel's
"Unicode text"; UTF-32), else UTF-16 by its NUL bytes (a file without the mark), else
strict UTF-8, else charset-normalizer's best guess among
the Western-European code pages, Windows-1252 when unsure (Latin-1 files decode the
same for every letter).

Delimiter: the one of ``;`` ``,`` tab ``|`` that splits the first records into the most
consistent number of fields (csv.Sniffer guesses wrong on short files with few columns).

Row numbers count records, not physical lines: the header is row 1, the next record
row 2, and a quoted field with a line break in it keeps its record one row. That is the
number Excel shows when it opens the file, which is where the user will look.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from koppel.files.limits import DEFAULT_LIMITS
from koppel.files.problems import ImportFileError

DELIMITERS = (";", ",", "\t", "|")
SNIFF_RECORDS = 20
SNIFF_CHARS = 64_000
GUESS_BYTES = 200_000
EUROPEAN_ENCODINGS = ["cp1252", "latin_1", "iso8859_15", "cp850", "mac_roman"]
# The csv module reads fields up to 128 KiB; koppel reads a cell as large as a file may be
# (the import says when its column cannot hold it) and finds unclosed quotes itself.
csv.field_size_limit(max(csv.field_size_limit(), DEFAULT_LIMITS.max_file_bytes))
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def detect_encoding(data: bytes, file_label: str) -> str:
    """Tekenset: the codec that reads ``data`` without error (one that skips the byte
    order mark when there is one)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            _check_decodes(data, name, file_label)
            return name
    without_bom = _utf16_without_bom(data[:4096])
    if without_bom is not None:
        _check_decodes(data, without_bom, file_label)
        return without_bom
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    if b"\x00" in data[:4096]:
        raise ImportFileError("csv.binary", file=file_label)
    best = from_bytes(data[:GUESS_BYTES], cp_isolation=EUROPEAN_ENCODINGS).best()
    guesses = [best.encoding] if best is not None else []
    for name in [*guesses, "cp1252", "latin_1"]:
        try:
            data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        return name
    raise ImportFileError("csv.encoding", file=file_label)  # pragma: no cover - latin_1 reads all


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 without a byte order mark: Western text has a NUL in every other byte (odd
    ones little-endian, even ones big-endian), which is also valid UTF-8, full of NULs."""
    odd, even = head[1::2].count(0), head[0::2].count(0)
    pairs = len(head) // 2
    if pairs < 2 or min(odd, even) > pairs // 20:
        return None
    if odd > pairs * 3 // 4:
        return "utf-16-le"
    if even > pairs * 3 // 4:
        return "utf-16-be"
    return None


def _check_decodes(data: bytes, encoding: str, file_label: str) -> None:
    try:
        data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ImportFileError(
            "csv.bad_bytes", file=file_label, encoding=encoding, offset=error.start
        ) from None


def sniff_delimiter(sample: str) -> str:
    """Scheidingsteken: the delimiter that splits the first records of ``sample`` into
    the most, most consistent fields."""
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


MAX_FIELDS = 16_384
"""Fields in one record: Excel's number of columns. The csv module makes every field an
object (some 55 bytes, empty ones too), so a line of 50 million delimiters would take
gigabytes."""
SAME_BYTES = frozenset({"utf-8", "utf-8-sig", *EUROPEAN_ENCODINGS})
"""Encodings in which the delimiters and line breaks are the ASCII bytes themselves."""


def check_width(content: bytes | str, delimiter: str, file_label: str) -> None:
    """Refuse a line with more than :data:`MAX_FIELDS` fields, naming it, before the
    csv module builds its record (quoted delimiters count too: a real file has none
    of that many). Bytes must be in an encoding of :data:`SAME_BYTES`."""
    if isinstance(content, str):
        _check_lines(content.split("\n"), delimiter, content.count(delimiter), file_label)
    else:
        sign = delimiter.encode("ascii")
        _check_lines(content.split(b"\n"), sign, content.count(sign), file_label)


def _check_lines(
    lines: list[bytes] | list[str], sign: bytes | str, total: int, file_label: str
) -> None:
    if total < MAX_FIELDS or max(map(len, lines)) < MAX_FIELDS:
        return  # not enough delimiters in the whole file, or on any line
    for number, line in enumerate(lines, start=1):
        if len(line) >= MAX_FIELDS and line.count(sign) >= MAX_FIELDS:
            raise ImportFileError(
                "csv.too_many_columns", file=file_label, row=number, limit=MAX_FIELDS
            )


def read_records(path: Path, file_label: str) -> Iterator[list[str]]:
    """Every record of the file, row 1 first (quoted delimiters and line breaks stay in
    their field). The whole file is checked for its encoding, then read as a stream.

    A quote that is opened and never closed makes the rest of the file one value: that
    is refused, naming the row where it starts, instead of losing the rows after it."""
    number = 0
    try:
        data = path.read_bytes()
        encoding = detect_encoding(data, file_label)
        with path.open(encoding=encoding, newline="") as text:
            delimiter = sniff_delimiter(text.read(SNIFF_CHARS))
            content = data if encoding in SAME_BYTES else data.decode(encoding)
            check_width(content, delimiter, file_label)
            del data, content
            text.seek(0)
            record: list[str] = []
            for record in csv.reader(text, delimiter=delimiter):
                number += 1
                yield record
            if any("\n" in value or "\r" in value for value in record) and _odd_quotes(
                path, encoding
            ):
                raise ImportFileError("csv.unclosed_quote", file=file_label, row=number)
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise ImportFileError("csv.unclosed_quote", file=file_label, row=number + 1) from None
        raise ImportFileError("csv.syntax", file=file_label, reason=str(error)) from None
    except OSError:
        raise ImportFileError("file.missing", file=file_label) from None


def _odd_quotes(path: Path, encoding: str) -> bool:
    """Whether the file has an odd number of double quotes: one was never closed."""
    return path.read_text(encoding=encoding).count('"') % 2 == 1
