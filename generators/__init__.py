"""Generators that turn the kit's YAML tools into a website and printable worksheets."""

__version__ = "0.1.0"
