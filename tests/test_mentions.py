"""Mention finding: ambiguity rules on texts written for the test, and recall on a hand-marked sample."""

import textwrap

import pytest

from alliance_record import pipeline, schema, segment
from alliance_record.curate import Registry
from alliance_record.extract import mentions
from alliance_record.ingest import Document, normalize_text
from alliance_record.load import prepare, span_problem
from alliance_record.yamlio import loads_yaml

REGISTRY = """
actors:
  - {id: japan, name: Japan, type: state, aliases: [Tokyo]}
  - {id: united-states, name: United States, type: state, aliases: [U.S., the U.S., Washington, America]}
  - {id: china, name: China, type: state, aliases: [PRC, the PRC, Beijing], demonyms: [Chinese]}
  - {id: usfj, name: U.S. Forces Japan, type: military, aliases: [USFJ]}
  - {id: shinjiro-koizumi, name: Shinjiro Koizumi, type: person, aliases: [Koizumi, Mr. Koizumi]}
  - {id: yu-koizumi, name: Yu Koizumi, type: person, aliases: [Koizumi, "Koizumi, Yu"]}
  - {id: pete-hegseth, name: Pete Hegseth, type: person, aliases: [Hegseth]}
  - {id: gen-nakatani, name: Gen Nakatani, type: person}
  - {id: marcus-rice, name: Marcus T. Rice, type: person}
  - {id: ann-may, name: Ann May, type: person}
  - {id: lloyd-austin, name: Lloyd Austin, type: person}
  - {id: john-mccain, name: John McCain, type: person}
  - {id: asia-society, name: Asia Society, type: organization}
  - {id: russia, name: Russia, type: state, aliases: [Moscow]}
  - {id: north-korea, name: North Korea, type: state}
  - {id: cambodia, name: Cambodia, type: state}
  - {id: iraq, name: Iraq, type: state}
  - {id: nato, name: NATO, type: grouping}
  - {id: dod, name: Department of Defense, type: government-body, aliases: [Pentagon]}
  - {id: us-japan-alliance, name: U.S.-Japan alliance, type: grouping, aliases: [Japan-U.S. alliance]}
  - {id: us-military, name: U.S. military, type: military}
  - {id: pla, name: People's Liberation Army, type: military, aliases: [Chinese military]}
  - {id: prc-government, name: Government of China, type: government, aliases: [Chinese government]}
  - {id: harbor-post, name: The Harbor Post, type: media}
  - {id: daily-brief, name: Daily Brief, type: media}
  - {id: harbor-consortium, name: Consortium of Harbor Researchers, type: organization}
places:
  - {id: japan, name: Japan, type: country, latitude: 36, longitude: 138, geo_precision: centroid}
  - {id: united-states, name: United States, type: country, latitude: 39, longitude: -98, geo_precision: centroid, aliases: [U.S., the United States]}
  - {id: tokyo, name: Tokyo, type: city, latitude: 35.68, longitude: 139.69, geo_precision: point}
  - {id: washington-dc, name: "Washington, D.C.", type: city, latitude: 38.9, longitude: -77.03, geo_precision: point, aliases: [Washington]}
  - {id: beijing, name: Beijing, type: city, latitude: 39.9, longitude: 116.4, geo_precision: point}
  - {id: pacific-ocean, name: Pacific Ocean, type: ocean, latitude: 0, longitude: -160, geo_precision: region, aliases: [Pacific, the Pacific]}
  - {id: east-china-sea, name: East China Sea, type: sea, latitude: 29, longitude: 125, geo_precision: centroid}
  - {id: south-china-sea, name: South China Sea, type: sea, latitude: 12, longitude: 113, geo_precision: centroid}
  - {id: philippines, name: Philippines, type: country, latitude: 12, longitude: 122, geo_precision: centroid}
  - {id: china, name: China, type: country, latitude: 35, longitude: 103, geo_precision: centroid, aliases: [PRC]}
  - {id: russia, name: Russia, type: country, latitude: 60, longitude: 90, geo_precision: centroid}
  - {id: north-korea, name: North Korea, type: country, latitude: 40, longitude: 127, geo_precision: centroid}
  - {id: cambodia, name: Cambodia, type: country, latitude: 12.5, longitude: 105, geo_precision: centroid}
  - {id: iraq, name: Iraq, type: country, latitude: 33, longitude: 44, geo_precision: centroid}
  - {id: indian-ocean, name: Indian Ocean, type: ocean, latitude: -20, longitude: 80, geo_precision: region}
  - {id: arabian-sea, name: Arabian Sea, type: sea, latitude: 14, longitude: 65, geo_precision: centroid}
  - {id: texas, name: Texas, type: admin-area, latitude: 31, longitude: -100, geo_precision: centroid}
  - {id: pentagon, name: The Pentagon, type: facility, latitude: 38.87, longitude: -77.06, geo_precision: point, aliases: [Pentagon]}
"""


