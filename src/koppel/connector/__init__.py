"""The project side's client of the portal's HTTP API (DESIGN.md section 6)."""
