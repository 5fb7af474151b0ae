"""Quantities: on sentences written for the test, on sentences copied from the seeds, and over
every seed text."""

from pathlib import Path

import pytest

from alliance_record.extract.quantities import find_quantities, parse_number_words

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def at(text: str, quote: str, nth: int = 0) -> tuple[int, int]:
    """The span of the nth occurrence of ``quote`` in ``text``."""
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(quote, pos + 1)
    return pos, pos + len(quote)


def quoted(text: str, q) -> str:
    """What the quantity's offsets quote: one stretch, or its pieces joined by a space."""
    if q.pieces:
        assert (q.start, q.end) == (q.pieces[0][0], q.pieces[-1][1])
        return " ".join(text[a:b] for a, b in q.pieces)
    return text[q.start:q.end]


def check(text: str, expected: list[dict]):
    """``pieces`` in an expected entry lists the texts of the pieces of a borrowed-unit quote."""
    found = find_quantities(text)
    for q in found:
        assert quoted(text, q) == q.quote
    skip = ("nth", "pieces")
    got = [{k: getattr(q, k) for k in e if k not in skip} | {"quote": q.quote} for q, e in zip(found, expected)]
    want = [{k: v for k, v in e.items() if k not in skip} for e in expected]
    assert [q.quote for q in found] == [e["quote"] for e in expected]
    assert got == want
    for q, e in zip(found, expected):
        if e.get("pieces"):
            assert [text[a:b] for a, b in q.pieces] == e["pieces"]
            assert q.start == at(text, e["pieces"][0], e.get("nth", 0))[0]
        else:
            assert q.pieces is None and (q.start, q.end) == at(text, e["quote"], e.get("nth", 0))
    return found


# --- texts written for the test -------------------------------------------------------------------

