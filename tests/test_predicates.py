"""One draft per event: a subject that governs coordinated verb phrases of event verbs reports one
event per predicate, each typed by its own verb and object (suggest._units); and three typing gaps
of the lexicon (eventtype): "as <office>", missile words, a budget approved. Probe sentences
written for these tests (real facts, own words), with the drafts a reader expects; written before
the code, first run recorded in the commit that added them."""

import pytest

from alliance_record import eventtype, suggest


def parts(sentence: str) -> list[tuple[str, str | None]]:
    """(words, type) of each unit a sentence is drafted from: its main clause or parts."""
    unit = {"id": "s1", "text": sentence, "start": 0, "end": len(sentence), "spans": None}
    return [(u["text"].strip(" ."), u["reading"].type) for u in suggest._units([unit]) if not u.get("sub")]


@pytest.mark.parametrize("sentence, expected", [
    # readouts: one subject, ", <verb> ..., and <verb> ..."
    ("The Quad foreign ministers condemned North Korea's ballistic missile launches, stressed the value of "
     "maritime domain awareness, and launched a Quad maritime legal dialogue in Tokyo.",
     [("The Quad foreign ministers condemned North Korea's ballistic missile launches, stressed the value of "
       "maritime domain awareness", "statement"),  # words said: one statement
      ("launched a Quad maritime legal dialogue in Tokyo", "meeting")]),  # a dialogue: its talks
    ("Prime Minister Ishiba met President Trump at the White House on Feb. 7, 2025, and announced plans to "
     "raise Japan's investment in the United States to $1 trillion.",
     # what came of talks is told with them (the gold sets read "met ... and launched" as one meeting)
     [("Prime Minister Ishiba met President Trump at the White House on Feb. 7, 2025, and announced plans to "
       "raise Japan's investment in the United States to $1 trillion", "meeting")]),
    ("Defense Minister Gen Nakatani visited Iwo Jima on March 29, 2025, and attended a memorial ceremony "
     "for the battle's dead.",
     [("Defense Minister Gen Nakatani visited Iwo Jima on March 29, 2025", "visit"),
      ("attended a memorial ceremony for the battle's dead", "ceremony")]),
    ("The leaders signed a joint vision statement and agreed to upgrade U.S. Forces Japan to a joint force "
     "headquarters.",
     # no comma: one act told (the gold sets read "flew ... and struck", "met ... and launched" as one)
     [("The leaders signed a joint vision statement and agreed to upgrade U.S. Forces Japan to a joint force "
       "headquarters", "agreement")]),
    # a meeting inside a series: the series' last ", and" opens an act of its own; an act the lexicon
    # does not type ("laid a wreath") stays in the part before it
    ("Stoltenberg visited Tokyo in January 2023, met Kishida, and toured an air base near Tokyo.",
     [("Stoltenberg visited Tokyo in January 2023", "visit"), ("met Kishida", "meeting"),
      ("toured an air base near Tokyo", "visit")]),
    ("Kishida flew to Kyiv on March 21, 2023, met Zelensky, and laid a wreath at a memorial in Bucha.",
     [("Kishida flew to Kyiv on March 21, 2023, met Zelensky, and laid a wreath at a memorial in Bucha", "visit")]),
    # wire copy: a passive first, then an act
    ("Shigeru Ishiba was elected prime minister by parliament on Oct. 1, 2024, and dissolved the lower house "
     "eight days later.",
     [("Shigeru Ishiba was elected prime minister by parliament on Oct. 1, 2024", "appointment"),
      ("dissolved the lower house eight days later", "policy")]),
    ("North Korea fired a Hwasong-19 missile into the sea on Oct. 31, 2024, and claimed it was its most "
     "powerful yet.",
     [("North Korea fired a Hwasong-19 missile into the sea on Oct. 31, 2024", "incident"),
      ("claimed it was its most powerful yet", "statement")]),
    # commentary: two acts of one subject, no comma: one act told
    ("Japan relaxed its arms export rules in December 2023 and approved the export of Patriot missiles "
     "to the United States.",
     [("Japan relaxed its arms export rules in December 2023 and approved the export of Patriot missiles to "
       "the United States", "policy")]),
    # not split: a list of objects of one verb, auxiliaries, complements of one act, one verb
    ("The ministers agreed to expand joint exercises, intelligence sharing and missile co-production.",
     [("The ministers agreed to expand joint exercises, intelligence sharing and missile co-production",
       "agreement")]),
    ("The cabinet has approved and will submit the revised budget to the Diet.",
     [("The cabinet has approved and will submit the revised budget to the Diet", "budget")]),
    ("The two navies sailed together through the Philippine Sea and the South China Sea in June 2024.",
     [("The two navies sailed together through the Philippine Sea and the South China Sea in June 2024",
       "exercise")]),
    ("Tokyo and Manila signed the agreement in Manila on July 8, 2024, and it entered into force on "
     "Sept. 11, 2025.",  # a new subject: the clause split already made
     [("Tokyo and Manila signed the agreement in Manila on July 8, 2024", "agreement"),
      ("it entered into force on Sept. 11, 2025", "agreement")]),
    ("The minister expressed concern and urged restraint.",  # two words said: one statement (same type)
     [("The minister expressed concern and urged restraint", "statement")]),
    ("Hegseth inspected the troops and the ships at Yokosuka.",
     [("Hegseth inspected the troops and the ships at Yokosuka", "visit")]),
    ("Beijing criticized the drills and demanded that Tokyo stop them, a spokesman said.",
     [("Beijing criticized the drills and demanded that Tokyo stop them, a spokesman said", "statement")]),
])
def test_each_coordinated_predicate_is_a_unit_of_its_own(sentence, expected):
    assert parts(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # "as <office>": an appointment, whatever the verb
    ("Takaichi named Toshimitsu Motegi as foreign minister on Oct. 21, 2025.", "appointment"),
    ("Kishida brought Taro Kono back as digital minister in August 2022.", "appointment"),
    ("The LDP installed Shigeru Ishiba as party president in September 2024.", "appointment"),
    ("Ishiba kept Gen Nakatani as defense minister after the election.", "appointment"),
    ("Kishida stepped down as prime minister in October 2024.", "appointment"),
    ("Lloyd Austin was sworn in as defense secretary in January 2021.", "appointment"),
    ("Pete Hegseth took over as secretary of defense on Jan. 25, 2025.", "appointment"),
    ("Ishiba chose Takeshi Iwaya as his foreign minister.", "appointment"),
    ("Admiral Samuel Paparo took command as head of the Indo-Pacific Command in May 2024.", "appointment"),
    # controls: "as" with no office
    ("Japan sent a destroyer as an escort for the convoy.", "deployment"),
    ("The ministers described the meeting as productive.", "statement"),
    ("Japan confirmed its role as a regional leader.", "statement"),  # a role, no office taken
    ("The Senate confirmed Pete Hegseth as defense secretary on Jan. 24, 2025.", "appointment"),
    # missile words the incident lexicon lacked
    ("North Korea launched an ICBM toward the Sea of Japan on Dec. 18, 2023.", "incident"),
    ("China test-fired an ICBM into the Pacific Ocean on Sept. 25, 2024.", "incident"),
    ("Pyongyang fired an SLBM from a submarine off Sinpo.", "incident"),
    ("North Korea launched a hypersonic glide vehicle on Jan. 6, 2025.", "incident"),
    ("North Korea launched an IRBM over Japan in October 2022.", "incident"),
    ("Pyongyang conducted an ICBM launch on Oct. 31, 2024.", "incident"),
    ("North Korea fired a barrage of short-range ballistic missiles on Nov. 5, 2024.", "incident"),
    # a budget approved: the object's noun wins over a generic approval verb
    ("The cabinet approved a record defense budget of 8.7 trillion yen on Dec. 27, 2024.", "budget"),
    ("The Bundestag passed Germany's 2024 federal budget on Feb. 2, 2024.", "budget"),
    ("Japan's cabinet adopted a supplementary budget that includes defense outlays.", "budget"),
    ("The cabinet endorsed a defense budget request of 8.8 trillion yen.", "budget"),
    # controls: an approval of no budget
    ("The cabinet approved the export of Patriot missiles to the United States.", "policy"),
    ("The Diet passed a security clearance law in May 2024.", "policy"),
])
def test_as_office_missiles_and_budgets(sentence, expected):
    assert eventtype.read(sentence).type == expected


