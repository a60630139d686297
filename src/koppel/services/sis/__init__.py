"""The SIS integration (koppeling): SIS sets (OneRoster CSV, School Data Sync) imported
and exported, and the automatic runs that take them up from a drop folder."""
