"""Curate: the hand-made inputs (YAML under ``seeds/``), read and checked.

Curated data is reviewed like code, so every check reports the file and line of the problem and
``validate`` collects all problems before failing. One module per kind of file:

* :mod:`.catalog` — seeds/catalog.yml, one entry per seed document;
* :mod:`.registries` — seeds/actors.yml, seeds/places.yml, seeds/unmatched_ignore.yml;
* :mod:`.annotations` — seeds/annotations/<stem>.yml: events, recommendations, quotations,
  whose quotes are located in the document text here, before any row is built.
"""

__all__ = [
    "DOCUMENT_KINDS", "Catalog", "load_catalog", "publication_window", "SLUG", "check_date", "check_keys",
    "check_slug", "check_unique", "known_ids", "reviewed", "ACTOR_TYPES", "GEO_PRECISIONS", "PLACE_TYPES", "Registry", "load_actors",
    "load_places", "load_unmatched_ignore", "registry_rows", "Annotations", "load_annotations",
]

from .annotations import Annotations, load_annotations
from .catalog import DOCUMENT_KINDS, Catalog, load_catalog, publication_window
from .common import SLUG, check_date, check_keys, check_slug, check_unique, known_ids, reviewed
from .registries import (
    ACTOR_TYPES, GEO_PRECISIONS, PLACE_TYPES, Registry, load_actors, load_places,
    load_unmatched_ignore, registry_rows,
)
