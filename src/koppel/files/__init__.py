"""File adapters: reading import files (xlsx, csv), header mapping, writing exports."""
