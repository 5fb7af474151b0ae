"""Quotation speakers across sentences: probe passages written for the test (issue 14 item 5).

Each passage is a document of its own (2–4 sentences, real people and events of 2016–2025, in
words of the test's own), with the speaker of its last quotation: a registry id, a set of ids for
words said together, or ``label:<word>`` for a person no registry holds (the label must name
them). They exercise pronoun agreement (he/she, a group or a body for "they"/"it") with gender
from evidence (honorifics, gendered nouns in apposition, pronouns already bound to the person),
salience (the subject of the previous sentence or clause and the last speaker before an object,
a person named inside a quotation or only in a subordinate clause), readout-style capital
surnames, title-only continuations ("the minister said", "the prime minister added") and an
unnamed official as a speaker.

First run, before the mechanism (4a3b0e6): 8 of 22 right. The second set (PROBES_2), written after the
mechanism and run on it before any change for it: 11 of its first 12 (they for states), 4a3b0e6 7 of 14;
the third (PROBES_3), after the second landed: 5 of 6 (an opening phrase with no comma), 4a3b0e6 4 of 6;
the fourth (PROBES_4), written for review 25's mends: 10 of 22 at d23eb59 (see its comment); the fifth
(PROBES_5, round speak6: titles without a name, indefinite role-headed speakers, speech verbs' plural
nouns, quotations set out after a colon): 12 of 42 at f894f1e (titles 1 of 12, unnamed 6 of 10, nouns
3 of 10, colon 2 of 10), 41 of 42 after; its gerunds after a preposition (10, written after those landed):
1 of 10 first, 10 of 10 after; its fragments in a clause of saying of their own (10, after a real page
showed the case): 0 of 10 at 84a1a33, 10 of 10 after; appositions between a name and its verb after the
quotation (10): 0 of 10 at c3ddcbe, 10 of 10 after; a speech verb in a reported clause (10): 6 of 10 at
4e94c74, 10 of 10 after; a description with the name in apposition (10): 0 of 10 first, 10 of 10 after; another word for the role
(10: "the envoy", "the defense chief", "the premier", "the spokesperson"): 1 of 10 first, 10 of 10 after.
All of PROBES_5 (102) at f894f1e: 20 right; after the round: 101 (colon_paragraph_two a known miss);
after review 26's mends 100 (former_ambassador a declared miss as well: main gives the same).
Controls for the plural-noun rule (10, written at its end): 10 of 10 at f894f1e, 3 of 10 at f0bcc69
(the rule had taken "said would", "agreement states" for nouns), 10 of 10 after its mend.
Review 26's mends (its counter-examples in this file's words, each run first on the commit before its
mend): titles need positive evidence, several holders abstain, a passive verb before a colon is no
cue (9, 0 of 9 at afff812); nouns before "that" or a reflexive (7, 0 of 7 at 0d16ecb); terms and names
after a clause of saying (3, 0 of 3 at c2f7a3d); a cited title after a colon (1); a body whose name
ends with a role word (1). The fixture's actors carry registry country codes from then on.
"""

import json
import re

import pytest
import sqlite_utils
from click.testing import CliRunner

from alliance_record.cli import cli
from conftest import catalog_entry, write_corpus

ACTORS = """
actors:
  - {id: takaichi, country: JP, name: Sanae Takaichi, type: person, aliases: [Takaichi]}
  - {id: trump, country: US, name: Donald Trump, type: person, aliases: [Trump, President Trump]}
  - {id: hegseth, country: US, name: Pete Hegseth, type: person, aliases: [Hegseth]}
  - {id: nakatani, country: JP, name: Gen Nakatani, type: person, aliases: [Nakatani],
     roles: [{title: Minister of Defense}]}
  - {id: koizumi, country: JP, name: Shinjiro Koizumi, type: person, aliases: [Koizumi]}
  - {id: katayama, country: JP, name: Satsuki Katayama, type: person, aliases: [Katayama]}
  - {id: motegi, country: JP, name: Toshimitsu Motegi, type: person, aliases: [Motegi]}
  - {id: rubio, country: US, name: Marco Rubio, type: person, aliases: [Rubio, Secretary Rubio]}
  - {id: ishiba, country: JP, name: Shigeru Ishiba, type: person, aliases: [Ishiba],
     roles: [{title: Prime Minister of Japan, start: "2024-10-01", end: "2025-10-21"}]}
  - {id: emanuel, country: US, name: Rahm Emanuel, type: person, aliases: [Emanuel]}
  - {id: koike, country: JP, name: Yuriko Koike, type: person, aliases: [Koike]}
  - {id: inada, country: JP, name: Tomomi Inada, type: person, aliases: [Inada]}
  - {id: kishida, country: JP, name: Fumio Kishida, type: person, aliases: [Kishida],
     roles: [{title: Prime Minister of Japan, start: "2021-10-04", end: "2024-10-01"}]}
  - {id: harris, country: US, name: Kamala Harris, type: person, aliases: [Harris]}
  - {id: kennedy, country: US, name: Caroline Kennedy, type: person, aliases: [Kennedy]}
  - {id: hagerty, country: US, name: Bill Hagerty, type: person, aliases: [Hagerty]}
  - {id: bessent, country: US, name: Scott Bessent, type: person, aliases: [Bessent]}
  - {id: teodoro, country: PH, name: Gilberto Teodoro, type: person, aliases: [Teodoro]}
  - {id: shinzo-abe, country: JP, name: Shinzo Abe, type: person, aliases: [Abe]}
  - {id: biden, country: US, name: Joe Biden, type: person, aliases: [Biden]}
  - {id: japan, country: JP, name: Japan, type: state, demonyms: [Japanese]}
  - {id: australia, country: AU, name: Australia, type: state, demonyms: [Australian]}
  - {id: india, country: IN, name: India, type: state}
  - {id: united-states, country: US, name: United States, type: state, aliases: [U.S., the United States], demonyms: [American]}
  - {id: japan-government, name: Government of Japan, type: government, aliases: [Japanese government]}
  - {id: philippines, country: PH, name: Philippines, type: state, aliases: [the Philippines]}
  - {id: japan-mod, country: JP, name: Ministry of Defense, type: government-body,
     aliases: [Defense Ministry, Japan's Defense Ministry]}
  - {id: pm-office, name: Office of the Prime Minister, type: government-body}
  - {id: ph-president-office, name: Office of the President, type: government-body, parent: philippines}
  - {id: jmsdf, country: JP, name: Japan Maritime Self-Defense Force, type: military, aliases: [Maritime Self-Defense Force]}
  - {id: jgsdf, country: JP, name: Japan Ground Self-Defense Force, type: military, aliases: [Ground Self-Defense Force]}
  - {id: us-navy, name: United States Navy, type: military, aliases: [U.S. Navy]}
  - {id: china, name: China, type: state, demonyms: [Chinese]}
  - {id: china-coast-guard, name: China Coast Guard, type: military, parent: china}
  - {id: cabinet-office, country: JP, name: Cabinet Office, type: government-body}
  - {id: forces-magazine, country: US, name: Air and Space Forces Magazine, type: media}
  - {id: republican-party, name: Republican Party, type: political-party, aliases: [Republican]}
  - {id: japan-mod-senior-official, name: Senior Japan Ministry of Defense official (unnamed),
     type: anonymous, aliases: [senior Japanese defense official]}
"""

