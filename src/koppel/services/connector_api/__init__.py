"""The portal's side of the connector: what its JSON API (``/api/v1``) reads and writes for
a scheduler's project. The project side is :mod:`koppel.connector`."""
