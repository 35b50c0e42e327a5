"""A deliberately insecure demo application."""
