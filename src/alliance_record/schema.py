"""The dataset's tables, declared in one place.

Table and column names are the public API of the dataset (URLs, SQL and downloads depend on
them). Each :class:`Table` declares its columns in order, primary key, foreign keys (every one
gets an index), extra indexes (faceted columns), full-text search columns, and — for rows that
quote a document — which column holds the quoted text, so the loader can verify
``documents.text[start:end]`` before writing.

``create_tables`` makes empty tables; ``finish`` adds indexes, FTS and views after the rows
are in (faster than maintaining them during bulk insert).
"""

from __future__ import annotations

import json
import operator
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Callable

TEXT, INT, FLOAT = str, int, float
LABEL_CHARS = 60


@dataclass(frozen=True)
class Table:
    name: str
    columns: dict
    pk: str | tuple = "id"
    foreign_keys: tuple = ()     # (column, other_table, other_column)
    indexes: tuple = ()          # tuples of column names
    fts: tuple = ()              # columns indexed for full-text search
    # Quoted text: (start column, end column, text column, spans column or None). The loader
    # refuses a row whose documents.text[start:end] (or joined spans) is not its text.
    quotes: tuple = ()
    not_null: tuple = ()
    # A short display label (Datasette's label_column, shown wherever another row links here):
    # made from the row's own values, cut to LABEL_CHARS at a word by ``load.prepare`` (in the
    # worker that made the row) into the ``label`` column.
    label: Callable[[dict], str | None] | None = None
    # Names beside ids (issue 17): columns that ``load.prepare`` fills from the curated
    # registries, so that a download reads without a lookup and a facet can roll up (see
    # :class:`Named`). The id columns stay as they are: names published are public API.
    named: tuple = ()
    # Context beside a quoted span: (before column, after column, characters), the text just
    # before ``start`` and just after ``end``, filled by ``load.prepare`` when a row leaves it
    # None — made as the row becomes a tuple, not held in every row of a long document meanwhile.
    context: tuple = ()

    @property
    def fk_columns(self):
        return [fk[0] for fk in self.foreign_keys]

    @property
    def key_positions(self) -> list:
        """Where the primary key's columns are in a row (in the order of ``columns``)."""
        key = (self.pk,) if isinstance(self.pk, str) else self.pk or ()
        return [list(self.columns).index(c) for c in key]

    @property
    def fts_positions(self) -> list:
        """Where the columns indexed for full-text search are in a row."""
        return [list(self.columns).index(c) for c in self.fts]


@dataclass(frozen=True)
class Named:
    """A column made from an id column of the same row with the curated registries.

    ``ids`` holds one id or a JSON list of ids of ``registry`` ("actors" or "places"). With
    ``states``, the column is the JSON list of the states those actors belong to (the first
    state among an actor's parents, else the state of its country: the PLA Navy counts for
    China), so that a facet on it rolls units up to their state; otherwise it is their names,
    joined by "; " in the order of the ids (an id the registry lacks is kept as it is)."""
    column: str
    ids: str
    registry: str = "actors"
    states: bool = False


# The registries' entries by id, set by :func:`use_registries` when the curated inputs are read
# (worker processes inherit them): what :func:`named_values` reads.
_REGISTRIES: dict = {"actors": {}, "places": {}}


def use_registries(actors: dict, places: dict):
    """Make the curated registries (id -> entry with name, type, country, parent) the source of
    every :class:`Named` column written from now on."""
    states = {}
    for entry in actors.values():
        if entry.get("type") == "state" and entry.get("country"):
            states.setdefault(entry["country"], entry["id"])
    _REGISTRIES.update(actors=actors, places=places, states_by_country=states)


def _ids(value) -> list:
    if value is None or value == "":
        return []
    if isinstance(value, str) and value.startswith("["):
        return [v for v in json.loads(value) if isinstance(v, str)]
    return [value]


# Actors that count for their country's state when no parent is one: who acts or speaks for it
# (officials, services, ministries, governments). Media, think tanks, universities, parties and
# armed groups keep their country but do not roll up to its state.
STATE_SIDE_TYPES = {"state", "government", "government-body", "military", "person", "anonymous"}


def state_of(actor_id: str) -> str | None:
    """The state an actor belongs to: itself, the first state among its parents, or the state
    of its country for the :data:`STATE_SIDE_TYPES` (None for an international body, a media
    outlet or think tank, or an unknown id)."""
    actors = _REGISTRIES["actors"]
    seen, current = set(), actor_id
    while current in actors and current not in seen:
        entry = actors[current]
        if entry.get("type") == "state":
            return current
        seen.add(current)
        current = entry.get("parent")
    entry = actors.get(actor_id) or {}
    if entry.get("type") not in STATE_SIDE_TYPES:
        return None  # a newspaper or a think tank is not its country acting
    return _REGISTRIES.get("states_by_country", {}).get(entry.get("country"))


