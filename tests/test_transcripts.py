"""Press-conference transcripts: each speaker label's turn is a quotation of kind "turn", its speaker
read from the label; a news story's lines never are (a corpus written for the test)."""

import json

import sqlite_utils
from click.testing import CliRunner

from alliance_record.cli import cli
from alliance_record.extract.quotations import speaker_labels, transcript
from alliance_record.segment import speaker_line
from conftest import catalog_entry, write_corpus

BRIEFING = """
Briefing by Chief Spokesperson MORI Haruto (Excerpt)

[Opening Remarks]

MR. MORI: Good morning. The two navies will hold their harbour drill near Osaka next week. Minister Ito will watch it from the pier.

The drill was planned in the spring and has been moved twice because of the weather.

[Questions]

Q (Harbour Evening News): Will the drill close the fishing grounds? The mayor called the plan "rushed and unclear."

MR. MORI: No area will be closed for more than a day. I said last week that the fishermen would be "told well in advance."

QUESTION: And the second point you raised about the pier —

MINISTER ITO: Let me answer that one. The pier will stay open to visitors on the weekend.

Minister:
The budget for the pier was settled in March and it covers the repairs as well.

MODERATOR: We are out of time. Thank you all for coming.

(END)
"""

STORY = """
Navies plan a harbour drill

WASHINGTON: The two navies will hold a harbour drill near Osaka next week, officials said on Monday.

Note: This story was updated with the date of the drill.

Minister Ito said the pier would stay open. “We will keep it open to visitors,” he told reporters.
"""

ACTORS = """
actors:
  - {id: ito, name: Kenji Ito, type: person, aliases: [Minister Ito, Ito]}
"""