# (stem, passage, expected speaker of the last quotation; None: left unattributed). Review 25 (H1):
# "A met B. He said" with neither gender known is left unattributed, not given to the subject — in
# this corpus the two are as often a woman and a man (Takaichi and Trump) — so five passages of the
# first sets that relied on the subject's salience alone now expect None (a sixth, two_men_gerund, is
# kept: the last speaker goes on speaking while the other man is only an object).
PROBES = [
    ("woman_after_man", """Sanae Takaichi became prime minister in October 2025, the first woman to hold
the post. Days later she welcomed Donald Trump to Tokyo for talks on trade. "We will open a new
golden age for our alliance," she said.""", "takaichi"),
    ("subject_over_object", """Pete Hegseth met Gen Nakatani at the Pentagon in February 2025. He urged
Japan to spend more on its forces. "Deterrence takes investment," he said.""", None),
    ("honorific_woman", """Ms. Satsuki Katayama took over the finance ministry in October 2025 from
Katsunobu Kato, who moved to another post. "Fiscal discipline still matters," she told
reporters.""", "katayama"),
    ("intervening_object", """Shinjiro Koizumi called Pete Hegseth on October 29 to discuss the
alliance. Koizumi later toured Yokosuka with the commander of the Seventh Fleet. "Our forces stand
shoulder to shoulder," he said.""", "koizumi"),
    ("person_inside_quote", """Toshimitsu Motegi took questions after the call. "I told Secretary Marco
Rubio that Japan will do its part," he said. He called the talks "frank and useful".""", "motegi"),
    ("readout_capitals_title", """On March 3, Mr. NAKATANI Gen, Minister of Defense, spoke by video with
Mr. Richard Marles, Deputy Prime Minister of Australia. Minister Nakatani remarked that the Mogami
frigate deal would continue to anchor "our navies' common future".""", "nakatani"),
    ("readout_capitals_she", """Ms. KAMIKAWA Yoko, Minister for Foreign Affairs, received a courtesy
call from Mr. Kurt Campbell, Deputy Secretary of State. She expressed hope that the two sides would
keep "close communication at every level".""", "label:Kamikawa"),
    ("title_continuation", """Defense Minister Gen Nakatani inspected the Yonaguni garrison in March 2025
with Admiral Samuel Paparo. The minister said the island was "on the front line of deterrence".""",
     "nakatani"),
    ("prime_minister_added", """Prime Minister Fumio Kishida and Defense Minister Minoru Kihara flew to
Canberra for a Quad side meeting. The prime minister added that the region needed "fewer walls and
more bridges".""", "kishida"),
    ("plural_people", """Marco Rubio and Pete Hegseth hosted their Japanese counterparts in Washington.
They said the talks had brought "real progress on co-production".""", {"rubio", "hegseth"}),
    ("body_it", """Japan's Defense Ministry released its annual white paper in July 2025. It described
China's military activity as "the greatest strategic challenge".""", "japan-mod"),
    ("man_host_woman_guest", """Rahm Emanuel hosted Yuriko Koike at the ambassador's residence in 2024.
He praised the city's climate plans and called Tokyo "a model for the world".""", None),
    ("mother_apposition", """Seiko Noda, a mother of a disabled son, ran for the party leadership in 2021
against Fumio Kishida. "Every child counts in this country," she said.""", "label:Noda"),
    ("gender_from_bound_pronoun", """Tomomi Inada toured the Djibouti base in 2016 while her ministry
prepared a budget request. Fumio Kishida was foreign minister at the time. "Our troops are doing
essential work," she said.""", "inada"),
    ("woman_object_he", """Fumio Kishida addressed a joint meeting of Congress in April 2024 and thanked
Kamala Harris for her support. "We are with you," he told the lawmakers.""", None),
    ("anonymous_official", """A senior Japanese defense official said the new joint command would be
ready "by the end of March".""", "japan-mod-senior-official"),
    ("anonymous_official_he", """A senior Japanese defense official briefed reporters on the plan in
Tokyo. He said the first units would arrive "within weeks".""", "japan-mod-senior-official"),
    ("last_speaker_over_object", """"The alliance has never been stronger," Pete Hegseth said in Tokyo.
He then flew to Manila to meet Gilberto Teodoro. "We stand by our treaty," he said.""", "hegseth"),
    ("subordinate_clause_person", """Caroline Kennedy left Tokyo in 2017, when Bill Hagerty was named to
succeed her. "Japan will always feel like home," she said.""", None),
    ("man_speaks_after_woman_named", """Scott Bessent met Ms. Satsuki Katayama in Washington in October
2025. "We discussed exchange rates in detail," he said.""", "bessent"),
    ("two_sentences_back", """Gen Nakatani toured the Type 12 missile site in Kumamoto. The launchers
will be deployed there from March 2026. "This strengthens our stand-off defense," he said.""",
     "nakatani"),
    ("full_title_continuation", """Foreign Minister Takeshi Iwaya met Defense Minister Gen Nakatani on
Friday. The defense minister said Japan would "accelerate" its missile program.""", "nakatani"),
]

# A second set, written after the mechanism was and run on it before any change for it: "they" for
# states, "it" for a body next to a person, more title continuations, chains of "her", readouts.
PROBES_2 = [
    ("they_states", """The Philippines and Japan held their first joint sail near Scarborough Shoal in
2023. They described the patrol as "routine and lawful".""", {"japan", "philippines"}),
    ("they_states_statement", """The United States and Japan issued a joint statement after talks in
Tokyo in July 2024. They said the alliance had "never been stronger".""", {"united-states", "japan"}),
    ("they_people_call", """Shinjiro Koizumi and Pete Hegseth spoke by phone on October 29. They pledged
to deepen "cooperation in every domain".""", {"koizumi", "hegseth"}),
    ("it_body_after_person", """Rahm Emanuel visited Japan's Defense Ministry in Tokyo in 2023. It later
said the meeting had been "productive and forward-looking".""", "japan-mod"),
    ("secretary_title", """Secretary of State Marco Rubio met Foreign Minister Takeshi Iwaya in Brussels
in April 2025. The secretary said the alliance was "as strong as it has ever been".""", "rubio"),
    ("ambassador_title", """U.S. Ambassador George Glass arrived in Tokyo in April 2025 and met Prime
Minister Shigeru Ishiba. The ambassador told reporters that tariffs were "a tool, not a goal".""",
     "label:Glass"),
    ("her_chain", """Yuriko Koike won a third term as governor of Tokyo in July 2024. Her campaign focused
on child care and disaster readiness. "Tokyo must stay ready for anything," she said.""", "koike"),
    ("readout_he", """On January 4, Mr. IWAYA Takeshi, Minister for Foreign Affairs, held a meeting with
Mr. CHO Tae-yul, Minister of Foreign Affairs of the Republic of Korea. He stated that Japan regards
Korea as "an important neighbor".""", "label:Iwaya"),
    ("woman_after_man_quote", """"We will not accept any change by force," Gen Nakatani said. Tomomi
Inada, a former defense minister, agreed with him. "The islands are Japan's," she said.""", "inada"),
    ("two_men_gerund", """Shigeru Ishiba met Xi Jinping in Lima in November 2024. Ishiba told Xi that
Japan wanted "a mutually beneficial relationship". He also raised the detention of a Japanese
citizen, calling it "deeply regrettable".""", "ishiba"),
    ("they_leaders", """Fumio Kishida and Yoon Suk Yeol met Joe Biden at Camp David in August 2023. They
pledged to consult "in an expeditious manner" in a crisis.""", {"kishida", "biden"}),
    ("it_government", """The Japanese government protested after a Chinese surveillance plane entered
its airspace in August 2024. It called the incursion "a serious violation of our sovereignty".""",
     "japan-government"),
    ("spokeswoman_she", """Tammy Bruce, a State Department spokeswoman, took questions on Japan in May
2025. Asked about the tariff talks, she said Washington valued "a fair and balanced
relationship".""", "label:Bruce"),
    ("man_after_woman_speaker", """"Our ties have never been closer," Caroline Kennedy said in 2016.
Barack Obama visited Hiroshima that May, the first sitting president to do so. "We come to mourn the
dead," he said.""", "label:Obama"),
]
PROBES += PROBES_2

