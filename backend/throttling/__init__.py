"""Rate limits for public (no-account) endpoints, shared by every app process."""
