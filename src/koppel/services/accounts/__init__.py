"""Accounts and signing in: accounts and their roles, passwords, sign-in sessions,
two-factor sign-in (tweestapsverificatie) and API tokens."""