@pytest.mark.parametrize("sentence, verb", [
    # a participle that opens a sentence is no subject: the main clause comes after its comma
    ("Having landed in Manila on July 8, Kihara signed the reciprocal access agreement.", "signed"),
    ("Having toured the shipyard, Austin praised the workers.", "praised"),
    ("Being elected party leader on Sept. 27, Ishiba dissolved the lower house.", "dissolved"),
    ("Getting no reply from Pyongyang, Seoul suspended the military agreement.", "suspended"),
    ("Speaking to reporters in Canberra, Marles welcomed the decision.", "welcomed"),
    ("Citing the missile threat, Tokyo expanded its counterstrike plans.", "expanded"),
    ("Having met Yoon at Camp David, Biden hosted a joint press conference.", "hosted"),
    ("Being briefed on the launch, Kishida convened the National Security Council.", "convened"),
    # a place whose name ends like a participle is a subject (the gazetteer knows it)
    ("Nanjing protested the visit to the shrine.", "protested"),
    ("Chongqing hosted trade talks with Japanese firms in 2019.", "hosted"),
    ("Kunming welcomed the delegation from Laos.", "welcomed"),
])
def test_an_opening_participle_is_no_subject_a_place_in_ing_is(sentence, verb):
    assert eventtype.read(sentence).verb == verb


