"""The scheduler's project in the browser (``koppel project open``): the connector's
screens on 127.0.0.1, on the portal's page stack (Jinja2 + htmx, Dutch by default)."""