WRITTEN = [
    ("The ministry spent $1.2 billion and €3m on repairs, plus US$ 5 million in aid and £2bn later.", [
        dict(quote="$1.2 billion", value=1.2e9, kind="amount", unit="USD", currency="USD"),
        dict(quote="€3m", value=3e6, kind="amount", unit="EUR", currency="EUR"),
        dict(quote="US$ 5 million", value=5e6, kind="amount", unit="USD", currency="USD"),
        dict(quote="£2bn", value=2e9, kind="amount", unit="GBP", currency="GBP"),
    ]),
    ("Seoul budgeted ₩5 trillion, Canberra A$ 300 million and Beijing RMB 20 billion.", [
        dict(quote="₩5 trillion", value=5e12, currency="KRW"),
        dict(quote="A$ 300 million", value=3e8, currency="AUD"),
        dict(quote="RMB 20 billion", value=2e10, currency="CNY"),
    ]),
    ("Japan plans 1.5 trillion yen for fiscal year 2026, and Ottawa 40 million Canadian dollars.", [
        dict(quote="1.5 trillion yen", value=1.5e12, currency="JPY", year=2026),
        dict(quote="40 million Canadian dollars", value=4e7, currency="CAD", year=None),
    ]),
    ("The navy ordered a dozen frigates and half a dozen tankers; twenty-five ships sailed.", [
        dict(quote="a dozen frigates", value=12, kind="count", unit="frigates"),
        dict(quote="half a dozen tankers", value=6, kind="count", unit="tankers"),
        dict(quote="twenty-five ships", value=25, kind="count", unit="ships"),
    ]),
    ("Between 5 and 10 ships patrol 12–24 nautical miles out, and from 3 to 5 percent of trade.", [
        dict(quote="5 and 10 ships", value=5, value_max=10, kind="range", unit="ships"),
        dict(quote="12–24 nautical miles", value=12, value_max=24, kind="range", unit="nautical miles"),
        dict(quote="3 to 5 percent", value=3, value_max=5, kind="range", unit="percent"),
    ]),
    ("Two or three destroyers and 80,000 Marines arrived; 43 footnotes follow.", [
        dict(quote="Two or three destroyers", value=2, value_max=3, kind="range", unit="destroyers"),
        dict(quote="80,000 Marines", value=80000, kind="count", unit="marines"),
        dict(quote="43 footnotes", value=43, kind="count", unit="footnotes"),
    ]),
    ("The fleet sailed 200 km in a two-week drill under a 10-year plan and a month-long review.", [
        dict(quote="200 km", value=200, kind="distance", unit="km"),
        dict(quote="two-week", value=2, kind="duration", unit="weeks"),
        dict(quote="10-year", value=10, kind="duration", unit="years"),
        dict(quote="month-long", value=1, kind="duration", unit="months"),
    ]),
    ("Spending rose 20 per cent in 2024, up 1.5 percentage points from 2023; 5%-10% is the aim.", [
        dict(quote="20 per cent", value=20, kind="percentage", unit="percent", year=2024),
        dict(quote="1.5 percentage points", value=1.5, unit="percentage points", base_year=2023, year=None),
        dict(quote="5%-10%", value=5, value_max=10, kind="range", unit="percent"),
    ]),
    ("Its economy is 3-fold larger, twice as big as feared and three times the size of Peru's.", [
        dict(quote="3-fold larger", value=3, kind="ratio", unit="times"),
        dict(quote="twice", value=2, kind="ratio"),
        dict(quote="three times", value=3, kind="ratio"),
    ]),
    ("Ministers met three times.", [dict(quote="three times", value=3, kind="count", unit="times")]),
    ("The attack killed 50 people and left 20 wounded; 3,000 soldiers were killed in 1945.", [
        dict(quote="50 people", value=50, kind="casualties", unit="people"),
        dict(quote="20 wounded", value=20, kind="casualties", unit="wounded"),
        dict(quote="3,000 soldiers", value=3000, kind="casualties", unit="soldiers", year=1945),
    ]),
    ("In 2025, China spent about $5 billion on more than 300 new ships.", [
        dict(quote="$5 billion", value=5e9, qualifier="about", approx=True, year=2025),
        dict(quote="300 new ships", value=300, qualifier="more than", approx=True, unit="ships", year=2025),
    ]),
    ("Some 40 tons of cargo crossed 5,000 square km, 1 outpost remained and one inch was lost.", [
        dict(quote="40 tons", value=40, kind="measure", unit="tons", qualifier="some"),
        dict(quote="5,000 square km", value=5000, kind="measure", unit="square km"),
        dict(quote="1 outpost", value=1, kind="count", unit="outposts"),
        dict(quote="one inch", value=1, kind="distance", unit="inches"),
    ]),
    ("It marks the eightieth anniversary and the 25th anniversary of the pact.", [
        dict(quote="eightieth anniversary", value=80, kind="duration", unit="years"),
        dict(quote="25th anniversary", value=25, kind="duration", unit="years"),
    ]),
    ("Nearly 352 and 355 days out of 365 saw ships, and at least 30 personnel, fewer than 10 aircraft.", [
        dict(quote="352 days out of 365", pieces=["352", "days out of 365"], value=352, kind="count",
             unit="days", out_of=365, qualifier="nearly"),
        dict(quote="355 days out of 365", value=355, kind="count", unit="days", out_of=365, qualifier="nearly"),
        dict(quote="30 personnel", value=30, unit="personnel", qualifier="at least"),
        dict(quote="10 aircraft", value=10, unit="aircraft", qualifier="fewer than"),
    ]),
    # a coordinated number quotes its own words and the unit it borrows, in pieces
    ("Tokyo sent 3, 4 and 5 patrol boats, and prices rose 2 and 6 percent.", [
        dict(quote="3 patrol boats", pieces=["3", "patrol boats"], value=3, unit="patrol boats"),
        dict(quote="4 patrol boats", pieces=["4", "patrol boats"], value=4, unit="patrol boats"),
        dict(quote="5 patrol boats", value=5, unit="patrol boats"),
        dict(quote="2 percent", pieces=["2", "percent"], value=2, kind="percentage", unit="percent"),
        dict(quote="6 percent", value=6, kind="percentage", unit="percent"),
    ]),
    ("About 400 Korean and 90 Australian sailors took part for 10 or 12 days.", [
        dict(quote="400 Korean sailors", pieces=["400 Korean", "sailors"], value=400, unit="sailors",
             qualifier="about"),
        dict(quote="90 Australian sailors", value=90, unit="sailors", qualifier="about"),
        dict(quote="10 days", pieces=["10", "days"], value=10, kind="duration", unit="days"),
        dict(quote="12 days", value=12, kind="duration", unit="days"),
    ]),
    # a period named without a number is one of it; "or so" / "or more" hedge what comes before
    ("Over the past decade or so the fleet grew, and for nearly a century the port stayed open.", [
        dict(quote="past decade", value=1, kind="duration", unit="decades", qualifier="or so", approx=True),
        dict(quote="a century", value=1, kind="duration", unit="centuries", qualifier="nearly", approx=True),
    ]),
    ("Within the coming year, twelve frigates or more will join, as in the last month.", [
        dict(quote="coming year", value=1, kind="duration", unit="years", qualifier=None),
        dict(quote="twelve frigates", value=12, unit="frigates", qualifier="or more", approx=True),
        dict(quote="last month", value=1, kind="duration", unit="months"),
    ]),
    ("A thousand troops, a hundred ships and two thousand and five drones.", [
        dict(quote="A thousand troops", value=1000, unit="troops"),
        dict(quote="a hundred ships", value=100, unit="ships"),
        dict(quote="two thousand and five drones", value=2005, unit="drones"),
    ]),
    ("The two Koreas' leaders and two attack submarines, 5,000-ton frigates.", [
        dict(quote="two Koreas", value=2, unit="koreas"),
        dict(quote="two attack submarines", value=2, unit="attack submarines"),
        dict(quote="5,000-ton", value=5000, kind="measure", unit="tons"),
    ]),
]


