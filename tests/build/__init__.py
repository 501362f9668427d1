"""Tests that render PDFs, build sites and packets, or take long (the loader's property tests),
on the fixture kit or a throwaway kit."""
