"""The connector's comparison of portal and project (DESIGN.md section 4): pure code."""
