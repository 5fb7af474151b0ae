"""Entity cards: what a row page of an entity shows first, before its raw columns (issue 17).

A card is plain data for ``templates/row.html``: a ``title``, a ``kind`` line, ``facts``
(label, HTML) and ``lists`` of related rows as labelled links (label, items, an optional
"more" link to the full list). One builder per entity table (:data:`BUILDERS`); every other
table keeps Datasette's own row page. Everything shown comes from the database and is
escaped (links are built from ids, never taken from the texts).
"""

from __future__ import annotations

import calendar
from urllib.parse import urlencode

from markupsafe import Markup

from .labels import DATABASE, row_href

LIST_LIMIT = 25  # related rows shown on a card; the rest behind a "more" link


# --- dates as people write them ------------------------------------------------------------

def date_words(value: str | None) -> str:
    """``2025-12-09`` -> "9 December 2025", ``2025-12`` -> "December 2025", ``2025`` -> "2025"."""
    if not value:
        return ""
    parts = str(value).split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {calendar.month_name[int(parts[1])]} {parts[0]}"
        if len(parts) == 2:
            return f"{calendar.month_name[int(parts[1])]} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return str(value)


def human_date(start, end, precision) -> str:
    """A date as precisely as it is known, in words: "9 December 2025", "March 2022",
    "from 19 February 1945 to 26 March 1945", "before 17 December 2023", "about 2025"."""
    a, b = date_words(start), date_words(end)
    if precision in ("day", "month", "year"):
        return a if not b or a == b else f"{a} to {b}"
    if precision == "range":
        if a and b and a != b:
            return f"from {a} to {b}"
        return f"since {a}" if a else (f"until {b}" if b else "")
    if precision == "approximate":
        return f"about {a or b}"
    if precision == "uncertain":
        if a and b and a != b:
            return f"between {a} and {b}"
        if b and not a:
            return f"before {b}"
        if a and not b:
            return f"after {a}"
        return a
    return a if not b or a == b else f"{a} to {b}"


# --- building blocks -----------------------------------------------------------------------

def link(datasette, table: str, pk, text) -> Markup:
    return Markup('<a href="{}">{}</a>').format(row_href(datasette, table, pk), text if text else pk)


def item(datasette, table: str, pk, text, note=None) -> Markup:
    """A related row: its label linked, a note after it ("speaker", "9 December 2025")."""
    out = link(datasette, table, pk, text)
    if note:
        out += Markup(' <span class="ar-note">{}</span>').format(note)
    return out


def query_href(datasette, query: str, **params) -> str:
    return datasette.urls.database(DATABASE) + f"/{query}?" + urlencode(params)


def table_href(datasette, table: str, **params) -> str:
    return datasette.urls.table(DATABASE, table) + ("?" + urlencode(params) if params else "")


def external(url, text=None) -> Markup | None:
    """A link to a web page (None for anything but an http(s) URL)."""
    if not url or not str(url).startswith(("http://", "https://")):
        return None
    return Markup('<a href="{}" rel="nofollow">{}</a>').format(url, text or url)


class Card:
    def __init__(self, title, kind):
        self.title, self.kind = title, kind
        self.facts: list = []
        self.lists: list = []
        self.links: list = []  # (text, href): queries and tables about this row
        self.map = None  # {"lat", "lon"}: a small map in the card

    def fact(self, label: str, value):
        if value not in (None, "", []):
            self.facts.append({"label": label, "html": value if isinstance(value, Markup)
                               else Markup("{}").format(value)})

    def related(self, label: str, items: list, total: int | None = None, more: str | None = None,
                folded: bool = False):
        """A list of related rows; ``folded`` behind its heading (a document's lists, so that its
        text starts on the first screen)."""
        if items:
            total = len(items) if total is None else total
            self.lists.append({"label": label, "items": items[:LIST_LIMIT], "total": total, "more": more,
                               "folded": folded})

    def as_dict(self):
        return {"title": self.title, "kind": self.kind, "facts": self.facts, "lists": self.lists,
                "links": [{"text": t, "href": h} for t, h in self.links], "map": self.map}


