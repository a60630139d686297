"""The connector's use cases: status, diff, download, upload and undo of a project
against its portal (DESIGN.md sections 4 and 8)."""