@pytest.mark.parametrize("text,expected", WRITTEN, ids=[t[:40] for t, _ in WRITTEN])
def test_written_sentences(text, expected):
    check(text, expected)


NOTHING = [
    "The project was approved in 2019 and ran from 1948 to 1977, then 2014-2025.",
    "See Article 9, No. 1, Vol. 150/5/1,455, Track 1.5 and Track 2, Figure 3 and p. 12.",
    "On Dec. 10, 2025 at 10:30 a.m., and on 16 December 2022 and March 30, talks began.",
    "F-15 jets, B-52 bombers, SM-6 missiles, COVID-19 and Su-35 flew; (“2+2”) met 24/7.",
    "First, the 7th Fleet; second, the 2010s, the ’90s and the '90s; Second research area.",
    "Source: https://example.org/2024/05/report-5-ships.html and www.example.com/10-ships",
    "Write to desk@example.org, call +81-3-1234-5678 or (202) 555-0100 or 555-123-4567.",
    "Footnote markers¹² and³ stay out, as in Kishida.¹⁰ The end.",
    "01\n\nConcept Note\n\n02\n\nEvolution of the Alliance",
    "One idea is one another's concern; one of the pillars; the two are convergent.",
    "Hundreds of troops, thousands of civilians and dozens of ships; the Nine-dash line.",
    "A two-front war, the one-China policy, Trump 2.0, the G7 and Type 055 destroyers.",
    "Japan2025 and 2030no sensou [War in 2030] and DOJ2019_2-5-1.pdf and RBA594-1.",
    # periods that date or name a time rather than last one
    "A decade ago, during the last decade of the Cold War, the past decade’s gains were made.",
    "The decade ended; last year and next month the base was used twice a year.",
]


@pytest.mark.parametrize("text", NOTHING, ids=[t[:30] for t in NOTHING])
def test_not_quantities(text):
    assert find_quantities(text) == []


def test_qualifier_is_not_part_of_the_quote():
    text = "With more than 50,000 U.S. troops already stationed on Japanese soil"
    (q,) = find_quantities(text)
    assert (q.quote, q.qualifier, q.approx) == ("50,000 U.S. troops", "more than", True)
    assert text[q.start - len("more than "):q.start] == "more than "


def test_year_is_not_the_comparison_base():
    (q,) = find_quantities("China has increased its defense budget by 7.2% compared with 2024 and continues.")
    assert (q.quote, q.year, q.base_year) == ("7.2%", None, 2024)


def test_number_words():
    assert parse_number_words("seventy years") == (70.0, 7)
    assert parse_number_words("two") == (2.0, 3)
    assert parse_number_words("a dozen") == (12.0, 7)
    assert parse_number_words("one hundred twenty") == (120.0, 18)
    assert parse_number_words("two three")[0] == 2.0
    assert parse_number_words("ships") == (None, 0)


# --- sentences copied from the seeds --------------------------------------------------------------

