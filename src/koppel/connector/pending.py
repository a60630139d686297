"""An upload whose answer never came (the portal went down, the network dropped): the
project file keeps its body and Idempotency-Key until the portal has answered. The next
upload sends it again with the same key first: the portal applies it then or, when it
had applied it already, gives the answer it gave the first time. Either way it is
applied once, and the project learns the portal's change set (for undo) and moves its
base on."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from koppel.connector.client import PortalClient, PortalRefused
from koppel.domain.sync.domains import SyncDomain
from koppel.store.project.file import ProjectFile
from koppel.store.project.session import ProjectSession

SETTING = "pending_upload"
LISTS = {
    "students": SyncDomain.STUDENTS,
    "home_classes": SyncDomain.HOME_CLASSES,
    "cluster_groups": SyncDomain.CLUSTER_GROUPS,
}


@dataclass(frozen=True)
class PendingUpload:
    key: str
    body: dict[str, Any]

    @property
    def domains(self) -> tuple[SyncDomain, ...]:
        return tuple(domain for name, domain in LISTS.items() if self.body.get(name))

    @property
    def items(self) -> int:
        return sum(len(self.body.get(name) or []) for name in LISTS)


@dataclass(frozen=True)
class Resumed:
    pending: PendingUpload
    portal_changeset: str | None


def keep(project: ProjectFile, key: str, body: dict[str, Any]) -> None:
    """Before the upload is sent: what to send again if no answer comes."""
    with project.begin() as session:
        session.set_setting(SETTING, json.dumps({"key": key, "body": body}))


def answered(session: ProjectSession) -> None:
    """The portal answered: nothing is pending any more."""
    session.set_setting(SETTING, "")


def pending(project: ProjectFile) -> PendingUpload | None:
    with project.begin() as session:
        found = session.settings().get(SETTING)
    if not found:
        return None
    data = json.loads(found)
    return PendingUpload(str(data["key"]), dict(data["body"]))


def resend(project: ProjectFile, client: PortalClient) -> Resumed | None:
    """The pending upload sent again with its own key; None when nothing was pending or
    the portal refused it (then nothing of it was written, and the comparison decides).
    An error of the portal itself (5xx) keeps it pending for the next try."""
    found = pending(project)
    if found is None:
        return None
    try:
        answer = client.upload(found.body, key=found.key)
    except PortalRefused as refusal:
        if refusal.unsure:
            raise
        with project.begin() as session:
            answered(session)
        return None
    return Resumed(found, answer.get("changeset"))
