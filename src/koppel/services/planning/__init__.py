"""What team leaders, mentors, teachers and students do in the portal during the year:
the departments overview, a department's planning (prognoses, LWOO, home classes, package
choices), its edits and their undo, and everyone's own pages."""