def build(tmp_path):
    seeds = write_corpus(tmp_path / "s", {"briefing": BRIEFING, "story": STORY},
                         [catalog_entry("briefing", title="Briefing by Chief Spokesperson MORI Haruto"),
                          catalog_entry("story", title="Navies plan a harbour drill")],
                         **{"actors.yml": ACTORS})
    out = tmp_path / "s.db"
    result = CliRunner().invoke(cli, ["build", "--seeds", str(seeds), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return sqlite_utils.Database(out)


def test_speaker_labels_are_read_by_their_shape():
    # (the names after a title alone are ones the text uses elsewhere: its header here)
    text = ("Chief Cabinet Secretary Suga and Minister Nakatani meet the press\n"
            "MR. MORI: Yes.\nQ (Harbour Evening News): Why?\nCHIEF CABINET SECRETARY SUGA: Because.\n"
            "DEFENSE MINISTER GEN NAKATANI (THROUGH TRANSLATOR): Thanks.\nMinister:\nIt is so.\n"
            "Q    Ari, one more.\nMODERATOR: Last one.\nWASHINGTON: no label.\nPlace: no label either.\n")
    labels = speaker_labels(text)
    assert [(lab.label, lab.kind) for lab in labels] == [
        ("MR. MORI", "named"), ("Q (Harbour Evening News)", "ask"), ("CHIEF CABINET SECRETARY SUGA", "named"),
        ("DEFENSE MINISTER GEN NAKATANI (THROUGH TRANSLATOR)", "named"), ("Minister", "title"), ("Q", "ask"),
        ("MODERATOR", "role")]
    assert [text[lab.name_start:lab.name_end] for lab in labels if lab.kind == "named"] == ["MORI", "SUGA", "NAKATANI"]
    assert text[labels[4].text_start:].startswith("It is so.")  # a label alone on its line: the next line
    assert transcript(labels)
    # an abbreviated title in a later label, a speaker the transcript does not name
    more = speaker_labels("SECRETARY OF DEFENSE KEN ITO: Hello.\nSEC. ITO: Thank you.\n"
                          "(UNKNOWN) (THROUGH INTERPRETER): We begin.\n")
    assert [(lab.label, lab.kind) for lab in more] == [("SECRETARY OF DEFENSE KEN ITO", "named"), ("SEC. ITO", "named"),
                                                         ("(UNKNOWN) (THROUGH INTERPRETER)", "role")]
    # an official named by office, an interview's answers: labels of no one named (the answer is not
    # the question's continuation)
    interview = speaker_labels("SENIOR NAVY OFFICIAL: We start.\nQ: Why now?\nA: Because the ships are ready.\n")
    assert [(lab.label, lab.kind) for lab in interview] == [("SENIOR NAVY OFFICIAL", "role"), ("Q", "ask"),
                                                              ("A", "role")]
    # a story's "WASHINGTON:" and "Note:" lines, or one labelled line alone, make no transcript
    assert not transcript(speaker_labels("WASHINGTON: Talks began.\nNote: Updated.\n"))
    assert not transcript(speaker_labels("Secretary Ito: A New Chapter\nIto: The talks went on.\n"))


def test_a_labelled_line_is_no_heading_but_a_headline_stays_one():
    # a turn cut off by a dash, a moderator's line in title case: body lines; a named label with a
    # title after it reads as a headline
    assert speaker_line("QUESTION: And the second point about the pier —")
    assert speaker_line("STAFF: Next Question From the Back Row")
    assert not speaker_line("Secretary Ito: A New Chapter for the Two Navies")
    assert not speaker_line("Harbour Drill Moved to Next Week")


def test_each_turn_is_a_quotation_with_its_speaker_and_exact_offsets(tmp_path):
    db = build(tmp_path)
    text = db["documents"].get("briefing")["text"]
    turns = list(db["quotations"].rows_where("document_id = 'briefing' and kind = 'turn'", order_by="start"))
    for r in turns:
        assert text[r["start"]:r["end"]] == r["quote"]
    got = [(r["quote"].split(".")[0], r["speaker_id"], r["speaker_label"], r["turn"]) for r in turns]
    assert got == [
        # the label's family name, named in full in the header: a person no registry holds
        ("Good morning", None, "MORI Haruto", 1),
        ("The drill was planned in the spring and has been moved twice because of the weather", None,
         "MORI Haruto", 1),  # a paragraph of prose after a turn goes on with it (same turn number)
        ("Will the drill close the fishing grounds? The mayor called the plan \"rushed and unclear", None,
         "Q (Harbour Evening News)", 2),
        ("No area will be closed for more than a day", None, "MORI Haruto", 3),
        ("And the second point you raised about the pier —", None, "QUESTION", 4),  # not a heading
        ("Let me answer that one", "ito", "MINISTER ITO", 5),  # a registry person
        ("The budget for the pier was settled in March and it covers the repairs as well", "ito", "Minister Ito", 6),
        ("We are out of time", None, "MODERATOR", 7),
    ]  # "(END)" and the bracketed headings are no one's words
    inner = {r["quote"]: r for r in db["quotations"].rows_where("document_id = 'briefing' and kind != 'turn'")}
    said = inner["told well in advance."]
    # "I said …" inside a turn: the turn's speaker, and the quotation sits inside the turn's row
    assert said["speaker_label"] == "MORI Haruto" and said["attribution"] == "turn"
    assert said["nested_in_id"] == next(r["id"] for r in turns if r["quote"].startswith("No area"))
    assert json.loads(db["quotations"].get(turns[5]["id"])["speaker_ids"]) == ["ito"]


def test_label_words_are_no_names_and_a_story_has_no_turns(tmp_path):
    db = build(tmp_path)
    names = {r["surface"]: r["candidate_id"] for r in db["entity_candidate_mentions"].rows_where(
        "document_id = 'briefing'")}
    assert not {"MODERATOR", "Q", "QUESTION", "MR.", "MR", "MINISTER"} & set(names)
    types = {r["name"]: r["type"] for r in db["entity_candidates"].rows}
    assert types.get("MORI") == "person" or types.get("MORI Haruto") == "person"
    assert types.get("Harbour Evening News") == "media"
    assert not list(db["quotations"].rows_where("document_id = 'story' and kind = 'turn'"))
    assert [r["quote"] for r in db["quotations"].rows_where("document_id = 'story'")] == [
        "We will keep it open to visitors,"]


def test_a_full_name_in_a_label_is_the_one_registry_person_of_that_name():
    from alliance_record.extract.claims import _registry_person

    names = {"kenji-ito": "Kenji Ito", "ito-corp": "Ito Holdings", "hana-ito": "Hana Ito"}
    types = {"kenji-ito": "person", "ito-corp": "organization", "hana-ito": "person"}
    assert _registry_person(["KENJI", "ITO", "JR."], names, types) == "kenji-ito"  # a suffix aside
    assert _registry_person(["ITO"], names, types) is None  # a family name alone: two Itos
    assert _registry_person(["TARO", "ITO"], names, types) is None


# --- texts that are no transcript, or whose tail is the publisher's (review 9 of the branch) --------

PROFILE = """
Who leads the two navies this year

This note sketches the officers at the head of both fleets.

Admiral Okada: ten months at the helm

The admiral came to the post in the spring and has spent it on the shipyard budget.

He has flown to Hawaii three times to see his counterpart.

Captain Lowe: a short portrait

The captain commanded a destroyer before she joined the staff.
"""

SECTIONS = """
Barracks inspection 2023

An account of the barracks inspection at the northern camp.

Major Defects:

The inspectors saw damp walls in half of the old rooms and broken heaters in most.

Deputy Remarks:

Soldiers liked the new gym but said repairs take too long.

CHIEF LESSONS: Supplies moved faster than in any drill before it.

DEPUTY CHIEFS GATHER: The officers met at the camp and fixed a date for the next drill.

Q: Is the camp open to visitors?

The next inspection is planned for the winter.
"""

READOUT = """
Summary of the ministers' video call

The ministers spoke about the harbour drill on Tuesday. These were their main messages:

Minister Ito: Japan will add two ships to the drill and invite more partners to watch.

Secretary Vance: The United States will send its newest frigate and share the costs.

The two ministers plan to meet in Osaka in the autumn.
"""

FAQ = """
Common questions about the harbour drill

Q: Where will the drill take place?
A: In the outer harbour, away from the fishing grounds and the ferry lanes.

Q: Will the ferries run?
A: The ferries keep their timetable for the whole week of the drill.

Write to the city's harbour office for more about the closures.
"""

INTERVIEW_IN_STORY = """
Captain says crews are ready for the harbour drill

The captain of the flagship talked to our reporter on the pier on Sunday. An excerpt follows.

Q: Are your crews ready for the drill next week?
A: They are, and they have practised the harbour approach for weeks.

Plans to widen the ferry terminal have stalled for years, and the harbour board is split over the cost.

Fishing crews have also complained about the noise of the night exercises.
"""

TAIL = """
Briefing by Press Secretary Ann Vance

MS. VANCE: Good morning, all. Two short notes before I take questions.

Q: Will the minister visit the harbour next week?

MS. VANCE: She will visit it on Thursday and meet the crews at noon.

This record of the briefing was shortened and tidied by the press team.

More from the newsroom

Two navies sign a fuel-sharing deal in Osaka on Friday.
"""

TWO_NAMESAKES = """
Press Conference by the Ministry's Minister

MINISTER ITO: Good morning. One notice about the harbour drill with our allies.

Q (Harbour Evening News): Hana Ito of the city university wrote on Sunday that the drill is too small. Your view?

MINISTER ITO: I have seen the piece. The drill is the largest we have held in these waters.

(END)
"""

OFFICES = """
Who sits at the table

The harbour talks bring together four officials of both governments.

SECRETARY OF STATE: Ann Vance, who opens the first session.
MINISTER OF DEFENSE: Kenji Ito, who speaks on the harbour.

The talks close with a joint note.
"""

MORE_ACTORS = """
actors:
  - {id: ito, name: Kenji Ito, type: person, aliases: [Minister Ito, Ito],
     roles: [{title: Minister of Defense}]}
  - {id: hana-ito, name: Hana Ito, type: person, aliases: [Ito]}
  - {id: vance, name: Ann Vance, type: person, aliases: [Secretary Vance, Vance]}
  - {id: okada, name: Jun Okada, type: person, aliases: [Admiral Okada, Okada]}
"""

OTHERS = {"profile": PROFILE, "sections": SECTIONS, "readout": READOUT, "faq": FAQ,
          "interview": INTERVIEW_IN_STORY, "tail": TAIL, "namesakes": TWO_NAMESAKES, "offices": OFFICES}


def build_docs(folder, docs, **files):
    """Build ``docs`` (stem -> text) with the actors of :data:`MORE_ACTORS` and any other files."""
    seeds = write_corpus(folder, docs, [catalog_entry(stem) for stem in docs], **{"actors.yml": MORE_ACTORS, **files})
    out = folder.with_suffix(".db")
    result = CliRunner().invoke(cli, ["build", "--seeds", str(seeds), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return sqlite_utils.Database(out)


def build_others(tmp_path):
    return build_docs(tmp_path / "o", OTHERS)


def test_headings_section_labels_readouts_and_faqs_make_no_turns(tmp_path):
    db = build_others(tmp_path)
    turns = {r["document_id"] for r in db["quotations"].rows_where("kind = 'turn'")}
    assert not turns & {"profile", "sections", "readout", "faq", "offices"}
    # a sentence-case heading after a colon stays a heading
    headings = [r["heading"] for r in db["sections"].rows_where("document_id = 'profile'")]
    assert "Admiral Okada: ten months at the helm" in headings and "Captain Lowe: a short portrait" in headings
    # no section label's words are a person's, by the label
    evidence = {r["name"]: r["type_evidence"] for r in db["entity_candidates"].rows}
    assert not any("speaker label" in (evidence.get(w) or "")
                   for w in ("Defects", "Remarks", "LESSONS", "CHIEFS GATHER", "STATE", "DEFENSE"))


def test_a_turn_does_not_run_on_into_the_publishers_words(tmp_path):
    db = build_others(tmp_path)
    quotes = [r["quote"] for r in db["quotations"].rows_where("document_id in ('tail', 'interview')")]
    assert not any(q.startswith(("This record", "Plans to widen", "Fishing crews", "Two navies")) for q in quotes)
    turns = [(r["quote"][:12], r["speaker_id"], r["speaker_label"]) for r in db["quotations"].rows_where(
        "document_id = 'tail' and kind = 'turn'", order_by="start")]
    assert turns == [("Good morning", "vance", "MS. VANCE"), ("Will the min", None, "Q"),
                     ("She will vis", "vance", "MS. VANCE")]


def test_a_labels_title_chooses_among_namesakes(tmp_path):
    db = build_others(tmp_path)
    rows = list(db["quotations"].rows_where("document_id = 'namesakes' and kind = 'turn'", order_by="start"))
    minister = [r for r in rows if r["turn_label"] == "MINISTER ITO"]
    assert len(minister) == 2 and all(r["speaker_id"] == "ito" for r in minister)  # a title choosing no one fails
    assert all(r["speaker_id"] != "hana-ito" for r in rows)


def test_an_office_alone_is_a_title_label_and_evidence_is_needed():
    labels = speaker_labels("SECRETARY OF STATE: Ann Vance, who opens.\nMINISTER OF FOREIGN AFFAIRS: Ken Ito.\n")
    assert [(lab.label, lab.kind, lab.name_start) for lab in labels] == [
        ("SECRETARY OF STATE", "title", None), ("MINISTER OF FOREIGN AFFAIRS", "title", None)]
    assert not transcript(labels)  # offices listed, no one asks
    assert not transcript(speaker_labels("Q: Where?\nA: Here.\nQ: When?\nA: Now.\n"))  # an FAQ
    assert not transcript(speaker_labels("Host: The city.\nModerator: Dr. Ann Vance.\n"))  # an event's facts
    # named labels with no reporter's or moderator's label: a readout, unless they alternate
    assert not transcript(speaker_labels("Minister Ito: Japan will help.\nSecretary Vance: So will we.\n"))
    assert transcript(speaker_labels("MR. ITO: Hello.\nMS. VANCE: Hello.\nMR. ITO: Shall we begin?\n"))
    # title words before common nouns are no speaker's name
    assert not [lab for lab in speaker_labels("Major Defects:\nCHIEF LESSONS: Supplies moved.\n"
                                              "DEPUTY CHIEFS GATHER: They met.\n") if lab.kind == "named"]
    # a sentence-case heading after a named label is no label
    assert not speaker_labels("Admiral Okada: ten months at the helm\n")


# --- review 9 (whole): labels the reader does not accept, lists inside a turn, headings shaped like labels

UNREAD_LABELS = """
Press Conference by the Minister of Transport

MODERATOR: We will begin with questions from the floor.

Q (Harbour Evening News): Will the ferries keep running while the drill goes on?

MINISTER SATO: They will keep to the timetable they always follow.

Q (Coast Daily): Who will pay for the extra tugboats?

ENVOY TO THE ISLANDS PAUL REED: Our side will cover half of the bill this year.

MS. VANCE: We agree with that plan and will say more about it next week.

VISITOR QUESTION: Is the pier open to the public on Sunday afternoons?

MODERATOR: That ends our session for today.
"""

LIST_IN_TURN = """
Briefing by Press Officer KATO Ren

MODERATOR: The press officer has a statement first.

MR. KATO: Good afternoon. We will take three steps this month:

i. widen the outer pier by ten metres;

ii. paint the old crane a brighter colour;

iii. open a second gate for the lorries.

That is all from me today, and I will take questions now.

Q (Coast Daily): When does the work on the gate begin?

MR. KATO: It begins in the first week of the month. The plan has these parts:

- a new fence along the road;
- lamps for the night shift.

We think the lorries will move faster after that.
"""

LABEL_HEADINGS = """
Notes from the ministry

The ministry published its plans for the coming months in a long report on Friday.

DEFENSE MINISTER: THE YEAR AHEAD

The minister will visit four bases in the north before the winter comes round again.
"""

QUESTION_HEADING = """
After the summit

The two cabinets met in the spring and agreed to meet again within the year.

Question: What comes after the summit

Officials expect a second meeting of the two cabinets before the end of the year.
"""


def build_review(tmp_path):
    return build_docs(tmp_path / "r", {"unread": UNREAD_LABELS, "listed": LIST_IN_TURN, "headed": LABEL_HEADINGS,
                                       "asked": QUESTION_HEADING})


def test_a_label_the_reader_does_not_accept_ends_the_turn_before_it(tmp_path):
    db = build_review(tmp_path)
    rows = list(db["quotations"].rows_where("document_id = 'unread' and kind = 'turn'", order_by="start"))
    assert rows  # the accepted labels still make turns
    # the label's words are in no one's turn: a missed quotation rather than a wrong speaker
    for r in rows:
        assert "SATO:" not in r["quote"] and "REED:" not in r["quote"] and "QUESTION:" not in r["quote"]
    by_words = {r["quote"][:20]: r["turn_label"] for r in rows}
    assert by_words.get("They will keep to th") not in ("Q (Harbour Evening News)",)
    assert by_words.get("Our side will cover ") not in ("Q (Coast Daily)",)
    assert by_words.get("Is the pier open to ") not in ("MS. VANCE",)
    assert "We agree with that p" in by_words  # an accepted label after an unread one opens its turn


def test_a_list_inside_a_turn_goes_on_with_the_turn(tmp_path):
    db = build_review(tmp_path)
    rows = list(db["quotations"].rows_where("document_id = 'listed' and kind = 'turn'", order_by="start"))
    kato = " ".join(r["quote"] for r in rows if r["turn_label"] == "MR. KATO")
    for words in ("widen the outer pier", "open a second gate", "That is all from me today",
                  "a new fence along the road", "We think the lorries will move faster"):
        assert words in kato


def test_a_heading_shaped_like_a_label_stays_a_heading_outside_a_transcript(tmp_path):
    db = build_review(tmp_path)
    headings = [r["heading"] for r in db["sections"].rows_where("document_id = 'headed'")]
    assert "DEFENSE MINISTER: THE YEAR AHEAD" in headings
    headings = [r["heading"] for r in db["sections"].rows_where("document_id = 'asked'")]
    assert "Question: What comes after the summit" in headings


def test_a_curator_can_correct_or_reject_a_turn(tmp_path):
    curated = """
    quotations:
      - quote: "We agree with that plan"
        speaker: ito
      - quote: "Who will pay for the extra"
        reject: the reporter's question is not wanted here
    """
    db = build_docs(tmp_path / "c", {"unread": UNREAD_LABELS}, **{"annotations/unread.yml": curated})
    rows = {r["quote"][:20]: r for r in db["quotations"].rows_where("document_id = 'unread' and kind = 'turn'")}
    assert rows["We agree with that p"]["speaker_id"] == "ito"  # the label named Ms. Vance
    assert rows["We agree with that p"]["attribution"] == "curated"
    assert "Who will pay for the" not in rows


HEADED = """
Press Conference by Defence Minister SATO Ren

1. Announcements

Minister: On Friday I will fly to Perth, where Minister Lowe and I will sign the new fuel arrangement.

2. Questions and Answers

Reporter (Harbour Evening News): Will Prime Minister Kato join you there?

Minister: No. The Prime Minister stays in Tokyo for the budget debate, as planned.

Reporter: And the arrangement itself?

Minister: It lets each navy refuel at the other's ports from next spring.
"""


def test_a_title_label_is_the_person_the_header_names_with_that_title(tmp_path):
    # the body names other ministers too ("Minister Lowe", "Prime Minister Kato"): the header's
    # "Press Conference by Defence Minister SATO Ren" says whose turns the "Minister:" ones are
    db = build_docs(tmp_path / "h", {"headed": HEADED})
    rows = list(db["quotations"].rows_where("document_id = 'headed' and kind = 'turn'", order_by="start"))
    minister = [r["speaker_label"] for r in rows if r["turn_label"] == "Minister"]
    assert len(minister) == 3 and all("Sato" in label or "SATO" in label for label in minister), minister
    assert not any("Lowe" in (r["speaker_label"] or "") or "Kato" in (r["speaker_label"] or "") for r in rows)


def test_a_label_in_capitals_that_takes_turns_is_a_speaker_though_only_its_labels_name_him():
    # "FUJIMURA", "HALE" are written nowhere but in their own labels: a section's label is not
    # said again after another speaker's turn, a speaker's is (where the others make a transcript)
    text = ("Press Conference by the Chief Cabinet Secretary (Excerpt)\n\n"
            "MODERATOR: Two questions today, please.\n\n"
            "REPORTER: Will the drill near the islands go ahead next week?\n\n"
            "CHIEF CABINET SECRETARY HALE: We have been told of the plan, and we would not accept it.\n\n"
            "REPORTER: And the rally in the south this weekend?\n\n"
            "CHIEF CABINET SECRETARY HALE: We know many people are worried, and we will keep explaining.\n")
    labels = speaker_labels(text)
    assert [(lab.label, lab.kind) for lab in labels] == [
        ("MODERATOR", "role"), ("REPORTER", "ask"), ("CHIEF CABINET SECRETARY HALE", "named"), ("REPORTER", "ask"),
        ("CHIEF CABINET SECRETARY HALE", "named")]
    assert transcript(labels)
    # once only, or twice in a row with no one between: a heading in capitals, no speaker
    assert not [lab for lab in speaker_labels("REPORTER: Why?\nDEPUTY CHIEFS GATHER: They met.\nMR. ITO: So.\n")
                if lab.kind == "named" and "CHIEFS" in lab.label]
    assert not [lab for lab in speaker_labels("MR. ITO: So.\nCHIEF LESSONS: One.\nCHIEF LESSONS: Two.\n")
                if "LESSONS" in lab.label]


# the header names another minister in passing: "Minister Ito" is the guest the turns speak of,
# "Prime Minister Okada's" a longer title with a possessive; neither is the "Minister:" who speaks
IN_PASSING = {
    "guest": """
Press Briefing after the Talks with Minister Ito

Minister: Earlier today I sat down with my counterpart from the south for two hours.

Reporter: Minister Sato, did Minister Ito bring up the patrol boat order?

Minister: He did, and I told him the tender closes in June.
""",
    "possessive": """
Press Briefing by the Foreign Minister on Prime Minister Okada's Orders about the Airfield

Minister: The orders reached my office last night and we started on them at once.

Reporter: Did Minister Vance join the call?

Minister: She did not; her deputy listened in.
""",
}


def test_a_minister_the_header_names_in_passing_is_not_the_title_labels_speaker(tmp_path):
    db = build_docs(tmp_path / "p", IN_PASSING)
    rows = list(db["quotations"].rows_where("kind = 'turn' and turn_label = 'Minister'"))
    assert {r["document_id"] for r in rows} == {"guest", "possessive"}
    # no one named, as without a header: not the guest, not the Prime Minister (nor "Okada's")
    assert all(r["speaker_id"] is None for r in rows), [(r["speaker_label"], r["speaker_id"]) for r in rows]
    assert all(r["speaker_label"] == "Minister" for r in rows), [r["speaker_label"] for r in rows]


def test_a_repeated_capitals_heading_between_turns_is_no_speaker():
    # an FAQ's Q/A is no transcript, so its repeated "MAJOR CHANGES:" lines do not make one
    faq = ("Questions on the Base Budget\n\nQ: Why does the new budget cost more?\n\n"
           "A: The move of the training range adds a year of building.\n\n"
           "MAJOR CHANGES: The range moves north and the hangar is rebuilt.\n\n"
           "Q: Who pays for the water and power?\n\nA: Both sides share it, as before.\n\n"
           "MAJOR CHANGES: The host share of the power bill falls a little each year.\n\n"
           "Q: When does it start?\n\nA: Next April.\n")
    labels = speaker_labels(faq)
    assert not transcript(labels)
    assert not [lab for lab in labels if "CHANGES" in lab.label]
    # in a briefing, a note in capitals after each answer is no speaker: "general" is no office
    briefing = ("Department Press Briefing\n\nQUESTION: Is the envoy still going on Monday?\n\n"
                "MR. PRICE: Yes, that has not changed.\n\n"
                "GENERAL NOTES: The session opened ten minutes late.\n\n"
                "QUESTION: And the talks with the island states?\n\n"
                "MR. PRICE: They go on next week.\n\n"
                "GENERAL NOTES: The room lost power for a minute.\n")
    assert not [lab for lab in speaker_labels(briefing) if "NOTES" in lab.label]


# --- labels that are a name alone, or a turn mark and a role with the name in brackets ------------
# the negatives first: labels in capitals that are no one's name, however often they come back

NOT_NAMES = {
    # an FAQ: "NOTE:" and "UPDATE:" after the answers, each said again between the Q/A lines
    "faq": ("Questions on the Pier Works\n\nQ: Why is the pier closed?\n\nA: Its deck is being rebuilt.\n\n"
            "NOTE: The ferry uses the north quay meanwhile.\n\nQ: How long will it take?\n\n"
            "A: About nine months.\n\nUPDATE: The deck was poured early.\n\nQ: Who pays?\n\n"
            "A: The port authority.\n\nNOTE: Parking stays open.\n\nUPDATE: The opening moved to May.\n"),
    # a live page whose entries open with a city's name in capitals, taking turns like speakers
    "live": ("Live: the island drills\n\nTOKYO: The destroyers left port at dawn, officials said.\n\n"
             "MANILA: Two coast guard cutters joined them off the northern cape.\n\n"
             "TOKYO: The ministry said the drill would end on Friday.\n\n"
             "MANILA: The navy said a third cutter would sail from Subic later.\n"),
    # a report's sections in capitals, each said again: common words, no one's name
    "sections": ("The Harbour Review\n\nKEY POINTS: The quay is old and the cranes are slow.\n\n"
                 "BOTTOM LINE: Money for the cranes comes first.\n\nKEY POINTS: The berths are too short.\n\n"
                 "BOTTOM LINE: Lengthen two berths by next year.\n\nWHAT NEXT: A survey in the spring.\n"),
    # an interview without labels on its questions; "EDITORS:" notes between the answers
    "interview": ("Talking with the harbour master\n\nHow busy is the port now?\n\nBusier than ever, she says.\n\n"
                  "EDITORS: This answer was shortened.\n\nAnd next year?\n\nWe expect more ships.\n\n"
                  "EDITORS: The interview was held by phone.\n"),
}


def test_headings_and_places_in_capitals_that_come_back_are_no_speakers(cases=NOT_NAMES):
    for stem, text in cases.items():
        labels = speaker_labels(text)
        assert not transcript(labels), stem
        assert not [lab.label for lab in labels if lab.kind == "named"], stem


PODCAST = """
The Quay Hour, episode 12
Transcript edited for clarity.

HANA TERADA: Welcome back. I'm Hana Terada, and with me today is Ryo Sakamoto, who covers the ports.

RYO SAKAMOTO: Glad to be here. The new cranes arrived on Tuesday, two weeks late.

TERADA: Why the delay?

SAKAMOTO: The ship that carried them waited out a storm near the strait.

TERADA: And what does it mean for the berths?

SAKAMOTO: Two of them will open in June instead of May. Thanks, Hana.
"""

MINUTES = """
Minutes of the Harbour Committee (Excerpt, translated)

○Chairperson: Mr. Oda Ken has the floor.

○ODA Ken (Harbour Party): Minister, when will the north quay reopen to the ferries?

○Minister of Defense (ITO Kenji): In the spring. The repairs are on schedule, and I will report again in March.

○ODA Ken: The ferry crews have waited a year already. I ask you to hurry.

○Minister of Defense (ITO Kenji): I understand, and I will ask the builders to add a second shift.

○Chairperson: Mr. Oda's time is up.
"""


def test_a_name_alone_in_capitals_that_takes_turns_is_a_speaker_and_its_family_name_the_same_one():
    labels = speaker_labels(PODCAST)
    assert [(lab.label, lab.kind) for lab in labels] == [
        ("HANA TERADA", "named"), ("RYO SAKAMOTO", "named"), ("TERADA", "named"), ("SAKAMOTO", "named"),
        ("TERADA", "named"), ("SAKAMOTO", "named")]
    assert transcript(labels)
    assert not speaker_line("SAKAMOTO: Two of them will open in June")  # a line alone shows no turns


def test_a_turn_mark_opens_a_label_and_a_role_takes_the_name_in_its_brackets():
    labels = speaker_labels(MINUTES)
    assert [(lab.label, lab.kind) for lab in labels] == [
        ("Chairperson", "role"), ("ODA Ken (Harbour Party)", "named"), ("Minister of Defense (ITO Kenji)", "named"),
        ("ODA Ken", "named"), ("Minister of Defense (ITO Kenji)", "named"), ("Chairperson", "role")]
    minister = labels[2]
    assert MINUTES[minister.name_start:minister.name_end] == "ITO Kenji"
    assert transcript(labels)


def test_name_labels_resolve_to_the_full_name_or_the_registry_person(tmp_path):
    db = build_docs(tmp_path / "n", {"podcast": PODCAST, "minutes": MINUTES})
    got = [(r["document_id"], r["quote"][:12], r["speaker_id"], r["speaker_label"].title())
           for r in db["quotations"].rows_where("kind = 'turn'", order_by="document_id, start")]
    assert got == [  # (the labels' capitals aside)
        ("minutes", "Mr. Oda Ken ", None, "Chairperson"),
        ("minutes", "Minister, wh", None, "Oda Ken"),
        ("minutes", "In the sprin", "ito", "Minister Of Defense (Ito Kenji)"),
        ("minutes", "The ferry cr", None, "Oda Ken"),
        ("minutes", "I understand", "ito", "Minister Of Defense (Ito Kenji)"),
        ("minutes", "Mr. Oda's ti", None, "Chairperson"),
        ("podcast", "Welcome back", None, "Hana Terada"),
        ("podcast", "Glad to be h", None, "Ryo Sakamoto"),
        ("podcast", "Why the dela", None, "Hana Terada"),  # the family name: the full name met before
        ("podcast", "The ship tha", None, "Ryo Sakamoto"),
        ("podcast", "And what doe", None, "Hana Terada"),
        ("podcast", "Two of them ", None, "Ryo Sakamoto"),
    ]
    # the speaker's party in brackets after the name stays a name of its own; the label's name is a person's
    surfaces = {r["surface"] for r in db["entity_candidate_mentions"].rows_where("document_id = 'minutes'")}
    assert "Harbour Party" in surfaces


# --- the mends of the review (review12_speak12): what a name label is not --------------------------

ASIDES = """
Joint press conference by Minister of Defense Kenji Ito (Excerpt)

MODERATOR: The minister will speak first, then take two questions.

MINISTER OF DEFENSE (VIA INTERPRETER): Good afternoon. The patrol boats reached the outer islands on Monday.

QUESTION: Will more boats follow before winter?

MINISTER OF DEFENSE (VIA INTERPRETER): Two more are planned, and the crews are training now.

FOREIGN MINISTER (IN ENGLISH): I would add that the coast guards will share their charts.

DEPUTY MINISTER (THROUGH TRANSLATOR): The charts are ready.
"""


def test_an_aside_in_brackets_after_an_office_is_no_name():
    # "via", "in", "through": words no name is made of; the label is the office alone
    labels = speaker_labels(ASIDES)
    offices = [lab for lab in labels if "(" in lab.label]
    assert [lab.label for lab in offices] == ["MINISTER OF DEFENSE (VIA INTERPRETER)"] * 2 + [
        "FOREIGN MINISTER (IN ENGLISH)", "DEPUTY MINISTER (THROUGH TRANSLATOR)"]
    assert all(lab.kind == "title" and lab.name_start is None for lab in offices)


# a podcast whose host shares a family name with a registry person the guest speaks of
NAMESAKE_HOST = """
Dockside Talk, episode 31

MARK VANCE: Hello again. I'm Mark Vance, and my guest is Lena Ortiz, who writes about shipyards.

LENA ORTIZ: Thanks for having me. Secretary Vance toured the dry dock on Friday and praised the welders.

VANCE: Did she say anything about the budget?

ORTIZ: Only that the second dock would wait a year.

VANCE: Thank you, Lena.
"""


def test_a_full_name_label_is_no_registry_person_of_another_given_name(tmp_path):
    db = build_docs(tmp_path / "v", {"host": NAMESAKE_HOST, "asides": ASIDES})
    rows = list(db["quotations"].rows_where("kind = 'turn'", order_by="document_id, start"))
    host = [(r["speaker_id"], r["speaker_label"].title()) for r in rows
            if r["document_id"] == "host" and "Vance" in r["speaker_label"].title()]
    # "MARK VANCE" and "VANCE" after it are the host, not Ann Vance of the registry
    assert host == [(None, "Mark Vance")] * 3
    # the office alone, as a label without the bracket reads: the minister the header names
    minister = [r["speaker_id"] for r in rows if r["document_id"] == "asides" and "DEFENSE" in r["speaker_label"]]
    assert minister == ["ito", "ito"]


# labels of one word in capitals that alternate: outlets, alliances, bases, no one's names
ONE_WORD = {
    "outlets": ("Morning press review\n\nKYODO: The cabinet will meet on Tuesday, Kyodo News reported.\n\n"
                "NIKKEI: Exporters expect a weaker yen, according to the Nikkei survey.\n\n"
                "KYODO: The meeting may slip to Wednesday.\n\nNIKKEI: Steel orders rose again.\n"),
    "bases": ("Storm log\n\nKADENA: Jets were moved into shelters at Kadena Air Base.\n\n"
              "HANSEN: Training stopped at Camp Hansen before noon.\n\n"
              "KADENA: The runway reopened in the evening.\n\nHANSEN: Some roads are still flooded.\n"),
    "alliances": ("Week in review\n\nNATO: Ministers met in Brussels to discuss the budget.\n\n"
                  "ASEAN: Leaders called for calm at sea.\n\nNATO: A new air policing rota begins.\n\n"
                  "ASEAN: The next summit will be in the autumn.\n"),
}


def test_one_word_labels_that_alternate_without_a_fuller_label_are_no_speakers():
    test_headings_and_places_in_capitals_that_come_back_are_no_speakers(ONE_WORD)


# a live page whose entries open with two-word places, each written in its prose as well
PLACES = ("Live: the carrier group's visit\n\nSAN DIEGO: The carrier left the harbour for San Diego Bay at dawn.\n\n"
          "LOS ANGELES: Crowds watched it pass the coast near Los Angeles an hour later.\n\n"
          "SAN DIEGO: The escort ships followed before noon.\n\nLOS ANGELES: The port was busy all afternoon.\n")


def test_places_in_capitals_that_alternate_are_no_speakers(monkeypatch):
    labels = speaker_labels(PLACES)
    assert not transcript(labels)
    assert not [lab.label for lab in labels if lab.kind == "named"]
    # the gazetteer is what rules them out: without it they would pass as names taking turns
    from alliance_record import gazetteer
    from alliance_record.extract import quotations
    monkeypatch.setattr(gazetteer, "lookup", lambda *a, **k: None)
    quotations._speaker_labels.cache_clear()
    try:
        assert transcript(speaker_labels(PLACES))
    finally:
        quotations._speaker_labels.cache_clear()


def test_a_full_names_speaker_words_drop_only_a_pronoun_and_be():
    from alliance_record.extract.claims import _name_words
    assert _name_words("I'm Dana Whitcombe".split()) == ["Dana", "Whitcombe"]
    assert _name_words("This is Ryo Sakamoto".split()) == ["Ryo", "Sakamoto"]
    assert _name_words("Will Smith".split()) == ["Will", "Smith"]
    assert _name_words("Defense Hamada Yasukazu".split()) == ["Hamada", "Yasukazu"]


def test_the_fuller_label_before_a_one_word_label_is_read_once_for_both_stages():
    """Review12_whole (low 8): the rule "a one-word label is a speaker's after a fuller label with
    its word" is one function, which the labels (quotations) and the speakers (claims) both use:
    the nearest named label before with every word and more, none for a word no label introduced."""
    from alliance_record.extract import claims, quotations

    labels = speaker_labels(NAMESAKE_HOST)
    named = [lab for lab in labels if lab.kind == "named"]
    name = {lab.start: NAMESAKE_HOST[lab.name_start:lab.name_end] for lab in named}
    short = next(lab for lab in named if name[lab.start] == "VANCE")
    found = quotations.fuller_label(NAMESAKE_HOST, quotations.name_words(NAMESAKE_HOST, short), short.start, labels)
    assert name[found.start] == "MARK VANCE"
    assert claims._fuller_label(NAMESAKE_HOST, short) is found
    assert claims._fuller_label(NAMESAKE_HOST, named[0]) is None  # two words: no fuller label needed
    assert quotations.fuller_label(NAMESAKE_HOST, {"DOCK"}, len(NAMESAKE_HOST), labels) is None