# A third set, written after the second landed and run before any change for it.
PROBES_3 = [
    ("opener_without_comma", """In Honolulu on Friday Pete Hegseth met Gen Nakatani for the first time.
He said the missile co-production plan was "on track".""", None),
    ("passive_agent", """The longer-range Type 12 upgrade was approved by Gen Nakatani in 2024. "It gives
our units real reach," he said.""", "nakatani"),
    ("his_chain", """Shigeru Ishiba lost his majority in the upper house in July 2025. His party then
pressed him to quit. "I will take responsibility," he said in September.""", "ishiba"),
    ("across_paragraphs", """Pete Hegseth arrived in Tokyo on October 28 for his first visit as
secretary.\n\n"Japan is a model ally," he said at Yokosuka.""", "hegseth"),
    ("apposed_title", """Takeshi Iwaya, the foreign minister, met Pete Hegseth in Washington in
February. The foreign minister said Japan would "do its part".""", "label:Iwaya"),
    ("two_women", """Yuriko Koike met Ms. Satsuki Katayama at the metropolitan government in 2025.
"Tokyo's finances are sound," Koike said. She added that the city would "keep investing".""",
     "koike"),
]
PROBES += PROBES_3


# A fourth set (review 25), written before the mends and run on d23eb59 first: two persons of unknown
# gender and close salience leave a he/she unattributed (None); a known gender skips a person; a
# gender learned only from names' salience, honorifics and gendered nouns, never from a guess; a
# coordinated group for "they" only as a clause's subject; no single body for "it" after "X and Y";
# a name modifying a noun is no person mentioned; a gendered noun only for its own person.
PROBES_4 = [
    ("unknown_pair_he", """Satsuki Katayama hosted Scott Bessent at the finance ministry in October
2025. He said the yen's moves had to be "orderly".""", None),
    ("unknown_pair_she", """Rahm Emanuel toured a Tokyo flood tunnel with Yuriko Koike in 2023. She
said the city spends "billions on staying dry".""", None),
    ("unknown_pair_she_later", """Joe Biden welcomed Tomomi Inada to a Washington dinner. She
thanked the guests. "The alliance is a family," she said.""", None),
    ("known_woman_skipped", """Ms. Yuriko Koike met Bill Hagerty at city hall in 2019. He said
Tokyo's Olympic plans were "world class".""", "hagerty"),
    ("known_man_skipped", """Mr. Scott Bessent met Satsuki Katayama in Washington in 2025. She said
Japan wanted "no surprises" on currency.""", "katayama"),
    ("noun_gives_gender", """Caroline Kennedy, the daughter of a president, met Shinzo Abe in Tokyo in
2014. He told her the alliance was "the cornerstone of peace".""", "shinzo-abe"),
    ("guess_does_not_fix_gender", """Sanae Takaichi met Pete Hegseth at the defense ministry. He
praised Japan's budget. He also called the drills "impressive". "We are ready," she said.""",
     None),
    ("guess_does_not_fix_gender_2", """Tomomi Inada met Marco Rubio in Tokyo. He asked about the
budget. He then left for Seoul. "Our ties are solid," she told reporters.""", None),
    ("they_prepositional", """Diplomats from Japan and Australia gathered in Canberra in 2024. They said
the new treaty was "long overdue".""", None),
    ("they_between", """Talks between India and Japan opened in Delhi in 2023. They described the
framework as "a work in progress".""", None),
    ("they_subject_still", """Australia and Japan upgraded their defence pact in 2022. They called it
"a generational shift".""", {"australia", "japan"}),
    ("it_after_pair", """Japan and the Philippines ran joint drills off Luzon in 2024. It said the
exercise was "purely defensive".""", None),
    ("it_single_body", """Japan's Defense Ministry opened a new radar site on Yonaguni in 2016. It said
the site would "watch the western sea".""", "japan-mod"),
    ("modifier_name", """The Biden administration lobbied Fumio Kishida on chip export rules in 2023.
He said Japan would keep "its own pace".""", "kishida"),
    ("modifier_name_2", """The Trump team courted Shigeru Ishiba over car tariffs in 2025. He replied
that Japan would "defend its industry".""", "ishiba"),
    ("possessive_noun_no_gender", """Satsuki Katayama, the Emperor's guest at a spring garden party,
spoke about savings. "Households must invest," she said.""", "katayama"),
    ("possessive_noun_no_gender_2", """Tomomi Inada, the king's guest in Bangkok, visited a navy yard.
"Thailand is a friend," she said.""", "inada"),
    ("relative_clause_noun", """Yuriko Koike greeted Donald Trump, who was a real estate businessman
before politics, at the hotel. "Tokyo welcomes you," she said.""", "koike"),
]
# written after the first mends, before the possessor's weight and the object pronoun's rule
PROBES_4 += [
    ("possessor_low", """Yuriko Koike said Shigeru Ishiba's plan for the capital was timid. She called
it "a budget without a map".""", "koike"),
    ("possessor_low_2", """Satsuki Katayama defended Scott Bessent's currency remarks in parliament.
"Markets understood him," she said.""", "katayama"),
    ("speaker_goes_on", """Satsuki Katayama said that Scott Bessent had "misread the yen" in his
remarks. She added that Tokyo would "act if needed".""", "katayama"),
    ("object_not_subject", """"We must move faster," Shinjiro Koizumi said. Satsuki Katayama backed
him the next day. "The money is there," she said.""", "katayama"),
]
PROBES += PROBES_4


