"""Demo data (``doorstep seed --demo``); refused in production mode."""
