"""Inlezen: what an import file from the school administration would change (students,
staff, teacher-groups), worked out before anything is written (pure)."""
