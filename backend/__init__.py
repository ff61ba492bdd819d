"""Doorstep backend: one package per domain, assembled in :mod:`backend.app`."""

import os

# Piccolo finds its engine and apps through this module path (also for its own CLI).
os.environ.setdefault("PICCOLO_CONF", "backend.db.piccolo_conf")
