"""Serve config: the Datasette side of the dataset (templates and hooks), registered as a plugin.

Installing the package registers this module with Datasette through the ``datasette`` entry
point in pyproject.toml, so ``datasette serve build/alliance.db -m metadata.yml`` picks it up.
"""