async def rows(db, sql, params) -> list:
    return [dict(r) for r in await db.execute(sql, params)]


async def one(db, table, pk) -> dict | None:
    found = await rows(db, f"select * from [{table}] where id = ?", [pk])
    return found[0] if found else None


def joined(items: list) -> Markup:
    return Markup('<span class="ar-sep">, </span>').join(items)


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def event_items(datasette, events: list, also: str | None = None) -> list:
    """Events as linked summaries, each with its date in words (and the column ``also``)."""
    return [item(datasette, "events", e["id"], e["summary"],
                 " · ".join(x for x in (human_date(e["date_start"], e["date_end"], e["date_precision"]),
                                        e.get(also) if also else None) if x)) for e in events]


def registry_facts(card, r):
    """What an actor's and a place's cards both say: the Wikidata item, how often it is named."""
    if r["wikidata"]:
        card.fact("Wikidata", external(f"https://www.wikidata.org/wiki/{r['wikidata']}"))
    card.fact("Mentioned", f"{r['mention_count'] or 0:,} times in {r['document_count'] or 0:,} documents")


# --- one builder per entity table ----------------------------------------------------------

async def event_card(datasette, db, r) -> Card:
    card = Card(r["summary"], f"Event · {r['event_type']}")
    when = human_date(r["date_start"], r["date_end"], r["date_precision"])
    if when:
        card.fact("When", Markup('{} <span class="ar-note">({} precision; EDTF {})</span>').format(
            when, r["date_precision"], r["edtf"] or "—"))
    if r["date_phrase"]:
        card.fact("Date as written", Markup("“{}” <span class=\"ar-note\">({})</span>").format(
            r["date_phrase"], (r["date_basis"] or "").replace("-", " ")))
    places = await rows(db, "select p.id, p.name from event_places ep join places p on p.id = ep.place_id "
                            "where ep.event_id = ? order by ep.ordinal", [r["id"]])
    card.fact("Where", joined([link(datasette, "places", p["id"], p["name"]) for p in places]))
    actors = await rows(db, "select a.id, a.name, group_concat(ea.role, ', ') as roles from event_actors ea "
                            "join actors a on a.id = ea.actor_id where ea.event_id = ? group by a.id "
                            "order by min(case ea.role when 'initiator' then 0 when 'speaker' then 1 "
                            "when 'participant' then 2 else 3 end), a.name", [r["id"]])
    card.fact("Who", joined([item(datasette, "actors", a["id"], a["name"], a["roles"]) for a in actors]))
    if r.get("state_names"):
        card.fact("States involved", r["state_names"])
    docs = await rows(db, "select d.id, d.title, d.publisher, count(*) as n from event_sources s "
                          "join documents d on d.id = s.document_id where s.event_id = ? group by d.id "
                          "order by d.published", [r["id"]])
    card.fact("Reported by", joined([item(datasette, "documents", d["id"], d["title"], d["publisher"])
                                     for d in docs]))
    if r["latitude"] is not None:
        card.map = {"lat": float(r["latitude"]), "lon": float(r["longitude"])}
        card.fact("On the map", Markup('<a href="{}">{:.3f}, {:.3f}</a> <span class="ar-note">({})</span>').format(
            table_href(datasette, "events", id=r["id"]), r["latitude"], r["longitude"],
            r["geo_precision"] or "at its first place"))
    links = await rows(db, "select l.relation, l.note, e.id, e.summary, 'this event: ' || l.relation as how "
                           "from event_links l join events e on e.id = l.related_event_id where l.event_id = ? "
                           "union all select l.relation, l.note, e.id, e.summary, 'linked as ' || l.relation || ' from' "
                           "from event_links l join events e on e.id = l.event_id where l.related_event_id = ?",
                       [r["id"], r["id"]])
    card.related("Linked events", [item(datasette, "events", x["id"], x["summary"], x["how"]) for x in links])
    card.links.append(("the chain of linked events", query_href(datasette, "linked_events", event=r["id"])))
    return card