# A fifth set (issue 14 item 5, round speak6), written before any change for it and run first at
# f894f1e. Titles: a definite or possessive description of a person ("the governor", "Japan's
# defense minister", "the 73-year-old governor", "the U.S. defense secretary") back to the last
# person titled so, an abbreviated title ("Gov.", "Sen.", "Adm.", "Lt. Gen.") being its role word,
# a nationality word agreeing with the title when the title has one. Indefinite role-headed
# speakers ("a retired Japanese admiral", "an Okinawa prefectural assembly member") are unnamed
# persons ("anonymous": a label, no actor), never the body their words name. A speech verb's
# plural noun ("future remarks", "his latest comments were") is no verb. A quotation that opens a
# paragraph after one ending with a colon ("… put it this way:") takes the cue before the colon.
PROBES_5_TITLES = [
    ("gov_abbrev", """Gov. Hidehiko Yuzaki welcomed the Group of Seven leaders to Hiroshima in May 2023.
"No city knows the cost of the bomb better than ours," the governor said.""", "label:Yuzaki"),
    ("sen_abbrev", """Sen. Bill Hagerty introduced a bill on Japanese steel investment in 2024. The
senator said the deal would "bring jobs to Tennessee".""", "hagerty"),
    ("adm_abbrev", """Adm. Samuel Paparo took command of the Indo-Pacific Command in May 2024. The
admiral told lawmakers that China was rehearsing "for real".""", "label:Paparo"),
    ("ltgen_abbrev", """Lt. Gen. Stephen Jost took over U.S. Forces Japan in October 2024. The general
said the new headquarters would be "ready to fight tonight".""", "label:Jost"),
    ("age_governor", """Gov. Yuriko Koike won a third term in Tokyo in July 2024. "Tokyo must stay
safe," the 72-year-old governor said.""", "koike"),
    ("us_defense_secretary", """Defense Secretary Pete Hegseth met Gen Nakatani in Tokyo in March 2025.
"Deterrence is back," the U.S. defense secretary said.""", "hegseth"),
    ("japan_possessive_minister", """Defense Minister Gen Nakatani met Pete Hegseth at the Pentagon in
February 2025. Japan's defense minister said the talks were "very productive".""", "nakatani"),
    ("nationality_modifier", """Deputy Prime Minister Richard Marles hosted Gen Nakatani in Darwin in
November 2024. The Australian deputy prime minister said the visit was "a milestone".""",
     "label:Australian deputy prime minister"),  # review 26: nothing says Marles is Australian: abstain
    ("nationality_disagrees", """Defense Minister Gen Nakatani met Australian Defense Minister Richard
Marles in Darwin. The Japanese defense minister said the drills were "a new normal".""", "nakatani"),
    ("us_secretary_of_state", """Secretary of State Marco Rubio met Takeshi Iwaya in Washington in
February 2025. The top U.S. diplomat said the alliance was "a cornerstone".""", "label:diplomat"),
    ("ambassador_abbrev", """Amb. George Glass presented his credentials in Tokyo in April 2025. The
ambassador said his task was "to sell American goods".""", "label:Glass"),
    ("rep_abbrev", """Rep. Adam Smith visited Yokosuka in 2023 with a House delegation. The congressman
said the fleet was "stretched thin".""", "label:congressman"),
]
PROBES_5_UNNAMED = [
    ("retired_admiral", """Japan's cabinet approved three new security documents in December 2022. A retired
U.S. Navy admiral said the counterstrike plan came "late but welcome".""", "anonymous"),
    ("assembly_member", """Yonaguni received a coastal surveillance unit of the Ground Self-Defense Force in
March 2016. A Yonaguni town assembly member said the referendum had left the island "split in two".""",
     "anonymous"),
    ("former_ambassador", """Japan raised its defense budget again in 2025. A former Japanese ambassador
to Washington said the increase was "overdue".""", "anonymous"),
    ("navy_commander", """The USS George Washington returned to Yokosuka in November 2024. A U.S. Navy
commander aboard the carrier said the crew was "glad to be home".""", "anonymous"),
    ("ministry_spokesperson_indef", """China protested Japan's new defense white paper in July 2025. A
Chinese foreign ministry spokesperson called it "a pack of lies".""", "anonymous"),
    ("police_officer", """Protesters gathered at the Henoko gate in 2024. A prefectural police officer
said the crowd was "calm all day".""", "anonymous"),
    ("general_indef", """Japan launched its Joint Operations Command in March 2025. A Ground
Self-Defense Force general said the command would "speed up decisions".""", "anonymous"),
    ("senator_indef", """The Senate debated the Nippon Steel deal in 2024. A Republican senator said
the merger was "good for Pennsylvania".""", "anonymous"),
    ("party_member", """The Liberal Democratic Party chose a new leader in October 2025. A party member
said the vote was "a fresh start".""", "anonymous"),
    ("envoy_indef", """Talks on host-nation support opened in Tokyo in 2021. A U.S. envoy involved in the
talks said Japan had been "a generous host".""", "anonymous"),
]
PROBES_5_NOUNS = [
    ("future_remarks", """Chief Cabinet Secretary Minoru Kihara spoke in Tokyo in November 2025. He
warned that future remarks on Taiwan must be made with "extreme caution".""", "label:Kihara"),
    ("latest_remarks", """Minoru Kihara briefed reporters in November 2025. He said that the prime
minister's latest remarks were "somewhat different".""", "label:Kihara"),
    ("comments_were", """Shigeru Ishiba spoke to the Diet in 2025. He said Donald Trump's comments were
"not helpful".""", "ishiba"),
    ("claims_are", """Gen Nakatani answered questions in Tokyo in 2025. He said Chinese claims are
"baseless".""", "nakatani"),
    ("statements_were", """Takeshi Iwaya met reporters in Manila in 2025. He said recent statements were
"a step forward".""", "label:Iwaya"),
    ("reports_were", """Gen Nakatani was asked about the drills in 2024. He said media reports were
"not accurate".""", "nakatani"),
    ("notes_are", """Toshimitsu Motegi spoke to reporters in 2025. He said diplomatic notes are "the
normal channel".""", "motegi"),
    ("pointed_out", """Minoru Kihara met reporters in November 2025. With past debates in mind, Kihara
pointed out, "Concrete cases have been very limited.\"""", "label:Kihara"),
    ("pledges_were", """Shigeru Ishiba spoke in the Diet in February 2025. He said earlier pledges were
"being kept".""", "ishiba"),
    ("warnings_have", """Gen Nakatani toured Yonaguni in 2025. He said past warnings have been "proven
right".""", "nakatani"),
]
PROBES_5_COLON = [
    ("colon_paragraph", """A Nishinoomote city official described the start of work on the Mageshima base this way:

"The fishermen heard the news before the mayor did.\"""", "anonymous"),
    ("colon_paragraph_name", """Gen Nakatani summed up the talks with Pete Hegseth in one line:

"Our alliance has entered a new era.\"""", "nakatani"),
    ("colon_paragraph_pronoun", """Sanae Takaichi became the first woman to head the Liberal Democratic
Party in a vote on October 4, 2025. Addressing the party's lawmakers that afternoon, she put it simply:

"I will work, work and keep on working.\"""", "takaichi"),
    ("colon_paragraph_title", """Defense Minister Gen Nakatani visited Darwin in 2024. The minister put it
this way:

"Distance is no longer a shield.\"""", "nakatani"),
    ("colon_paragraph_wrote", """Rahm Emanuel wrote about the alliance in 2024:

"Japan is no longer a bystander.\"""", "emanuel"),
    ("colon_paragraph_told", """Satsuki Katayama told reporters after the meeting:

"We will not tolerate excessive moves.\"""", "katayama"),
    ("colon_paragraph_two", """Marco Rubio and Pete Hegseth issued a joint message:

"The alliance is ironclad.\"""", {"rubio", "hegseth"}),
    ("colon_no_cue", """A banner at the gate of Camp Schwab read in large letters:

"No new base at Henoko, not now and not ever.\"""", None),
    ("colon_heading_not_cue", """Shigeru Ishiba resigned in September 2025. What follows is a summary:

"The party needs unity.\"""", None),
    ("colon_paragraph_said", """Fumio Kishida said at the summit:

"Ukraine today may be East Asia tomorrow.\"""", "kishida"),
]
# A speech verb's -ing form after a preposition or a subordinator ("by saying", "while insisting",
# "after telling"): the clause's subject is the sentence's.
PROBES_5_GERUNDS = [
    ("by_saying", """Gen Nakatani opened the meeting in Tokyo by saying, "As the most trusted partner, we want
to work closely together.\"""", "nakatani"),
    ("by_declaring", """Shigeru Ishiba ended his war anniversary speech in 2025 by declaring that Japan would
"never again" wage war.""", "ishiba"),
    ("by_calling", """Marco Rubio began the press conference in Washington by calling the alliance "the
cornerstone of peace".""", "rubio"),
    ("by_promising", """Pete Hegseth closed his visit to Manila by promising "more ships and more
drills".""", "hegseth"),
    ("by_stressing", """Satsuki Katayama answered the question in parliament by stressing that the yen's
moves were "one-sided".""", "katayama"),
    ("by_noting", """Toshimitsu Motegi responded to the Chinese protest by noting that Japan had acted
"within international law".""", "motegi"),
    ("by_announcing", """Fumio Kishida surprised his party in August 2024 by announcing, "I will not run
in the leadership race.\"""", "kishida"),
    ("while_insisting", """Sanae Takaichi defended her Taiwan answer in the Diet while insisting that
government policy had "not changed".""", "takaichi"),
    ("after_telling", """Gen Nakatani left the ministry in the evening after telling reporters the drills
were "routine".""", "nakatani"),
    ("by_recalling", """Yuriko Koike marked the anniversary of the 2011 earthquake by recalling "the fear
of that night".""", "koike"),
]
# A short fragment brought in by a clause of saying of its own after its speaker's first quotation
# ("…,” Koizumi told reporters, adding that he aims to … “defense diplomacy.”) is a quotation too,
# not a scare quote (the found-on-real-pages case; written after the gerund rule, run before its fix).
PROBES_5_FRAGMENTS = [
    ("adding_fragment", """"Our engineers did fine work," Shinjiro Koizumi told reporters at Yokosuka, adding that
he wants more exports through "defense diplomacy".""", "koizumi"),
    ("noting_fragment", """"The talks were useful," Gen Nakatani said in Singapore, noting that China's drills
were "deeply concerning".""", "nakatani"),
    ("stressing_fragment", """"We must act now," Sanae Takaichi said in the Diet, stressing that Japan faces "a
severe environment".""", "takaichi"),
    ("calling_fragment", """"I have no intention of retracting it," Sanae Takaichi told lawmakers, calling the
question "a hypothetical".""", "takaichi"),
    ("warning_fragment", """"The yen is moving too fast," Satsuki Katayama told reporters, warning of "one-sided
moves".""", "katayama"),
    ("insisting_fragment", """"Japan has not changed its position," Toshimitsu Motegi said in Tokyo, insisting that
ties with China remain "mutually beneficial".""", "motegi"),
    ("describing_fragment", """"The drills went well," Pete Hegseth said in Manila, describing the allies as
"shoulder to shoulder".""", "hegseth"),
    ("urging_fragment", """"The currency talks were constructive," Scott Bessent said in Washington, urging the
Bank of Japan not to fall "behind the curve".""", "bessent"),
    ("explaining_fragment", """"It is a matter of trust," Shigeru Ishiba said in Washington, explaining that the
investment was "not a concession".""", "ishiba"),
    ("recalling_fragment", """"Okinawa remembers," Yuriko Koike said in Naha, recalling the "long burden" of the
bases.""", "koike"),
]
# An after-cue whose name has an apposition between commas before the verb ("…,” Yoshimasa Hayashi, 63,
# told reporters", "…,” Gen Nakatani, the defense minister, said").
PROBES_5_APPOSITIONS = [
    ("after_age", """"The islands are an inherent part of our territory," Yoshimasa Hayashi, 63, told
reporters in Tokyo.""", "label:Hayashi"),
    ("after_title_the", """"We will not allow any change by force," Gen Nakatani, the defense minister,
said on Friday.""", "nakatani"),
    ("after_title_possessive", """"The yen's moves are too fast," Satsuki Katayama, Japan's finance
minister, told reporters.""", "katayama"),
    ("after_title_us", """"Japan is the linchpin," Rahm Emanuel, the U.S. ambassador, said at Yokota in
2024.""", "emanuel"),
    ("after_age_koizumi", """"I came to listen," Shinjiro Koizumi, 44, said at the Pentagon in
2025.""", "koizumi"),
    ("after_title_rubio", """"China is the challenge of the century," Marco Rubio, the secretary of state,
told senators.""", "rubio"),
    ("after_former", """"The budget is not enough," Tomomi Inada, a former defense minister, said in
2024.""", "inada"),
    ("after_title_of", """"Tokyo must prepare for the worst," Yuriko Koike, the governor of Tokyo, said in a
statement.""", "koike"),
    ("after_relative", """"I take responsibility for the loss," Shigeru Ishiba, who resigned in September,
told reporters.""", "ishiba"),
    ("after_senator", """"This deal is good for Tennessee," Bill Hagerty, a Republican senator from
Tennessee, said in 2024.""", "hagerty"),
]
# A speech verb to come inside the clause another one reports ("Kihara said the government would
# respond “calmly”"): the words are the reporting verb's subject's (found on a trial page); a speech act
# done ("Ishiba told reporters that Washington had promised “…”") quotes its own subject (four
# expectations revised so after a control showed the first rule taking them from their speaker).
PROBES_5_EMBEDDED = [
    ("embedded_respond", """Minoru Kihara said in Tokyo that the government would respond "calmly and
firmly".""", "label:Kihara"),
    ("embedded_respond_2", """Gen Nakatani said Japan would respond "in a calm and resolute manner" to the
radar lock.""", "nakatani"),
    ("embedded_respond_3", """Pete Hegseth said the allies would respond "with overwhelming force" to any
attack.""", "hegseth"),
    ("embedded_respond_4", """Satsuki Katayama said Tokyo would respond "appropriately" to excessive moves in
the yen.""", "katayama"),
    ("embedded_promised", """Shigeru Ishiba told reporters that Washington had promised "a fair outcome" on
tariffs.""", "united-states"),  # a capital of a state with its country code is the state
    ("embedded_warned", """Toshimitsu Motegi said China had warned of "consequences" before the talks in
2025.""", "china"),
    ("embedded_report", """Sanae Takaichi said the ministry would report "every incursion" to the
Diet.""", "takaichi"),
    ("embedded_described", """Marco Rubio said Beijing had described the drills as "routine training" in
2025.""", "label:Beijing"),
    ("embedded_asked", """Yuriko Koike said the city had asked for "more flexibility" from the
state.""", "label:city"),
    ("embedded_explain", """Fumio Kishida said his cabinet would explain "every yen" of the defense budget
to voters.""", "kishida"),
]
# A description with the name in apposition before the verb ("Japan's top government spokesman, Chief
# Cabinet Secretary Minoru Kihara, said"): the name is the speaker (found on a trial page).
PROBES_5_NAME_APPOSED = [
    ("apposed_name_kihara", """Tokyo's chief government spokesman, Chief Cabinet Secretary Hirokazu Matsuno,
said Japan would lodge "a firm protest" with Beijing.""", "label:Matsuno"),
    ("apposed_name_nakatani", """The country's defense chief, Gen Nakatani, said the drills were "a serious
concern" for Japan.""", "nakatani"),
    ("apposed_name_katayama", """Japan's finance minister, Satsuki Katayama, told reporters the yen was "moving
too fast".""", "katayama"),
    ("apposed_name_emanuel", """The U.S. ambassador, Rahm Emanuel, said the base deal was "a model for the
region".""", "emanuel"),
    ("apposed_name_rubio", """America's top diplomat, Marco Rubio, called the Tokyo talks "constructive and
frank".""", "rubio"),
    ("apposed_name_takaichi", """The new prime minister, Sanae Takaichi, said her cabinet would "work, work,
work".""", "takaichi"),
    ("apposed_name_koike", """Tokyo's governor, Yuriko Koike, told the assembly the city was "ready for any
disaster".""", "koike"),
    ("apposed_name_hegseth", """The Pentagon chief, Pete Hegseth, said the new headquarters would be "ready
to fight".""", "hegseth"),
    ("apposed_name_inada", """A former defense minister, Tomomi Inada, warned that the budget was "far from
enough".""", "inada"),
    ("apposed_name_akazawa", """Japan's chief trade negotiator, Ryosei Akazawa, said the tariff deal was "a win
for both".""", "label:Akazawa"),
]
# A role described by another word for it ("the envoy" for an ambassador, "the defense chief" for a
# defense minister or secretary, "the premier" for a prime minister, "the spokesman" for a spokesperson).
PROBES_5_SYNONYMS = [
    ("synonym_envoy", """U.S. Ambassador George Glass toured the Yokosuka base in May 2025. "The Seventh Fleet
is the spear of the alliance," the envoy told sailors.""", "label:Glass"),
    ("synonym_chief_philippine", """Philippine Defense Secretary Gilberto Teodoro met Japanese officials in Manila in
2025. "Japan is a reliable partner," the Philippine defense chief said.""", "teodoro"),
    ("synonym_chief_japanese", """Defense Minister Gen Nakatani visited Darwin in November 2024. "Our forces train
as one," the Japanese defense chief said.""", "nakatani"),
    ("synonym_premier", """Prime Minister Shigeru Ishiba visited Manila in April 2025. "The sea must stay open,"
the premier said.""", "ishiba"),
    ("synonym_spokesman", """Foreign Ministry Spokesperson Toshihiro Kitamura briefed reporters in Tokyo in 2025.
"We have lodged a protest," the spokesman said.""", "label:Kitamura"),
    ("synonym_spokesperson", """State Department spokeswoman Tammy Bruce took questions on Japan in May 2025.
"Our alliance is ironclad," the spokesperson said.""", "label:Bruce"),
    ("synonym_envoy_emanuel", """Ambassador Rahm Emanuel visited Nagasaki in August 2024. "Memory is a duty," the
envoy said.""", "emanuel"),
    ("synonym_chief_hegseth", """Secretary of Defense Pete Hegseth landed in Tokyo in March 2025. "We are moving
fast," the defense chief said.""", "hegseth"),
    ("synonym_envoy_japanese", """Japanese Ambassador Shigeo Yamada spoke in Washington in 2025. "Japan invests
here for the long run," the Japanese envoy said.""", "label:Yamada"),
    ("synonym_control_no_ambassador", """Gen Nakatani met Pete Hegseth in Tokyo in March 2025. "We agreed on a
lot," the envoy said.""", "label:envoy"),
]
# Controls for the plural-noun rule: a past form before a finite verb is a verb ("the deal Trump said
# would be “…”"), a document's -s verb speaks ("The agreement states"), a noun form before a finite verb
# is a noun ("the claim was").
PROBES_5_NOUN_CONTROLS = [
    ("control_said_would", """The trade deal Donald Trump said would be "a great win for America" was signed
in July 2025.""", "trump"),
    ("control_said_will", """The budget Shigeru Ishiba said will be "fully funded" passed the Diet in
2025.""", "ishiba"),
    ("control_said_was", """The tariff Scott Bessent said was "unfair to our workers" was lifted in
2025.""", "bessent"),
    ("control_agreement_states", """The agreement states that both forces will be "ready at all times" to
respond.""", "label:agreement"),
    ("control_treaty_notes", """The treaty notes that each party will act "in accordance with its
constitutional provisions".""", "label:treaty"),
    ("control_communique_states", """The communique states that the allies remain "united and
resolute".""", "label:communique"),
    ("control_claim_was", """Gen Nakatani said the claim was "baseless" and asked for evidence.""",
     "nakatani"),
    ("control_report_was", """Toshimitsu Motegi said the report was "inaccurate" in several places.""",
     "motegi"),
    ("control_white_paper_notes", """The white paper notes that China is "the greatest strategic
challenge" to Japan.""", "label:paper"),
    ("control_plan_states", """The plan states that Japan will spend "two percent of GDP" on defense by
2027.""", "label:plan"),
]
FRAGMENT_STEMS = {s for s, _, _ in PROBES_5_FRAGMENTS}
PROBES_5 = PROBES_5_TITLES + PROBES_5_UNNAMED + PROBES_5_NOUNS + PROBES_5_COLON + PROBES_5_GERUNDS \
    + PROBES_5_FRAGMENTS + PROBES_5_APPOSITIONS + PROBES_5_EMBEDDED + PROBES_5_NAME_APPOSED \
    + PROBES_5_SYNONYMS + PROBES_5_NOUN_CONTROLS
