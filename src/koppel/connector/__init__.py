"""The connector (portalconnector), the project side: it compares the scheduler's project
file with its portal and moves what the scheduler selects (DESIGN.md sections 4 and 8).

It reaches the portal only through the portal's JSON API (``client``, ``portal_records``),
never through the portal's database or services: it runs on the scheduler's machine."""
