"""The demo school (``koppel demo``): synthetic, realistic, deterministic for a seed."""
