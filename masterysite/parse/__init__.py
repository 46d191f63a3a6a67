"""Markdown unit files -> model.Unit (markdown-it-py plus small plugin functions)."""