def registries():
    data = loads_yaml(REGISTRY, "registry.yml")
    actors = Registry("actors.yml", "actor", [dict(e, aliases=e.get("aliases", [])) for e in data["actors"]])
    places = Registry("places.yml", "place", [dict(e, aliases=e.get("aliases", [])) for e in data["places"]])
    return actors, places


def run(text, doc_id="t", title="Test Title"):
    text = normalize_text(textwrap.dedent(text).lstrip("\n"))
    doc = Document(id=doc_id, stem=doc_id, source_file="t.txt", text=text, meta={"title": title})
    seg = segment.segment(doc)
    actors, places = registries()
    ctx = pipeline.Context(inputs=pipeline.Inputs(seeds_dir=None, catalog=None, documents=[doc],
                                                  actors=actors, places=places))
    out = mentions.extract(doc, seg, seg.rows(), ctx)
    for kind in ("actor", "place"):
        table = f"{kind}_mentions"
        columns = list(schema.TABLES_BY_NAME[table].columns)
        for row in (dict(zip(columns, t)) for t in prepare(table, out[table], {doc_id: text})):
            assert span_problem(text, row["start"], row["end"], row["surface"], row["spans"]) is None
            assert text[row["start"] - len(row["prefix"]):row["start"]] == row["prefix"]
    found = [(r["start"], r["surface"], "actor", r["actor_id"]) for r in out["actor_mentions"]]
    found += [(r["start"], r["surface"], "place", r["place_id"]) for r in out["place_mentions"]]
    return [f[1:] for f in sorted(found)], out, ctx


def test_capitals_are_places_or_governments_by_context():
    found, _, _ = run("""
        The ministers met in Tokyo on Monday. Tokyo and Washington confirmed the plan.
        As Beijing presses its claims, the urgency for Tokyo and Washington to act grows.
        Officials in Beijing said little.
        """)
    assert found == [
        ("Tokyo", "place", "tokyo"),
        ("Tokyo", "actor", "japan"), ("Washington", "actor", "united-states"),
        ("Beijing", "actor", "china"),
        ("Tokyo", "actor", "japan"), ("Washington", "actor", "united-states"),
        ("Beijing", "place", "beijing"),
    ]


def test_countries_are_states_unless_locative():
    found, _, _ = run("""
        Japan established a new command. U.S. troops are stationed in Japan.
        Hegseth made a visit to Japan and a trip to the United States followed.
        China could invade Japan, and a Japan contingency worries planners.
        """)
    kinds = [(s, k) for s, k, _ in found if s in ("Japan", "United States")]
    assert kinds == [("Japan", "actor"), ("Japan", "place"), ("Japan", "place"), ("United States", "place"),
                     ("Japan", "place"), ("Japan", "place")]


def test_longest_match_wins():
    found, _, _ = run("The U.S. Forces Japan (USFJ) will be upgraded. U.S. officials agreed.\n")
    assert found[0] == ("U.S. Forces Japan", "actor", "usfj")
    assert ("Japan", "actor", "japan") not in found and ("Japan", "place", "japan") not in found
    assert ("USFJ", "actor", "usfj") in found


