"""The policy knowledge base: versioned articles, Chinese full-text search, seeding."""