SEED_SENTENCES = [
    ("Two U.S. nuclear-capable strategic bombers and six Japanese Air Self-Defense Force fighter jets "
     "flew over the Pacific on Dec. 10, 2025.", [
         dict(quote="Two U.S. nuclear-capable strategic bombers", value=2, kind="count", unit="bombers"),
         dict(quote="six Japanese Air Self-Defense Force fighter jets", value=6, kind="count", unit="fighter jets"),
     ]),
    ("When the U.S. dispatched two nuclear-capable B-52 strategic bombers to accompany six Japanese "
     "fighter jets earlier this month,", [
         dict(quote="two nuclear-capable B-52 strategic bombers", value=2, unit="bombers"),
         dict(quote="six Japanese fighter jets", value=6, unit="fighter jets"),
     ]),
    ("China’s defense spending was about 1.785 trillion yuan (about ¥40 trillion) in 2025, about five "
     "times more than Japan’s initial defense budget for fiscal 2025 at about ¥8.7 trillion.", [
         dict(quote="1.785 trillion yuan", value=1.785e12, kind="amount", unit="CNY", currency="CNY",
              qualifier="about", approx=True, year=2025),
         dict(quote="¥40 trillion", value=4e13, kind="amount", currency="JPY", qualifier="about", year=2025),
         dict(quote="five times more", value=5, kind="ratio", unit="times", qualifier="about", year=2025),
         dict(quote="¥8.7 trillion", value=8.7e12, kind="amount", unit="JPY", currency="JPY",
              qualifier="about", year=2025),
     ]),
    ("The Japanese government is set to increase security-related expenditures, including defense "
     "spending, aiming for more than 2% of its gross domestic product.", [
         dict(quote="2% of its gross domestic product", value=2, kind="percentage", unit="percent of GDP",
              qualifier="more than"),
     ]),
    ("Tokyo has also pledged to accelerate its defense spending target by two years, bringing "
     "expenditure to 2% of gross domestic product in this fiscal year, ahead of its original "
     "2027 goal.", [
         dict(quote="two years", value=2, kind="duration", unit="years", qualifier=None),
         dict(quote="2% of gross domestic product", value=2, unit="percent of GDP", year=None),
     ]),
    ("conducted fighter jet launch drills less than 125 miles from the Japanese-administered "
     "Senkaku Islands.", [
         dict(quote="125 miles", value=125, kind="distance", unit="miles", qualifier="less than"),
     ]),
    ("paid tribute to those who lost their lives during the month-long February 1945 conflict, which "
     "claimed approximately 21,900 Japanese and 7,000 U.S. soldiers.", [
         dict(quote="month-long", value=1, kind="duration", unit="months"),
         dict(quote="21,900 Japanese soldiers", pieces=["21,900 Japanese", "soldiers"], value=21900,
              kind="casualties", unit="soldiers", qualifier="approximately"),
         dict(quote="7,000 U.S. soldiers", value=7000, kind="casualties", unit="soldiers", qualifier="approximately"),
     ]),
    ("Speaking at the ceremony commemorating the 80th anniversary of the battle, Hegseth affirmed", [
        dict(quote="80th anniversary", value=80, kind="duration", unit="years"),
    ]),
    ("current peace and prosperity are built on sacrifices and relentless efforts spanning over eight "
     "decades since the war’s end.", [
         dict(quote="eight decades", value=8, kind="duration", unit="decades", qualifier="over"),
     ]),
    ("The U.S.-Japan Alliance has endured over seventy years of transformation in the international "
     "security environment.", [
         dict(quote="seventy years", value=70, kind="duration", unit="years", qualifier="over"),
     ]),
    ("Japan's security risks have heightened significantly over the past three decades as a result", [
        dict(quote="three decades", value=3, kind="duration", unit="decades", qualifier=None),
    ]),
    ("China has constructed 20 outposts in the Paracel Islands and 7 outposts in the Spratly Islands.", [
        dict(quote="20 outposts", value=20, kind="count", unit="outposts"),
        dict(quote="7 outposts", value=7, kind="count", unit="outposts"),
    ]),
    ("loitered inside Japan's internationally recognized contiguous zone (within 12-24 nautical miles "
     "from the islands' coastal features). In each of those years, People's Liberation Army Navy and "
     "Chinese Coast Guard vessels were present in these waters 352 and 355 days out of 365, respectively.", [
         dict(quote="12-24 nautical miles", value=12, value_max=24, kind="range", unit="nautical miles", year=None),
         dict(quote="352 days out of 365", pieces=["352", "days out of 365"], value=352, kind="count",
              unit="days", out_of=365),
         dict(quote="355 days out of 365", value=355, kind="count", unit="days", out_of=365),
     ]),
    ("Provision of Radars to the Philippines Can Create a 3,000-Nautical-Mile Air Surveillance Zone.", [
        dict(quote="3,000-Nautical-Mile", value=3000, kind="distance", unit="nautical miles"),
    ]),
    ("Buildup Program (DBP) in December 2022 which have noted seven key areas to enhance the readiness", [
        dict(quote="seven key areas", value=7, kind="count", unit="areas"),
    ]),
    ("The project explores three research areas as follows:", [
        dict(quote="three research areas", value=3, kind="count", unit="research areas"),
    ]),
    ("Naming two allies, Japan and South Korea, the strategy says,", [
        dict(quote="two allies", value=2, kind="count", unit="allies"),
    ]),
    ("Japan established in March the JSDF Joint Operations Command (JJOC), which is responsible for "
     "commanding the SDF’s three branches.", [
         dict(quote="three branches", value=3, kind="count", unit="branches"),
     ]),
]


