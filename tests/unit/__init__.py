"""The fast tier: loading, checking, messages, the list of site files and the templates; no PDF, no build."""