def test_bare_surname_resolves_to_the_person_the_document_names():
    found, _, _ = run("Defense Minister Shinjiro Koizumi spoke. Later, Koizumi left.\n", doc_id="a")
    assert found[-1] == ("Koizumi", "actor", "shinjiro-koizumi")
    found, _, _ = run("Koizumi, Yu. Russian Military Modernization. 2021.\n\nYu Koizumi wrote it.\n", doc_id="b")
    assert ("Koizumi, Yu", "actor", "yu-koizumi") in found
    found, out, ctx = run("Koizumi spoke at length.\n", doc_id="c")
    assert found == []  # no full name in the document: not guessed ...
    assert ctx.state["mentions.unresolved"][0]["candidates"] == ["shinjiro-koizumi", "yu-koizumi"]  # ... but reported
    rows = mentions.finish(ctx)["unmatched_names"]
    assert any(r["surface"] == "Koizumi" and r["status"] == "ambiguous" for r in rows)


def test_a_family_name_alone_names_the_person_the_document_names_in_full():
    """No alias needed: "Nakatani" is Gen Nakatani where the document names him in full (before or
    after), and nobody where it does not; a family name that is a common word stays a word."""
    found, _, _ = run("Nakatani arrives\n\nDefense Minister Gen Nakatani met Hegseth. Nakatani's aides said "
                      "Nakatani would return.\n", doc_id="d")
    assert [f[0] for f in found if f[2] == "gen-nakatani"] == ["Nakatani", "Gen Nakatani", "Nakatani", "Nakatani"]
    found, out, ctx = run("Nakatani spoke. The rice harvest and Rice exports rose in May.\n", doc_id="e")
    assert found == [] and ctx.state.get("mentions.unresolved", []) == []  # named in full nowhere: no one
    found, _, _ = run("Marcus T. Rice wrote that Rice policy is firm. Ann May spoke in May.\n", doc_id="f")
    assert found.count(("Rice", "actor", "marcus-rice")) == 1  # after the full name, with its initial
    assert ("May", "actor", "ann-may") not in found           # a month is no family name to find alone


def test_a_family_name_written_with_an_inner_capital_is_found_alone():
    assert mentions.family_names("John McCain") == ["McCain"]
    assert mentions.family_names("Douglas MacArthur") == ["MacArthur"]
    assert mentions.family_names("Beto O'Rourke") == ["O'Rourke"]
    assert mentions.family_names("Alexandria Ocasio-Cortez") == ["Ocasio-Cortez"]
    assert mentions.family_names("Heigo Sato") == ["Sato"]
    assert mentions.family_names("Jens NATO") == [] and mentions.family_names("Ann May") == []
    found, _, _ = run("Senator John McCain visited Tokyo. McCain said the alliance held.\n", doc_id="mc")
    assert [f[0] for f in found if f[2] == "john-mccain"] == ["John McCain", "McCain"]


def test_a_family_name_inside_a_place_or_another_name_is_not_the_person():
    """"Austin, Texas" is a place, "Steve Austin" and "Austin Peay" other people, even where the
    document names Lloyd Austin; a title before the family name ("Secretary Austin"), a
    sentence's first word or a headline's capitalised words leave it his."""
    found, _, _ = run("Lloyd Austin spoke in Austin, Texas. Steve Austin and Austin Peay listened.\n"
                      "Later, Secretary Austin met Hegseth. Then Austin left. Meanwhile Austin called. "
                      "Austin, who had flown in, said Austin, Japan and China agreed.\n", doc_id="au")
    austin = [f[0] for f in found if f[2] == "lloyd-austin"]
    assert austin == ["Lloyd Austin"] + ["Austin"] * 5, found
    assert ("Texas", "place", "texas") in found
    found, _, _ = run("Austin Meets Hegseth\n\nDefense Secretary Lloyd Austin met Pete Hegseth.\n",
                      doc_id="au2", title="Austin Meets Hegseth")
    assert [f[0] for f in found if f[2] == "lloyd-austin"][0] == "Austin"  # the headline's


def test_possessives_line_breaks_page_breaks_and_markers():
    text = ("Hegseth’s visit ended. Shinjiro\nKoizumi agreed. Talks reached the Philippines²¹ and the\n\n"
            "¹ A note.\n\nPacific, as seen before.\n")
    found, out, _ = run(text)
    surfaces = [f[0] for f in found]
    assert "Hegseth" in surfaces and "Shinjiro\nKoizumi" in surfaces and "Philippines" in surfaces
    assert ("Pacific", "place", "pacific-ocean") in found