def named_values(table: "Table", row: dict):
    """Fill ``row``'s :class:`Named` columns in declaration order (a later one may read an
    earlier one, as ``state_names`` reads ``state_ids``)."""
    for named in table.named:
        ids = _ids(row.get(named.ids))
        if named.states:
            found: list = []
            for actor_id in ids:
                state = state_of(actor_id)
                if state and state not in found:
                    found.append(state)
            row[named.column] = json.dumps(sorted(found))
        else:
            registry = _REGISTRIES[named.registry]
            row[named.column] = "; ".join(str((registry.get(i) or {}).get("name") or i) for i in ids) or None


QUOTED = ("start", "end", "text", None)
QUOTED_SPANS = ("start", "end", "text", "spans")


def _t(name, columns, **kw):
    return Table(name=name, columns=columns, **kw)


TABLES: list[Table] = [
    _t("documents", {
        "id": TEXT, "source_file": TEXT, "title": TEXT, "title_basis": TEXT, "publisher": TEXT,
        "authors": TEXT, "kind": TEXT, "published": TEXT, "published_precision": TEXT,
        "published_earliest": TEXT, "published_latest": TEXT, "published_basis": TEXT,
        "language": TEXT, "url": TEXT, "rights": TEXT, "sha256": TEXT, "word_count": INT,
        "char_count": INT, "text": TEXT, "reviewed": INT,
    }, indexes=(("kind",), ("publisher",), ("published",), ("published_precision",), ("reviewed",)),
        fts=("title", "text"), not_null=("title", "text")),
    _t("sections", {
        "id": TEXT, "document_id": TEXT, "ordinal": INT, "parent_id": TEXT, "heading": TEXT,
        "heading_start": INT, "heading_end": INT, "level": INT, "author": TEXT,
        "author_start": INT, "author_end": INT, "affiliation": TEXT, "affiliation_start": INT,
        "affiliation_end": INT, "start": INT, "end": INT,
    }, foreign_keys=(("document_id", "documents", "id"), ("parent_id", "sections", "id")),
        indexes=(("level",), ("author",)),
        quotes=(("heading_start", "heading_end", "heading", None),
                ("author_start", "author_end", "author", None),
                ("affiliation_start", "affiliation_end", "affiliation", None))),
    _t("paragraphs", {
        "id": TEXT, "document_id": TEXT, "section_id": TEXT, "ordinal": INT, "kind": TEXT,
        "text": TEXT, "start": INT, "end": INT, "spans": TEXT, "label": TEXT,
    }, foreign_keys=(("document_id", "documents", "id"), ("section_id", "sections", "id")),
        indexes=(("kind",),), fts=("text",), quotes=(QUOTED_SPANS,), label=lambda r: f"¶{r['ordinal']} {r['text']}"),
    _t("sentences", {
        "id": TEXT, "document_id": TEXT, "paragraph_id": TEXT, "section_id": TEXT, "ordinal": INT,
        "text": TEXT, "start": INT, "end": INT, "spans": TEXT, "label": TEXT,
    }, foreign_keys=(("document_id", "documents", "id"), ("paragraph_id", "paragraphs", "id"),
                     ("section_id", "sections", "id")), quotes=(QUOTED_SPANS,), label=lambda r: r["text"]),
    # what the build could not do as usual with a document, for a person to see (a paragraph
    # too long for the sentence splitter, split by a simpler rule: segment.LONG_PARAGRAPH)
    _t("problems", {
        "id": TEXT, "document_id": TEXT, "paragraph_id": TEXT, "stage": TEXT, "problem": TEXT,
    }, foreign_keys=(("document_id", "documents", "id"), ("paragraph_id", "paragraphs", "id")),
        indexes=(("stage",),)),
    _t("boilerplate", {
        "id": TEXT, "document_id": TEXT, "start": INT, "end": INT, "text": TEXT, "rule": TEXT,
        "label": TEXT,
    }, foreign_keys=(("document_id", "documents", "id"),), indexes=(("rule",),), quotes=(QUOTED,),
        label=lambda r: f"{r['rule']}: {r['text']}"),
    _t("figures", {
        "id": TEXT, "document_id": TEXT, "label": TEXT, "caption": TEXT, "credit": TEXT,
        "url": TEXT, "alt": TEXT, "start": INT, "end": INT, "text": TEXT,
    }, foreign_keys=(("document_id", "documents", "id"),), indexes=(("credit",),), quotes=(QUOTED,)),
]

