"""The tests, in tiers: unit/, build/, content/ and browser/ (CONTRIBUTING.md, "Tests")."""
