"""The head nouns of names and the role words before a person's name, shared by the segmenter
(segment.initials_go_on: "the U.S." / "Army ...", "Lt. Gen. Roger B." / "Turner") and the name
finders (extract.entities, extract.mentions), neither of which the other layer imports."""

# A role word that ends a role ("Defense Minister", "Chief Cabinet Secretary"): what follows it
# is the person.
ROLE_HEADS = frozenset("""
president minister secretary ambassador governor gov gov. general gen gen. admiral adm adm. senator
sen sen. representative rep rep. dr dr. prof prof. professor mr mr. ms ms. mrs mrs. lt lt. col col.
colonel maj maj. major capt capt. captain commander spokesman spokeswoman spokesperson director envoy
consul general chairman chairwoman premier chancellor mayor emperor adviser advisor
brigadier commodore marshal lieutenant sergeant corporal officer researcher analyst scholar
""".split())

HEADS = [  # (type, last-word heads)
    ("government-body", "ministry department agency office bureau secretariat cabinet diet parliament congress "
                        "senate assembly court embassy consulate administration authority service committee"),
    ("military", "command forces force army navy corps guard fleet squadron brigade division regiment battalion "
                 "wing base station militia marines"),
    ("political-party", "party"),
    ("media", "times post herald shimbun tribune gazette daily wire newswire news magazine journal broadcasting"),
    ("document", "treaty pact agreement act law strategy statement convention declaration accord charter "
                 "communique communiqué guidelines review"),
    ("place", "island islands islets sea bay strait shoal reef prefecture province peninsula district county "
              "river gulf ocean mountains mountain lake canal airport port harbor harbour works plant shipyard "
              "factory refinery range area"),
    ("organization", "university institute foundation center centre corporation company industries systems "
                     "group forum society association organisation organization commission union "
                     "initiative programme program press bank council fund coalition network corridor "
                     "motor motors airlines holdings electric mission"),
]
HEAD_TYPE = {w: t for t, words in HEADS for w in words.split()}
