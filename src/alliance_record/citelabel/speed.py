"""How fast References entries are parsed (``make bench`` prints it; never a timed test).

The entries are synthetic, made here so that the benchmark needs no data from outside: people,
titles, journals, publishers, places, years and pages drawn with a fixed seed from small word
lists and made-up words (as long as AnyStyle's core.xml references, 23 tokens, and with as
large a share of distinct tokens, 44 %), written in eight styles (APA, Chicago author-date and notes, MLA, Harvard, IEEE,
Vancouver, a web page). Every entry is different, and the labeller's memo of token vectors is
emptied first, so the first pass pays for every new word as a real list would.
"""

from __future__ import annotations

import random
import time

FAMILY = ["Smith", "Tanaka", "García", "Müller", "Okafor", "Nguyen", "Rossi", "Kowalski", "Hughes",
          "Samuels", "Ivanova", "O'Brien", "van der Berg", "Hinata-Yamaguchi", "Chen", "Dubois",
          "Larsen", "Kim", "Patel", "Silva", "Cohen", "Novak", "Fischer", "Moreau", "Sato"]
GIVEN = ["John", "Aiko", "María", "Peter", "Ngozi", "Lan", "Giulia", "Anna", "Christopher",
         "Richard", "Olga", "Sean", "Pieter", "Ryo", "Wei", "Claire", "Erik", "Min-jun", "Ravi"]
WORDS = ["alliance", "maritime", "security", "deterrence", "networks", "learning", "models",
         "theory", "evidence", "policy", "memory", "language", "climate", "trade", "history",
         "markets", "cities", "islands", "power", "identity", "growth", "risk", "signals",
         "institutions", "migration", "health", "energy", "reform", "culture", "design"]
JOURNALS = ["Journal of Asian Studies", "International Security", "Proc. Natl. Acad. Sci.",
            "J. Appl. Phys.", "Asian Survey", "Review of Economic Studies", "Nature", "Phys. Rev. Lett.",
            "Political Science Quarterly", "Annals of Glaciology", "IEEE Trans. Inf. Theory"]
PUBLISHERS = [("Cambridge", "Cambridge University Press"), ("New York", "Routledge"),
              ("Oxford", "Oxford University Press"), ("Berlin", "Springer"), ("Tokyo", "Nikkei BP"),
              ("Ithaca, NY", "Cornell University Press"), ("Paris", "Gallimard"), ("London", "Verso")]


SYLLABLES = ["ka", "to", "mi", "ren", "sol", "ba", "dor", "vi", "lum", "ne", "tra", "quo", "sen",
             "pa", "ri", "gen", "al", "mon", "fe", "zu", "ho", "ler", "cas", "ti", "nor", "ve", "bel"]


def _word(rnd: random.Random) -> str:
    """A common word, or (as often in real titles, names and journals) a rarer one."""
    if rnd.random() < 0.2:
        return rnd.choice(WORDS)
    return "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 4)))


def _title(rnd: random.Random) -> str:
    title = " ".join(_word(rnd) for _ in range(rnd.randint(5, 13))).capitalize()
    return title + (": " + " ".join(_word(rnd) for _ in range(3)) if rnd.random() < 0.3 else "")


def synthetic_references(n: int, seed: int = 18) -> list[str]:
    """``n`` different References entries in eight styles."""
    rnd = random.Random(seed)
    out = []
    for k in range(n):
        people = [(rnd.choice(FAMILY) if rnd.random() < 0.5 else _word(rnd).capitalize(), rnd.choice(GIVEN))
                  for _ in range(rnd.randint(1, 4))]
        year = rnd.randint(1950, 2025)
        title = _title(rnd)
        journal = rnd.choice(JOURNALS)
        place, publisher = rnd.choice(PUBLISHERS)
        volume, issue = rnd.randint(1, 120), rnd.randint(1, 12)
        first = rnd.randint(1, 900)
        pages = f"{first}–{first + rnd.randint(5, 40)}"
        initials = [f"{f}, {g[0]}." for f, g in people]
        natural = [f"{g} {f}" for f, g in people]
        style = k % 8
        if style == 0:  # APA journal
            out.append(f"{', '.join(initials[:-1]) + ', & ' if len(people) > 1 else ''}{initials[-1]} ({year}). "
                       f"{title}. {journal}, {volume}({issue}), {pages}. https://doi.org/10.{1000 + k}/x{k}")
        elif style == 1:  # Chicago author-date book
            out.append(f"{people[0][0]}, {people[0][1]}. {year}. {title}. {place}: {publisher}.")
        elif style == 2:  # Chicago note
            names = natural[0] if len(people) == 1 else ", ".join(natural[:-1]) + ", and " + natural[-1]
            out.append(f"{names}, “{title},” {journal} {volume}, no. {issue} ({year}): {pages}.")
        elif style == 3:  # MLA
            out.append(f"{people[0][0]}, {people[0][1]}. “{title}.” {journal}, vol. {volume}, no. {issue}, "
                       f"{year}, pp. {pages}.")
        elif style == 4:  # Harvard chapter
            out.append(f"{initials[0]} ({year}) '{title}', in {people[-1][0]}, {people[-1][1][0]}. (ed.) "
                       f"{_title(rnd)}. {place}: {publisher}, pp. {pages}.")
        elif style == 5:  # IEEE
            ieee = [f"{g[0]}. {f}" for f, g in people]
            out.append(f"[{k % 99 + 1}] {', '.join(ieee)}, \"{title},\" {journal}, vol. {volume}, no. {issue}, "
                       f"pp. {pages}, {year}.")
        elif style == 6:  # Vancouver
            vanc = [f"{f} {g[0]}" for f, g in people]
            out.append(f"{', '.join(vanc)}. {title}. {journal}. {year};{volume}({issue}):{pages}.")
        else:  # a web page
            out.append(f"{natural[0]}. “{title}.” {publisher}, {rnd.randint(1, 28)} March {year}. "
                       f"https://example.org/{'-'.join(title.lower().split()[:4])}.")
    return out


def time_references(n: int = 2000, repeat: int = 3) -> dict:
    """References per second on one core: a whole list at once with every memo emptied (first
    pass), the same list again (words known), and a quarter of it one call each. Each is the
    best of ``repeat`` runs (a shared machine only ever slows a run down)."""
    from .. import citations
    from .fields import forget

    texts = synthetic_references(n)
    citations.parse_references(texts[:1])  # load the model and the gazetteers
    single = texts[: n // 4]
    first = again = one = float("inf")
    for _ in range(repeat):
        forget()
        start = time.perf_counter()
        citations.parse_references(texts)
        first = min(first, time.perf_counter() - start)
        start = time.perf_counter()
        citations.parse_references(texts)
        again = min(again, time.perf_counter() - start)
        start = time.perf_counter()
        for text in single:
            citations.parse_reference(text)
        one = min(one, time.perf_counter() - start)
    return {"references": n, "first_pass_per_second": round(n / first), "again_per_second": round(n / again),
            "one_call_each_per_second": round(len(single) / one)}