def test_no_mentions_inside_urls_or_unregistered_org_names():
    found, _, _ = run("See https://www.spf.org/iina/en/articles/koizumi_01.html and the Pacific War history "
                      "by the Asia Society, plus www.japan.example/Tokyo.\n")
    assert found == [("Asia Society", "actor", "asia-society")]


def test_elided_names_give_both_entities():
    found, out, _ = run("Provocations in the East and South China Seas continue.\n")
    assert sorted(f[2] for f in found) == ["east-china-sea", "south-china-sea"]
    assert {r["surface"] for r in out["place_mentions"]} == {"East and South China Seas"}


def test_summaries_count_mentions_and_co_mentions():
    _, out, ctx = run("Hegseth met Koizumi, Shinjiro Koizumi, in Tokyo. Hegseth left.\n")
    by_doc = {r["actor_id"]: r["mentions"] for r in out["actor_mentions_by_document"]}
    assert by_doc == {"pete-hegseth": 2, "shinjiro-koizumi": 2}
    rows = mentions.finish(ctx)["actor_co_mentions"]
    pairs = {(r["actor_id"], r["other_actor_id"]): (r["sentences"], r["documents"]) for r in rows}
    assert pairs == {("pete-hegseth", "shinjiro-koizumi"): (1, 1), ("shinjiro-koizumi", "pete-hegseth"): (1, 1)}


@pytest.mark.parametrize("fixture", ["mentions_gold.yml", "mentions_heldout.yml", "mentions_fresh.yml"])
def test_recall_and_precision_on_hand_marked_samples(fixture, capsys):
    from mention_eval import GOLD, evaluate

    path = GOLD.with_name(fixture)
    if not path.exists():
        pytest.skip(f"{fixture} not annotated yet")
    r = evaluate(path)
    with capsys.disabled():
        print(f"\n{fixture}: {r['found']}/{r['gold']} gold mentions found (recall {r['recall']:.3f}), "
              f"precision {r['precision']:.3f} over {r['system_in_sample']} system mentions in the sample")
    assert r["recall"] >= 0.95, r["missed"]
    assert r["precision"] >= 0.95, r["extra"]


def readings(text, doc_id="t"):
    """(surface, kind:id) for every mention of a text written for the test, in reading order."""
    found, _, _ = run(text, doc_id=doc_id)
    return [(surface, f"{kind}:{eid}") for surface, kind, eid in found]


def test_coordinated_names_share_one_reading():
    # the words before the first name and after the last decide for every name of the list
    assert readings("There are questions in both Tokyo and Washington over the plan.\n") == [
        ("Tokyo", "actor:japan"), ("Washington", "actor:united-states")]
    assert readings("The envoy travelled to Tokyo and Washington in May.\n") == [
        ("Tokyo", "place:tokyo"), ("Washington", "place:washington-dc")]
    # an unambiguous place in the list makes the states in it places too ...
    assert readings("Patrols covered Cambodia, Iraq and the Indian Ocean.\n") == [
        ("Cambodia", "place:cambodia"), ("Iraq", "place:iraq"), ("Indian Ocean", "place:indian-ocean")]
    # ... and "places like" a list is a list of places
    assert [r for _, r in readings("Units served in places like Cambodia, Iraq, and Russia.\n")] == [
        "place:cambodia", "place:iraq", "place:russia"]
    # a possessive starts a noun phrase of its own: not coordinated with the name before it
    assert readings("Doubts toward the U.S. and Washington's demands grew.\n") == [
        ("U.S.", "actor:united-states"), ("Washington", "actor:united-states")]
    assert readings("Attention turned to the Indian Ocean and the PRC's growing ambitions.\n") == [
        ("Indian Ocean", "place:indian-ocean"), ("PRC", "actor:china")]
    # a list ends with the name after its "and": the next name is read on its own
    assert readings("Japan lies within range of China, North Korea, and Russia, Japan's planners say.\n") == [
        ("Japan", "place:japan"), ("China", "place:china"), ("North Korea", "place:north-korea"),
        ("Russia", "place:russia"), ("Japan", "actor:japan")]


