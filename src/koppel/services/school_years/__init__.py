"""The school year's life: prepare next year, promote from the prognoses, switch."""
