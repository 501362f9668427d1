"""Tests of the shipped kit: its content, its built site and its PDFs."""