async def actor_card(datasette, db, r) -> Card:
    card = Card(r["name"], f"Actor · {r['type']}" + (f" · {r['country']}" if r["country"] else ""))
    card.fact("About", r["description"])
    if r["parent_id"]:
        parent = await one(db, "actors", r["parent_id"])
        card.fact("Part of", link(datasette, "actors", r["parent_id"], parent and parent["name"]))
    roles = await rows(db, "select ro.title, ro.start, ro.end, ro.organization_id, o.name as org from actor_roles ro "
                           "left join actors o on o.id = ro.organization_id where ro.actor_id = ? order by ro.start desc",
                       [r["id"]])
    card.fact("Roles", joined([
        Markup("{}{}{}").format(ro["title"], Markup(", ") + link(datasette, "actors", ro["organization_id"], ro["org"])
                               if ro["organization_id"] else "",
                               Markup(' <span class="ar-note">({})</span>').format(
                                   "since " + date_words(ro["start"]) if not ro["end"]
                                   else f"{date_words(ro['start'])} – {date_words(ro['end'])}")
                               if ro["start"] else "") for ro in roles]))
    aliases = [a["alias"] for a in await rows(db, "select alias from actor_aliases where actor_id = ? order by alias",
                                              [r["id"]])]
    card.fact("Also written", "; ".join(aliases))
    registry_facts(card, r)
    events = await rows(db, "select e.id, e.summary, e.date_start, e.date_end, e.date_precision, "
                            "group_concat(ea.role, ', ') as roles from event_actors ea join events e on e.id = ea.event_id "
                            "where ea.actor_id = ? group by e.id order by e.sort_date, e.id", [r["id"]])
    card.related("Events", event_items(datasette, events, "roles"),
                 more=query_href(datasette, "events_of_actor", actor=r["id"], **{"from": "", "to": ""}))
    quotes = await rows(db, "select q.id, q.label, q.quote, d.title from quotation_speakers s join quotations q "
                            "on q.id = s.quotation_id join documents d on d.id = q.document_id where s.actor_id = ? "
                            "order by d.published, q.start", [r["id"]])
    card.related("Quotations", [item(datasette, "quotations", q["id"], q["label"] or q["quote"][:80], q["title"])
                                for q in quotes], more=query_href(datasette, "actor_quoted", actor=r["id"]))
    by = await rows(db, "select id, summary, theme from recommendations where author_id = ? order by id", [r["id"]])
    card.related("Recommends", [item(datasette, "recommendations", x["id"], x["summary"], x["theme"]) for x in by])
    to = await rows(db, "select x.id, x.summary, x.author_name from recommendation_addressees ra join recommendations x "
                        "on x.id = ra.recommendation_id where ra.actor_id = ? order by x.id", [r["id"]])
    card.related("Recommendations addressed to it", [
        item(datasette, "recommendations", x["id"], x["summary"], x["author_name"] and f"by {x['author_name']}")
        for x in to])
    co = await rows(db, "select a.id, a.name, c.sentences, c.documents from actor_co_mentions c join actors a "
                        "on a.id = c.other_actor_id where c.actor_id = ? order by c.sentences desc, a.name", [r["id"]])
    card.related("Named in the same sentences as", [
        item(datasette, "actors", a["id"], a["name"], plural(a["sentences"], "sentence"))
        for a in co], more=table_href(datasette, "actor_co_mentions", actor_id=r["id"]))
    parts = await rows(db, "select id, name, type from actors where parent_id = ? order by name", [r["id"]])
    card.related("Parts of it", [item(datasette, "actors", p["id"], p["name"], p["type"]) for p in parts])
    docs = await rows(db, "select d.id, d.title, m.mentions from actor_mentions_by_document m join documents d "
                          "on d.id = m.document_id where m.actor_id = ? order by m.mentions desc", [r["id"]])
    card.related("Documents that name it", [
        item(datasette, "documents", d["id"], d["title"], plural(d["mentions"], "mention"))
        for d in docs])
    card.links += [("profile: everything it said and did", query_href(datasette, "actor_profile", actor=r["id"])),
                   ("every mention", table_href(datasette, "actor_mentions", actor_id=r["id"]))]
    return card


