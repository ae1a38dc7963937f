"""Command-line tools run by the Makefile (`make check`, `make schema`, `make offline`, `make diagram-sizes`).

They use the course data and the hooks; the site build never imports them.
"""