# --- curated registries: actors and places (issue 4) ---------------------------------------------
TABLES += [
    _t("actors", {
        "id": TEXT, "name": TEXT, "type": TEXT, "country": TEXT, "wikidata": TEXT,
        "description": TEXT, "parent_id": TEXT, "mention_count": INT, "document_count": INT, "reviewed": INT,
        "publisher_id": TEXT,
    }, foreign_keys=(("parent_id", "actors", "id"), ("publisher_id", "actors", "id")),
        indexes=(("type",), ("country",), ("mention_count",), ("reviewed",)),
        fts=("name", "description"), not_null=("name", "type")),
    _t("actor_aliases", {"actor_id": TEXT, "alias": TEXT}, pk=("actor_id", "alias"),
       foreign_keys=(("actor_id", "actors", "id"),), indexes=(("alias",),)),
    _t("actor_roles", {
        "id": TEXT, "actor_id": TEXT, "title": TEXT, "organization_id": TEXT, "start": TEXT, "end": TEXT,
    }, foreign_keys=(("actor_id", "actors", "id"), ("organization_id", "actors", "id")),
        indexes=(("title",),)),
    _t("places", {
        "id": TEXT, "name": TEXT, "type": TEXT, "latitude": FLOAT, "longitude": FLOAT,
        "geo_precision": TEXT, "country": TEXT, "geonames": INT, "wikidata": TEXT, "description": TEXT,
        "mention_count": INT, "document_count": INT, "popup": TEXT, "reviewed": INT,
    }, indexes=(("type",), ("country",), ("geo_precision",), ("mention_count",), ("reviewed",)),
        fts=("name", "description"),
        not_null=("name", "type")),
    _t("place_aliases", {"place_id": TEXT, "alias": TEXT}, pk=("place_id", "alias"),
       foreign_keys=(("place_id", "places", "id"),), indexes=(("alias",),)),
]

# --- footnotes, citations and works (issue 3) ----------------------------------------------------
TABLES += [
    _t("footnotes", {
        "id": TEXT, "document_id": TEXT, "number": INT, "kind": TEXT, "text": TEXT, "start": INT,
        "end": INT, "spans": TEXT, "body_marker": TEXT, "marker": TEXT, "marker_start": INT,
        "marker_end": INT, "paragraph_id": TEXT, "section_id": TEXT, "sentence_id": TEXT,
        "context": TEXT, "citation_count": INT, "problem": TEXT, "label": TEXT,
    }, foreign_keys=(("document_id", "documents", "id"), ("paragraph_id", "paragraphs", "id"),
                     ("section_id", "sections", "id"), ("sentence_id", "sentences", "id")),
        indexes=(("kind",), ("number",), ("problem",)), fts=("text",),
        quotes=(QUOTED_SPANS, ("marker_start", "marker_end", "marker", None)), not_null=("number",),
        label=lambda r: f"Note {r['number']}: {r['text'] if r.get('text') is not None else '(no body)'}"),
    _t("works", {
        "id": TEXT, "type": TEXT, "title": TEXT, "authors": TEXT, "et_al": INT, "editors": TEXT,
        "container_title": TEXT, "publisher": TEXT, "publisher_place": TEXT, "genre": TEXT,
        "issued": TEXT, "issued_precision": TEXT, "accessed": TEXT, "url": TEXT, "doi": TEXT,
        "domain": TEXT, "volume": TEXT, "issue": TEXT, "page": TEXT, "container_actor_id": TEXT,
        "publisher_actor_id": TEXT, "footnote_count": INT, "in_bibliography": INT, "csl_json": TEXT,
        "outlet_id": TEXT, "outlet": TEXT, "year": INT, "year_source": TEXT,
    }, foreign_keys=(("container_actor_id", "actors", "id"), ("publisher_actor_id", "actors", "id"),
                     ("outlet_id", "actors", "id")),
        indexes=(("type",), ("domain",), ("container_title",), ("publisher",), ("issued",),
                 ("issued_precision",), ("footnote_count",), ("outlet",), ("year",)),
        fts=("title", "container_title", "authors", "publisher"), not_null=("type", "csl_json")),
    _t("work_authors", {
        "work_id": TEXT, "role": TEXT, "position": INT, "name": TEXT, "family": TEXT,
        "given": TEXT, "literal": TEXT, "actor_id": TEXT,
    }, pk=("work_id", "role", "position"),
        foreign_keys=(("work_id", "works", "id"), ("actor_id", "actors", "id")),
        indexes=(("family",), ("role",))),
    _t("citations", {
        "id": TEXT, "document_id": TEXT, "footnote_id": TEXT, "work_id": TEXT, "position": INT,
        "text": TEXT, "start": INT, "end": INT, "spans": TEXT, "ibid": INT, "locator": TEXT,
        "repeats_citation_id": TEXT,
    }, foreign_keys=(("document_id", "documents", "id"), ("footnote_id", "footnotes", "id"),
                     ("work_id", "works", "id"), ("repeats_citation_id", "citations", "id")),
        indexes=(("ibid",),), quotes=(QUOTED_SPANS,)),
    _t("bibliography_entries", {
        "id": TEXT, "document_id": TEXT, "section_id": TEXT, "paragraph_id": TEXT, "ordinal": INT,
        "text": TEXT, "start": INT, "end": INT, "spans": TEXT, "work_id": TEXT,
    }, foreign_keys=(("document_id", "documents", "id"), ("section_id", "sections", "id"),
                     ("paragraph_id", "paragraphs", "id"), ("work_id", "works", "id")),
        quotes=(QUOTED_SPANS,)),
]

