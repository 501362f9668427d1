"""Printable worksheets: print HTML from templates, rendered to PDF by WeasyPrint."""