async def place_card(datasette, db, r) -> Card:
    card = Card(r["name"], f"Place · {r['type']}" + (f" · {r['country']}" if r["country"] else ""))
    card.fact("About", r["description"])
    if r["latitude"] is not None:
        card.map = {"lat": float(r["latitude"]), "lon": float(r["longitude"])}
        card.fact("Coordinates", Markup('{:.4f}, {:.4f} <span class="ar-note">({})</span> · '
                                        '<a href="{}">on the map</a> · {}').format(
            r["latitude"], r["longitude"], r["geo_precision"] or "point", table_href(datasette, "places", id=r["id"]),
            external(f"https://www.openstreetmap.org/?mlat={r['latitude']}&mlon={r['longitude']}#map=7/"
                     f"{r['latitude']}/{r['longitude']}", "OpenStreetMap")))
    if r["geonames"]:
        card.fact("GeoNames", external(f"https://www.geonames.org/{r['geonames']}"))
    registry_facts(card, r)
    events = await rows(db, "select e.id, e.summary, e.date_start, e.date_end, e.date_precision from event_places ep "
                            "join events e on e.id = ep.event_id where ep.place_id = ? group by e.id "
                            "order by e.sort_date, e.id", [r["id"]])
    card.related("Events here", event_items(datasette, events))
    docs = await rows(db, "select d.id, d.title, count(*) as n from place_mentions m join documents d "
                          "on d.id = m.document_id where m.place_id = ? group by d.id order by n desc", [r["id"]])
    card.related("Documents that name it", [
        item(datasette, "documents", d["id"], d["title"], plural(d["n"], "mention")) for d in docs])
    if r["latitude"] is not None:
        card.links.append(("events within 300 km", query_href(datasette, "events_near_place", place=r["id"], km="300")))
    card.links.append(("everything about it", query_href(datasette, "everything_about", q=r["name"])))
    return card


async def document_card(datasette, db, r) -> Card:
    card = Card(r["title"], f"Document · {r['kind']}" + (f" · {r['publisher']}" if r["publisher"] else ""))
    card.fact("Published", Markup('{} <span class="ar-note">({} precision)</span>').format(
        human_date(r["published"], None, r["published_precision"]), r["published_precision"]))
    card.fact("Authors", r["authors"])
    card.fact("Source", external(r["url"]))
    card.fact("Length", f"{r['word_count'] or 0:,} words")
    card.fact("Rights", r["rights"])
    events = await rows(db, "select e.id, e.summary, e.date_start, e.date_end, e.date_precision from event_sources s "
                            "join events e on e.id = s.event_id where s.document_id = ? group by e.id "
                            "order by e.sort_date, e.id", [r["id"]])
    card.related("Events it reports", event_items(datasette, events), folded=True)
    actors = await rows(db, "select a.id, a.name, m.mentions from actor_mentions_by_document m join actors a "
                            "on a.id = m.actor_id where m.document_id = ? order by m.mentions desc, a.name", [r["id"]])
    card.related("Actors it names most", [item(datasette, "actors", a["id"], a["name"], str(a["mentions"]))
                                          for a in actors[:12]], total=len(actors),
                 more=table_href(datasette, "actor_mentions_by_document", document_id=r["id"]), folded=True)
    card.links.append(("read the text", "#text"))
    return card


