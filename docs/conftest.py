"""pytest runs the pages' examples as doctests; the Sphinx set-up is not a test."""

collect_ignore = ["conf.py"]
collect_ignore_glob = ["_ext/*", "_build/*"]
