"""How small and how large a demo school can be."""

DEMO_MIN_STUDENTS = 50
DEMO_MAX_STUDENTS = 250_000
