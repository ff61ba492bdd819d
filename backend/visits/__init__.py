"""Visits (预约上门): requests, dispatch, the field worker's day, outcomes, handover (业务衔接)."""
