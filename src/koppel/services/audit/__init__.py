"""The audit log (logboek) and change sets: every write records who, when, what, before
and after; ``koppel undo`` puts a change set's before back."""
