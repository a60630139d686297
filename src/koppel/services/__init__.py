"""Use cases. Each takes a unit of work (and thereby repositories), never a session,
and returns a plain result that the command line, the API and the pages render."""
