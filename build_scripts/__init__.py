"""Newspaper page dumps → articles → zh-Hans, zh-Hant and en docs → static site.

Stages (each a module with plain data in and out, see ``model``):
ingest → segment → write → variants (convert, translate) → site.
"""