def test_attributive_country_or_building_is_the_actor():
    assert readings("Analysts expect shifts in U.S. strategic priorities.\n") == [("U.S.", "actor:united-states")]
    assert readings("Japan joined the U.S.-led relief mission.\n")[1] == ("U.S.", "actor:united-states")
    assert readings("New commands stand near U.S. bases in Japan.\n") == [
        ("U.S.", "actor:united-states"), ("Japan", "place:japan")]
    assert readings("Two missiles flew towards the U.S. territory.\n") == [("U.S.", "actor:united-states")]
    # a building qualifying a compound of names and a noun: "Pentagon AUKUS review"
    assert readings("Staff met at the Pentagon. A Pentagon NATO review is due.\n") == [
        ("Pentagon", "place:pentagon"), ("Pentagon", "actor:dod"), ("NATO", "actor:nato")]
    # a verb after the name is no noun it qualifies: "his visit to Japan reflect a"
    assert readings("The deals made during his visit to Japan reflect a new strategy.\n") == [
        ("Japan", "place:japan")]
    # but a situation it qualifies is the place
    assert readings("Planners fear a Japan contingency.\n") == [("Japan", "place:japan")]


def test_spatial_relations_take_the_place_and_influence_takes_the_actor():
    assert readings("Bombers now patrol north of Japan every month.\n") == [("Japan", "place:japan")]
    assert readings("Ships encroached on Japan again.\n") == [("Japan", "place:japan")]
    # the area around a place, however qualified, is the place; what it owns is the state's
    assert readings("Drills moved away from Japan's immediate Northeast Asian neighborhood.\n") == [
        ("Japan", "place:japan")]
    assert readings("Drills moved away from Japan's remote islands and Japan's allies.\n") == [
        ("Japan", "actor:japan"), ("Japan", "actor:japan")]
    assert readings("Sanctions could empower Beijing in the talks.\n") == [("Beijing", "actor:china")]
    assert readings("Partners tried to deter Moscow.\n") == [("Moscow", "actor:russia")]
    # the one a thing moves to a feeling, and the one wanted or asked to act, is the government
    assert readings("The breach alarmed Beijing enough to act.\n") == [("Beijing", "actor:china")]
    assert readings("Allies want Tokyo to spend more.\n") == [("Tokyo", "actor:japan")]
    # but wanting a trip to a city is not wanting its government to act, a name qualifying a noun
    # is no object of a feeling, and "to its limits" is no act
    assert readings("Visitors want Tokyo to the end of May.\n") == [("Tokyo", "place:tokyo")]
    assert readings("The heat upset Tokyo hotels.\n") == [("Tokyo", "place:tokyo")]
    assert readings("Officials asked Tokyo to its limits.\n") == [("Tokyo", "place:tokyo")]
    # an attitude in a capital is its government's; an event in it happens in the city
    assert readings("There was concern in Tokyo about the talks.\n") == [("Tokyo", "actor:japan")]
    assert readings("A rally took place in Tokyo about the base.\n") == [("Tokyo", "place:tokyo")]
    # a burden put onto a state is put on the actor
    assert readings("Responsibility onto Japan has grown.\n") == [("Japan", "actor:japan")]


def test_demonym_forms_name_the_body_only_at_the_end_of_their_phrase():
    assert readings("Hegseth spoke of deterring Chinese military aggression.\n") == [("Hegseth", "actor:pete-hegseth")]
    assert readings("The Chinese military has grown. It faces the Chinese military, in short.\n") == [
        ("Chinese military", "actor:pla"), ("Chinese military", "actor:pla")]
    # a head that is only a noun names the body even before another noun
    assert readings("Experts list coercive Chinese government activities.\n") == [
        ("Chinese government", "actor:prc-government")]