# Review 26's counter-examples (its findings 1–3), in words of this file with other facts, written
# before the mend and run first at afff812: a title without a name goes to a person only with positive
# evidence — the phrase's country in the person's title or registry entry, or, when the phrase names
# no country, a single holder of the role in the window; a passive verb of saying before a colon is no
# cue.
PROBES_5_TITLE_EVIDENCE = [
    ("country_unknown_other", """Defense Minister Gen Nakatani met Defense Minister Richard Marles in Darwin
in November 2024. "The frigate project is moving fast," the Japanese defense minister said.""", "nakatani"),
    ("country_premier", """Chinese Premier Li Qiang sat beside Prime Minister Fumio Kishida at the three-way
summit in Seoul in May 2024. "Trade barriers help no one," the Chinese premier said.""",
     "label:Li Qiang"),
    ("country_spokesperson", """Chinese foreign ministry spokesperson Mao Ning took questions in Beijing on
the day Foreign Ministry Spokesperson Toshihiro Kitamura briefed the press in Tokyo. "The facts are
clear," the Chinese spokesperson said.""", "label:Chinese spokesperson"),
    ("country_registry", """Defense Secretary Pete Hegseth reached Manila in March 2025, where Defense
Secretary Gilberto Teodoro received him. "We stand with our ally," the U.S. defense secretary said.""",
     "hegseth"),
    ("two_governors", """Osaka Gov. Hirofumi Yoshimura and Tokyo Gov. Yuriko Koike took part in a national
governors' meeting in 2024. "Regions need budgets of their own," the governor said.""", "label:the governor"),
    ("two_envoys", """Ambassador Rahm Emanuel and Ambassador Wu Jianghao of China both spoke at a reception
in Tokyo in 2023. "Talks must go on," the envoy said.""", "label:the envoy"),
    ("two_defense_chiefs", """Defense Minister Gen Nakatani received Defense Secretary Pete Hegseth in Tokyo
in March 2025. "Nobody will divide us," the defense chief said.""", "label:the defense chief"),
    ("two_chiefs", """Chief Cabinet Secretary Yoshimasa Hayashi spoke after Defense Minister Minoru Kihara at
a news conference in 2024. "We are following the situation," the chief said.""", "label:the chief"),
    ("colon_passive", """At a Diet committee in February 2025, Shigeru Ishiba was asked by an opposition
lawmaker:

"Will Japan raise defense spending again?\"""", None),
]
PROBES_5 += PROBES_5_TITLE_EVIDENCE
# Review 26's finding 6, in words of this file with other facts: an -s speech verb after a subject
# whose head noun is no listed speaker's head ("the broadcaster reports that", "Kishida himself
# notes that") is the verb, before "that" or a quotation (written and run first at 0d16ecb).
PROBES_5_NOUN_SUBJECTS = [
    ("subject_broadcaster", """The broadcaster reports that Chinese coast guard ships stayed near the Senkaku
Islands on "a record 355 days" in 2024.""", "label:broadcaster"),
    ("subject_proposal", """The draft proposal states that host-nation support would rise "step by step" over
five years.""", "label:proposal"),
    ("subject_lawsuit", """The lawsuit claims that the runway work at Henoko would "destroy the coral
reef".""", "label:lawsuit"),
    ("subject_side", """The Korean side notes that both governments must "look to the future" after the
2023 summit.""", "label:side"),
    ("subject_fact_sheet", """The joint fact sheet states that Japan will buy "100 Boeing aircraft" under the
July 2025 trade deal.""", "label:fact sheet"),
    ("subject_himself_notes", """Fumio Kishida himself notes that the 2022 strategy was "a turning point" for
Japan.""", "kishida"),
    ("subject_himself_claims", """Joe Biden himself claims that the alliance has never been "stronger" than in
2024.""", "biden"),
]
PROBES_5 += PROBES_5_NOUN_SUBJECTS
# Review 26's finding 8, in words of this file with other facts: a term or a name after a clause of
# saying ("adding that so-called “…”", "the destroyer “…”") stays a scare quote, no one's words.
PROBES_5_NAMED_FRAGMENTS = [
    ("fragment_so_called", """"Our patrols continue day and night," Yoshimasa Hayashi told reporters, adding that
so-called "salami-slicing" moves near the islands had not stopped.""", None),
    ("fragment_ship_name", """"The crew has trained hard," Gen Nakatani said at Maizuru, adding that the
destroyer "Haguro" would sail in May.""", None),
    ("fragment_dubbed", """"We want more partners," Fumio Kishida said in Canberra, noting that the pact
dubbed "the quasi-alliance" had grown.""", None),
    # finding 4: a cited title set out after a colon is no one's words
    ("colon_cited_title", """Minoru Kihara told the Diet the review would rest on a single document:

"Defense of Japan 2024" and its chapter on China.""", None),
]
PROBES_5 += PROBES_5_NAMED_FRAGMENTS
# Review 26's finding 7: a registered body whose name ends with a role word speaks as that body.
PROBES_5 += [
    ("body_ends_with_role", """Shigeru Ishiba planned a trip to Vietnam in April 2025. The Office of the Prime
Minister said the visit would go ahead "as scheduled".""", "pm-office"),
]
NAMED_STEMS = {s for s, _, _ in PROBES_5_NAMED_FRAGMENTS}
PROBES += PROBES_5