async def recommendation_card(datasette, db, r) -> Card:
    card = Card(r["summary"], "Recommendation" + "".join(f" · {x}" for x in (r["theme"], r["strength"]) if x))
    if r["author_id"]:
        card.fact("By", link(datasette, "actors", r["author_id"], r["author_name"]))
    to = await rows(db, "select a.id, a.name from recommendation_addressees ra join actors a on a.id = ra.actor_id "
                        "where ra.recommendation_id = ? order by a.name", [r["id"]])
    card.fact("Addressed to", joined([link(datasette, "actors", a["id"], a["name"]) for a in to]))
    await _in_document(datasette, db, card, r)
    return card


async def quotation_card(datasette, db, r) -> Card:
    card = Card(Markup("“{}”").format(r["quote"]), "Quotation" + (f" · {r['kind']}" if r["kind"] else ""))
    speakers = await rows(db, "select a.id, a.name from quotation_speakers s join actors a on a.id = s.actor_id "
                              "where s.quotation_id = ? order by s.position", [r["id"]])
    who = joined([link(datasette, "actors", a["id"], a["name"]) for a in speakers]) if speakers else r["speaker_label"]
    card.fact("Said by", who or "unattributed")
    if r["verb"]:
        card.fact("Reported as", r["verb"])
    if r["nested_in_id"]:
        card.fact("Inside", link(datasette, "quotations", r["nested_in_id"], "the quotation around it"))
    await _in_document(datasette, db, card, r)
    return card


async def _in_document(datasette, db, card, r):
    doc = await one(db, "documents", r["document_id"])
    if doc:
        card.fact("In", item(datasette, "documents", doc["id"], doc["title"],
                             ", ".join(x for x in (doc["publisher"], date_words(doc["published"])) if x)))


async def work_card(datasette, db, r) -> Card:
    untitled = r["container_title"] or r["outlet"] or r["publisher"] or r["id"]
    card = Card(r["title"] or f"{untitled} (untitled)", f"Cited work · {r['type']}" + (f" · {r['year']}" if r["year"] else ""))
    authors = await rows(db, "select name, role, actor_id from work_authors where work_id = ? order by role, position",
                         [r["id"]])
    card.fact("By", joined([link(datasette, "actors", a["actor_id"], a["name"]) if a["actor_id"] else
                            Markup("{}").format(a["name"]) for a in authors if a["role"] == "author"]))
    card.fact("In", ", ".join(x for x in (r["container_title"], r["publisher"]) if x))
    if r["outlet_id"]:
        card.fact("Outlet", link(datasette, "actors", r["outlet_id"], r["outlet"]))
    card.fact("Issued", human_date(r["issued"], None, r["issued_precision"]))
    card.fact("Online", external(r["url"]))
    if r["doi"]:
        card.fact("DOI", external(f"https://doi.org/{r['doi']}"))
    cited = await rows(db, "select c.id, c.footnote_id, f.number, d.title, d.id as document_id from citations c "
                           "join footnotes f on f.id = c.footnote_id join documents d on d.id = c.document_id "
                           "where c.work_id = ? order by d.id, c.start", [r["id"]])
    card.related("Cited in", [item(datasette, "footnotes", c["footnote_id"], f"note {c['number']}", c["title"])
                              for c in cited])
    card.links.append(("everything it supports", query_href(datasette, "work_supports", work=r["id"])))
    return card


BUILDERS = {"events": event_card, "actors": actor_card, "places": place_card, "documents": document_card,
            "recommendations": recommendation_card, "quotations": quotation_card, "works": work_card}


async def entity_card(datasette, db, table: str, pk) -> dict | None:
    """The card of row ``pk`` of an entity table (None for other tables or a missing row)."""
    builder = BUILDERS.get(table)
    if builder is None:
        return None
    row = await one(db, table, pk)
    if row is None:
        return None
    return (await builder(datasette, db, row)).as_dict()
