"""The sync server: push (a device's queued mutations) and pull (the changes it may see).

The protocol is written down in ``sync/PROTOCOL.md``; ``sync/client/`` is the device side.
"""
