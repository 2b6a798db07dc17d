"""Channel-independent dialog engine and flows."""