def test_headings_and_titles_spell_lower_case_words_with_capitals():
    text = ("Challenges for the Japan-U.S. Alliance\n\nThe Japan-U.S. alliance grew.¹\n\n"
            "¹ Ann Lee, There Again: U.S. Military Bases in the Philippines (2024).\n")
    found = readings(text)
    assert ("Japan-U.S. Alliance", "actor:us-japan-alliance") in found
    assert ("U.S. Military", "actor:us-military") in found
    assert ("Japan", "actor:japan") not in found and ("U.S.", "actor:united-states") not in found
    _, out, _ = run(text)
    methods = {r["surface"]: r["method"] for r in out["actor_mentions"]}
    assert methods["U.S. Military"] == "title-case" and methods["Japan-U.S. alliance"] == "alias"


def test_a_year_glued_to_a_name_does_not_hide_it_but_a_code_stays_whole():
    assert readings("The paper (Tokyo, Japan2025) and the US2 drone.\n") == [
        ("Tokyo", "place:tokyo"), ("Japan", "place:japan")]


def test_boilerplate_is_searched_and_flagged_but_a_repeated_title_is_not():
    text = ("Hegseth visits Tokyo\n\n"
            "Hegseth visits Tokyo\n\n"
            "News, Asia No Comments on Hegseth visits Tokyo\n\n"
            "Sign up for the Daily Brief newsletter from The Harbor Post.\n\n"
            "CONSORTIUM OF HARBOR RESEARCHERS\n\n"
            "Hegseth met Koizumi, Shinjiro Koizumi, in Tokyo. The talks went well for both sides.\n\n"
            "Copyright 2025 The Harbor Post\n")
    _, out, ctx = run(text, title="Hegseth visits Tokyo")
    rows = [(r["surface"], r["region"], r["paragraph_id"]) for r in out["actor_mentions"]]
    assert ("Daily Brief", "boilerplate", None) in rows
    assert rows.count(("The Harbor Post", "boilerplate", None)) == 2
    assert ("CONSORTIUM OF HARBOR RESEARCHERS", "boilerplate", None) in rows  # a cover line in capitals
    # the title's names are mentions once, where the title is: its repeats are not searched again
    assert [r["region"] for r in out["actor_mentions"] if r["actor_id"] == "pete-hegseth"] == ["title", "body"]
    assert [r["region"] for r in out["place_mentions"]] == ["title", "body"]
    unmatched = {r["surface"] for r in mentions.finish(ctx)["unmatched_names"]}
    assert "Copyright" in unmatched  # the unmatched scan reads boilerplate too ...
    # ... but not the page's machinery (a breadcrumb, share bar, tag list): no name there is the document's
    assert not {"News", "Asia No Comments"} & unmatched


def test_a_bare_surname_in_the_notes_is_the_author_the_notes_name():
    # body and notes interleave: the nearest full name before the footnote's "Koizumi" is the
    # minister's (in the body), but the notes name the researcher
    text = ("Defense Minister Shinjiro Koizumi met Hegseth on Monday.¹\n\n"
            "¹ Yu Koizumi, Russian Forces in the Far North (2021).\n\n"
            "Later, Koizumi and the staff of Shinjiro Koizumi left for Tokyo.²\n\n"
            "² Koizumi, Arctic Security Today (2022).\n")
    _, out, _ = run(text, doc_id="report")
    bare = [(r["region"], r["actor_id"]) for r in out["actor_mentions"] if r["surface"] == "Koizumi"]
    assert bare == [("body", "shinjiro-koizumi"), ("footnote", "yu-koizumi")], bare


def test_unmatched_names_cannot_hide_a_proper_name_among_common_words():
    text = ("The joint task headquarters and the open and free line held, holding firm.\n\n"
            "The Joint Task Headquarters will open. Holding the Line was a good read.\n\n"
            "They defend a Free and Open Pacific with care.\n")
    _, _, ctx = run(text)
    status = {r["surface"]: r["status"] for r in mentions.finish(ctx)["unmatched_names"]}
    assert status["Joint Task Headquarters"] == "unmatched"  # "headquarters" ends a proper name
    assert status["Holding the Line"] == "common-words"      # the words of a title
    assert status["Free and Open"] == "unmatched"            # runs on into the registered "Pacific"


