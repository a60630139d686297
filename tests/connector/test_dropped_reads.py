"""A read whose answer is lost on the way (a connection the server closed, a restarting
portal) is asked again: the connector gets the whole answer, not an error."""

from __future__ import annotations

import httpx
import pytest

from koppel.connector.client import PortalClient, PortalUnreachable
from koppel.domain.sync.domains import SyncDomain
from tests.connector.conftest import DEPARTMENTS, Linked


class DropFirstGets(httpx.HTTPTransport):
    """The real transport; the answers to the first ``drops`` GETs are lost after the
    portal gave them."""

    def __init__(self, drops: int) -> None:
        super().__init__()
        self.drops = drops
        self.dropped = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if request.method == "GET" and self.dropped < self.drops:
            response.read()
            response.close()
            self.dropped += 1
            raise httpx.ReadError("connection reset", request=request)
        return response


def _read(client: PortalClient, linked: Linked) -> list[dict[str, object]]:
    answer = client.read(
        SyncDomain.HOME_CLASSES, school_year=linked.school_year, departments=DEPARTMENTS
    )
    return answer.records


def test_a_read_whose_answer_was_lost_is_asked_again(linked: Linked):
    with PortalClient(linked.url, linked.token) as plain:
        expected = _read(plain, linked)
    dropping = DropFirstGets(drops=2)
    with PortalClient(linked.url, linked.token, transport=dropping) as client:
        assert _read(client, linked) == expected
    assert dropping.dropped == 2
    assert expected


def test_a_portal_that_keeps_dropping_is_reported_unreachable(linked: Linked):
    dropping = DropFirstGets(drops=99)
    with (
        PortalClient(linked.url, linked.token, transport=dropping) as client,
        pytest.raises(PortalUnreachable) as reported,
    ):
        _read(client, linked)
    assert reported.value.exit_code == 2
    assert "ReadError" in reported.value.message("en")
    assert dropping.dropped == 3  # asked three times, then reported
