"""Words on the pages of the portal and of the project, one module per area."""