MENTION_COLUMNS = {
    "document_id": TEXT, "region": TEXT, "paragraph_id": TEXT, "footnote_id": TEXT,
    "section_id": TEXT, "sentence_id": TEXT, "start": INT, "end": INT, "surface": TEXT,
    "spans": TEXT, "prefix": TEXT, "suffix": TEXT, "sentence": TEXT, "sentence_start": INT,
    "sentence_end": INT, "method": TEXT,
    # a nested mention ("Donald Trump" in "the administration of U.S. President Donald Trump")
    # points to the mention it sits in, an actor's or a place's
    "nested_in_actor_mention_id": TEXT, "nested_in_place_mention_id": TEXT, "label": TEXT,
}
MENTION_CONTEXT = ("prefix", "suffix", 32)  # the characters around a mention, for reading it in place
MENTION_FKS = (("document_id", "documents", "id"), ("paragraph_id", "paragraphs", "id"),
               ("footnote_id", "footnotes", "id"), ("section_id", "sections", "id"),
               ("sentence_id", "sentences", "id"), ("nested_in_actor_mention_id", "actor_mentions", "id"),
               ("nested_in_place_mention_id", "place_mentions", "id"))
TABLES += [
    _t("actor_mentions", {"id": TEXT, "actor_id": TEXT, **MENTION_COLUMNS},
       foreign_keys=(("actor_id", "actors", "id"),) + MENTION_FKS,
       # (actor_id, document_id, start): an actor's mentions in reading order without a sort
       indexes=(("region",), ("method",), ("document_id", "sentence_start"),
                ("actor_id", "document_id", "start")),
       quotes=(("start", "end", "surface", "spans"),), label=lambda r: r["surface"],
       context=MENTION_CONTEXT),
    _t("place_mentions", {"id": TEXT, "place_id": TEXT, **MENTION_COLUMNS},
       foreign_keys=(("place_id", "places", "id"),) + MENTION_FKS,
       indexes=(("region",), ("method",), ("document_id", "sentence_start")),
       quotes=(("start", "end", "surface", "spans"),), label=lambda r: r["surface"],
       context=MENTION_CONTEXT),
]

# --- names no registry holds: entity candidates (issue 14) -----------------------------------------
TABLES += [
    _t("entity_candidates", {
        "id": TEXT, "name": TEXT, "type": TEXT, "type_evidence": TEXT, "country": TEXT, "geonames": INT,
        "latitude": FLOAT, "longitude": FLOAT, "mention_count": INT, "document_count": INT, "status": TEXT,
    }, indexes=(("type",), ("country",), ("status",), ("mention_count",)), fts=("name",),
        not_null=("name", "type", "status")),
    _t("entity_candidate_mentions", {
        "id": TEXT, "candidate_id": TEXT, "document_id": TEXT, "region": TEXT, "paragraph_id": TEXT,
        "footnote_id": TEXT, "section_id": TEXT, "start": INT, "end": INT, "surface": TEXT, "label": TEXT,
    }, foreign_keys=(("candidate_id", "entity_candidates", "id"), ("document_id", "documents", "id"),
                     ("paragraph_id", "paragraphs", "id"), ("footnote_id", "footnotes", "id"),
                     ("section_id", "sections", "id")),
        indexes=(("region",), ("document_id", "start")), quotes=(("start", "end", "surface", None),),
        label=lambda r: r["surface"]),
]

