"""Extraction stage: find entities, relations, events, dates and quotes in document text."""
