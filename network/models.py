"""Reference data and federation-wide figures (public schema)."""
