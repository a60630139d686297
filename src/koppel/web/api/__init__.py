"""The portal's JSON API: ``/api/health`` and the connector's ``/api/v1``."""