TABLES += [
    _t("actor_mentions_by_document", {
        "actor_id": TEXT, "document_id": TEXT, "mentions": INT, "first_start": INT,
    }, pk=("actor_id", "document_id"),
        foreign_keys=(("actor_id", "actors", "id"), ("document_id", "documents", "id")),
        indexes=(("mentions",),)),
    _t("actor_co_mentions", {
        "actor_id": TEXT, "other_actor_id": TEXT, "sentences": INT, "documents": INT,
        "first_document_id": TEXT,
    }, pk=("actor_id", "other_actor_id"),
        foreign_keys=(("actor_id", "actors", "id"), ("other_actor_id", "actors", "id"),
                      ("first_document_id", "documents", "id")), indexes=(("sentences",),)),
    _t("unmatched_names", {
        "id": INT, "surface": TEXT, "status": TEXT, "reason": TEXT, "count": INT,
        "document_count": INT, "documents": TEXT, "example": TEXT,
    }, indexes=(("status",), ("count",))),
]

# --- dates and events (issue 5) ------------------------------------------------------------------
DATE_COLUMNS = {"date_start": TEXT, "date_end": TEXT, "date_precision": TEXT}
TABLES += [
    _t("date_mentions", {
        "id": TEXT, "document_id": TEXT, "region": TEXT, "paragraph_id": TEXT, "footnote_id": TEXT,
        "figure_id": TEXT, "boilerplate_id": TEXT,
        "start": INT, "end": INT, "phrase": TEXT, "spans": TEXT, "kind": TEXT, **DATE_COLUMNS,
        "edtf": TEXT, "basis": TEXT, "relative_to_event_id": TEXT, "relative_to_mention_id": TEXT,
        # issue 15: the span above is the expression as TimeML draws it (no leading "in", "on",
        # "since"); the phrase as written, with it, is kept beside it. timex_type/timex_value: the
        # TIMEX3 reading (DATE 2025-12, DURATION P90D, SET XXXX-WXX-1, DATE PRESENT_REF);
        # direction/direction_cue: which way a date without a year points, and the words that say so.
        "written_start": INT, "written": TEXT, "written_spans": TEXT, "qualifier": TEXT,
        "timex_type": TEXT, "timex_value": TEXT, "direction": TEXT, "direction_cue": TEXT,
        # a range is one TIMEX3 per end (TimeML): each end is a row of the range's kind whose
        # range_id is the range's row (which keeps the EDTF interval and no single value)
        "range_id": TEXT,
    }, foreign_keys=(("document_id", "documents", "id"), ("paragraph_id", "paragraphs", "id"),
                     ("footnote_id", "footnotes", "id"), ("figure_id", "figures", "id"),
                     ("boilerplate_id", "boilerplate", "id"), ("relative_to_mention_id", "date_mentions", "id"),
                     ("relative_to_event_id", "events", "id"), ("range_id", "date_mentions", "id")),
        indexes=(("kind",), ("basis",), ("date_precision",), ("date_start",), ("timex_type",)),
        quotes=(("start", "end", "phrase", "spans"), ("written_start", "end", "written", "written_spans"))),
    _t("events", {
        "id": TEXT, "summary": TEXT, "event_type": TEXT, **DATE_COLUMNS, "edtf": TEXT,
        "date_basis": TEXT, "date_phrase": TEXT, "date_source_id": TEXT, "date_note": TEXT, "place_id": TEXT,
        "latitude": FLOAT, "longitude": FLOAT, "geo_precision": TEXT, "source_count": INT,
        "document_count": INT, "documents": TEXT, "actor_ids": TEXT, "place_ids": TEXT, "popup": TEXT,
        "sort_date": TEXT, "reviewed": INT,
        # names beside the ids, and the states the actors roll up to (Named, issue 17)
        "place_name": TEXT, "actor_names": TEXT, "place_names": TEXT, "state_ids": TEXT, "state_names": TEXT,
    }, named=(Named("place_name", "place_id", "places"), Named("actor_names", "actor_ids"),
              Named("place_names", "place_ids", "places"), Named("state_ids", "actor_ids", states=True),
              Named("state_names", "state_ids")),
        foreign_keys=(("place_id", "places", "id"), ("date_source_id", "event_sources", "id")),
        indexes=(("event_type",), ("date_start",), ("date_precision",), ("date_basis",),
                 ("document_count",), ("sort_date", "id"), ("reviewed",)),
        fts=("summary",), not_null=("summary", "event_type")),
    _t("event_sources", {
        "id": TEXT, "event_id": TEXT, "document_id": TEXT, "paragraph_id": TEXT, "footnote_id": TEXT,
        "figure_id": TEXT,
        "quote": TEXT, "start": INT, "end": INT, "spans": TEXT, "date_phrase": TEXT,
        "date_mention_id": TEXT, "date_basis": TEXT, **DATE_COLUMNS, "edtf": TEXT, "date_bound": TEXT,
        "relative_to_event_id": TEXT, "label": TEXT, "reviewed": INT,
    }, foreign_keys=(("event_id", "events", "id"), ("document_id", "documents", "id"),
                     ("paragraph_id", "paragraphs", "id"), ("footnote_id", "footnotes", "id"),
                     ("figure_id", "figures", "id"),
                     ("date_mention_id", "date_mentions", "id"),
                     ("relative_to_event_id", "events", "id")),
        indexes=(("date_basis",), ("date_precision",)), fts=("quote",),
        quotes=(("start", "end", "quote", "spans"),), label=lambda r: r["quote"]),
    _t("event_actors", {"event_id": TEXT, "actor_id": TEXT, "role": TEXT},
       pk=("event_id", "actor_id", "role"),
       foreign_keys=(("event_id", "events", "id"), ("actor_id", "actors", "id")), indexes=(("role",),)),
    _t("event_places", {"event_id": TEXT, "place_id": TEXT, "ordinal": INT}, pk=("event_id", "place_id"),
       foreign_keys=(("event_id", "events", "id"), ("place_id", "places", "id"))),
    _t("event_links", {"event_id": TEXT, "related_event_id": TEXT, "relation": TEXT, "note": TEXT},
       pk=("event_id", "related_event_id", "relation"),
       foreign_keys=(("event_id", "events", "id"), ("related_event_id", "events", "id")),
       indexes=(("relation",),)),
]