# A sixth set (round speak7), gold written before the code ran on it: a title-only phrase resolved
# to the one person the document shows holding the role — a noun phrase set in apposition before
# the name ("Australia's ambassador to Tokyo, Name,"), an office that speaks for a government ("the
# spokesman" for a press secretary or a chief cabinet secretary: dropped after review 27, the two
# probes now expect the label), of several registry holders the one whose role's dates cover the
# date the story has reached (the fixture's dated prime ministers; the probes are dated 2025-03-30) — and a
# possessed organ of a state resolved to the one body of the state's registry whose name has the
# words ("its coast guard" after China). Counter-examples abstain: an introductory phrase is no
# apposition, two holders leave the label, a title in the text outweighs a registry's dates, and
# two matching bodies leave the state ("former" is no holder: Kishida's title leaves Ishiba). First run at a4c032f: the seven positive probes 0 of 7; of the
# counter-examples two_spokespeople failed (a4c032f gave the one titled spokesperson; with the
# spokesman synonyms dropped after review 27 that is its gold again) and the others
# passed (abstaining is what a4c032f did); the two with an unnamed person of the role and the one
# with a possessed person's role were written after the first version of the rules got them wrong
# (each failed on it); after: 15 of 15.
PROBES_6 = [
    ("apposed_before_envoy", """Australia's ambassador to Tokyo, Justin Hayhurst, opened a wine fair in
Osaka in 2024. The envoy told guests that Australian produce was "on every table in Kansai".""",
     "label:Hayhurst"),
    ("apposed_before_minister", """The country's defense minister, Richard Marles, toured a shipyard in
Nagasaki in 2025. The minister called the Mogami design "the right hull for our navy".""", "label:Marles"),
    ("spokeswoman_press_secretary", """White House Press Secretary Karoline Leavitt fielded questions on
the Nippon Steel bid in June 2025. The spokeswoman said the president wanted "American jobs kept
safe".""", "label:the spokeswoman"),
    ("spokesman_cabinet_secretary", """Chief Cabinet Secretary Yoshihide Suga took questions on typhoon
damage in 2019. The spokesman promised that the government would "spare no effort" for the
victims.""", "label:the spokesman"),
    ("registry_role_in_date", """Shigeru Ishiba sat down with Fumio Kishida at party headquarters in
March 2025 to plan the upper house campaign. The prime minister said the party needed "a clear
message on prices".""", "ishiba"),
    ("its_coast_guard", """China sent four ships into the waters off the Senkaku Islands in May 2024.
Its coast guard said the ships had "patrolled lawfully" in Chinese waters.""", "china-coast-guard"),
    ("its_defense_ministry", """Japan scrambled fighters after a Russian bomber flew close to Hokkaido in
2024. Its defense ministry called the flight "highly unusual".""", "japan-mod"),
    # counter-examples: the rule must abstain
    ("intro_phrase_no_apposition", """After meeting the foreign minister, Takeshi Iwaya told reporters in
Manila that the talks had gone well. The minister said both sides wanted "more port calls".""",
     "label:the minister"),
    ("two_apposed_envoys", """Japan's ambassador to Canberra, Kazuhiro Suzuki, and Australia's ambassador
to Tokyo, Justin Hayhurst, planted a tree in Cowra in 2024. The envoy said the garden stood for "eighty
years of healing".""", "label:the envoy"),
    ("two_spokespeople", """Chief Cabinet Secretary Yoshimasa Hayashi spoke at noon, and Foreign Ministry
Spokesperson Toshihiro Kitamura briefed reporters later that day in 2024. "Nothing has changed," the
spokesman said.""", "label:Kitamura"),
    ("former_title_in_text", """Former Prime Minister Fumio Kishida joined Shigeru Ishiba on a campaign
stop in Hiroshima in March 2025. The prime minister said voters wanted "steady hands".""",
     "ishiba"),
    # written after a real page (a Chinese ministry's unnamed spokesperson after a chief cabinet
    # secretary) showed the spokesman rule's error: a person of the role introduced without a name
    # after the holder is who "the" points back to (failed on the rule's first version, passes at a4c032f)
    ("indefinite_after_holder", """Chief Cabinet Secretary Yoshimasa Hayashi announced a formal complaint
about a survey ship's visit in 2024. A spokesperson for the Chinese embassy rejected the protest. The
spokesperson said the ship had done "nothing but routine science".""", "label:the spokesperson"),
    ("indefinite_envoy_after_holder", """Ambassador Kazuya Endo hosted a reception for navy officers at
his Manila residence in 2024. An envoy from Beijing was also invited. The envoy said the gathering was "a
chance to lower the temperature".""", "label:the envoy"),
    ("possessed_person_role", """The Philippines protested a water cannon attack near Sabina Shoal in
2024. Its president called the attack "a plain provocation".""", "philippines"),
    ("two_matching_bodies", """Japan raised its alert level after a missile launch in 2023. Its
self-defense force said it was "tracking the situation closely".""", "japan"),
]
PROBES += PROBES_6

