"""The SIS integration (koppeling), pure: an SIS set (OneRoster CSV, School Data Sync) in one
shape, and what it changes in koppel's school, worked out before anything is written."""
