"""Bibliography: one merged list of works from every footnote and References list.

A corpus stage (``finish(ctx)``) after the footnotes extractor. Every parsed citation and
reference entry is a candidate; two candidates are the same work (``same_work``) when

* they carry the same DOI (different DOIs are never the same work), or the same URL (scheme,
  ``www.``, a trailing slash and a ``#`` fragment aside), or
* their titles are equal once folded (case, quotes — curly or straight —, dashes, punctuation),
  their first authors are the same (family name and compatible given names; or both have none,
  and then their container, publisher or domain agree) and their years agree, or
* their titles differ only by the spelling of one romanised word in ten ("choshentoto" /
  "chosenhantoto": same first letters, within 40 % edit distance, Japanese long vowels folded),
  and they share a first author, a year and any container: a guard that keeps "National
  Defense Strategy" and "National Security Strategy" apart. Words that number or order
  (years, "FY2024", roman numerals, "second") must be equal: "Part I" is not "Part II".

Groups are closed transitively. The representative of a work is its first candidate in
document order (footnotes before the References list: the first note is the full citation);
every field is the representative's, and a field it lacks comes from the next candidate that
has it -- so footnotes 9 and 23, which spell "Legislation’s" with a curly and a straight
apostrophe, make one work titled as footnote 9 writes it. "Ibid.", "op. cit." and short forms
("Smith, Japan Rearmed, 45.") take the work of the citation they repeat (or of the References
entry a short form abbreviates). ``outlet_id``/``outlet`` group works by the outlet or
publishing body (:func:`assign_outlets`). Work ids are readable and deterministic: first author (or outlet),
year, three title words (``cox-2025-pentagon-reviewing-base``), with ``-2``... only on a clash.

Authors are linked to the curated ``actors`` by ``link_author``: persons by full name, or by
initials only when exactly one registry person fits ("Sato, Y." -> Yoichiro Sato), never by a
bare surname (Yu Koizumi the researcher is not Shinjiro Koizumi the minister); institutions by
exact name or alias.
"""

from __future__ import annotations

import collections
import functools
import json
import re
import unicodedata

from . import citations
from .extract.footnotes import STATE_KEY
from .letters import without_marks

STOPWORDS = {"a", "an", "the", "of", "and", "in", "on", "for", "to", "at", "by", "with", "from",
             "its", "is", "are", "be", "or", "no", "s"}
MERGED_FIELDS = ("type", "title", "container_title", "publisher", "publisher_place", "genre",
                 "issued", "issued_precision", "accessed", "url", "doi", "domain", "volume", "issue",
                 "page", "number")


def finish(ctx) -> dict:
    gathered = ctx.state.pop(STATE_KEY, None) or {"citations": [], "references": []}  # read once: freed
    return build(gathered["citations"], gathered["references"], ctx.inputs.actors.entries)


# --- matching -----------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1 << 16)
def url_key(url: str | None) -> str | None:
    """URL comparison key: scheme, www., case of the host, a trailing slash and fragment aside."""
    if not url:
        return None
    parts = citations.split_url(url)
    host = (parts.hostname or "").casefold()
    host = host[4:] if host.startswith("www.") else host
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")


def same_author(a: dict, b: dict) -> bool:
    """Institutions by folded name; people by family name and compatible given names (an
    initial matches a name; a missing given name matches any)."""
    if ("literal" in a) != ("literal" in b):
        return False
    if "literal" in a:
        return citations._fold_name(a["literal"]) == citations._fold_name(b["literal"])
    if citations.fold_title(a["family"]) != citations.fold_title(b["family"]):
        return False
    ga, gb = (a.get("given") or "").split(), (b.get("given") or "").split()
    return not ga or not gb or _given_compatible(ga, gb)


LONG_VOWEL = re.compile(r"(?<=o)[ou]|(?<=u)u|(?<=a)a|(?<=e)e|(?<=i)i")


@functools.lru_cache(maxsize=1 << 16)
def romanised(word: str) -> str:
    """Fold Japanese long-vowel spellings (ou, oo, uu, ō ...) so romanisations compare
    (memoised: the merge compares the words of each title with many others)."""
    return LONG_VOWEL.sub("", without_marks(word))


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        cur = [i]
        for j, cb in enumerate(b, start=1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


NUMBER_WORDS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
    "ninth", "tenth", "last", "next", "final", "new", "old", "early", "late",
}
ROMAN_NUMERAL = re.compile(r"^[ivxlcdm]+$")


