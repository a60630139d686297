"""Repositories of the SIS integration (koppeling): the ids of SIS sets, their bulk writes,
the export's reads and the automatic runs."""