# --- recommendations, quotations and numeric claims (issue 6) -------------------------------------
QUOTED_SPAN = ("start", "end", "quote", "spans")
TABLES += [
    _t("recommendations", {
        "id": TEXT, "document_id": TEXT, "section_id": TEXT, "paragraph_id": TEXT, "author_id": TEXT,
        "summary": TEXT, "quote": TEXT, "start": INT, "end": INT, "spans": TEXT, "theme": TEXT,
        "strength": TEXT, "addressee_ids": TEXT, "candidate_id": TEXT, "finder_miss": TEXT, "reviewed": INT,
        "author_name": TEXT, "addressee_names": TEXT,
    }, named=(Named("author_name", "author_id"), Named("addressee_names", "addressee_ids")),
        foreign_keys=(("document_id", "documents", "id"), ("section_id", "sections", "id"),
                     ("paragraph_id", "paragraphs", "id"), ("author_id", "actors", "id"),
                     ("candidate_id", "recommendation_candidates", "id")),
        indexes=(("theme",), ("strength",), ("reviewed",)), fts=("summary", "quote"), quotes=(QUOTED_SPAN,),
        not_null=("summary", "quote")),
    _t("recommendation_addressees", {"recommendation_id": TEXT, "actor_id": TEXT},
       pk=("recommendation_id", "actor_id"),
       foreign_keys=(("recommendation_id", "recommendations", "id"), ("actor_id", "actors", "id"))),
    _t("recommendation_candidates", {
        "id": TEXT, "document_id": TEXT, "section_id": TEXT, "paragraph_id": TEXT, "sentence": TEXT,
        "start": INT, "end": INT, "spans": TEXT, "cue": TEXT, "strength": TEXT, "score": FLOAT,
        "reason": TEXT, "status": TEXT, "recommendation_id": TEXT, "rejection_reason": TEXT, "label": TEXT,
    }, foreign_keys=(("document_id", "documents", "id"), ("section_id", "sections", "id"),
                     ("paragraph_id", "paragraphs", "id"), ("recommendation_id", "recommendations", "id")),
        indexes=(("status",), ("strength",)), quotes=(("start", "end", "sentence", "spans"),),
        label=lambda r: r["sentence"]),
    _t("quotations", {
        "id": TEXT, "document_id": TEXT, "paragraph_id": TEXT, "sentence_id": TEXT, "speaker_id": TEXT,
        "speaker_label": TEXT, "quote": TEXT, "start": INT, "end": INT, "spans": TEXT, "kind": TEXT,
        "nested_in_id": TEXT, "attribution": TEXT, "verb": TEXT, "speaker_ids": TEXT, "label": TEXT,
        "speaker_names": TEXT,
        # a transcript's turn (kind "turn"): its number in the document (one per label; the
        # paragraphs of one turn share it) and the speaker label as written ("Q (Ryukyu Shimpo)")
        "turn": INT, "turn_label": TEXT,
    }, named=(Named("speaker_names", "speaker_ids"),),
        foreign_keys=(("document_id", "documents", "id"), ("paragraph_id", "paragraphs", "id"),
                     ("sentence_id", "sentences", "id"), ("speaker_id", "actors", "id"),
                     ("nested_in_id", "quotations", "id")),
        indexes=(("kind",), ("attribution",), ("speaker_id", "document_id", "start")), fts=("quote",),
        quotes=(QUOTED_SPAN,), label=lambda r: f"“{r['quote']}”"),
    # every speaker of a quotation ("Koizumi and Hegseth ... expressed"), in the order named
    _t("quotation_speakers", {"quotation_id": TEXT, "actor_id": TEXT, "position": INT},
       pk=("quotation_id", "actor_id"),
       foreign_keys=(("quotation_id", "quotations", "id"), ("actor_id", "actors", "id")),
       indexes=(("actor_id", "quotation_id"),)),
    # every span between quotation marks in the body text: a quotation, or discarded with a reason
    _t("quotation_candidates", {
        "id": TEXT, "document_id": TEXT, "paragraph_id": TEXT, "sentence_id": TEXT, "quote": TEXT,
        "start": INT, "end": INT, "spans": TEXT, "kind": TEXT, "status": TEXT, "quotation_id": TEXT,
        "reason": TEXT,
    }, foreign_keys=(("document_id", "documents", "id"), ("paragraph_id", "paragraphs", "id"),
                     ("sentence_id", "sentences", "id"), ("quotation_id", "quotations", "id")),
        indexes=(("status",),), quotes=(QUOTED_SPAN,)),
    _t("quantities", {
        "id": TEXT, "document_id": TEXT, "region": TEXT, "paragraph_id": TEXT, "footnote_id": TEXT,
        "sentence_id": TEXT, "value": FLOAT, "value_max": FLOAT, "unit": TEXT, "currency": TEXT,
        "year": INT, "base_year": INT, "kind": TEXT, "approx": INT, "qualifier": TEXT, "out_of": FLOAT,
        "subject_id": TEXT, "subject_method": TEXT, "quote": TEXT, "start": INT, "end": INT,
        "spans": TEXT, "description": TEXT, "location": TEXT, "citation_id": TEXT,
    }, foreign_keys=(("document_id", "documents", "id"), ("paragraph_id", "paragraphs", "id"),
                     ("footnote_id", "footnotes", "id"), ("sentence_id", "sentences", "id"),
                     ("subject_id", "actors", "id"), ("citation_id", "citations", "id")),
        indexes=(("unit",), ("kind",), ("currency",), ("region",), ("location",)), quotes=(QUOTED_SPAN,)),
]