def numbered(word: str) -> bool:
    """A word that numbers or orders (2023, FY2024, II, second...): never a spelling variant."""
    return any(ch.isdigit() for ch in word) or bool(ROMAN_NUMERAL.match(word)) or word in NUMBER_WORDS


CLOSE_MIN_WORDS = 4  # shorter titles are never taken for respellings of each other


def respellings_allowed(words: int) -> int:
    """How many words two titles of ``words`` words may spell differently: one in ten, at least one."""
    return max(1, words // 10)


def titles_close(a: str, b: str) -> bool:
    """Folded titles that differ by the spelling of at most one word in ten (romanisations).
    Numbers, years and roman numerals must be equal: "Part I" is not "Part II", nor "FY2024"
    "FY2025"."""
    raw_a, raw_b = a.split(), b.split()
    if len(raw_a) != len(raw_b) or len(raw_a) < CLOSE_MIN_WORDS:
        return False
    if any(x != y and (numbered(x) or numbered(y)) for x, y in zip(raw_a, raw_b)):
        return False
    wa, wb = [romanised(w) for w in raw_a], [romanised(w) for w in raw_b]
    diffs = [(x, y) for x, y in zip(wa, wb) if x != y]
    if len(diffs) > respellings_allowed(len(wa)):
        return False
    for x, y in diffs:
        limit = 0.4 * max(len(x), len(y))
        if x[0] != y[0] or letters_apart(x, y) > limit or edit_distance(x, y) > limit:
            return False
    return True


def letters_apart(a: str, b: str) -> float:
    """A lower bound of edit_distance(a, b), cheap to compute: each edit changes the letter
    counts by at most two (a substitution) — so half the letters the two words do not share."""
    ca, cb = collections.Counter(a), collections.Counter(b)
    return sum(((ca - cb) + (cb - ca)).values()) / 2


def _year(rec) -> str | None:
    return rec["issued"][:4] if rec.get("issued") else None


def _outlet_keys(rec) -> set:
    keys = {citations.fold_title(rec.get(k)) for k in ("container_title", "publisher")}
    keys.add(rec.get("domain"))
    keys.discard("")
    keys.discard(None)
    return keys


def same_work(a: dict, b: dict) -> bool:
    """Are two parsed citations the same work? (see the module docstring for the rules)."""
    if a.get("doi") and b.get("doi"):
        return a["doi"].casefold() == b["doi"].casefold()
    ua, ub = url_key(a.get("url")), url_key(b.get("url"))
    if ua and ub and ua == ub:
        return True
    ta, tb = citations.fold_title(a.get("title")), citations.fold_title(b.get("title"))
    if not ta or not tb:
        return False
    authors_a, authors_b = a.get("authors") or [], b.get("authors") or []
    if bool(authors_a) != bool(authors_b) or authors_a and not same_author(authors_a[0], authors_b[0]):
        return False
    ya, yb = _year(a), _year(b)
    shared_outlet = bool(_outlet_keys(a) & _outlet_keys(b))
    if ya != yb and not (None in (ya, yb) and shared_outlet):
        return False
    if not authors_a and not shared_outlet:
        return False
    if ta == tb:
        return True
    ca, cb = citations.fold_title(a.get("container_title")), citations.fold_title(b.get("container_title"))
    return bool(authors_a) and bool(ya) and ya == yb and (not ca or not cb or ca == cb) \
        and titles_close(ta, tb)


# --- merging -------------------------------------------------------------------------------------------

def blocking_keys(rec: dict) -> set:
    """Keys that any two records :func:`same_work` can accept share at least one of.

    Only records sharing a key are compared, so the merge grows with the number of works, not
    its square: a DOI, a URL key, an exact folded title, and — for the romanised-title rule,
    which needs the same first author, the same year, titles of the same length and at most k
    differing words (k = one in ten, at least one), each with the same first letter — the title
    cut into k + 1 runs of words: two titles with at most k differences have one run alike (by
    pigeonhole), so each run, romanised, with the author, year and first letters, is a key.
    """
    keys = set()
    if rec.get("doi"):
        keys.add(("doi", rec["doi"].casefold()))
    url = url_key(rec.get("url"))
    if url:
        keys.add(("url", url))
    title = citations.fold_title(rec.get("title"))
    if title:
        keys.add(("title", title))
        authors = rec.get("authors") or []
        if authors and _year(rec):
            first = authors[0]
            who = citations._fold_name(first["literal"]) if "literal" in first \
                else citations.fold_title(first["family"])
            words = [romanised(w) for w in title.split()]
            if len(words) >= CLOSE_MIN_WORDS:
                runs = respellings_allowed(len(words)) + 1
                cuts = [len(words) * i // runs for i in range(runs + 1)]
                initials = "".join(w[:1] for w in words)  # a respelling keeps its first letter
                for a, b in zip(cuts, cuts[1:]):
                    keys.add(("close", who, _year(rec), initials, a, " ".join(words[a:b])))
    return keys


def group_candidates(records: list[dict]) -> list[int]:
    """Union-find over candidate pairs: the group (index of its first member) of each record."""
    parent = list(range(len(records)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    blocks: dict = {}
    for i, rec in enumerate(records):
        for key in blocking_keys(rec):
            blocks.setdefault(key, []).append(i)
    for key in sorted(blocks, key=repr):
        # Within a block each record is compared with one member of every group formed so far
        # (not with every member): a work cited a thousand times costs a thousand comparisons.
        representatives: list[int] = []
        for i in blocks[key]:
            for r in representatives:
                if find(r) == find(i) or same_work(records[r], records[i]):
                    a, b = sorted((find(r), find(i)))
                    parent[b] = a
                    break
            else:
                representatives.append(i)
    return [find(i) for i in range(len(records))]


def merge_records(records: list[dict]) -> dict:
    """The work: each field from the representative (the first record), else from the first
    later record that has it (see the module docstring)."""
    work = {k: None for k in MERGED_FIELDS}
    for key in MERGED_FIELDS:
        for rec in records:
            if rec.get(key):
                work[key] = rec[key]
                break
    if work["issued"]:
        work["issued_precision"] = next(r["issued_precision"] for r in records if r.get("issued") == work["issued"])
    with_authors = next((r for r in records if r.get("authors")), None)
    work["authors"] = [dict(a) for a in with_authors["authors"]] if with_authors else []
    work["et_al"] = bool(with_authors and with_authors.get("et_al"))
    with_editors = next((r for r in records if r.get("editors")), None)
    work["editors"] = [dict(a) for a in with_editors["editors"]] if with_editors else []
    return work


EDITION_YEAR = re.compile(rf"\s({citations.YEAR})$")  # "Defense of Japan 2019": the 2019 edition


def work_year(work: dict) -> tuple[int | None, str | None]:
    """``(year, source)``: the issued year, else the year that ends the name of the book or
    series edition the work is in ("In: Defense of Japan 2019" -> 2019, "container_title").
    ``issued`` stays as written (NULL there: the citation writes no date); this is the year to
    sort and filter by."""
    if work.get("issued"):
        return int(work["issued"][:4]), "issued"
    m = EDITION_YEAR.search((work.get("container_title") or "").strip())
    if m:
        return int(m.group(1)), "container_title"
    return None, None


def slug(text: str) -> str:
    text = without_marks(text or "")
    text = SLUG_DROPPED.sub("", text.casefold())  # "O'Brien" -> obrien, "U.S." -> us
    return SLUG_GAP.sub("-", text).strip("-")


SLUG_DROPPED = re.compile(r"['’.]")
SLUG_GAP = re.compile(r"[^a-z0-9]+")


def work_slug(work: dict) -> str:
    """``<first author family | institution | outlet>-<year | nd>-<three title words>``."""
    first = work["authors"][0] if work["authors"] else None
    if first and "family" in first:
        who = slug(first["family"])
    else:
        name = first["literal"] if first else (work["container_title"] or work["publisher"] or work["domain"] or "")
        name = re.sub(r"\([^)]*\)", "", name)
        who = "-".join([w for w in slug(name).split("-") if w not in STOPWORDS][:3])
    words = [w for w in slug(work["title"] or "").split("-") if w and w not in STOPWORDS][:3]
    return "-".join(p for p in [who, _year(work) or "nd", *words] if p) or "work"


def author_display(work: dict) -> str | None:
    names = [citations.display_name(a) for a in work["authors"]]
    if work["et_al"]:
        names.append("et al.")
    return "; ".join(names) or None


# --- linking to the actor registry ------------------------------------------------------------------------

def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    text = APOSTROPHES.sub("'", text)
    return citations.SPACE_RUN.sub(" ", text).strip().casefold()


APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc`]")


def _given_compatible(a: list[str], b: list[str]) -> bool:
    """Given names agree: same first name (or an initial of it), and every further name of the
    shorter side found, in order, in the longer one (missing middle names allowed)."""
    def same(x, y):
        x, y = x.rstrip(".").casefold(), y.rstrip(".").casefold()
        if len(x) == 1 or len(y) == 1:
            return x[0] == y[0]
        return x == y
    if not a or not b or not same(a[0], b[0]):
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    pos = 1
    for name in short[1:]:
        while pos < len(long_) and not same(name, long_[pos]):
            pos += 1
        if pos == len(long_):
            return False
        pos += 1
    return True


def _actor_person_names(actor: dict) -> list[tuple[str, list[str]]]:
    """(family, given names) readings of a person actor's name and of its "Family, Given" aliases."""
    out = []
    tokens = actor["name"].split()
    if len(tokens) >= 2:
        out.append((tokens[-1], tokens[:-1]))
    for alias in actor.get("aliases") or []:
        if "," in alias:
            family, given = [p.strip() for p in alias.split(",", 1)]
            out.append((family, given.split()))
        elif len(alias.split()) >= 2 and not alias.startswith(("Mr.", "Ms.", "Mrs.", "Dr.")):
            t = alias.split()
            out.append((t[-1], t[:-1]))
    return out


class ActorIndex:
    """The registry folded once, so linking 50,000 authors does not re-read 200 actors each time:
    persons by folded full name (name and aliases, either order) and by folded family name;
    other actors by folded name and alias."""

    def __init__(self, actors: list[dict]):
        self.full: dict[str, set] = {}
        self.by_family: dict[str, list] = {}
        self.names: dict[str, set] = {}
        self.name_of: dict[str, str] = {a["id"]: a["name"] for a in actors}
        self.publisher_of: dict[str, str] = {a["id"]: a["publisher"] for a in actors if a.get("publisher")}
        self.type_of: dict[str, str | None] = {a["id"]: a.get("type") for a in actors}
        for a in actors:
            forms = {_fold(a["name"]), *(_fold(x) for x in a.get("aliases") or [])}
            if a.get("type") == "person":
                for form in forms:
                    self.full.setdefault(form, set()).add(a["id"])
                for family, given in _actor_person_names(a):
                    self.by_family.setdefault(_fold(family), []).append((a["id"], given))
            else:
                for form in forms:
                    self.names.setdefault(form, set()).add(a["id"])


def _index(actors) -> ActorIndex:
    return actors if isinstance(actors, ActorIndex) else ActorIndex(actors)


def link_author(author: dict, actors) -> str | None:
    """The registry actor this author is, or None. A person matches a person actor by the full
    name (name or alias, either order); failing that, by family name with compatible given names
    or initials when exactly one person fits. A bare surname never matches. An institution
    matches a non-person actor by exact name or alias. ``actors`` is the registry's entries or
    an :class:`ActorIndex` of them."""
    index = _index(actors)
    if "literal" in author:
        return link_name(author["literal"], index)
    given = (author.get("given") or "").split()
    if not given:
        return None
    full = {_fold(f"{author.get('given')} {author['family']}"), _fold(f"{author['family']}, {author.get('given')}")}
    exact = set().union(*(index.full.get(f, set()) for f in full))
    if len(exact) == 1:
        return exact.pop()
    if exact:
        return None
    fits = {actor_id for actor_id, names in index.by_family.get(_fold(author["family"]), [])
            if _given_compatible(given, names)}
    return fits.pop() if len(fits) == 1 else None


def link_name(name: str | None, actors) -> str | None:
    """A non-person actor whose name or alias is exactly ``name`` (unique), else None."""
    if not name:
        return None
    found = _index(actors).names.get(_fold(name), set())
    return next(iter(found)) if len(found) == 1 else None


# --- outlets -------------------------------------------------------------------------------------------

def outlet_key(name: str) -> str:
    """Outlet comparison key: case, a leading "The", a qualifier in brackets and punctuation folded
    ("The Japan Times" = "Japan Times", "RAND" = "Rand")."""
    folded = citations.fold_title(re.sub(r"\s*\([^()]*\)\s*$", "", name or ""))
    return re.sub(r"^the ", "", folded)


# A series named after the body that issues it: "Atlantic Council Report", "RAND Research Brief",
# "CSIS Issue Brief 12" -- the body's name, then a genre label (citations.GENRE's words).
_SERIES = re.compile(r"(?i)^(?P<body>.+?)\s+(?:(?:research|policy|issue|working|discussion|occasional|"
                     r"special|white|analysis)\s+)?(?:report|brief|paper|summary|memo|memorandum|"
                     r"monograph|commentary|backgrounder|series)s?(?:\s+(?:no\.?\s*)?[A-Z]{0,4}\d[\w.-]*)?$")


# The actor types (curate.ACTOR_TYPES) that issue a series of reports or briefs under their name:
# think tanks and other organisations, media, and government agencies ("CRS Report"). A state,
# a government, a grouping or a person named at the head of a title is its subject ("China
# Brief", "Japan Report"), not its publisher.
SERIES_BODY_TYPES = frozenset({"organization", "media", "government-body"})


def outlet_actor(name: str | None, index: ActorIndex) -> str | None:
    """The registry actor an outlet written as ``name`` is: the actor of that name, else the body
    whose series it is ("Atlantic Council Report" is the Atlantic Council's), when that body is of
    a :data:`SERIES_BODY_TYPES` type."""
    found = link_name(name, index)
    if found or not name:
        return found
    series = _SERIES.match(name.strip())
    body = link_name(series.group("body"), index) if series else None
    return body if index.type_of.get(body) in SERIES_BODY_TYPES else None


def publishing_body(actor_id: str | None, index: ActorIndex) -> str | None:
    """The body that issues a publication, following the registry's ``publisher`` (a white paper
    counts for its ministry); the actor itself when the registry names no publisher."""
    seen = set()
    while actor_id in index.publisher_of and actor_id not in seen:
        seen.add(actor_id)
        actor_id = index.publisher_of[actor_id]
    return actor_id


def assign_outlets(work_rows: list[dict], author_rows: list[dict], index: ActorIndex):
    """``outlet_id``: the body a work was published by -- the container's actor, else the
    publisher's, else the first institutional author's, else the body whose series the container or
    publisher is named as; a publication the registry gives a ``publisher`` counts for that body.
    ``outlet``: that actor's name, else the container, publisher, institutional author or domain as
    written, one spelling per folded key (the one most works use; ties: the one the first of them
    uses)."""
    institution = {}
    for a in author_rows:
        if a["role"] == "author" and a["literal"] and a["work_id"] not in institution:
            institution[a["work_id"]] = (a["literal"], a["actor_id"])
    spellings: dict[str, dict[str, int]] = {}
    for w in work_rows:
        literal, author_actor = institution.get(w["id"], (None, None))
        written = w["container_title"] or w["publisher"] or literal or w["domain"]
        w["outlet_id"] = publishing_body(
            w["container_actor_id"] or w["publisher_actor_id"] or author_actor
            or outlet_actor(w["container_title"] or w["publisher"], index), index)
        w["outlet"] = index.name_of[w["outlet_id"]] if w["outlet_id"] else written
        if w["outlet"] and not w["outlet_id"]:
            counts = spellings.setdefault(outlet_key(w["outlet"]), {})
            counts[w["outlet"]] = counts.get(w["outlet"], 0) + 1
    # dicts keep the order of first use: max() keeps the first of equal counts
    chosen = {key: max(counts, key=counts.get) for key, counts in spellings.items()}
    for w in work_rows:
        if w["outlet"] and not w["outlet_id"]:
            w["outlet"] = chosen[outlet_key(w["outlet"])]


# --- rows ----------------------------------------------------------------------------------------------

def build(cites: list[dict], references: list[dict], actors: list[dict]) -> dict:
    """Rows of works, work_authors, citations and bibliography_entries."""
    actors = ActorIndex(actors)
    # A citation that repeats another (ibid., op. cit., a short form) takes that one's work.
    candidates = [c for c in cites if not (c["record"].get("ibid") or c.get("repeats")
                                           or c.get("same_as_reference"))] + list(references)
    groups = group_candidates([c["record"] for c in candidates])
    members: dict[int, list] = {}
    for cand, g in zip(candidates, groups):
        members.setdefault(g, []).append(cand)

    works, work_of, used = [], {}, {}
    for g in sorted(members):
        group = members[g]
        work = merge_records([c["record"] for c in group])
        base = work_slug(work)
        used[base] = used.get(base, 0) + 1
        work["id"] = base if used[base] == 1 else f"{base}-{used[base]}"
        works.append(work)
        for c in group:
            work_of[c["id"]] = work["id"]

    by_id = {c["id"]: c for c in cites}
    citation_rows = []
    for c in cites:
        target, chain = c, 0
        while target.get("repeats") and chain < 50:
            target, chain = by_id[target["repeats"]], chain + 1
        work_id = work_of.get(target["id"]) or work_of.get(target.get("same_as_reference"))
        citation_rows.append({
            "id": c["id"], "document_id": c["document_id"], "footnote_id": c["footnote_id"],
            "work_id": work_id, "position": c["position"], "text": c["text"],
            "start": c["start"], "end": c["end"], "spans": c["spans"],
            "ibid": int(bool(c["record"].get("ibid"))), "locator": c["record"].get("locator"),
            "repeats_citation_id": c.get("repeats"),
        })

    counts: dict[str, set] = {}
    for row in citation_rows:
        if row["work_id"]:
            counts.setdefault(row["work_id"], set()).add(row["footnote_id"])
    entry_rows = []
    for r in references:
        entry_rows.append({k: r[k] for k in ("id", "document_id", "section_id", "paragraph_id",
                                             "ordinal", "text", "start", "end", "spans")}
                          | {"work_id": work_of[r["id"]]})
    in_bibliography = {row["work_id"] for row in entry_rows}

    work_rows, author_rows = [], []
    for w in works:
        csl = citations.to_csl(w, w["id"])
        work_rows.append({
            "id": w["id"], "type": w["type"] or "document", "title": w["title"], "authors": author_display(w),
            "et_al": int(w["et_al"]),
            "editors": "; ".join(citations.display_name(a) for a in w["editors"]) or None,
            "container_title": w["container_title"], "publisher": w["publisher"],
            "publisher_place": w["publisher_place"], "genre": w["genre"], "issued": w["issued"],
            "issued_precision": w["issued_precision"], "accessed": w["accessed"], "url": w["url"],
            "doi": w["doi"], "domain": w["domain"], "volume": w["volume"], "issue": w["issue"],
            "page": w["page"],
            "container_actor_id": link_name(w["container_title"], actors),
            "publisher_actor_id": link_name(w["publisher"], actors),
            "footnote_count": len(counts.get(w["id"], ())),
            "in_bibliography": int(w["id"] in in_bibliography),
            "csl_json": json.dumps(csl, ensure_ascii=False, sort_keys=True),
            **dict(zip(("year", "year_source"), work_year(w))),
        })
        for role, people in (("author", w["authors"]), ("editor", w["editors"])):
            for position, a in enumerate(people, start=1):
                author_rows.append({
                    "work_id": w["id"], "role": role, "position": position,
                    "name": citations.display_name(a), "family": a.get("family"),
                    "given": a.get("given"), "literal": a.get("literal"),
                    "actor_id": link_author(a, actors),
                })
    assign_outlets(work_rows, author_rows, actors)
    return {"works": work_rows, "work_authors": author_rows, "citations": citation_rows,
            "bibliography_entries": entry_rows}
