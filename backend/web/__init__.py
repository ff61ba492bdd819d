"""HTTP endpoints that are not GraphQL: health, the PWA, security headers."""