@pytest.mark.parametrize("text,expected", SEED_SENTENCES, ids=[t[:40] for t, _ in SEED_SENTENCES])
def test_seed_sentences(text, expected):
    check(text, expected)


def test_seed_furniture_is_not_quantities():
    """Dates, years, designations, footnote markers and URLs as they occur in the seeds."""
    for text in [
        "Japan Air Self-Defense Force F-15 fighter jets fly alongside a U.S. Air Force B-52",
        "Tokyo and Washington confirmed in 2024 their policy of upgrading the U.S. Forces Japan",
        "the ruling Liberal Democratic Party from amending Article 9 (peace clause) of the constitution.",
        "Track 1.5 and Track 2 security dialogues (with the Chatham House rule) need to be prepared",
        "U.S. Naval Institute. May 2024 Proceedings Vol. 150/5/1,455. <https://www.usni.org/magazines/>",
        "Joint Statement of the Security Consultative Committee (\"2+2\"), July 28, 2024.",
        "the Western Pacific,¹ where forward deployment of the U.S. forces not only yielded",
        "2025/#:~:text=China%20continues%20the%20long%2Dterm,for%20road%2Dmobile%20missile%20launchers.",
        "01\n\nConcept Note\n\n02",
        "First research area comprehensively reviews the evolution of the U.S.-Japan alliance",
        "the abovementioned problems, the former Kishida Fumio administration issued",
        "Since the 2010s, Japan and the U.S. has taken significant steps",
        "for which they were used from 1948 to 1977.³¹",
        "the two are convergent on dealing with the threats in the region.⁴³",
    ]:
        assert find_quantities(text) == [], text


# --- every seed -----------------------------------------------------------------------------------

def seed_texts():
    return sorted(SEEDS.glob("*.txt"))


@pytest.mark.parametrize("path", seed_texts(), ids=lambda p: p.stem)
def test_every_seed_spans_quote_their_text(path):
    text = path.read_text(encoding="utf-8")
    found = find_quantities(text)
    assert found, path.name
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert quoted(text, q) == q.quote
        assert q.kind in ("amount", "percentage", "count", "duration", "distance", "ratio",
                          "casualties", "range", "measure")
    assert [q.start for q in found] == sorted(q.start for q in found)


def test_seed_counts():
    counts = {p.stem[:3]: len(find_quantities(p.read_text(encoding="utf-8"))) for p in seed_texts()}
    assert counts == {"000": 4, "001": 6, "002": 8, "003": 9, "004": 22}


@pytest.mark.parametrize("text, description", [
    ("Over the past decade or so, the navy grew.", "1 decade or so"),
    ("The month-long battle ended.", "1 month"),
    ("They sent ten ships or more.", "10 ships or more"),
    ("It took one week.", "1 week"),
    ("Two days passed.", "2 days"),
])
def test_descriptions_read_as_written_english(text, description):
    """A value of one takes the singular, and a qualifier written after the number stays after it."""
    from alliance_record.extract.claims import describe

    found = [describe(q) for q in find_quantities(text)]
    assert description in found, found
