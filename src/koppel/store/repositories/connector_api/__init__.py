"""Repositories of the connector's JSON API: set-based reads of the records per domain,
the writes of uploads, and the students' record versions."""
