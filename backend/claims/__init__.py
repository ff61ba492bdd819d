"""Employer claims: the QR code (and one-time code) staff show on site, with which an employer
claims a unit-registration case. Owns only code: its ``employer_link`` table stays registered in
the cases app (``backend.cases.tables.EmployerLink``) so no migration moves data."""
