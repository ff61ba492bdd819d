"""The change log: the bottom layer every domain writes to inside its own transaction.

Domains record what changed (``changes.record``) and for whom (``audience``); push, pull
and the mutators sit above the domains and read it (``sync.push``, ``sync.pull``). Nothing
here imports a domain: see ``docs/architecture.md``.
"""
