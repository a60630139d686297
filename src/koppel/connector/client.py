"""Talking to the portal: only through its JSON API, with the project's token.

Reads go page by page (``next_cursor``) and are asked again when a connection drops;
writes carry an ``Idempotency-Key`` and are retried with the same key when the answer is
lost, so a dropped response never applies twice.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

from koppel.domain.errors import KoppelError
from koppel.domain.sync.domains import SyncDomain

PAGE_SIZE = 5000
RETRIES = 3
"""Reads, and writes with their Idempotency-Key, are tried this many times when the
portal's answer does not arrive (a dropped connection, a restarting portal)."""


class PortalUnreachable(KoppelError):
    """The portal did not answer (exit code 2: nothing was written)."""

    exit_code = 2


class PortalRefused(KoppelError):
    """The portal answered with a refusal; ``items`` names refused upload items."""

    exit_code = 2

    def __init__(
        self, status: int, code: str, message: str, items: Sequence[Mapping[str, Any]] = ()
    ) -> None:
        self.status = status
        self.portal_code = code
        self.portal_message = message
        self.items = list(items)
        kind = {
            401: "connector.portal_token",
            403: "connector.portal_forbidden",
            409: "connector.portal_conflict",
            412: "connector.portal_stale",
        }.get(status, "connector.portal_refused")
        super().__init__(kind, status=status, message=message)

    @property
    def unsure(self) -> bool:
        """An error of the portal itself (5xx, e.g. its database connection dropped at
        COMMIT): whether a write was made is not certain."""
        return self.status >= 500


@dataclass
class PortalRead:
    """Every page of one domain, joined."""

    domain: SyncDomain
    school_year: str
    revision: int
    as_of: str
    records: list[dict[str, Any]] = field(default_factory=list)
    leads: dict[str, str] = field(default_factory=dict)
    in_scope: int = 0
    left_scope: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PortalYears:
    """The school years the portal has for projects (``GET /api/v1/school-years``)."""

    current: str
    prepared: str | None
    years: tuple[str, ...]
    """The prepared year, the current one and earlier ones."""


class PortalClient:
    def __init__(
        self,
        url: str,
        token: str,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 60.0,
    ) -> None:
        self.url = url.rstrip("/")
        self._http = httpx.Client(
            base_url=self.url,
            headers={"Authorization": f"Bearer {token}", "Accept-Language": "nl"},
            transport=transport,
            timeout=timeout,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> PortalClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _send(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str | int] | None = None,
        json: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        tries = RETRIES if method == "GET" else 1  # a read can always be asked again
        for attempt in range(tries):
            try:
                response = self._http.request(
                    method, path, params=params, json=json, headers=headers
                )
                break
            except httpx.TransportError as error:
                if attempt == tries - 1:
                    raise PortalUnreachable(
                        "connector.portal_unreachable", url=self.url, reason=type(error).__name__
                    ) from error
                time.sleep(0.2 * (attempt + 1))
        if response.status_code >= 400:
            raise _refusal(response)
        return response

    def me(self) -> dict[str, Any]:
        return dict(self._send("GET", "/api/v1/me").json())

    def read(
        self,
        domain: SyncDomain,
        *,
        school_year: str,
        departments: Sequence[str],
        since: int | None = None,
        limit: int | None = None,
    ) -> PortalRead:
        """Every page of ``domain``; with ``limit``, the first page of that size only."""
        params: dict[str, str | int] = {
            "school_year": school_year,
            "departments": ",".join(departments),
            "limit": limit or PAGE_SIZE,
        }
        if since is not None:
            params["since"] = since
        read: PortalRead | None = None
        cursor: str | None = None
        while True:
            page_params = dict(params) if cursor is None else {**params, "cursor": cursor}
            page = self._send("GET", f"/api/v1/records/{domain.value}", params=page_params).json()
            if read is None:
                read = PortalRead(
                    domain,
                    page["school_year"],
                    int(page["revision"]),
                    str(page["as_of"]),
                    leads=dict(page.get("leads", {})),
                    in_scope=int(page.get("in_scope", 0)),
                    left_scope=list(page.get("left_scope", [])),
                )
            read.records.extend(page["records"])
            cursor = page.get("next_cursor")
            if not cursor or limit is not None:
                return read

    def school_years(self) -> PortalYears:
        found = self._send("GET", "/api/v1/school-years").json()
        prepared = found.get("prepared")
        return PortalYears(
            str(found["current"]),
            None if prepared is None else str(prepared),
            tuple(str(year) for year in found.get("years", ())),
        )

    def leads(self, school_year: str) -> dict[str, str]:
        """Every department of the portal, with who leads its home classes."""
        params: dict[str, str | int] = {"school_year": school_year, "limit": 1}
        page = self._send("GET", "/api/v1/records/students", params=params).json()
        return dict(page.get("leads", {}))

    def write(
        self, path: str, body: Mapping[str, Any], *, key: str | None = None
    ) -> dict[str, Any]:
        """POST ``body`` once: retried with the same Idempotency-Key when the answer is
        lost on the way."""
        headers = {"Idempotency-Key": key or uuid.uuid4().hex}
        for attempt in range(RETRIES):
            try:
                return dict(self._send("POST", path, json=body, headers=headers).json())
            except PortalUnreachable as error:
                if attempt == RETRIES - 1:
                    raise PortalUnreachable(
                        "connector.portal_no_answer", url=self.url, reason=error.params["reason"]
                    ) from error
                time.sleep(0.2 * (attempt + 1))
        raise AssertionError("unreachable")  # pragma: no cover

    def upload(self, body: Mapping[str, Any], *, key: str | None = None) -> dict[str, Any]:
        return self.write("/api/v1/uploads", body, key=key)

    def undo(self, changeset: str) -> dict[str, Any]:
        return self.write(f"/api/v1/changesets/{changeset}/undo", {})


def _refusal(response: httpx.Response) -> PortalRefused:
    try:
        error = response.json().get("error", {})
    except ValueError:
        error = {}
    if not isinstance(error, dict):
        error = {}
    return PortalRefused(
        response.status_code,
        str(error.get("code", "")),
        str(error.get("message", response.reason_phrase)),
        error.get("items") or [],
    )
