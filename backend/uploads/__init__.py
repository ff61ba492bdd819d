"""Resumable uploads (tus 1.0.0) at /uploads/ and the content-addressed blob store behind them."""
