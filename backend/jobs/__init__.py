"""Background jobs (OCR, notifications): embedded worker pool or ``doorstep worker``."""
