"""The SIS integration's commands: ``koppel oneroster import|export`` and ``koppel integration``
(automatic runs)."""