# A seventh set (review 27's counter-examples, in the probes' own words), gold written before the
# code: an indefinite "a … minister" names a person only when it opens a sentence or follows
# "according to" / "said", in one sentence; a noun phrase before a name is its title only when it
# opens the sentence and is headed by the role ("the prime minister's chief of staff" is a chief of
# staff); "former" and "deputy" are no holder; a chief cabinet secretary is not "the spokesman"; a
# possessed organ is a government body or a military unit whose name's words are the phrase's
# ("its cabinet" is no Cabinet Office, "its forces" no magazine); a registry role's dates never
# drop the only holder, and of several they keep one only if the story's last date and the
# publication date agree. First run on 91d810a: 15 of 15 failed (and the three PROBES_6 golds
# changed above); after: 15 of 15.
PROBES_7 = [
    ("indefinite_other_sentence", """Defense Minister Gen Nakatani toured a radar station in Okinawa in 2025
on a windy day. The minister told reporters the station was "ready around the clock". The
minister later promised two more sites "before the summer".""", "nakatani"),
    ("indefinite_running_text", """Defense Minister Gen Nakatani landed in Canberra for talks in 2025; it
was the first trip there by a Japanese defense minister in three years. The minister said the visit
opened "a new chapter".""", "nakatani"),
    ("possessor_chief_of_staff", """The prime minister's chief of staff, Akihisa Nagashima, met party
leaders on a Monday in 2025. The prime minister later told a Diet panel he wanted "a fair deal" for
rice farmers.""", "label:the prime minister"),
    ("ambassador_deputy", """The ambassador's deputy, Laura Benning, opened a trade fair in Fukuoka in
2024. The envoy later told guests the fair showed "ties that run deep".""", "label:the envoy"),
    ("aide_to_minister", """An aide to the foreign minister, Kenta Morimoto, delivered the letter in
Seoul in 2024. The minister told reporters that both capitals needed "calm and patience".""", "label:the minister"),
    ("former_apposed", """A former prime minister, Yoshihide Suga, told the party to close ranks in
2025. The prime minister said the party had to "listen to the regions".""", "label:the prime minister"),
    ("intro_clause_second_apposition", """After a working dinner with the prime minister, Shinjiro
Koizumi, the agriculture minister, flew to Osaka in 2025. The prime minister said rice prices would
"come down soon".""", "label:the prime minister"),
    ("cabinet_secretary_twice", """Chief Cabinet Secretary Yoshimasa Hayashi answered questions at a news
conference in 2024. The spokesman said the talks had been "constructive". The spokesman also said a
reply would come "soon".""", "label:the spokesman"),
    ("foreign_spokesman_after_secretary", """Chief Cabinet Secretary Yoshimasa Hayashi protested a
survey ship's entry in 2024. Chinese Foreign Ministry spokesman Lin Jian rejected the protest the
next day. The spokesman said the ship had acted "fully within the law".""", "label:Lin Jian"),
    ("deputy_cabinet_secretary", """Deputy Chief Cabinet Secretary Kazuhiko Aoki met reporters at the
Kantei in 2025. The spokesman said the relief plan was "on track".""", "label:the spokesman"),
    ("its_cabinet", """Japan approved a larger defense budget in December 2024. Its cabinet said the
money would go to "long-range missiles".""", "japan"),
    ("its_forces_magazine", """The United States moved more jets to Guam in 2024. Its forces called the
move "routine".""", "united-states"),
    ("retro_only_holder", """Years before, Fumio Kishida had welcomed a visiting president to
Hiroshima. The prime minister said then that the city stood for "peace above all".""", "kishida"),
    ("former_title_unregistered", """Former Prime Minister Yoshihide Suga joined Shigeru Ishiba at a
rally in Sendai in March 2025. The prime minister said the region needed "more young farmers".""",
     "ishiba"),
    # written after test6's first re-run: a story's last date that looks back (a summit in 2023)
    # chose a holder the publication date rules out; the two must agree
    ("story_date_looks_back", """Shigeru Ishiba laid a wreath in Hiroshima, the city where Fumio Kishida
had hosted a summit in 2023. The prime minister said the city must remain "a place of promise".""",
     "label:the prime minister"),
]
PROBES += PROBES_7

