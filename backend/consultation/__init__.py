"""Consultation (网上咨询, every channel) and feedback (反馈) with satisfaction ratings."""
