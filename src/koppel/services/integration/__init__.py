"""The SIS integration (koppeling): roster sets imported and exported, and the automatic
runs that take them up from a drop folder."""
