"""Accounts: users, roles, teams, employer units, sign-in and tokens."""
