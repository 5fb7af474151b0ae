"""The registries (seeds/actors.yml, seeds/places.yml) and the unmatched-name ignore list."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import regex

from ..errors import Collector, short_repr
from ..yamlio import ANY, BOOL, DATE, RECORDS, TEXT, TEXT_LIST, Node, Seq, check_keys
from .common import check_date, check_slug, check_unique, load_list, reviewed

ACTOR_TYPES = ("person", "anonymous", "state", "government", "government-body", "military",
               "organization", "grouping", "media", "political-party", "armed-group", "document")
PLACE_TYPES = ("country", "region", "admin-area", "city", "district", "island", "island-group",
               "reef", "sea", "strait", "ocean", "peninsula", "facility", "border-area",
               "maritime-feature")
GEO_PRECISIONS = ("point", "centroid", "region")
ACTOR_KEYS = {"id": TEXT, "name": TEXT, "type": TEXT, "country": TEXT, "wikidata": ANY, "description": TEXT,
              "parent": TEXT, "publisher": TEXT, "aliases": TEXT_LIST, "roles": RECORDS, "demonyms": TEXT_LIST, "reviewed": BOOL}
ROLE_KEYS = {"title": TEXT, "organization": TEXT, "start": DATE, "end": DATE}
# wikidata (a QID), coordinates and GeoNames ids are checked with more specific messages below
PLACE_KEYS = {"id": TEXT, "name": TEXT, "type": TEXT, "latitude": ANY, "longitude": ANY, "geo_precision": TEXT,
              "country": TEXT, "geonames": ANY, "wikidata": ANY, "description": TEXT, "aliases": TEXT_LIST,
              "reviewed": BOOL}
IGNORE_KEYS = {"surface": TEXT, "surfaces": TEXT_LIST, "pattern": TEXT, "reason": TEXT}
QID = re.compile(r"^Q[1-9][0-9]*$")

# Surface forms that several entries of one registry may share, and the rule that decides between
# them at each mention (see extract/mentions.py). Any other shared alias is an error.
SHARED_ALIAS_RULES = {
    ("person", "person"): "surname: the person whose full name occurs in the document",
    ("document", "document"): "document: the one whose unambiguous name occurs in the document",
}


@dataclass
class Registry:
    """Actors or places: entries by id, in file order."""

    path: str
    kind: str  # "actor" | "place"
    entries: list = field(default_factory=list)
    readable: bool = True  # False when the file exists but could not be read (invalid YAML ...)

    @property
    def by_id(self) -> dict:
        """Entries by id, made once (and again only if entries were added since)."""
        cached = self.__dict__.get("_by_id")
        if cached is None or cached[0] != len(self.entries):
            cached = self.__dict__["_by_id"] = (len(self.entries), {e["id"]: e for e in self.entries})
        return cached[1]


def _country_codes() -> set:
    import pycountry

    return {c.alpha_2 for c in pycountry.countries}


def _load_registry(seeds_dir: Path, filename: str, list_key: str, errors: Collector) -> tuple[str, list, bool]:
    """A missing registry is an empty one: a folder without it simply has no such entities. The
    third value is False when the file is there but could not be read."""
    path = Path(seeds_dir) / filename
    items = load_list(path, list_key, errors)
    return str(path), items or [], items is not None or not path.exists()


def _check_common(entry: Node, errors: Collector, what: str, types, countries):
    check_slug(entry, "id", errors, what)
    if entry.get("type") is not None and entry["type"] not in types:
        errors.add(entry.path, f"{what}: unknown type {entry['type']!r}", line=entry.line_of("type"),
                   hint=f"one of: {', '.join(types)}")
    country = entry.get("country")
    if country is not None and country not in countries:
        errors.add(entry.path, f"{what}: country {country!r} is not an ISO 3166-1 alpha-2 code",
                   line=entry.line_of("country"))
    qid = entry.get("wikidata")
    if qid is not None and not (isinstance(qid, str) and QID.match(qid)):
        errors.add(entry.path, f"{what}: wikidata {qid!r} is not a QID like 'Q17'",
                   line=entry.line_of("wikidata"))
    aliases = entry.get("aliases")
    if aliases is not None and (not isinstance(aliases, list)
                                or not all(isinstance(a, str) and a.strip() for a in aliases)):
        errors.add(entry.path, f"{what}: aliases must be a list of non-empty strings",
                   line=entry.line_of("aliases"))
        entry["aliases"] = []
    if entry.get("name") is not None and not isinstance(entry["name"], str):
        errors.add(entry.path, f"{what}: name must be text", line=entry.line_of("name"))


def _line_of_form(entry, form: str) -> int:
    """The line where ``entry`` writes ``form``: its name, or that item of its aliases."""
    aliases = entry.get("aliases")
    if form in (aliases or ()) and isinstance(aliases, Seq):
        return aliases.line_of_item(aliases.index(form))
    return entry.line_of("name") if form == entry.get("name") else entry.line_of("aliases")


def _check_aliases(registry: Registry, errors: Collector):
    """An alias (or name) shared by several entries needs a rule in SHARED_ALIAS_RULES."""
    owners: dict[str, list] = {}
    for entry in registry.entries:
        forms = {entry.get("name")} | set(entry.get("aliases") or [])
        for form in forms:
            if isinstance(form, str):
                owners.setdefault(form, []).append(entry)
    for form, entries in owners.items():
        if len(entries) < 2:
            continue
        types = {e.get("type") for e in entries}
        if len(types) == 1 and (next(iter(types)),) * 2 in SHARED_ALIAS_RULES:
            continue
        first = entries[0]
        for other in entries[1:]:
            errors.add(other.path, f"{registry.kind} {other.get('id')!r}: alias {form!r} is also used by "
                       f"{registry.kind} {first.get('id')!r} (line {_line_of_form(first, form)}) and no "
                       "rule decides between them", line=_line_of_form(other, form),
                       hint="shared aliases are allowed only between persons (bare surnames) or "
                            "between documents; otherwise make the alias specific")


def load_actors(seeds_dir: Path, errors: Collector) -> Registry:
    path, items, readable = _load_registry(seeds_dir, "actors.yml", "actors", errors)
    registry = Registry(path=path, kind="actor", readable=readable)
    countries = _country_codes()
    for entry in items:
        what = f"actor {short_repr(entry.get('id', '?'))}" if isinstance(entry, dict) else "actor"
        if not check_keys(entry, ACTOR_KEYS, ("id", "name", "type"), errors, what):
            continue
        _check_common(entry, errors, what, ACTOR_TYPES, countries)
        roles = entry.get("roles") or []
        if not isinstance(roles, list):
            errors.add(entry.path, f"{what}: roles must be a list", line=entry.line_of("roles"))
            roles = []
        for role in roles:
            if not check_keys(role, ROLE_KEYS, ("title",), errors, f"{what} role"):
                continue
            start = check_date(role, "start", errors, f"{what} role")
            end = check_date(role, "end", errors, f"{what} role")
            if start and end and start[1] > end[2]:
                errors.add(role.path, f"{what} role {role.get('title')!r}: start is after end",
                           line=role.line_of("start"))
        entry["roles"] = roles
        entry["aliases"] = entry.get("aliases") or []
        demonyms = entry.get("demonyms") or []
        if not isinstance(demonyms, list) or not all(isinstance(d, str) and d.strip() for d in demonyms):
            errors.add(entry.path, f"{what}: demonyms must be a list of words", line=entry.line_of("demonyms"))
            demonyms = []
        entry["demonyms"] = demonyms
        if entry.get("id"):  # an entry without a usable id is reported above and cannot be linked
            registry.entries.append(entry)
    check_unique(registry.entries, "id", errors, "actor")
    ids = registry.by_id
    for entry in registry.entries:
        what = f"actor {entry['id']!r}"
        parent = entry.get("parent")
        if parent is not None and parent not in ids:
            errors.add(entry.path, f"{what}: unknown parent actor {parent!r}", line=entry.line_of("parent"))
        publisher = entry.get("publisher")
        if publisher is not None and publisher not in ids:
            errors.add(entry.path, f"{what}: unknown publisher actor {publisher!r}",
                       line=entry.line_of("publisher"))
        for role in entry["roles"]:
            org = role.get("organization") if isinstance(role, dict) else None
            if org is not None and org not in ids:
                errors.add(role.path, f"{what}: role organization {org!r} is not an actor id",
                           line=role.line_of("organization"))
    _check_parent_cycles(registry, errors)
    _check_aliases(registry, errors)
    return registry


def _check_parent_cycles(registry: Registry, errors: Collector):
    ids = registry.by_id
    for entry in registry.entries:
        seen, node = set(), entry
        while node is not None and node.get("parent") in ids:
            if node["id"] in seen:
                errors.add(entry.path, f"actor {entry['id']!r}: parent chain loops back on itself",
                           line=entry.line_of("parent"))
                break
            seen.add(node["id"])
            node = ids[node["parent"]]


def load_places(seeds_dir: Path, errors: Collector) -> Registry:
    path, items, readable = _load_registry(seeds_dir, "places.yml", "places", errors)
    registry = Registry(path=path, kind="place", readable=readable)
    countries = _country_codes()
    for entry in items:
        what = f"place {short_repr(entry.get('id', '?'))}" if isinstance(entry, dict) else "place"
        # a draft (reviewed: false) may wait for its coordinates: `suggest` drafts the places the
        # gazetteer does not know with the type and country their words give, and the curator
        # adds where they are; a reviewed place has them (the map lists the rows it cannot show)
        draft = isinstance(entry, dict) and entry.get("reviewed") is False
        located = ("latitude", "longitude", "geo_precision")
        if not check_keys(entry, PLACE_KEYS, ("id", "name", "type") + (() if draft else located), errors, what):
            continue
        given = [key for key in located if entry.get(key) is not None]
        for key in located:
            if key not in entry:
                entry[key] = None  # read as the reviewed entries' are: no coordinates yet
        if draft and given and len(given) < len(located):
            errors.add(entry.path, f"{what}: give latitude, longitude and geo_precision together (or none of "
                       "them, while the draft waits for its coordinates)", line=entry.line)
        _check_common(entry, errors, what, PLACE_TYPES, countries)
        for key, limit in (("latitude", 90), ("longitude", 180)):
            value = entry.get(key)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                errors.add(entry.path, f"{what}: {key} {value!r} is not a number", line=entry.line_of(key))
            elif not -limit <= value <= limit:
                errors.add(entry.path, f"{what}: {key} {value} is out of range (-{limit}..{limit})",
                           line=entry.line_of(key))
        if entry.get("geo_precision") is not None and entry["geo_precision"] not in GEO_PRECISIONS:
            errors.add(entry.path, f"{what}: geo_precision {entry['geo_precision']!r} is not one of "
                       f"{', '.join(GEO_PRECISIONS)}", line=entry.line_of("geo_precision"))
        geonames = entry.get("geonames")
        if geonames is not None and (isinstance(geonames, bool) or not isinstance(geonames, int) or geonames <= 0):
            errors.add(entry.path, f"{what}: geonames {geonames!r} is not a GeoNames id (a positive integer)",
                       line=entry.line_of("geonames"))
        entry["aliases"] = entry.get("aliases") or []
        if entry.get("id"):  # an entry without a usable id is reported above and cannot be linked
            registry.entries.append(entry)
    check_unique(registry.entries, "id", errors, "place")
    _check_aliases(registry, errors)
    return registry


def registry_rows(ctx) -> dict:
    """Rows for the actor and place tables, straight from the curated registries."""
    actors, places = ctx.inputs.actors, ctx.inputs.places
    actor_tally = ctx.state.get("mentions.actor_tally", {})
    place_tally = ctx.state.get("mentions.place_tally", {})
    other_sense = ctx.state.get("mentions.place_other_sense", {})
    none = {"mentions": 0, "documents": ()}
    rows: dict = {"actors": [], "actor_aliases": [], "actor_roles": [], "places": [], "place_aliases": []}
    for a in actors.entries:
        tally = actor_tally.get(a["id"], none)
        rows["actors"].append({
            "id": a["id"], "name": a["name"], "type": a["type"], "country": a.get("country"),
            "wikidata": a.get("wikidata"), "description": a.get("description"),
            "parent_id": a.get("parent"), "publisher_id": a.get("publisher"), "mention_count": tally["mentions"],
            "document_count": len(tally["documents"]), "reviewed": reviewed(a),
        })
        for alias in sorted(set(a["aliases"])):
            rows["actor_aliases"].append({"actor_id": a["id"], "alias": alias})
        for n, role in enumerate(a["roles"], start=1):
            rows["actor_roles"].append({
                "id": f"{a['id']}-r{n}", "actor_id": a["id"], "title": role["title"],
                "organization_id": role.get("organization"), "start": role.get("start"),
                "end": role.get("end"),
            })
    for p in places.entries:
        tally = place_tally.get(p["id"], none)
        n, d = tally["mentions"], len(tally["documents"])
        rows["places"].append({
            "id": p["id"], "name": p["name"], "type": p["type"], "latitude": p["latitude"],
            "longitude": p["longitude"], "geo_precision": p["geo_precision"], "country": p.get("country"),
            "geonames": p.get("geonames"), "wikidata": p.get("wikidata"), "description": p.get("description"),
            "mention_count": n, "document_count": d, "reviewed": reviewed(p),
            "popup": place_popup(p, n, d, other_sense.get(p["id"], 0)),
        })
        for alias in sorted(set(p["aliases"])):
            rows["place_aliases"].append({"place_id": p["id"], "alias": alias})
    return rows


def place_popup(place: dict, mentions: int, documents: int, other_sense: int) -> str:
    """The map marker's popup (read by datasette-cluster-map, which allows one link): the place's
    row page, which lists its mentions (and links to them) and its events. A place found in no
    text as a place says why: its name was read in another sense at every occurrence ("Japan"
    the state), or it is named only inside a longer registered name ("Joe Biden’s White House"),
    in a web address or as an adjective (see its description)."""
    def plural(k, word):
        return f"{k} {word}{'s' if k != 1 else ''}"

    if mentions:
        what = f"{plural(mentions, 'mention')} in {plural(documents, 'document')}"
    elif other_sense:
        what = f"no mention as a place; the name occurs {plural(other_sense, 'time')}, read as the actor"
    else:
        what = "no mention of its own (named only inside a longer name, in a web address or as an adjective)"
    return json.dumps({"title": place["name"], "description": f"{place['type']} · {what}",
                       "link": f"/alliance/places/{quote(place['id'], safe='')}"})


def load_unmatched_ignore(seeds_dir: Path, errors: Collector) -> list:
    """``unmatched_ignore.yml``: names the registries leave out on purpose, each with a reason."""
    items = load_list(Path(seeds_dir) / "unmatched_ignore.yml", "ignore", errors) or []
    rules = []
    for rule in items:
        given = [k for k in ("surface", "surfaces", "pattern") if isinstance(rule, dict) and k in rule]
        if not check_keys(rule, IGNORE_KEYS, ("reason",), errors, "ignore rule"):
            continue
        if len(given) != 1:
            errors.add(rule.path, "ignore rule: give exactly one of `surface`, `surfaces` or `pattern`",
                       line=rule.line)
            continue
        if not rule.get(given[0]):
            continue  # mistyped or empty: reported by check_keys
        if rule.get("pattern"):
            try:
                regex.compile(rule["pattern"])
            except regex.error as exc:
                errors.add(rule.path, f"ignore rule: bad pattern: {exc}", line=rule.line_of("pattern"))
                continue
        rules.append(rule)
    seen: dict = {}  # every surface listed once, whether alone or in a list
    for rule in rules:
        key = "surface" if rule.get("surface") else "surfaces"
        for surface in [rule["surface"]] if key == "surface" else rule.get("surfaces") or []:
            if surface in seen:
                errors.add(rule.path, f"ignore rule: {surface!r} is already listed (line {seen[surface]})",
                           line=rule.line_of(key))
            seen.setdefault(surface, rule.line_of(key))
    return rules
