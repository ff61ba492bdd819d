"""Verification: pure checks on what documents and cases say (checksums, amounts, dates)."""