@pytest.mark.parametrize("sentence, appointed", [
    # "as <office>" after a verb that is no appointment, or after more than its object
    ("Blinken took part in the talks as secretary of state in July 2024.", False),
    ("Kishida returned to Hiroshima as prime minister for the G7 summit.", False),
    ("Hegseth took reporters' questions as defense secretary aboard the carrier.", False),
    ("Marles chose to visit Darwin as deputy prime minister in 2023.", False),
    ("Abe kept a low profile as former prime minister after 2020.", False),
    ("Kishida confirmed the plan as prime minister in April.", False),
    ("Takaichi selected Yokosuka as the venue for the talks.", False),
    # an appointment verb, "as" right after the person
    ("Ishiba appointed Takeshi Iwaya as foreign minister on Oct. 1, 2024.", True),
    ("Biden nominated Rahm Emanuel as ambassador to Japan in August 2021.", True),
    ("Kishida retained Yoko Kamikawa as foreign minister in the 2023 reshuffle.", True),
    ("Mike Waltz stepped down as national security adviser in May 2025.", True),
    ("Anthony Albanese took over as prime minister of Australia in May 2022.", True),
])
def test_as_office_needs_an_appointment_verb_and_its_object(sentence, appointed):
    assert (eventtype.read(sentence).type == "appointment") == appointed


@pytest.mark.parametrize("sentence, type_, same", [
    # a missile or a budget named inside the object, not heading it, types nothing
    ("The navy launched a study of ICBM interception methods.", "incident", False),
    ("Seoul launched an inquiry into the rocket debris found off Gunsan.", "incident", False),
    ("The ministry launched a campaign against missile misinformation.", "incident", False),
    ("The assembly adopted a motion opposing the defense budget.", "budget", False),
    ("The senators passed an amendment limiting the budget for the base.", "budget", False),
    ("The council endorsed a report on the budget shortfall.", "budget", False),
    # heading it (after a quantity, or a budget's request)
    ("North Korea fired a salvo of cruise missiles off its west coast in January 2024.", "incident", True),
    ("Pyongyang launched a solid-fuel IRBM toward the sea on April 2, 2024.", "incident", True),
    ("The Australian parliament passed the 2024 defence budget in June.", "budget", True),
    ("Japan's cabinet approved a draft budget request of 8.5 trillion yen.", "budget", True),
    ("The cabinet approved a 1.2 trillion yen supplementary budget on Nov. 29, 2024.", "budget", True),
    ("North Korea fired a cruise missile the next morning.", "incident", True),
])
def test_a_missile_or_a_budget_counts_as_the_head_of_the_object(sentence, type_, same):
    assert (eventtype.read(sentence).type == type_) == same


def test_a_long_series_of_verb_phrases_is_read_a_bounded_number_of_times(monkeypatch):
    """A hostile sentence of one verb phrase repeated ("..., and urged restraint" a hundred thousand
    times, 2 MB) is cut into a bounded number of parts and its words are read a bounded number of
    times: the work counted, no clock."""
    read, work = eventtype.read, []

    def counting(text):
        work.append(len(text))
        return read(text)

    monkeypatch.setattr(eventtype, "read", counting)
    text = "The envoy deplored the blockade" + ", and urged restraint" * 100_000 + "."
    units = list(suggest._units([{"id": "s1", "text": text, "start": 0, "end": len(text), "spans": None}]))
    assert len(units) <= suggest.MAX_PARTS + 1
    assert len(work) <= 4 * suggest.MAX_PARTS and sum(work) <= 3 * len(text)
