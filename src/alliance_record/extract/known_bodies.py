"""Bodies known by name the world over, for the entity candidates: the news agencies and the
international organisations and groupings that no head noun or context types ("Xinhua",
"Yonhap", "G7", "Group of Seven"). Like the gazetteer, this is knowledge of the world kept as
data, not a registry: a name found here is still a candidate for a curator to review, typed by
this list ahead of the guesses from its words (the Group of Seven is no "group" of the kind
that heads a company's name).

Written from general knowledge; each entry is ``name: type`` with its other spellings. A name the
seeds' registry holds (seeds/actors.yml: "Reuters", "BRICS") resolves there and is left out here;
so is "AFP", which in these texts is as often the Armed Forces of the Philippines as the news
agency. citations.py keeps its own word lists for reading a citation (ORG_ACRONYMS,
NEWSPAPER_WORDS), which overlap this one."""

from __future__ import annotations

_KNOWN = {
    "media": """Xinhua | Xinhua News Agency; Yonhap | Yonhap News Agency; Kyodo | Kyodo News; Jiji | Jiji Press;
        Associated Press; Agence France-Presse; Bernama; Antara; TASS; KCNA | Korean Central News Agency;
        Central News Agency; Philippine News Agency""",
    "grouping": """G7 | Group of Seven; G20 | Group of Twenty""",
    "organization": """United Nations | UN | U.N.; UNESCO; ASEAN | Association of Southeast Asian Nations;
        World Trade Organization | WTO; International Monetary Fund | IMF; World Bank;
        International Atomic Energy Agency | IAEA; World Health Organization""",
}

KNOWN_BODIES: dict[str, str] = {
    name.strip(): kind
    for kind, entries in _KNOWN.items()
    for entry in entries.split(";")
    for name in entry.split("|")
}


def known_type(name: str) -> str | None:
    """The type of a body known by that name (written as the list writes it), or None."""
    return KNOWN_BODIES.get(name)