def test_every_ignore_rule_of_the_seeds_is_used_and_nothing_is_left_unmatched(seeds_db):
    import re
    import sqlite3

    import yaml
    from conftest import SEEDS

    rules = yaml.safe_load((SEEDS / "unmatched_ignore.yml").read_text(encoding="utf-8"))["ignore"]
    with sqlite3.connect(seeds_db) as db:
        rows = db.execute("select surface, status, reason from unmatched_names").fetchall()
    ignored = {surface for surface, status, _ in rows if status == "ignored"}
    for rule in rules:
        listed = [rule["surface"]] if rule.get("surface") else rule.get("surfaces") or []
        stale = [s for s in listed if s not in ignored]
        assert not stale, f"ignore rule {rule['reason'][:40]!r} lists names the texts no longer hold: {stale}"
        if rule.get("pattern"):
            assert any(re.fullmatch(rule["pattern"], s) for s in ignored), rule["pattern"]
    # the curated state of the seeds: every name is registered, ignored with a reason, or common words
    assert {status for _, status, _ in rows} <= {"ignored", "common-words"}, [
        r for r in rows if r[1] not in ("ignored", "common-words")]


def test_a_possessive_country_splits_a_run_into_owner_and_owned():
    """"Germany's Thyssenkrupp Marine Systems": the state the gazetteer knows, and a company of
    that country; a person's possessive ("Koizumi's Office") is left whole."""
    from alliance_record.extract.entities import split_name

    s = "Germany's Thyssenkrupp Marine Systems"
    assert [(s[a:b], e) for a, b, e in split_name(s, {})] == [
        ("Germany", {}), ("Thyssenkrupp Marine Systems", {"country": "DE"})]
    s = "Koizumi's Office"
    assert [s[a:b] for a, b, _ in split_name(s, {})] == ["Koizumi's Office"]


def test_the_full_name_nearest_a_short_form_is_found_as_by_reading_every_name():
    """entities._NearestName answers in logarithmic time what a scan of every full name answered
    (issue 19: a scan for each short form was quadratic): the nearest offset, and of two as near
    the first added."""
    import random

    from alliance_record.extract.entities import _NearestName

    rng = random.Random(7)
    for _ in range(200):
        entries = [(rng.choice("ab"), rng.randrange(50), f"name{k}") for k in range(rng.randrange(1, 12))]
        index = _NearestName()
        for order, (word, i, name) in enumerate(entries):
            index.add(word, i, order, name)
        for word in "abc":
            for i in range(-2, 53):
                listed = [(abs(e[1] - i), order, e[2]) for order, e in enumerate(entries) if e[0] == word]
                expected = min(listed, key=lambda t: t[0]) if listed else None  # min keeps the first
                assert index.nearest(word, i) == expected


def test_candidates_are_typed_from_the_words_of_and_around_their_names():
    """Names no registry holds: a head noun alone ("the Diet") or before "of" ("House of
    Delegates"), company heads, a noun after the name, an apposition, a place's coast, two
    places sharing a head written after them, a name cut before "in" after its head noun, a short
    form of a place's name, an acronym spelled by a longer name, and "Jun" that is no month."""
    text = ("After lawmakers in the Diet passed the bill, Ferrow Motor and Alden Motor cut prices. "
            "The House of Delegates agreed a day later.\n\n"
            "The envoy posted the news on his Beacon Social platform.\n\n"
            "Marlow, a quiet fishing town, lies off the eastern coast of Tarvenland.\n\n"
            "Two patrol boats sailed between Kessa and Orune islands, near Pellan Island in Varro "
            "Prefecture on Aug. 3. Pellan has a small port.\n\n"
            "Minister Ito proposed “SAIL,” short for Shared Awareness In Littorals, a loose framework "
            "for navies. Chen Jun, the envoy of Velland, stayed away.\n")
    _, out, ctx = run(text)
    typed = {r["name"]: (r["type"], r["type_evidence"]) for r in mentions.finish(ctx)["entity_candidates"]}
    assert typed["Diet"] == ("government-body", "head noun: Diet")
    assert typed["House of Delegates"] == ("government-body", "head noun: House")
    assert typed["Ferrow Motor"][0] == typed["Alden Motor"][0] == "organization"  # two names, one head
    assert typed["Beacon Social"] == ("media", "noun after it: platform")
    assert typed["Marlow"] == ("place", "apposition: town")
    assert typed["Tarvenland"] == ("place", "after a locative preposition")
    assert typed["Kessa"] == typed["Orune"] == ("place", "head noun after it: islands")
    assert typed["Pellan Island"][0] == typed["Varro Prefecture"][0] == "place"
    assert "Pellan" not in typed  # the short form of "Pellan Island"
    assert [r["surface"] for r in out["entity_candidate_mentions"] if r["candidate_id"] == "pellan-island"] == [
        "Pellan Island", "Pellan"]
    assert typed["Shared Awareness In Littorals"] == ("grouping", "apposition: framework")
    assert typed["SAIL"] == ("grouping", "acronym of Shared Awareness In Littorals")
    assert typed["Chen Jun"][0] == "person"


