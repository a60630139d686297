"""The school year's life: prepared, current and past years and their department settings."""
