"""The portal: FastAPI app, JSON API and server-rendered pages (Jinja2 + htmx)."""