def test_a_middle_initial_the_registry_does_not_write_and_a_reference_lists_initials():
    """Issue 14, names that survive spelling: "Pete B. Hegseth" is the registered Pete Hegseth, and
    so is "Hegseth, P." in a reference list, also after another author's initials."""
    assert readings("Pete B. Hegseth spoke in Tokyo.\n") == [("Pete B. Hegseth", "actor:pete-hegseth"),
                                                             ("Tokyo", "place:tokyo")]
    assert readings("Cha, V., Hegseth, P., & Lee, K. (2025). Allies at sea. Harbor Press.\n")[0] == (
        "Hegseth, P.", "actor:pete-hegseth")
    # an initial between two names that are not a registered person's is no match
    assert readings("Pete B. Smith spoke.\n") == []


def _seed_readings(text):
    """(surface, actor id) of a text read with the seeds' registries."""
    from pathlib import Path

    inputs = pipeline.read_inputs(Path(__file__).resolve().parent.parent / "seeds")
    text = normalize_text(textwrap.dedent(text).lstrip("\n"))
    doc = Document(id="t", stem="t", source_file="t.txt", text=text, meta={"title": "Test Title"})
    seg = segment.segment(doc)
    ctx = pipeline.Context(inputs=pipeline.Inputs(seeds_dir=None, catalog=None, documents=[doc],
                                                  actors=inputs.actors, places=inputs.places))
    out = mentions.extract(doc, seg, seg.rows(), ctx)
    return [(r["surface"], r["actor_id"]) for r in out["actor_mentions"]]


def test_a_generic_form_takes_the_country_of_its_context_that_has_such_an_entity():
    """Issue 14: a generic form ("the Self-Defense Forces", "the Foreign Ministry") is the entity
    of the country named around it that has one; a country named more but with no such entity
    (the United States has no Self-Defense Forces) does not leave it unread. Word orders of a
    ministry's name are forms of it ("Foreign Ministry", "Ministry of Foreign Affairs")."""
    found = _seed_readings("Tokyo wants to link the Self-Defense Forces with U.S. Forces Japan and U.S. Indo-Pacific Command.\n")
    assert ("Self-Defense Forces", "jsdf") in found
    found = _seed_readings("Japan's Foreign Ministry lodged a protest. The Foreign Ministry said more.\n")
    assert [a for s, a in found if s == "Foreign Ministry"] == ["japan-ministry-of-foreign-affairs"] * 2
    # the other word order of "Foreign Ministry" is the Ministry of Foreign Affairs, not the start
    # of another ministry's name
    found = _seed_readings("China's Ministry of Foreign Trade said more. Japan's Foreign Ministry spoke.\n")
    assert not any(s.startswith("Ministry of Foreign") for s, _ in found)
    assert ("Foreign Ministry", "japan-ministry-of-foreign-affairs") in found
    # no country around it has such an entity: never guessed
    assert not any(s == "Foreign Ministry" for s, _ in _seed_readings("The Foreign Ministry lodged a protest.\n"))


def test_a_compass_word_before_a_place_names_another_place():
    found, _, _ = run("""
        Drills in Eastern Russia worried Japan, and North Korea said nothing. Russia was silent too.
    """)
    surfaces = [surface for surface, _kind, _entity in found]
    assert surfaces.count("Russia") == 1  # the last sentence's, not the one in "Eastern Russia"
    assert "North Korea" in surfaces and "Japan" in surfaces  # a registered "North Korea" is matched whole
