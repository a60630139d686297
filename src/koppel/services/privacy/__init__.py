"""Privacy: the retention of students who left (``koppel privacy forget-left``)."""