TABLES_BY_NAME = {t.name: t for t in TABLES}
# table -> (the column that marks a row as a part of another row of the table, not a thing of its
# own; what such rows are): a count of the table's things (the build's summary, a document's page)
# leaves them out. The ends of a date range are rows (TimeML: a TIMEX3 each) beside the range's row.
PART_OF = {"date_mentions": ("range_id", "range ends")}


class Row(Mapping):
    """A row of one declared table held in slots, one for each column: read and written like the
    dict it stands for (``row["start"]``, ``row.get("spans")``, ``row["label"] = ...``), with
    every column present (None until set), at a quarter of a dict's size. For the tables whose
    rows come by the hundred thousand from one long document (sentences, mentions), where the
    dicts were most of a build's memory. Made by :func:`row_type`."""

    __slots__ = ()
    columns: tuple = ()
    column_set: frozenset = frozenset()
    getters: dict = {}  # column -> its reader (``row[c]`` is read once a row per mention in a long text)
    table: str = ""

    def __getitem__(self, key):  # an unknown column: KeyError(key), from the mapping of getters
        return self.getters[key](self)

    def get(self, key, default=None):
        return getattr(self, key) if key in self.column_set else default

    def __setitem__(self, key, value):
        if key not in self.column_set:
            raise KeyError(f"{key!r} is no column of {type(self).__name__}")
        setattr(self, key, value)

    def __reduce__(self):  # pickled by table and values (the classes are made at run time)
        return _make_row, (self.table, tuple(getattr(self, c) for c in self.columns))

    def __iter__(self):
        return iter(self.columns)

    def __len__(self):
        return len(self.columns)

    def __contains__(self, key):
        return key in self.column_set

    def __eq__(self, other):
        if type(other) is type(self):  # column by column, not through two dicts as Mapping does
            return all(getattr(self, c) == getattr(other, c) for c in self.columns)
        return Mapping.__eq__(self, other)

    __hash__ = None  # a row is mutable, like the dict it stands for

    def __repr__(self):
        return f"{type(self).__name__}({dict(self)!r})"