# Round speak8 (the classes test7's and test6's first runs and real wire pages shared, each probe run
# first on fcf3e35, before its mechanism): a role description whose holders are several, one of them
# the last to speak (a verb of saying) and the others named in a look back or an "of" phrase (2); a
# participial clause of saying whose subject opens the sentence before an apposition (2). (The
# government's spokesman by office was reverted after review 8: see PROBES_8_REVIEW.)
PROBES_8 = [
    ("holder_speaker_over_of_phrase", """Shigeru Ishiba opened a Diet session in March 2025. Ishiba
told lawmakers that the cabinet kept the 1995 apology of Prime Minister Tomiichi Murayama in force. "We
owe our neighbours honesty," the prime minister said.""", "ishiba"),
    ("holder_speaker_over_look_back", """Shigeru Ishiba addressed a rally in Hiroshima in March 2025, the
first party leader to speak there since Prime Minister Shinzo Abe in 2015. Ishiba told the crowd that
Japan stood with its neighbours. The prime minister later added that the region showed "a note of
doubt" about its future.""", "ishiba"),
    ("gerund_subject_apposed", """Mr. FUNAKOSHI Takehiro, Director-General of the Asian and Oceanian
Affairs Bureau, phoned Mr. SHI Yong, Deputy Chief of Mission of the Chinese Embassy, stating that the
incursion "must not be repeated".""", "label:FUNAKOSHI"),
    ("gerund_after_by_apposed", """Governor Denny Tamaki, speaking after a second landing in the same
week, faulted the ministry by saying, "We were told nothing at all.\"""", "label:Tamaki"),
]
PROBES += PROBES_8

# Review 8 of speak8 (its counter-examples in this file's words, each run first on 1ed17f9, where 11
# of 12 fail; gerund_after_who_clause_object passed there as well): an unnamed spokesman after a Chief Cabinet Secretary and another body (5); a prime
# minister who spoke in a look back or is another country's (4); a gerund after a relative clause
# and a list before an apposition (3: the list left with no speaker, where fcf3e35 gave the
# apposition's label and 1ed17f9 Koizumi alone).
PROBES_8_REVIEW = [
    ("spokesman_after_other_department", """Chief Cabinet Secretary Yoshimasa Hayashi briefed the press in
Tokyo in March 2025. In Washington, the State Department stood by the tariff talks. The spokesman
said the United States sought "a balanced bargain".""", "label:spokesman"),
    ("spokesman_after_pentagon", """Chief Cabinet Secretary Yoshimasa Hayashi briefed the press in Tokyo
in March 2025. At the Pentagon, officials sounded more guarded. The spokesman said the review would
take "several more weeks".""", "label:spokesman"),
    ("spokeswoman_after_beijing", """Chief Cabinet Secretary Yoshimasa Hayashi lodged a protest in March
2025. China's foreign ministry dismissed it on Tuesday. The spokeswoman said Tokyo should "stop
meddling".""", "label:spokeswoman"),
    ("spokesman_after_seoul", """Chief Cabinet Secretary Yoshimasa Hayashi lodged a protest in March
2025. Seoul's foreign ministry called in a Japanese diplomat. The spokesman said the islets were
"ours by history".""", "label:spokesman"),
    ("company_spokesman_after_secretary", """Chief Cabinet Secretary Yoshimasa Hayashi commented on the
steel bid in March 2025. Shares of U.S. Steel climbed. The company's spokesman said the board was
"studying every offer".""", "label:spokesman"),
    ("prime_minister_look_back_untitled_dates", """Prime Minister Shigeru Ishiba laid a wreath at Pearl
Harbor in March 2025. In 2016 Prime Minister Shinzo Abe said such a war must "not happen again". The
prime minister said the two nations had "mended what was broken".""", "label:prime minister"),
    ("prime_minister_look_back_dated", """Prime Minister Shigeru Ishiba toured Hiroshima in March 2025.
In 2023, Prime Minister Fumio Kishida said the summit held there was "a real milestone". The prime
minister said the city had to stay "a symbol of peace".""", "label:prime minister"),
    ("prime_minister_other_country", """Prime Minister Shigeru Ishiba welcomed Australian Prime Minister
Anthony Albanese to Tokyo in March 2025. Albanese said Australia prized the partnership. The prime
minister said Japan would "widen its defense links".""", "label:prime minister"),
    ("prime_minister_other_country_after", """Prime Minister Shigeru Ishiba received Australian Prime
Minister Anthony Albanese in Tokyo in March 2025. Albanese told reporters the two navies would drill
together. "Our values are the same," the prime minister said.""", "label:prime minister"),
    ("gerund_after_who_clause", """The panel questioned Rahm Emanuel, who spoke for an hour, saying the
relocation was "long overdue".""", "emanuel"),
    ("gerund_after_who_clause_object", """Reporters quizzed Yoshimasa Hayashi, who replied calmly,
saying the schedule was "still on course".""", "label:Hayashi"),
    ("gerund_after_listed_subjects", """Koizumi, Hegseth and Teodoro, the three ministers, gathered in
Manila, stating that the accord was "a milestone for the whole region".""", None),
]
PROBES += PROBES_8_REVIEW


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("probes")
    docs = {stem: f"Probe {stem}\n\n" + "\n\n".join(" ".join(p.split()) for p in text.split("\n\n")) + "\n"
            for stem, text, _ in PROBES}
    seeds = write_corpus(tmp / "seeds", docs, [catalog_entry(stem, title=f"Probe {stem}") for stem in docs],
                         **{"actors.yml": ACTORS})
    out = tmp / "probes.db"
    result = CliRunner().invoke(cli, ["build", "--seeds", str(seeds), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return sqlite_utils.Database(out)


def _right(row, expected) -> bool:
    ids = set(json.loads(row["speaker_ids"]))
    if expected is None:  # left unattributed: no speaker at all
        return not ids and row["attribution"] == "none"
    if expected == "anonymous":  # an unnamed person: named by a label, no actor of the registry
        return not ids and bool(row["speaker_label"])
    if isinstance(expected, set):
        return ids == expected
    if expected.startswith("label:"):
        return not ids and expected[6:].lower() in (row["speaker_label"] or "").lower()
    return ids == {expected}


# Misses left: "issued a joint message:" is no verb of saying in the lexicon.
# "A former Japanese ambassador to Washington said": with the state's country code (as the registry
# has) the capital inside the phrase is read as the U.S., on main too (review 26's fixture change).
KNOWN_MISSES = {"colon_paragraph_two", "former_ambassador"}


@pytest.mark.parametrize("stem,expected", [
    pytest.param(s, e, marks=pytest.mark.xfail(strict=True, reason="a known miss")) if s in KNOWN_MISSES else (s, e)
    for s, _, e in PROBES], ids=[s for s, _, _ in PROBES])
def test_speaker_probe(db, stem, expected):
    doc_id = stem.replace("_", "-").lower()
    rows = list(db["quotations"].rows_where("document_id = ?", [doc_id], order_by="start"))
    assert rows, "no quotation found"
    if stem in NAMED_STEMS:  # the quoted term or name is no one's quotation (a scare quote: no row)
        passage = next(text for s, text, _ in PROBES if s == stem)
        term = re.findall(r'"([^"]+)"', " ".join(passage.split()))[-1]
        assert not [r for r in rows if r["quote"] == term and json.loads(r["speaker_ids"]) + [r["speaker_label"]]
                    != [None]], [(r["quote"], r["speaker_label"]) for r in rows]
        return
    row = rows[-1]
    if stem in FRAGMENT_STEMS:  # the fragment itself must be the last quotation, not the sentence before it
        passage = next(text for s, text, _ in PROBES if s == stem)
        assert row["quote"] == re.findall(r'"([^"]+)"', " ".join(passage.split()))[-1], row["quote"]
    assert _right(row, expected), (row["quote"], row["speaker_ids"], row["speaker_label"], row["attribution"])
