"""Beheer: the administrator's pages (accounts, departments, settings, tokens, the
docentplanner, the SIS integration and the audit log)."""
