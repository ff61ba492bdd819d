"""Notifications: the per-user inbox (delivered by sync pull) and best-effort Web Push.

Other domains call :func:`backend.notifications.service.notify` inside their own
transaction, so a notification exists exactly when its cause does.
"""