_ROW_TYPES: dict = {}


def row_type(table_name: str) -> type:
    """The :class:`Row` class of a declared table: ``row_type("sentences")(id=..., text=...)``
    makes a row with the given columns set and the others None (an unknown column is an error, as
    ``load.prepare`` makes it for a dict)."""
    found = _ROW_TYPES.get(table_name)
    if found is None:
        columns = tuple(TABLES_BY_NAME[table_name].columns)
        clash = [c for c in columns if not c.isidentifier() or hasattr(Row, c)]
        if clash:
            raise ValueError(f"{table_name}: columns {clash} cannot be the slots of a Row")
        # generated like a dataclass's __init__: keyword arguments, each a column, None by default
        source = (f"def __init__(self, *, {', '.join(f'{c}=None' for c in columns)}):\n"
                  + "".join(f"    self.{c} = {c}\n" for c in columns))
        namespace: dict = {}
        exec(source, namespace)  # noqa: S102 - the columns are declared names, checked above
        found = _ROW_TYPES[table_name] = type(f"{table_name}_row", (Row,), {
            "__slots__": columns, "__init__": namespace["__init__"], "columns": columns,
            "table": table_name, "column_set": frozenset(columns),
            "getters": {c: operator.attrgetter(c) for c in columns}, "__module__": __name__})
    return found


def _make_row(table_name: str, values: tuple) -> Row:
    """A :class:`Row` of a table from its values in column order (for pickle)."""
    return row_type(table_name)(**dict(zip(row_type(table_name).columns, values)))

# Views: name -> SQL. Declared here so the whole shape of the database is in one place.
VIEWS: dict[str, str] = {
    # every way to name an actor (id, name, alias), lower-cased: canned queries take any of them
    "actor_lookup": (
        "select id as actor_id, lower(id) as key, 'id' as form from actors "
        "union select id, lower(name), 'name' from actors "
        "union select actor_id, lower(alias), 'alias' from actor_aliases"),
}


def short_label(text) -> str | None:
    """``text`` on one line, cut at a word to at most :data:`LABEL_CHARS` characters (with …)."""
    if text is None:
        return None
    if type(text) is str and len(text) <= LABEL_CHARS and text.isprintable() and "  " not in text \
            and text[:1] != " " and text[-1:] != " ":
        return text  # on one line already, single-spaced (the common case: a name): as it is
    text = " ".join(str(text).split())
    if len(text) <= LABEL_CHARS:
        return text
    cut = text[:LABEL_CHARS - 1]
    if " " in cut[LABEL_CHARS // 2:]:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def create_tables(db):
    """Create every declared table, empty, with primary and foreign keys.

    A key may point at a table declared further down (an event's dating source is one of its
    event_sources rows): sqlite-utils creates a key only to a table that exists, so such keys
    are added once every table is there.
    """
    created, later = set(), []
    for table in TABLES:
        if table.name in db.table_names():
            db[table.name].drop()
        now = [fk for fk in table.foreign_keys if fk[1] in created or fk[1] == table.name]
        later += [(table.name, fk) for fk in table.foreign_keys if fk not in now]
        db[table.name].create(
            table.columns,
            pk=table.pk,
            foreign_keys=now,
            not_null=set(table.not_null),
        )
        created.add(table.name)
    for name, (column, other, other_column) in later:
        db[name].add_foreign_key(column, other, other_column)


def finish(db):
    """Indexes on every foreign key and declared column, FTS, views: run after loading rows."""
    for table in TABLES:
        seen = set()
        for cols in [(c,) for c in table.fk_columns] + list(table.indexes):
            if cols in seen:
                continue
            seen.add(cols)
            db[table.name].create_index(list(cols), if_not_exists=True)
        if table.fts:
            db[table.name].enable_fts(list(table.fts), tokenize="porter", create_triggers=False,
                                      replace=True)
    for name, sql in VIEWS.items():
        db.create_view(name, sql, replace=True)


def ensure_db_shape(db):
    """Create tables that do not exist yet and (re)build indexes, FTS and views."""
    for table in TABLES:
        if table.name not in db.table_names():
            db[table.name].create(table.columns, pk=table.pk, foreign_keys=list(table.foreign_keys),
                                  not_null=set(table.not_null))
    finish(db)
