"""Segment: from normalised text to sections, paragraphs, sentences, figures and boilerplate.

The text is first cut into *blocks* (runs of non-blank lines). Each block is classified by
general rules, in this order:

1. web furniture (newsletter and subscription prompts, kickers such as ``OPINION:``,
   breadcrumbs and comment counts, reading time, "Related Articles", "Leave a comment",
   comment-policy lines, copyright footers, "Back to Top", timestamp lines, language switchers,
   bylines of names alone, running headers whose parts recur elsewhere, an author's bio after the
   notes, a row whose items are each furniture, "5 min read · Download PDF"): recorded in ``boilerplate`` with the rule that matched. A footer marker ("Related
   Articles", a copyright line...) ends the article: every later block is furniture too;
2. the title (the first block equal to the catalogue title) and its duplicates (furniture);
3. footnote bodies (blocks that start with superscript digits), and their continuations after a
   page break: a bare URL right after a note, or a citation-like block while a note is still open
   ("...Current and" / page / "Potential Future Threats... <https://...>"). Under a heading
   "Notes", "Endnotes" or "Footnotes", numbered blocks ("1. ...", "[1] ...") are note bodies too:
   each numbered entry is one note, its wrapped continuation lines joined to it (a line starts
   an entry only with the next number, and only in the list's scheme, so "45. Harbor Press"
   after "pp. 10–" and "v. Wade" after "4. ... Roe" continue). Notes may be numbered in digits,
   letters ("[b]") or lower-case roman numerals ("[iv]", "iv."; a line opening "ii." is a list's
   line only in a run of numerals); under any other heading or none, a list is one of notes where
   each entry opens with the label the text above cites in brackets ("...in 2024.[ii]" / "ii.
   Ministry ..."), in order (a list in numerals and stops: from "i.", below every citation, not
   after a colon, and the last list so labelled); a list labelled in round brackets ("(1) ...",
   "(*1) ...") is one of notes only where the text above cites the same label glued to it
   ("defence.(2)"), never a readout's "(1)" items;
4. figures: "Figure 1. <url>", captions ending in "(Image Credit: ...)" or "(Source: ...)", and a
   credit line ("Courtesy of ...", or the publisher's name) above a caption;
5. the table of contents, cover-page lines before the first paragraph, headings (short single
   lines without closing punctuation), chapter bylines and affiliations;
6. everything else is body text. A body paragraph that does not end a sentence and is followed by
   an interruption (footnotes, a figure, page furniture) continues in the next body block: that is
   how a page break of a converted PDF looks, and the paragraph is rejoined from its pieces.

A rejoined row keeps ``start``/``end`` as its outer range and lists its pieces in ``spans``.
"""

from __future__ import annotations

import bisect
import functools
import json
import operator
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from . import tense
from .heads import HEAD_TYPE, ROLE_HEADS
from .letters import without_marks
from .schema import row_type

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPT_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")

# a reading or listening time: "6 minutes", "3 mins", "8-minute", "ten min"
_DURATION = (r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
             r"[- ]?min(?:ute)?s?")

# --- web furniture --------------------------------------------------------------------------------
# (rule, pattern, ends_article). Patterns are matched against a whole block (stripped).
# a name in a credit line: a capitalised word ("Kyodo", "AP", "Ana") or the wires ("agencies")
_CREDIT_NAME = r"(?:[A-Z][\w.'’&-]*|agencies|wires)"
# ...and the names of a credit's clause, with where each reported from ("Ana Lee in Tokyo and Ken Sato
# in Manila"), after its role ("Reporting by", "Editing by", "edited by")
# (a desk's or bureaus' name ends in a word in lower case, "the Ledger's Tokyo and Seoul bureaus"; a
# name may hold a particle, "Ana de la Cruz")
_CREDIT_WORD = _CREDIT_NAME[:-1] + r"|bureaus?|desk|staff|team|correspondents?|newsroom|de|da|del|la|le|van|von|bin)"
_CREDIT_CLAUSE = (r"(?i:(?:additional |further )?reporting|writing|editing|edited|written|compiled) by (?:the )?"
                  + _CREDIT_NAME + r"(?:(?:,\s*|,?\s+and\s+|\s*&\s*|\s+in\s+|\s+)" + _CREDIT_WORD + r"){0,9}")

# who took a photo, unbracketed: a rank or a role ("Mass Communication Specialist 2nd Class", "Cpl.",
# "Staff Sgt.") or a person's name of two words or more ("Ana Lee"), not "Image by Country" (a chart's title)
_PHOTOGRAPHER = (r"(?:(?:Staff |Master |Tech\.? |Senior |Chief |Petty |Airman |Lance |1st |2nd |3rd )*(?:Sgt|Cpl|Pvt|Pfc|Spc|"
                 r"Lt|Capt|Maj|Col|Cmdr|Adm|Gen|Sgt|Officer|Specialist|Mass Communication|Photographer|Airman|Seaman|"
                 r"Petty)\b|[A-Z][a-zà-ÿ'’-]+ (?:[A-Z]\. )?[A-Z][a-zà-ÿ'’-]+)")
# "12", "Page 3 of 9", "— 12 —"
PAGE_NUMBER = re.compile(r"(?i)^(?:(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|[—–-]\s*\d{1,4}\s*[—–-])$")

BOILERPLATE_RULES = [
    # a prompt asks the reader to act ("Sign up for ...", "Click here", "delivered to your inbox",
    # "Subscribe to our newsletter"); a sentence that names a newsletter or says a state may "sign
    # up" to a pact is text
    ("newsletter-prompt", re.compile(
        r"(?is)^(?=.{0,400}$)(?!.*https?://)(?:(?:.*[:—–|·-]\s*)?sign[ -]?up\b.*|.*\b(?:click here|delivered (?:directly )?to "
        r"your inbox)\b.*|(?=.*\b(?:our|my|the author'?s|free|daily|weekly)\s+(?:[\w-]+\s+){0,4}newsletters?\b)"
        r".*\b(?:sign[ -]?up|subscribe|receive|inbox|reposted|version of this)\b.*)$"),
        False),
    # a call to pay for or join the outlet ("Support independent journalism", "Donate today",
    # "Become a member"): a sentence about support for a policy or donations of ships is text
    ("support-prompt", re.compile(
        r"(?i)^(?:support (?:us|our (?:work|journalism|mission|reporting|newsroom)|(?:independent|quality|local) "
        r"(?:journalism|news|reporting))|donate|make a (?:donation|contribution)|become a (?:member|supporter|"
        r"subscriber|patron))(?:\s+(?:now|today|here))?\s*[.!]?$"), False),
    ("subscription-prompt", re.compile(
        r"(?is)^(subscribe\b.*|.*\benter your e-?mail( address)?:?)$"), True),
    ("share-prompt", re.compile(r"(?i)^(share( this( article| story)?)?( on \w+)?|tweet|print|email)$"), False),
    # a button that acts on the page itself: "Report this article", "License this article"
    ("share-prompt", re.compile(r"(?i)^(report|licen[cs]e|reprint|republish|print|save|bookmark|cite|e-?mail)"
                                r" this (article|story|post|page)$"), False),
    ("kicker", re.compile(r"^[A-Z][A-Z &/-]{2,30}:$"), False),
    ("breadcrumb", re.compile(r"(?i)^.{0,300}\b(no|\d+) comments? on\b.*$"), False),
    ("breadcrumb", re.compile(r"^(?:[\w&'.-]+(?: [\w&'.-]+){0,3})(?: ?[›»>/|] ?(?:[\w&'.-]+(?: [\w&'.-]+){0,3})){1,5}$"), False),
    # how long the page takes to read or hear: "5 min read", "8-minute read", "12 minutes to read",
    # "Reading time: 4 minutes", "Estimated read time — 7 min", "Listen to this article · 5 min"
    ("reading-time", re.compile(
        # (a bare duration ending a sentence, "About ten minutes.", is an answer in the text)
        r"(?i)^(?![^\w]{0,3}(?:(?:about|approx\.?|approximately|~)\s+)?" + _DURATION + r"\.$)"
        r"[^\w]{0,3}(?:(?:estimated|approx\.?|approximately|about|est\.)\s+)?(?:"
        r"(?:(?:listen(?:ing)?|read(?:ing)?)(?:\s+time)?|time to (?:read|listen)|listen to this (?:article|story|post))"
        # (a player's button or a separator between: "▶", "·", "|"; a player shows its length as a
        # clock, "▶ 3:40", which only a listen or read label makes a duration)
        r"\s*[^\w\s]{0,2}\s*(?:(?:about|approx\.?|approximately|~|est\.)\s*)?(?:" + _DURATION
        + r"|\d{1,2}:[0-5]\d(?::[0-5]\d)?(?:\s*min(?:ute)?s?)?)|"
        + _DURATION + r"(?:\s+(?:read|reading time|listen|to read|to listen))?)\.?$"), False),
    # a repost's note of where it first appeared ("This post first appeared on ... and is reposted
    # with permission"): the page's, not the author's words
    ("repost-notice", re.compile(r"(?i)^(?=.{0,240}$)(?:this (?:post|article|piece|essay|story|commentary) "
                                 r"(?:first|originally) (?:appeared|ran|was published)\b.*|(?:cross-?posted|reposted|"
                                 r"republished|reprinted|originally published|first published) (?:from|on|at|in)\b.*|"
                                 r"original(?:ly)? (?:article|story|post|source|link)\s*:.*|"
                                 r".*\b(?:reposted|republished|reprinted) with (?:the author'?s |kind )?permission\b.*)$"),
     False),
    ("related-articles", re.compile(r"(?i)^(related( articles| posts| stories| content)?|read more|more from .{1,40}|you (may|might) also like.*)$"), True),
    # "Related: <headline>", "Don't Miss", "Suggested Topics:", "Most read", "Most Viewed in Opinion"
    # (a section's list, test10; not "Most popular in Tokyo", a heading over a poll's figures): lists of
    # other pages
    ("related-articles", re.compile(r"(?i)^(related( articles| posts| stories| content| coverage| links?)?|read more|"
                                    r"don[’']?t miss|most (?:(?:read|viewed)(?: in (?-i:[A-Z][\w&'’-]*(?: [A-Z&][\w&'’-]*){0,3}))?"
                                    r"|popular)|suggested (topics|reading)|"
                                    r"recommended( for you| reading)?|trending( now)?|more (on|in) this)\s*(:.{0,160})?$"), True),
    # ...and the headings of such lists alone on their line ("Around the web", "ALSO READ"), or
    # over one headline ("See also: <headline>"), not over a sentence ("See also: the 1997
    # Guidelines, which ...")
    ("related-articles", re.compile(r"(?i)^((from )?around the web|more (stories|news|headlines)|top (stories|news|"
                                    r"headlines)|editor[’']?s[’']? picks?|(what to )?read next|see also|read also|"
                                    r"also read|in case you missed it)\s*(:\s*[^,;]{1,160}(?<![.!?]))?$"), True),
    # ...and the headings of lists of other pages that end nothing ("Related" and one word of what
    # they list alone on the line, "Related Information", "Related Editorials" (test12), "Related
    # reports"; over headlines only "Related commentary: <headline> | <headline>", not "Related
    # spending: Darwin and Tindal", a heading; "More from the Council: <headline> · <headline>", "More
    # articles by <author's name>", not "More articles by the Nikkei on ... follow below"), alone or
    # over headlines, never over a sentence ("Related commentary: the Diet debate of March, and why
    # it mattered."): the headlines under it are set aside each by itself (see segment, a headline
    # under such a heading), the prose after it is the article's
    ("related-articles", re.compile(r"(?i)^(related (commentar(y|ies)|information)|more from [^:|·]{1,40}|"
                                    r"more articles by (?-i:[A-Z][\w.'’-]*(?:[ -][A-Z][\w.'’-]*){0,4}))"
                                    r"\s*(:\s*[^,;]{1,160}(?<![.!?]))?$"), False),
    ("tags", re.compile(r"(?i)^(tags|tagged|tagged with|filed under|categories|topics)\s*:.{0,200}$"), True),
    # a wire story's closing credit line: everything after it is the outlet's page
    # (the whole line a credit's roles and names, "Reporting by the Ledger's Tokyo and Seoul bureaus;
    # edited by ..." (test11): no sentence, "Reporting by the ministry in May showed ...", "Editing
    # the Constitution has been ...")
    ("credit-line", re.compile(r"^(?=Reporting|Writing|Editing|Additional reporting|Compiled|Edited)" + _CREDIT_CLAUSE
                               + r"(?:;\s*" + _CREDIT_CLAUSE + r")*\.?$"), True),
    # ...and in brackets, the whole line a credit of two roles or more, "(Reporting by Ana Lee in Tokyo
    # and Ken Sato in Manila; Editing by Mia Park)" (test12; unbracketed, test11): the wire story's end
    ("credit-line", re.compile(r"^\(" + _CREDIT_CLAUSE + r"(?:;\s*" + _CREDIT_CLAUSE + r")+\.?\)\.?$"), True),
    # ...and its form in brackets, "(With inputs from agencies.)", "(Additional reporting by Ana Lee
    # and Ken Sato)": a short list of names or agencies and nothing else inside ("(Reporting by
    # Kyodo in June put ...)" is a sentence). It ends nothing: a live blog closes each entry with one
    ("credit-line", re.compile(r"^\((?:(?i:with inputs from)|(?i:additional reporting by)|(?i:reporting by)) "
                                r"(?:the )?" + _CREDIT_NAME + r"(?:(?:,\s*|,?\s+and\s+|\s*&\s*|\s+)(?:the )?"
                                + _CREDIT_NAME + r"){0,5}\.?\)\.?$"), False),
    # a post embedded from a social network: its picture's short link alone on a line
    # ("pic.twitter.com/rzO8", "https://t.co/x1"), and its signature with the date it was posted,
    # "— Name (@handle) May 3, 2024" (a story's sentence ending in a link, or a list of accounts
    # with no date, is the article's)
    ("embedded-post", re.compile(r"(?i)^(?:https?://)?(?:pic\.twitter\.com|t\.co)/\w+$|"
                                 r"^[—–-]\s*[^()\n]{1,60}\(@\w{1,30}\)\s*(?-i:[A-Z][a-z]{2,8})\.? \d{1,2}, \d{4}$"), False),
    ("advertisement", re.compile(r"(?i)^(advertisement|sponsored( content)?|ad|paid content)(\s*[·•|:–-]\s*.{0,40})?$"), False),
    ("cookie-banner", re.compile(r"(?i)^(?=.{0,400}$).*\bcookies?\b.*\b(accept|agree|consent|use|uses|browse|privacy|ok)\b.*$"), False),
    ("paywall", re.compile(r"(?i)^(?=.{0,200}$)(?=.*(?:[$£€¥]|\b[A-Z]{1,3}\$)\s?\d)(?=.*\b(subscri\w*|month|months|"
                           r"trial|unlimited|offer|week|year)\b).*$"), True),
    ("byline", re.compile(r"^(?:By|BY)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*(?:(?:,|\s+and|\s*&)\s+[A-Z][\w.'’-]*"
                          r"(?:\s+[A-Z][\w.'’-]*)*)*(?:,?\s+(?:STAFF WRITER|Staff Writer|Staff Reporter|Correspondent|"
                          r"Reporter|Special Correspondent))?(?:\s*[|·,]\s*.{0,60})?$"), False),
    ("byline", re.compile(r"^(?:STAFF WRITER|Staff Writer|Staff Reporter)$"), False),
    ("page-number", PAGE_NUMBER, False),
    ("image-id", re.compile(r"(?i)^(?:(virin|image id|photo id|image|file|id)\s*[:#]\s*)?[\w-]*\d[\w-]*\.(jpe?g|png|gif|webp|tiff?)$"), False),
    ("image-id", re.compile(r"(?i)^(virin|image id|photo id)\s*[:#]\s*\S+$"), False),
    # a label over a picture or a player ("Caption", "Video", "Photo 3"), alone on its line
    ("media-label", re.compile(r"(?i)^(caption|photo|image|video|audio|gallery|graphic|infographic|slideshow)"
                               r"(\s+\d{1,3})?\s*:?$"), False),
    # an account name (the author's handle on the site or a network): "@maritanaka", "mari_tanaka"
    ("user-handle", re.compile(r"^@[A-Za-z0-9_.]{2,30}$|^[a-z0-9]+(?:_[a-z0-9]+)+$"), False),
    ("photo-credit", re.compile(r"(?i)^(photos?( by|:)|photograph( by|:)|image( credit)?:|(image|photo|picture) "
                                r"source:|credit:|courtesy of|"
                                r"\(?(?:photo|image|file photo)\s*(?:by|:)\s*)[^\n]{1,80}$"), False),
    # ...and the credit naming whose photo it is, "(DOW photo by Army Sgt. 1st Class Ana Lee)" (test12),
    # "U.S. Navy photo by Mass Communication Specialist ..." (real pages): the whole line in brackets, or
    # not ending a sentence ("Kyodo photo by the pool shows ..." is a sentence)
    ("photo-credit", re.compile(r"^(?!\(?(?:The|A|An|This|That|These|Those|Our|His|Her|Their) )"
                                r"(?:\((?:[A-Z][\w.&'’-]*\s+){1,4}(?i:photo|image|video)\s+by\s+[^()\n]{1,80}\)|"
                                r"(?:[A-Z][\w.&'’-]*\s+){1,4}(?i:photo|image|video)\s+by\s+" + _PHOTOGRAPHER
                                + r"[^()\n]{0,60}(?<![.!?]))$"), False),
    # what a government page says of its own text's standing, alone on a line: "(Provisional
    # translation)", "Unofficial English translation", "(Tentative translation)"
    ("translation-label", re.compile(r"(?i)^[(\[]?\s*(?:provisional|unofficial|tentative|informal|courtesy|machine)"
                                     r"(?:\s+english)?\s+translation\s*[)\]]?\.?$"), False),
    # ...and the same said in a sentence "This ... is a provisional translation", alone on a short line
    # but for who made it and for what ("by an external company for reference purpose only") and the
    # original's standing ("*This English text is a provisional translation. Only the Japanese original
    # is authoritative."); never a paragraph going on "translation of <a speech ...>", nor a treaty's
    # clause on its texts ("Only the Japanese text is authentic.")
    ("translation-label", re.compile(
        r"(?i)^(?=.{0,200}$)[(\[*\s]*this(?: english)?(?: text| version| translation| document| page)? is "
        r"(?:an? )?(?:provisional|unofficial|tentative|informal) (?:english )?translation"
        r"(?:\s+(?:by|for|prepared|made|provided)\b[^.]{0,80})?\s*[.)\]]*"
        r"(?:\s*only the [^.]{0,40}\b(?:original|text|version)\b[^.]{0,30}\b(?:authoritative|authentic|official|"
        r"prevails?)\.?)?\s*[)\]]?$"), False),
    # ...or the whole line in brackets, whatever it says of the text ("(This is a provisional translation
    # of the minister's remarks ..., for reference only)")
    ("translation-label", re.compile(
        r"(?i)^[(\[]\s*this(?: english)?(?: text| version| translation| document| page)? is (?:an? )?"
        r"(?:provisional|unofficial|tentative|informal) (?:english )?translation\b[^()\[\]]{0,150}[)\]]\.?$"), False),
    # ...and a note of who translated the text, or from what, the whole line the note: "Translated by
    # the Record desk. The Japanese minutes are authoritative." (test11; a name or a desk, and perhaps
    # the sentence saying the original is authoritative), "This editorial was translated from the
    # Japanese original published in ..." (test12); a sentence that goes on about something else
    # ("Translated by Ryo Sato, the memoir became ...", "Translated into English, the statement ...")
    # is the text's
    ("translation-label", re.compile(
        r"(?i)^(?=.{0,240}$)[(\[*\s]*(?:translated by (?:the )?(?-i:[A-Z][\w.'’&-]*)(?: (?:[\w.'’&-]+))"
        r"{0,5}\.(?: the (?:[\w-]+ ){0,2}(?:original|minutes|text|version|record)s? (?:is|are) (?:the )?"
        r"authoritative(?: text| version)?\.)?[)\]]?"
        r"|this (?:editorial|article|column|story|piece|essay|text|transcript|statement|report) (?:was|has been) "
        r"translated from\b(?!.*\b(?:says?|said|shows?|reads?)\b).*)$"), False),
    ("separator", re.compile(r"^[^\w\s]{3,}$|^(?:[^\w\s]\s?){3,}$|^_{3,}$"), False),
    ("contact", re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$"), False),
    ("comment-form", re.compile(r"(?i)^(your email address will not be published|required fields are marked).{0,120}$"), True),
    ("leave-a-comment", re.compile(r"(?i)^(leave a (comment|reply)|(post|add|write) a comment|join the "
                                    r"(conversation|discussion)|((view|show|read|see)( all)? )?(\d+ )?comments?"
                                    r"( \(\d+\))?|no comments?)\s*:?$"), True),
    ("comment-policy", re.compile(r"(?i)^.{0,200}\bcomment(ing)? policy\b.{0,200}$"), True),
    ("copyright", re.compile(r"(?i)^(copyright\b|©|\(c\) \d{4}).{0,300}$"), True),
    # a link back up the page: "Back to top" ends the article (what follows is the site's)...
    ("back-to-top", re.compile(r"(?i)^(back to top|return to top|top of page|↑ top)$"), True),
    # ...but its other forms, with or without an arrow ("▲ Page top", "< Back to list", "← Return to
    # the list"), sit under each section of a ministry's page as well as at its end: set aside, they
    # end nothing
    ("back-to-top", re.compile(r"(?i)^(?:[▲△↑⇧^<‹«←]\s*)?(?:(?:back|return) to (?:the )?(?:top|list|index)|"
                               r"top of (?:the )?page|page top|↑ top)(?:\s*[▲△↑⇧^])?$"), False),
    # the mark a ministry or agency puts under the end of its text: "(End)", "(END)", "- End -"; it
    # ends nothing (an "UPDATE:" line or an annex may follow it)
    ("end-mark", re.compile(r"^(?:\((?:End|END)\)|[-–—]\s*(?:End|END)\s*[-–—])$"), False),
    # the outlet's disclaimer ("Disclaimer: ...", "The views expressed are the author's own", "... do
    # not necessarily reflect those of this outlet"): about the author's views, not the story's (after
    # the copyright rule, which takes a line holding both)
    ("disclaimer", re.compile(
        r"(?i)^(?=.{0,400}$)(?:disclaimer\s*:\s*(?:the |these |this |any |all )?(?:views|opinions|article|content).*|"
        r"(?=.*\b(?:author|writer|contributor)s?\b)(?=.*\b(?:views|opinions)\s+(?:expressed|in this|of this|stated)\b"
        r"|.*\b(?:this|the) (?:article|piece|post|commentary|essay|op-ed) (?:represents|reflects|is)\b).*)$"), False),
]
FOOTER_RULE = "footer"
LIST_RULES = {"related-articles", "tags", "leave-a-comment", "comment-form"}
# rules that end the article but start no new part of a footer: a link back up the page under a list
# of other pages ("Back to top") leaves what follows it the list's
PASSING_RULES = frozenset({"back-to-top"})
MASTHEAD_RULE = "masthead"          # a line above the headline: the site's name, menu, section label
RUNNING_HEADER_RULE = "running-header"  # a line repeated on every page of a PDF (with its page number)
BYLINE_RULE = "byline"
AFFILIATION_RULE = "affiliation"
DATELINE_RULE = "dateline"
AUTHOR_BIO_RULE = "author-bio"  # who the authors are, after the notes or references
# "TOKYO (Kyodo) --", "SYDNEY/TOKYO, Aug 5 (Reuters) -", "NAGO, Okinawa —", "TAIPEI —": where and
# from whom, before the first sentence of a wire story.
DATELINE = re.compile(r"^(?:[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+)*)(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Za-z.]+)?"
                      r"(?:\s+\d{1,2})?)?(?:\s*\([A-Z][\w .&-]{1,30}\))?\s*(?:--|—|–|-)\s+(?=[A-Z“\"‘])")
COVER_RULE = "cover-page"
TOC_RULE = "table-of-contents"
DUPLICATE_TITLE_RULE = "duplicate-title"
LIST_MARKER_RULE = "list-marker"

TOC_HEADING = re.compile(r"(?i)^(table of contents|contents)$")
BACK_MATTER = re.compile(r"(?i)\b(team|contributors|about the (authors?|contributors)|acknowledg(e)?ments?|"
                         r"appendix|appendices|glossary|index)\b")
REFERENCE_HEADING = re.compile(r"(?i)^(references|bibliography|works cited|sources|notes|endnotes)\s*:?$")
# A section whose numbered blocks are note bodies ("1. ..." or "[1] ..."), not paragraphs.
ENDNOTES_HEADING = re.compile(r"(?i)^(notes|endnotes|footnotes)\s*:?$")
# a note's number has up to three digits where it opens a list of notes, up to six where it
# continues one in sequence (see endnote_entries and segment: a long report's note 1000)
# Notes are numbered in digits ("1.", "[1]"), letters ("[a]") or lower-case roman numerals ("i.",
# "[iv]", up to 99): a numeral of one letter ("[i]", "[v]", "[x]") is a letter too, and which it is
# follows from the note before it (see label_number)
ROMAN = r"(?=[ivxl])(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})(?![a-z])"
ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
# a bracketed label: a number, a letter or a numeral, no letter after it ("[i]t is" is an editor's);
# the one pattern of the segmenter's citations and the footnotes stage's markers
BRACKET_LABEL = rf"\[(?:(?P<num>\d{{1,3}})|(?P<alpha>{ROMAN}|[a-z]))\](?![a-z])"
# what a note's marker is glued to in the text: a word, a stop, a closing bracket or quote, "%"
CITE_AFTER = r"[\w.,;:!?)\]”\"’'%]"
# a note's number in round brackets ("(1)", or "(*1)" as Japanese outlets print it; the one
# pattern of the label that opens a note, cites one and ends a sentence), a marker where it is
# glued to the stop of the sentence it cites ('...Disarmament."(1) It', "defence.(2)"), and only
# where the notes' list is labelled the same way (see cited_label): never glued to a colon, a
# comma, a semicolon, a letter, a digit or a bracket ("points:(1) a cell, (2) ...", "Section(1)",
# "Article 9(2)", "(a)(1)"); a "(1)" after a space opens an enumeration's item ("asks for (1)
# ports, (2) fuel"), and a year in brackets has four digits. "(*1)" is no item's label and may
# follow a stop and a space.
PAREN_LABEL = r"\(\*?(?P<paren>\d{1,3})\)"
AFTER_STOP = r"(?:(?<=[.!?])|(?<=[.!?][”\"’]))"
PAREN_CITATION = re.compile(rf"(?:{AFTER_STOP}|(?<=[.!?] )(?=\(\*)|(?<=[.!?][”\"’] )(?=\(\*)){PAREN_LABEL}")
# a note opens with a number and a stop or a bracket ("1.", "1)", "[1]"), a bracketed letter or
# numeral ("[b]", "[iv]"), a numeral and a stop ("ii.": "ii)" opens the items of a sentence's
# enumeration), or a number in round brackets ("(1)", "(*1)": see PAREN_LABEL)
ENDNOTE_START = re.compile(rf"^(\[(\d{{1,6}})\]|(\d{{1,6}})[.)]|\[({ROMAN}|[a-z])\]|({ROMAN})\.|{PAREN_LABEL})\s+")
FIRST_NOTE_MAX = 999
NUMBERED_LABEL = re.compile(r"^(\d{1,3})[.)]$")
BRACKET_LINE = re.compile(rf"^{BRACKET_LABEL}\s+")
ROMAN_ITEM = re.compile(rf"^({ROMAN})\.\s+")
BRACKET_MARKER_END = re.compile(rf"(?<=\S){BRACKET_LABEL}$")  # "...later.[2]": a note marker
PAREN_MARKER_END = re.compile(rf"{AFTER_STOP}{PAREN_LABEL}$")  # "...costs.(3)": one too

FOOTNOTE_START = re.compile(rf"^([{SUPERSCRIPTS}]+)\s+")
# A note marker in plain digits glued to the end of a sentence, as text taken from a PDF prints a
# superscript ("...expires next spring.1 It set ..."): after a word's last letter and a stop (not
# a number's: "2026.1" is a decimal), before a capital or the line's end.
PLAIN_MARKER = re.compile(r"(?:(?<=[A-Za-z]{2}[.,;:!?])|(?<=[A-Za-z]{2}[.,!?][”\"’]))(\d{1,3})(?=\s+[A-Z“\"‘(]|\s*$)",
                          re.M)
# ...or after a closing bracket and a sentence's stop ("...on December 1 (local time).16 On"): weaker
# evidence ("(in Tokyo).3 Japanese ..."), so a note only in the notes' order (see plain_citations)
PLAIN_MARKER_AFTER_BRACKET = re.compile(r"(?<=\w\)[.!?])(\d{1,3})(?=\s+[A-Z“\"‘(]|\s*$)", re.M)
PLAIN_MARKERS = (PLAIN_MARKER, PLAIN_MARKER_AFTER_BRACKET)
# "No.3", "Vol.2", "Art.9": a number's own abbreviation before the stop, not a sentence's end
NUMBER_ABBREVIATION = re.compile(r"(?i)(?:^|\W)(?:No|Nos|Vol|Vols|Art|Arts|Sec|Fig|Figs|Ch|Chap|Para|Pt|Pts|p|pp|"
                                 r"Op|Ref|Tab|Eq|Ex|Nr|App|Annex)\.$")


def plain_markers(text: str, start: int = 0, end: int | None = None):
    """The plain-digit note markers of ``text`` in text order (see PLAIN_MARKERS), "No.3" and the
    like left out."""
    end = len(text) if end is None else end
    found = sorted((m for pattern in PLAIN_MARKERS for m in pattern.finditer(text, start, end)),
                   key=lambda m: m.start())
    for m in found:
        if not NUMBER_ABBREVIATION.search(text, max(0, m.start() - 6), m.start()):
            yield m


def in_notes_order(number: int, cited, highest: int | None, first: int = 1) -> bool:
    """Whether a note number cited with weak evidence (plain digits, "spring.3"; a numeral that is
    also a letter or an editor's insertion, "[v]") comes in the notes' order: a number ``cited``
    already, the next after the ``highest`` cited so far, or, none cited yet, the ``first`` note's,
    so that a stray "Type.4" or "[v]" before note 3 is cited is no marker. The one order rule of
    the segmenter and the footnotes stage (review8_whole 4: they had one each, and the first
    note cited after a bracket, "(local time).1", was a marker to one and not to the other)."""
    return number in cited or number == (first if highest is None else highest + 1)


# A note at the foot of such a page: its number, a space, the note ("1 Ministry of ...").
PLAIN_NOTE_START = re.compile(r"^(\d{1,3})\s+(?=[A-Z“\"‘(])")
# Notes marked with symbols, in their conventional order (Chicago): *, †, ‡, §, ‖, ¶, then doubled.
NOTE_SYMBOLS = "*†‡§‖¶"
SYMBOL_MARK = r"(?:\*{1,3}|†{1,3}|‡{1,3}|§{1,2}|‖{1,2}|¶{1,2})"
SYMBOL_NOTE_START = re.compile(rf"^({SYMBOL_MARK})\s*(?=\S)")


def symbol_number(mark: str) -> int:
    """The place of a symbol marker in the conventional order: * 1, † 2, ‡ 3 ... ** 7."""
    return NOTE_SYMBOLS.index(mark[0]) + 1 + len(NOTE_SYMBOLS) * (len(mark) - 1)


@functools.lru_cache(maxsize=None)
def symbol_citation(mark: str) -> re.Pattern:
    """``mark`` used as a note marker: glued after a word or a stop, then a space or the end of a
    line ("Agreements.* The")."""
    return re.compile(r"(?<=[\w.,;:!?)”\"’'])" + re.escape(mark) + r"(?![*†‡§‖¶])(?=\s|$)", flags=re.M)


def symbol_citation_ends(text: str, mark: str) -> list[int]:
    """Where each citation of ``mark`` in ``text`` ends, in order (they never overlap: each
    follows a character that is no symbol)."""
    return [m.end() for m in symbol_citation(mark).finditer(text)]


def symbol_citations(text: str, mark: str, before: int, ends: list[int] | None = None) -> int:
    """How often the text before ``before`` uses ``mark`` as a note marker, as a search of
    ``text[:before]`` counts them, by bisection over ``ends`` (symbol_citation_ends, found once
    for all the blocks of a text) rather than a search of that copy for each block. A citation
    ending before ``before`` is one in the copy too (what it looks at lies inside it); one ending
    at ``before`` is matched as the copy ends there (endpos: no character after it, so a mark cut
    short of its second "*", or followed by a letter, counts)."""
    if ends is None:
        ends = symbol_citation_ends(text, mark)
    start = before - len(mark)
    at_end = start >= 0 and symbol_citation(mark).match(text, start, before) is not None
    return bisect.bisect_left(ends, before) + at_end


URL = re.compile(r"(?i)(https?://|www\.|doi\.org/|\bdoi:)")
# (a caret opens each note of a page copied from a wiki, "^ Ministry of ...", with the letters of
# its back-links when the note is cited more than once: "^ a b Ministry of ...")
BULLET = re.compile(r"^(?:[-•*▪◦–■□●○◆◇►▸➢✓]|\d{1,2}[.)]|\^(?:\s+[a-z](?=\s))*)\s+")
FIGURE_LABEL = re.compile(r"^(?P<label>(?:Figure|Fig\.|Chart|Map|Table|Image|Photo)\s+\d+[A-Za-z]?)[.:]?\s*(?P<rest>.*)$", re.S)
CREDIT_TAIL = re.compile(r"\s*\((?P<kind>Image Credit|Photo(?: credit)?|Credit|Source|Courtesy(?: of)?|Photograph)s?:?\s*(?P<credit>[^()]*(?:\([^()]*\)[^()]*)*)\)\s*$", re.I)
# a picture's credit after its caption on the same line: "... on Monday. Photo: Harbor Daily"
CREDIT_AFTER = re.compile(r"(?i)(?<=[.!?”\"’)])\s*(?:photos?|image|picture|credit|source)(?:\s+by|:)\s*[^.!?]{1,60}$")
CREDIT_LINE = re.compile(r"(?i)^(courtesy of\b|photo(graph)?( by|:)|image( credit)?:|credit:|source:|©)")
CITATION_LIKE = re.compile(r"(?i)(https?://|www\.|doi|accessed\b|retrieved\b|\b(1[89]|20)\d{2}\b.*\.\s*$)")
URL_FRAGMENT = re.compile(r"^[^\s]+$")
# One capitalised word on a line ("References", "Bibliography"): a heading, not a URL's tail
WORD_LINE = re.compile(r"^[A-Z][a-z]+$")
TERMINAL = re.compile(r"[.!?:。！？]$")
# A sentence written in Japanese or Chinese ends at a full-width stop, exclamation or question mark
# (and the closing brackets or quotes after it); no space follows it. syntok splits on Latin ones
# only. A run of marks ("！？", "。。。") is one end, never cut inside (the lookahead keeps the
# run whole when what follows it is not an end). A quotation closed and followed by the
# quotative particle (「…。」と述べた) goes on.
_CJK_CLOSERS = "」』）】〉》\"”’"
_CJK_ENDS = "。！？"
CJK_SENTENCE_END = re.compile(rf"[{_CJK_ENDS}]+(?![{_CJK_ENDS}])"
                              rf"(?:[{_CJK_CLOSERS}]+(?![{_CJK_CLOSERS}とっ])|(?![{_CJK_CLOSERS}]))\s*(?=\S)")
CLOSERS = "\"'”’)]»」』）" + SUPERSCRIPTS + "*†‡§‖¶"
CONNECTOR_END = re.compile(r"(?i)\b(and|or|of|the|in|for|to|a|an|on|with|by|at|from|as|&)$")
NAME_TOKEN = r"(?:[A-Z][a-zà-ÿ'’]+(?:[A-Z][a-z]+)?(?:-[A-Za-z][a-zà-ÿ'’]+)?|[A-Z]\.)"
PERSON_NAME = re.compile(
    rf"^(?:(?:Dr|Prof|Professor|Mr|Ms|Mrs|Col|Colonel|Gen|General|Adm|Admiral|Capt|Captain|Lt|Maj|Major)\.?\s+"
    rf"(?:\((?:Retired|Retd\.?|Ret\.?)\)\s+)?)?{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}}$")
NOTE_MARK = rf"(?:[{SUPERSCRIPTS}]+|\[\d{{1,3}}\]|\[{ROMAN}\]|[*†‡§‖¶]{{1,3}})"  # a footnote marker: "¹⁰", "[10]", "[iv]", "†"
MARKED_SENTENCE_END = re.compile(rf"(?<=[.!?])[\"'”’)]*{NOTE_MARK}(?:\s?{NOTE_MARK})*\s+(?=[\"'“‘(]?[A-Z])")
PERSON_LIST = re.compile(rf"^{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}}(?:(?:,\s+|,?\s+and\s+|\s*&\s*)"
                         rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}})*$")
TITLE_FRAGMENT = re.compile(r"^(?:(?:Dr|Prof|Col|Gen|Lt|Mr|Ms|Mrs|Adm|Capt|Maj|Sgt|Rev|St)\.\s*)+"
                            r"(?:\((?:Retd|Ret|Retired)\.?\))?$")
AFFILIATION = re.compile(r"(?i)\b(university|institute|college|school|professor|fellow|director|"
                         r"center|centre|foundation|council|researcher|lecturer|analyst|ministry|agency)\b")
# ...and the posts a byline names after a bar or a dash ("Ana Lee | Defence Editor", "Ana Lee ·
# Research Associate, Pacific Programme"): only there (see names_with_roles), not in any line under
# a byline, where "program" opens a standfirst as often
ROLE = re.compile(r"(?i)\b(editor|correspondent|reporter|columnist|associate|program|programme|bureau)\b")


@dataclass
class Block:
    """A run of non-blank lines, stripped; ``start``/``end`` are offsets into the text."""

    start: int
    end: int
    text: str
    label: str | None = None  # a list number split off the block ("1."), kept for endnotes
    marker_start: int | None = None  # where a list bullet or number left out of the block begins

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @property
    def single_line(self) -> bool:
        return "\n" not in self.text


@dataclass
class Piece:
    start: int
    end: int
    joiner: str = " "  # text placed before this piece when it is joined to the previous one


@dataclass
class Multi:
    """A row assembled from one or more pieces of the document (a paragraph, a note)."""

    pieces: list[Piece] = field(default_factory=list)

    def text(self, doc_text: str) -> str:
        out = []
        for i, p in enumerate(self.pieces):
            if i:
                out.append(p.joiner)
            out.append(doc_text[p.start:p.end])
        return "".join(out)

    @property
    def start(self):
        return self.pieces[0].start

    @property
    def end(self):
        return self.pieces[-1].end

    def spans(self):
        return [[p.start, p.end] for p in self.pieces] if len(self.pieces) > 1 else None

    def _bounds(self) -> tuple[list, list]:
        """Where each piece starts and ends in the joined text, made once (again after a piece is
        appended): to_doc and sub bisect them instead of walking every piece (a Notes section of
        3,000 lines made every offset mapped a pass over 3,000 pieces)."""
        cached = self.__dict__.get("_joined")
        if cached is None or cached[0] is not self.pieces or cached[1] != len(self.pieces):
            starts, ends, pos = [], [], 0
            for k, p in enumerate(self.pieces):
                if k:
                    pos += len(p.joiner)
                starts.append(pos)
                pos += p.end - p.start
                ends.append(pos)
            cached = self.__dict__["_joined"] = (self.pieces, len(self.pieces), starts, ends)
        return cached[2], cached[3]

    def to_doc(self, i: int) -> int:
        """Map an offset in the joined text to an offset in the document text (an offset inside a
        joiner snaps to the next piece's start; a piece's end stays in that piece)."""
        if len(self.pieces) == 1:  # most regions are one piece: no offsets to bisect
            p = self.pieces[0]
            return p.start + i if i <= p.end - p.start else p.end
        starts, ends = self._bounds()
        k = bisect.bisect_left(ends, i)
        if k == len(ends):
            return self.pieces[-1].end
        if k and i < starts[k]:
            return self.pieces[k].start
        return self.pieces[k].start + (i - starts[k])

    def from_doc(self, pos: int) -> int | None:
        """The joined-text offset of document offset ``pos`` (None outside every piece)."""
        starts, _ends = self._bounds()
        for k, p in enumerate(self.pieces):
            if p.start <= pos <= p.end:
                return starts[k] + pos - p.start
        return None

    def sub(self, i: int, j: int) -> list[Piece]:
        """The document pieces covering joined-text range [i, j)."""
        if len(self.pieces) == 1:  # most rows are one piece: no offsets to bisect
            p = self.pieces[0]
            lo, hi = max(i, 0), min(j, p.end - p.start)
            return [Piece(p.start + lo, p.start + hi, " ")] if lo < hi else []
        starts, ends = self._bounds()
        out = []
        for k in range(bisect.bisect_right(ends, i), bisect.bisect_left(starts, j)):
            p, pos = self.pieces[k], starts[k]
            lo, hi = max(i, pos), min(j, ends[k])
            if lo < hi:
                out.append(Piece(p.start + lo - pos, p.start + hi - pos, p.joiner if out else " "))
        return out

    def __getstate__(self):  # the offsets are remade where needed, not carried between processes
        return {k: v for k, v in self.__dict__.items() if k != "_joined"}


@dataclass
class Note:
    """A footnote body: its number (as printed) and the pieces of text it is made of."""

    number: int
    marker: str
    body: Multi
    open: bool = True
    endnote: bool = False  # numbered entry of a Notes section (which continuation lines extend)
    id: str = ""  # footnotes.id: "<document id>-fn<NN>", "-2" for a second note with the same number


@dataclass
class Segmentation:
    document_id: str
    sections: list = field(default_factory=list)
    paragraphs: list = field(default_factory=list)
    sentences: list = field(default_factory=list)
    boilerplate: list = field(default_factory=list)
    figures: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    toc: list = field(default_factory=list)
    title_span: tuple | None = None
    # paragraph id -> Multi, kept for later stages that need to map offsets
    paragraph_pieces: dict = field(default_factory=dict)
    # names no registry holds, as the mention stage found them (dicts: start, end, name, type,
    # type_evidence, country, geonames, latitude, longitude), for later stages (who speaks a
    # quotation, what suggest drafts); not written as rows from here
    names: list = field(default_factory=list)
    # what the segmenter could not do as usual, for a person to see (a paragraph too long for
    # syntok, see paragraph_sentence_bounds): ``problems`` rows
    problems: list = field(default_factory=list)

    def rows(self) -> dict:
        return {
            "problems": self.problems,
            "sections": self.sections,
            "paragraphs": self.paragraphs,
            "sentences": self.sentences,
            "boilerplate": self.boilerplate,
            "figures": self.figures,
        }


# --- helpers --------------------------------------------------------------------------------------

# (the patterns of the helpers below, compiled once: they run for every block of a document)
DASHES = re.compile(r"[\u2010-\u2015\u2212]")
SINGLE_QUOTES = re.compile(r"[\u2018\u2019\u02bc`]")
DOUBLE_QUOTES = re.compile(r"[\u201c\u201d]")
SPACE_RUN = re.compile(r"\s+")
DIGIT = re.compile(r"\d")
DIGIT_RUN = re.compile(r"\d+")
LOWER_LETTER = re.compile(r"[a-z]")
WORD_CHAR = re.compile(r"\w")
WORD_WITH_HYPHENS = re.compile(r"[\w-]+")  # a word with its hyphens ("self-defense")
FILE_SIZE_MENTION = re.compile(r"(?i)\d\s?[kmg]i?b\b")


def fold(text: str) -> str:
    """Comparison key: case, dashes, quotes and spacing folded (TOC titles vs headings)."""
    text = unicodedata.normalize("NFKC", text)
    text = DASHES.sub("-", text)
    text = SINGLE_QUOTES.sub("'", text)
    text = DOUBLE_QUOTES.sub('"', text)
    return SPACE_RUN.sub(" ", text).strip().casefold()


def split_blocks(text: str, title: str | None = None) -> list[Block]:
    """Runs of non-blank lines; a block whose every line is a list item is split per item. The
    catalogue's ``title``: the line under it (a subtitle) never wraps by width."""
    blocks = []
    repeated = running_lines(text.split("\n"))
    titles = frozenset(line_key(t) for t in [title] + re.split(r":\s+", title)) if title else frozenset()
    for m in re.finditer(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*", text):
        start, end = m.start(), m.end()
        while text[start].isspace():
            start += 1
        while text[end - 1].isspace():
            end -= 1
        chunk = text[start:end]
        lines = chunk.split("\n")
        if one_paragraph_per_line(lines):
            pos = start
            for line in lines:
                s = pos + len(line) - len(line.lstrip())
                e = pos + len(line.rstrip())
                if e > s:
                    blocks.extend(split_blocks_line(text, s, e))
                pos += len(line) + 1
        elif len(lines) > 1 and all(BULLET.match(line.lstrip()) for line in lines):
            pos = start
            for line in lines:
                lead = len(line) - len(line.lstrip())
                b = BULLET.match(line.lstrip())
                s = pos + lead + b.end()
                e = pos + len(line.rstrip())
                blocks.append(Block(s, e, text[s:e], label=b.group(0).strip(), marker_start=pos + lead))
                pos += len(line) + 1
        elif (len(lines) > 1 and all(BRACKET_LINE.match(line.lstrip()) for line in lines)) or \
                glued_lines(lines):
            # "[1] ..." lines are one note each (the bracketed number stays in the block); a
            # timestamp or byline line with the first (or last) paragraph right under (or over)
            # it, no blank line between, is a line of its own
            pos = start
            for line in lines:
                s = pos + len(line) - len(line.lstrip())
                e = pos + len(line.rstrip())
                blocks.append(Block(s, e, text[s:e]))
                pos += len(line) + 1
        elif len(lines) >= 3:
            # A page copied with one line per paragraph, heading, share button or byline (no
            # blank lines): each line is a block, except where a line wraps into the next (a
            # hard-wrapped paragraph, as PDF text has).
            pos = start
            for group in wrapped_lines(lines, repeated, titles):
                s = pos + len(group[0]) - len(group[0].lstrip())
                body = "\n".join(group)
                e = pos + len(body.rstrip())
                if e > s:
                    blocks.extend(split_blocks_line(text, s, e) if len(group) == 1 else [Block(s, e, text[s:e])])
                pos += len(body) + 1
        elif len(lines) == 1 and BULLET.match(chunk) and not re.match(r"^\d", chunk):
            b = BULLET.match(chunk)
            blocks.append(Block(start + b.end(), end, text[start + b.end():end], marker_start=start))
        else:
            blocks.append(Block(start, end, chunk))
    return blocks


# The rules of a picture's lines: a credit line over its caption is one block with it (a figure).
FIGURE_RULES = frozenset({"photo-credit", "image-id"})


def glued_lines(lines: list[str]) -> bool:
    """Two lines that a copy glued together, one of them the page's (a timestamp, a byline, a
    comment count: a line a clutter rule takes on its own that ends no sentence) and the other
    not carrying it on: two blocks. A pair that is clutter as a whole (a prompt and its second
    line) or a picture's credit and caption stays one."""
    if len(lines) != 2 or wraps_into(*lines):
        return False
    first = lines[0].rstrip()
    if first.endswith((",", ";", ":", "—", "–")) or CONNECTOR_END.search(first):
        return False  # "On July 8, 2024," / "Japan and ...": one sentence over two lines
    glued = False
    for line in lines:
        line = line.strip()
        # a page's line is short (a date, a name, a count): a long line is the paragraph's
        if line and len(line) <= 80 and not ends_sentence(line):
            rule = boilerplate_rule(Block(0, len(line), line))
            glued = glued or bool(rule and rule[0] not in FIGURE_RULES)
    chunk = "\n".join(lines)
    return glued and not boilerplate_rule(Block(0, len(chunk), chunk))


# The lines over the readers' comments: the prose below them is not the article's.
COMMENT_RULES = frozenset({"leave-a-comment", "comment-form", "comment-policy"})


def wraps_into(line: str, following: str, listed: bool = False) -> bool:
    """True when ``line`` is cut off mid-sentence and ``following`` carries it on: the line does
    not end a sentence and ends with a hyphen, comma or function word, or the next line starts
    in lower case. A list's line (a bullet, "1.", or ``listed``: one of a run of numerals, see
    roman_items) carries nothing on."""
    line, following = line.rstrip(), following.lstrip()
    if not line or not following or (ends_sentence(line) and not initials_go_on(line, following, lower_only=True)) \
            or listed or BULLET.match(following):
        return False
    if following[0].islower():
        # ...unless the next line is one token that a clutter rule takes whole (an account name
        # such as "mari_tanaka", an e-mail address) or a row of icons ("f  |  𝕏  |  ✉"): no
        # sentence goes on with it
        token = following.strip()
        if " " in token:
            return not icon_row(token)
        return boilerplate_rule(Block(0, len(token), token)) is None
    return bool(re.search(r"[-‐]$", line)) and following[0].isalpha()


def section_label(line: str, following: str) -> bool:
    """A block's last line that is one word in lower case with no stop ("politics", "world"):
    the site's section label under a caption or a headline, not the end of a wrapped sentence (the
    line before would end on a connector or a hyphen)."""
    return bool(re.fullmatch(r"[a-z]{3,20}", following.strip())) and not CONNECTOR_END.search(line.rstrip()) \
        and not line.rstrip().endswith(("-", "‐", ","))


def wrapped_lines(lines: list[str], repeated: frozenset = frozenset(),
                  titles: frozenset = frozenset()) -> list[list[str]]:
    """The lines of a block grouped into runs that wrap into one another (a running header or
    footer, one of ``repeated``, wraps into nothing). Where the block shows its width (lines that
    wrap into a line in lower case), a line as wide as those that ends no sentence wraps into the
    next line whatever its case: "...the Liberal Democratic" / "Party and Komeito ..." (not a
    heading or a list's line, see full_width; not the line under the title, one of ``titles``)."""
    keys = [line_key(line) for line in lines]
    items = roman_items(lines)
    wrapped = [len(a.rstrip()) for k, (a, b) in enumerate(zip(lines, lines[1:])) if wraps_into(a, b, k + 1 in items)]
    width = max(wrapped, default=0)
    if sum(n >= 0.8 * width for n in wrapped) < 2:
        width = 0  # one wrap shows no width: two lines as wide do
    if width and 2 * sum(title_case(line) for line in lines) >= len(lines):
        width = 0  # a block of capitalised lines is a list (names, an address), not wrapped prose
    groups = [[lines[0]]]
    for k in range(1, len(lines)):
        line, last = lines[k], lines[k - 1]
        if line.strip() and keys[k - 1] not in repeated and keys[k] not in repeated \
                and ((wraps_into(last, line, k in items) and not (k == len(lines) - 1 and section_label(last, line)))
                     or (full_width(last, line, width, k in items)
                                                and not (k >= 2 and (lines[k - 2].rstrip().endswith(":")
                                                                     or keys[k - 2] in titles)))):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def full_width(line: str, following: str, width: int, listed: bool = False) -> bool:
    """True when ``line`` fills the block's width (within a fifth), ends no sentence, has the words
    of prose, and ``following`` starts like the rest of a sentence (not a list item). A line of
    capitalised words (a heading, "2. Title Case ...", a name or an address in a list) stands alone,
    and so does the line before one: the width shows where prose wraps, not where a list does."""
    line, following = line.rstrip(), following.lstrip()
    return bool(width) and len(line) >= 0.8 * width and len(line.split()) >= 6 \
        and (not ends_sentence(line) or initials_go_on(line, following)) \
        and not line.endswith(":") and bool(following) and not listed and not BULLET.match(following) \
        and bool(re.match(r"[^\W_]|[\"“‘'($]", following)) and not title_case(line) \
        and (not title_case(following) or (ends_sentence(following) and name_goes_on(line, following)))


def name_goes_on(line: str, following: str) -> bool:
    """A full-width line's sentence goes on into a short capitalised line that ends it where the
    line breaks mid-phrase: the line ends on an article or preposition ("... sailed to the" /
    "Batanes Islands.") or the short line has a word of prose in lower case ("... with Ground" /
    "Self-Defense Force crews."). A few capitalised words with a stop under a line that ends on a
    plain word ("Main Lessons.") are a heading."""
    return bool(CONNECTOR_END.search(line)) or any(w not in _MINOR_WORDS for w in re.findall(r"\b[a-z][a-z'’-]+", following))


# the words that open a sentence of their own (an article, a pronoun, a conjunction or preposition):
# after a line ending on initials, such a word starts a new sentence ("... known as Plan B." / "The")
OPENING_WORD = re.compile(r"(?i)(?:the|a|an|this|that|these|those|it|its|he|she|they|we|i|you|his|her|their|our|"
                          r"in|on|at|as|but|and|or|so|yet|if|while|when|after|before|since|although|however|"
                          r"there|then|thus|both|each|all|some|many|most|no|not|what|which|who|where|why|how|"
                          r"for|with|by|from|to|of)\b")
# initials at a line's end: a single middle initial after a capitalised given name ("Mara J."; with
# the role word before it, "Lt. Gen. Roger B.", in ``role``), or a word of initials ("U.S.", "U.K.")
INITIALS_END = re.compile(r"(?:(?:^|\s)(?:(?P<role>[A-Za-z]+\.?)\s+)?[A-Z][a-z]+ (?P<middle>[A-Z])\.|(?:^|\s)(?:[A-Z]\.){2,})$")
# the rest of a person's name after a middle initial: a family name, then a comma, a stop or prose
FAMILY_NAME_ON = re.compile(r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?(?:[,.;:]|\s+[a-z])")


def initials_go_on(line: str, following: str, lower_only: bool = False) -> bool:
    """A hard-wrapped line that ends on initials whose full stop ends the abbreviation, not the
    sentence: the next line goes on in lower case ("... 9,000 U.S." / "sailors ..."), or (unless
    ``lower_only``) opens with the rest of a name — a family name after a role, a given name and a
    middle initial ("Rear Adm. Mara J." / "Okafor, ..."), a military head noun right after a
    state's initials ("the U.S." / "Army deployed ..."). Anything else starts a new sentence: a
    paragraph may end on "World War I." or "Appendix A." (no role and given name before the
    letter) and on "U.S." ("Congress voted ...", "Japan's Diet ...", "Chinese Navy ...": a body
    named alone, or another state's). Inside a line, such words already end no sentence (candidate
    names read ABBREVIATION so)."""
    m = INITIALS_END.search(line.rstrip())
    following = following.lstrip()
    if not m or not following:
        return False
    if following[0].islower():
        return True
    if lower_only or OPENING_WORD.match(following):
        return False
    if m.group("middle"):
        return (m.group("role") or "").lower() in ROLE_HEADS and bool(FAMILY_NAME_ON.match(following))
    head = re.match(r"[A-Z][a-z]+\b", following)
    return bool(head) and HEAD_TYPE.get(head.group().lower()) == "military"


WRAPPED_LINE = 40  # the fewest characters of a line that a hard-wrapped paragraph breaks
# the regions whose line breaks may be a hard-wrapped paragraph's (a caption's or a heading's
# lines are lines of their own)
WRAPPING_REGIONS = frozenset(("body", "reference", "footnote"))


def wrapped_break(text: str, newline: int) -> bool:
    """Whether the line break at ``newline`` is a hard-wrapped paragraph's, inside a sentence (and
    maybe inside a name, "Liberal Democratic⏎Party"): its line is a long one that ends no sentence
    (a credit line over a caption, a short line of a list, is no wrapped line). The segmenter
    decides whether such lines make one paragraph by its own test (full_width and title_case);
    the two can differ on a line of names with one verb — one test for both would need a measured
    run on the sets first. Read by the name finders (extract.mentions, extract.entities.grow)."""
    line = text[text.rfind("\n", 0, newline) + 1:newline].strip()
    if len(line) < WRAPPED_LINE or (ends_sentence(line) and not initials_go_on(line, text[newline + 1:newline + 120])):
        return False  # (a line ending on "U.S." or a middle initial may go on: initials_go_on)
    # a line in title case is a heading over the text, not a sentence broken at the width
    # ("Alliance Talks Resume in Tokyo Amid Concerns Over Taiwan Strait" / "Defense Minister ...")
    words = [w for w in line[-160:].split()[1:] if len(w) > 3 and w[0].isalpha()]
    return not words or sum(w[0].isupper() for w in words) < 0.8 * len(words)


def word_fits_before(text: str, newline: int) -> bool:
    """Whether the first word after the line break at ``newline`` would have fitted at the end of
    the line before it, within the text's widest line: then the line ended by itself (a credit
    line over a caption, "... of Japan" / "Self-Defense Force crews ..."), not at the width."""
    end = text.find("\n", newline + 1)
    word = text[newline + 1:end if end >= 0 else len(text)].split()[:1]
    return bool(word) and len(text[text.rfind("\n", 0, newline) + 1:newline].rstrip()) + 1 + len(word[0]) \
        <= widest_line(text)


@functools.lru_cache(maxsize=4)
def widest_line(text: str) -> int:
    """The length of the text's widest line (kept for the text asked again: word_fits_before is
    asked at every wrapped break of a region, and measuring every line each time is quadratic)."""
    return max(len(line.rstrip()) for line in text.split("\n"))


# words a title in Title Case leaves in lower case
_MINOR_WORDS = frozenset("a an and as at but by for from in into nor of on onto or over per the to up upon via "
                         "vs with within without".split())


# a verb or pronoun a title would capitalise ("It Has Seen"): in lower case, a line's words are prose
PROSE_WORDS = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|"
                         r"said|says|it|he|she|they|we|who|which)\b")


def title_case(line: str) -> bool:  # wrapped_break decides names across lines apart (see there)
    """A line whose words are mostly capitalised (the minor words of a title aside), numbers and a
    heading's "2." aside, two words in lower case at most, none a verb or pronoun, no sentence
    ending inside it: a heading or an item of a list (a name, an
    address), not a wrapped line of prose."""
    if re.search(r"[a-z)][.!?;]\s", line[:300]) or PROSE_WORDS.search(line[:300]):
        return False  # a sentence ends inside it, or a verb or pronoun in lower case: prose
    lower = re.findall(r"\b[a-z][a-z'’-]+", line[:300])
    after_comma = re.findall(r"\b[a-z][a-z'’-]+", line[:300].partition(",")[2])
    if any(tense.past_form(w) for w in lower) or any(w not in _MINOR_WORDS for w in after_comma):
        return False  # a past verb ("met the"), a clause going on after a comma ("…, and a study by the"): prose
    words = [w for w in re.findall(r"[^\W\d_][\w'’.-]*", line[:300]) if w.casefold() not in _MINOR_WORDS]
    caps = sum(w[0].isupper() for w in words)
    return len(words) >= 2 and 10 * caps >= 6 * len(words) and len(words) - caps <= 2


def one_paragraph_per_line(lines: list[str]) -> bool:
    """Some pages separate paragraphs by a single newline: then every line but the last ends a
    sentence (or a kicker/list intro with a colon). Two-line blocks qualify only when both lines
    are prose, so a caption under a credit line or a reference followed by its URL stays whole."""
    if len(lines) >= 3:
        return all(ends_sentence(line) for line in lines[:-1])
    if len(lines) == 2:
        return all(ends_sentence(line) and len(line.split()) >= 8 for line in lines)
    return False


def split_blocks_line(text: str, s: int, e: int) -> list[Block]:
    """One line as a block (a leading list bullet is left out of the block)."""
    b = BULLET.match(text[s:e])
    if b and not text[s].isdigit():
        return [Block(s + b.end(), e, text[s + b.end():e], marker_start=s)]
    return [Block(s, e, text[s:e])]


def is_author_note(text: str, authors: list) -> bool:
    """The closing line about the writer ("Bates Gill is a senior fellow at ..."): a last paragraph
    that opens with a byline name and says who that person is."""
    return any(re.match(rf"{re.escape(str(name))},? (?:is|was|serves as)\b", text) for name in authors)


_LATIN = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "æ": "ae", "Æ": "Ae",
                        "œ": "oe", "Œ": "Oe", "ß": "ss", "ı": "i", "ð": "d", "þ": "th"})


def latin(text: str) -> str:
    """The text with its letters' diacritics taken off ("Ōtsuka" "Otsuka", "Søren" "Soren"): how a
    name is matched whatever its accents (offsets are not kept)."""
    return without_marks(text.translate(_LATIN))


@functools.lru_cache(maxsize=4096)
def latin_name(name) -> str:
    """A name as :func:`latin` gives it, kept: the authors' names are compared with every block."""
    return latin(str(name))


def names_line(text: str, authors: list) -> bool:
    """A line of names alone ("Ana Lee and Ben Ito", "Sayuri Ōtsuka, Tomás Ortega & Li Wei"); when
    the catalogue names the authors, one of them must be among the names."""
    if len(text) > 200:
        return False  # no line of names is this long: not folded (a 10 MB paragraph)
    folded = latin(text.strip())
    if not PERSON_LIST.match(folded):
        return False
    return not authors or any(re.search(rf"(?<!\w){re.escape(latin_name(a))}(?!\w)", folded) for a in authors)


def names_with_roles(text: str, authors: list) -> bool:
    """A byline of names with who they are or when they wrote, set apart by a bar, a dash or a dot
    ("Ana Lee | Senior Fellow, Maritime Program", "Ana Lee — 20 May 2024"): the first part a line
    of names (see names_line), every other an affiliation or a date, no sentence ended."""
    if len(text) > 160 or ends_sentence(text):
        return False
    parts = [p.strip() for p in re.split(r"\s+[|—–·•]\s+|\s*\|\s*", text.strip()) if p.strip()]
    return len(parts) >= 2 and names_line(parts[0], authors) \
        and all(AFFILIATION.search(p) or ROLE.search(p) or date_line(p) for p in parts[1:])


BIO_TITLE = re.compile(r"^(?:Dr|Prof|Professor)\.?\s+")
# what a bio says its author's post is: "Ana Lee leads / directs / teaches" an institution by its
# name, or a post by its name at or of one ("leads the Harborline Institute's work on ...",
# "teaches at Keio University", "directs the Pacific Programme at the Westerly Institute",
# "teaches courses on law at Sophia University"); the institution a capitalised name ending in an
# AFFILIATION word ("leads readers through the history of the Institute" names no post)
BIO_VERBS = r"(?:leads|directs|teaches)"
_BIO_INSTITUTION = (r"(?:the\s+)?(?:[A-Z][\w'’&.-]*\s+){1,5}?"
                    r"(?:University|Institute|College|School|Center|Centre|Foundation|Council|Ministry|Agency)\b")
BIO_POST = re.compile(rf"(?:(?:the\s+)?(?:[A-Z][\w'’&.-]*\s+){{0,4}}[A-Z][\w'’&.-]*\s+(?:at|of)\s+"
                      rf"|(?:courses|classes|seminars|research)\s+(?:on\s+[^,.;]{{1,40}}?\s+)?at\s+|at\s+)?"
                      + _BIO_INSTITUTION)
# the posts a bio names by their noun ("is a senior fellow in the Institute's maritime programme",
# "is an associate professor", "is Director of Asian Studies", "is a Lecturer in ..."): the post is
# the evidence, wherever it is held; a present "is", not a past "was" ("was a reporter in Manila
# when ..." tells a story); between "is" and the noun an article and the post's modifiers only, no
# word that makes the noun another's post or denies it ("is grateful to the director of ...", "is
# not a fellow of ...")
_BIO_MODIFIER = r"(?!(?i:a|an|the|to|of|for|by|with|in|at|on|from|and|or|not|no|never)\s)[\w'’-]+\s+"
BIO_ROLE = re.compile(rf"(?:is|serves as)\s+(?:(?:a|an|the)\s+)?(?:{_BIO_MODIFIER}){{0,3}}?(?i:fellow|professor|"
                      r"director|researcher|lecturer|analyst|editor|correspondent|columnist)\b")


def bio_initials(authors: list) -> set:
    """The first letters of the authors' names, as written and without diacritics, and of the
    titles before them ("Dr", "Prof"): a block that opens otherwise is no bio."""
    return {c for a in authors for c in (str(a).strip()[:1], latin_name(a)[:1])} | {"D", "P"} if authors else set()


def author_bio(text: str, authors: list) -> bool:
    """A line saying who an author is ("Ana Lee is a senior fellow at ...", "Ana Lee and Ben Ito are
    fellows of ...", "Ana Lee, a former diplomat, is a professor at ..."): it opens with an author's
    full name (the catalogue's or a "By" byline's), "is/was a/an/the" (or more names and "are") and
    a role at or of somewhere (not "Ana Lee was in Naha when ...", nor "Ana Lee and Ben Ito, <title
    of their book>", an entry of the references); or "is/serves as" the author's post named by its
    noun wherever it is held (BIO_ROLE: an article or none, up to three modifiers, the noun in any
    case: "is a senior fellow in ...", "is Director of ..."; not "is grateful to the director of
    ..." nor "is not a fellow of ..."); or "leads/directs/teaches" at an institution (BIO_VERBS,
    BIO_POST)."""
    start = BIO_TITLE.sub("", text.lstrip()[:40])[:1]
    if not start or not any(latin_name(a)[:1] == latin(start) for a in authors):
        return False  # most blocks start with no author's initial
    folded = latin(text.strip()[:160])  # a bio opens with the name: its head is enough
    head = BIO_TITLE.sub("", folded)
    for a in authors:
        m = str(a).strip() and re.match(rf"{re.escape(latin_name(a))},?\s+(?:now\s+|currently\s+)?{BIO_VERBS}\s+", head)
        if m and BIO_POST.match(head[m.end():]):
            return True  # "Ana Lee leads the Harborline Institute's work on ...", "Ana Lee teaches at Keio University"
        m = str(a).strip() and re.match(rf"{re.escape(latin_name(a))},?\s+", head)
        if m and BIO_ROLE.match(head[m.end():]):
            return True  # "Ana Lee is a senior fellow in the Institute's maritime programme"
    return any(head.startswith(latin_name(a)) and re.match(rf"(?:(?:Dr|Prof|Professor)\.?\s+)?{re.escape(latin_name(a))}"
                        rf"(?:,\s+(?:a|an|the)\s[^,.;:]{{1,80}},\s+(?:is|was)\s+(?:a|an|the)\s"
                        rf"|,?\s+(?:is|was|serves as|served as)\s+(?:a|an|the)\s"
                        rf"|(?:,?\s+(?:and\s+)?{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}})+\s+(?:are|were)\s)"
                        rf"(?:[\w'’-]+\s+){{0,8}}?(?:at|of|with|for)\s", folded)
               for a in authors if str(a).strip())


def ends_sentence(text: str) -> bool:
    """True when text ends a sentence (footnote markers and closing quotes aside)."""
    stripped = PAREN_MARKER_END.sub("", BRACKET_MARKER_END.sub("", text.rstrip()))
    while stripped and stripped[-1] in CLOSERS:
        stripped = BRACKET_MARKER_END.sub("", stripped[:-1].rstrip())
    return bool(TERMINAL.search(stripped))


def endnote_start(block: Block, last: int = 0, caret: bool = False):
    """``(number, marker, body_start)`` for a numbered endnote body ("1. ...", "[1] ..."), else None;
    a wiki's note (``caret``: its item opens with "^") is the note after ``last``, the number of
    the note before.

    Only meaningful under a Notes/Endnotes heading: elsewhere a numbered line is a list item.
    """
    if caret:
        return last + 1, "^", block.start
    if block.label:
        m = NUMBERED_LABEL.match(block.label)
        return (int(m.group(1)), block.label, block.start) if m else None
    m = ENDNOTE_START.match(block.text)
    if not m:
        return None
    return label_number(m, last), m.group(1), block.start + m.end()


def cited_label(btext: str, cited: dict, before: int) -> bool:
    """True when a block opens with a note's label ("[a] ...", "[1] ...", a numeral "ii. ...") that
    the text before it uses in brackets as a note marker right after a word ("promise.[a]",
    "2024.[ii]"); ``cited``: where the text first does so for each label (:func:`first_citations`)."""
    label = list_label(btext)
    return label is not None and cited.get(label, before) < before


def list_label(btext: str) -> str | None:
    """The bracketed form of the label a block opens with, where a list of notes may open so with
    no heading to say so: a bracketed label ("[a]", "[12]"), a number in round brackets ("(2)",
    "(*2)", as it is: the text must cite it so, glued to a stop) or a roman numeral and a stop
    ("ii.": "[ii]"); a number and a stop ("2.") opens list items as often and is None."""
    m = ENDNOTE_START.match(btext)
    if not m:
        return None
    if m.group(1).startswith("[") or m.group(1).startswith("("):
        return m.group(1) if len(m.group(2) or "") <= 3 else None
    return f"[{m.group(5)}]" if m.group(5) else None


CITED_LABEL = re.compile(rf"(?<={CITE_AFTER}){BRACKET_LABEL}")


def paren_labels(markers) -> frozenset:
    """The labels in round brackets ("(1)", "(*2)") among a document's notes' ``markers``: the only
    ones a "(n)" glued to the text may cite (PAREN_CITATION)."""
    return frozenset(m for m in markers if m and re.fullmatch(PAREN_LABEL, m))


def first_citations(text: str) -> dict:
    """Where the text first cites each bracketed label right after a word ("promise.[a]",
    "2024.[12]", "2024.[ii]"): one pass over the text, looked up by every block that opens with a
    label."""
    out: dict = {}
    for m in CITED_LABEL.finditer(text):
        out.setdefault(m.group(), m.start())
    for m in PAREN_CITATION.finditer(text):  # "...defence.(2)": only a "(2)" entry looks it up
        out.setdefault(m.group(), m.start())
    return out


def next_note_label(btext: str, notes: list) -> bool:
    """True when a block opens with the label of the note that comes next ("[1]" or "i." first,
    then the number after the last note's, up to two missing)."""
    m = ENDNOTE_START.match(btext)
    if not m or list_label(btext) is None:
        return False
    last = notes[-1].number if notes and notes[-1].endnote else 0
    return next_in_list(label_number(m, last), last)


def next_in_list(number: int, last: int) -> bool:
    """Whether ``number`` may follow note ``last`` in a list of notes: the next, up to two missing."""
    return last < number <= last + 3


def label_number(m: re.Match, last: int = 0) -> int:
    """A note's number from its label (an ENDNOTE_START match): 12 for "[12]" or "12.", 2 for "[b]",
    4 for "[iv]" or "iv."; a label that is a letter and a numeral ("[i]", "[v]", "[x]") is the one
    that follows the note before it, ``last``: "[i]" opening a list is the numeral 1, "[i]" after
    "[h]" the letter 9 (a letter where neither follows)."""
    if not (m.group(4) or m.group(5)):
        return int(m.group(2) or m.group(3) or m.group(6))
    label = m.group(4) or m.group(5)
    readings = [ord(label) - ord("a") + 1] if m.group(4) and len(label) == 1 else []
    if re.fullmatch(ROMAN, label):
        readings.append(roman_value(label))
    return next((n for n in readings if next_in_list(n, last)), readings[0])


def roman_value(numeral: str) -> int:
    """The value of a lower-case roman numeral ("xiv": 14)."""
    values = [ROMAN_VALUES[c] for c in numeral]
    return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))


def label_scheme(marker: str, number: int) -> str | None:
    """How a note's label ``marker`` ("[iv]", "ii.", "[b]", "12.") numbers it, read as ``number``:
    "roman", "letter", or None for digits and symbols."""
    label = marker.strip("[]().*")
    if not label.isalpha() or not label.islower():
        return None
    return "roman" if re.fullmatch(ROMAN, label) and roman_value(label) == number else "letter"


def roman_items(lines: list[str], reach: int = 4) -> set[int]:
    """The lines (their indexes) that open a list's item numbered in roman numerals ("ii. ..."),
    no sentence's rest though they start in lower case: a line opening with a numeral and a stop
    only in a run of them, where the nearest such line below (within ``reach`` lines, an item may
    wrap) opens with the next numeral or the nearest above with the one before ("i." / "ii."). A
    lone "v. Wade", "i. e." or "iii. of the report" is a wrapped line that carries its sentence on."""
    opened = [(k, roman_value(m.group(1))) for k, m in enumerate(ROMAN_ITEM.match(line.lstrip()) for line in lines)
              if m]
    out: set[int] = set()
    for (a, n), (b, m) in zip(opened, opened[1:]):
        if m == n + 1 and b - a <= reach:
            out |= {a, b}
    return out


def label_kind(marker: str) -> str | None:
    """How a list of notes numbers its labels: "digits" ("4.", "[4]"), "letters" (letters and
    numerals, "[d]", "iv.", which one label may be both), None for symbols and carets."""
    if DIGIT.search(marker):
        return "digits"
    return "letters" if LOWER_LETTER.search(marker) else None


def same_scheme(marker: str, other: str) -> bool:
    """Whether a label ``marker`` may continue the list whose last label is ``other``: a list goes
    on only in its own scheme, so "v. Wade" wrapped under note 4 is no note 5 (review 9, 2)."""
    kinds = (label_kind(marker), label_kind(other))
    return None in kinds or kinds[0] == kinds[1]


BLANK_LINE = re.compile(r"\n[ \t]*\n")
BLANK_LINE_START = re.compile(r"\n(?=[ \t]*\n)")


def endnote_entries(block: Block, text: str, first) -> list[tuple[int, str, int, int]]:
    """``(number, marker, body_start, body_end)`` of each numbered entry of an endnote block.
    Entries may wrap onto continuation lines with no blank line between entries: a line starts
    a new entry only when it begins with the next number (up to two may be missing), so a
    wrapped line that begins with a number ("25. ...") stays in its entry."""
    number, marker, body_start = first
    entries = [[number, marker, body_start, block.end]]
    if block.label:
        return [tuple(e) for e in entries]
    pos = block.start
    for k, line in enumerate(block.text.split("\n")):
        start, end = pos + len(line) - len(line.lstrip()), pos + len(line.rstrip())
        pos += len(line) + 1
        m = ENDNOTE_START.match(text[start:end]) if k else None
        n = label_number(m, entries[-1][0]) if m and same_scheme(m.group(1), entries[-1][1]) else None
        if n is not None and next_in_list(n, entries[-1][0]):
            entries.append([n, m.group(1), start + m.end(), end])
        elif end > start:
            entries[-1][3] = end
    return [tuple(e) for e in entries]


def note_is_open(text: str) -> bool:
    """A footnote body that stops mid-phrase ("...Current and") continues after a page break."""
    stripped = text.rstrip()
    if not stripped:
        return True
    if stripped[-1] in ".>)":
        return False
    return bool(CONNECTOR_END.search(stripped)) or stripped[-1] in ",;:-–"


# Words of a page's furniture: a short line made of these and separators only, with at least one
# of the actions, is a share bar, a toolbar or a social-media strip ("SHARE", "Share this post:
# Facebook | X | LinkedIn", "Download PDF | Print | Cite this brief", "Print  Email  Download").
# (and the page's text-size control, "Text size: S M L", "Font size + -", "A-  A+" (test12, test7), read
# as one word, see TEXT_SIZE; and "KakaoTalk", the Korean network a source shows (test12); no set nor
# real page read shows another network of Korea or China in a share bar, so none is listed)
FURNITURE_WORDS = frozenset("""
share this post article story page commentary brief report on via tweet email e-mail mail print facebook x
twitter linkedin whatsapp reddit telegram line instagram youtube tiktok threads bluesky mastodon download pdf
cite copy link url save bookmark comment comments follow us stay connected subscribe rss scroll to continue read
listen audio font size gift send the more options text a in text-size kakaotalk""".split())
FURNITURE_ACTIONS = frozenset("""share tweet email e-mail print facebook twitter linkedin whatsapp reddit
instagram youtube download cite follow connected subscribe bookmark save text-size kakaotalk""".split())
TEXT_SIZE = re.compile(r"(?i)\b(?:text|font|letter)[ -]size\b")
SEPARATORS = re.compile(r"\s*(?:[|·•›»>/«]|\s{2,}|:)\s*")
NAV_ITEM = re.compile(r"^[A-Z0-9][\w&'’.-]*(?: [\w&'’.-]+){0,3}$")


# the size of a file offered for download, "(212 KB)", "1.4 MB", "[PDF, 380 kB]"
FILE_SIZE = re.compile(r"(?i)[(\[]?\s*(?:pdf|docx?|xlsx?|epub|zip)?[,\s]*\b\d+(?:[.,]\d+)?\s?[kmg]i?b\b\s*[)\]]?")


def furniture_line(text: str) -> bool:
    """A short line of a share bar's or a toolbar's words only (see FURNITURE_WORDS), the size of
    a file it offers aside ("Print this page    Download PDF (212 KB)")."""
    if FILE_SIZE_MENTION.search(text):
        text = FILE_SIZE.sub(" ", text)
    text = TEXT_SIZE.sub("text-size", text)  # the control's name, one word (its letters "S M L" are no words)
    # a share bar's icons may be letters ("Share: f | X | LINE | ✉"): one letter is no word
    words = [w.casefold() for w in WORD_WITH_HYPHENS.findall(text) if len(w) > 1 or w.casefold() == "x"]
    return 0 < len(words) <= 10 and set(words) <= FURNITURE_WORDS and bool(set(words) & FURNITURE_ACTIONS)


# where the items of a row of icons meet: a bar, a middle dot, a bullet, or a gap of spaces
ICON_ROW_SEPARATORS = re.compile(r"\s*[|·•]\s*|\s{2,}")


def table_mark(char: str) -> bool:
    """A mark a table draws in its cells: a tick or a cross, an arrow, a star, a dot or a square."""
    o = ord(char)
    return char in "✓✔✗✘☑☒✅❌★☆⭐×+=?*" or 0x2190 <= o <= 0x21FF or 0x25A0 <= o <= 0x25FF \
        or 0x2794 <= o <= 0x27BF or 0x2B00 <= o <= 0x2BFF


def icon_row(text: str) -> bool:
    """A row of buttons drawn as icons: three items or more between separators, each an icon (a
    symbol such as "✉" or "🔗"), a logo letter ("f", "𝕏") or one word (a network's name), with a
    logo letter and an icon among them that no table draws in its cells: "in  |  𝕏  |  Line  |
    🔗". A sentence has words between its bars; a table's row has numbers, or marks, grades and
    dashes ("France | x | –", "Command · B · ↑"), and rows like it around it (see table_rows)."""
    if len(text) > 80:
        return False
    items = [i for i in ICON_ROW_SEPARATORS.split(text.strip()) if i]
    if len(items) < 3:
        return False
    icons = letters = 0
    for item in items:
        folded = unicodedata.normalize("NFKC", item)
        if len(folded) <= 2 and not any(c.isalnum() for c in folded):
            # a symbol: an icon unless a table's mark (or a dash: an empty cell)
            icons += all(unicodedata.category(c) == "So" and not table_mark(c) for c in folded)
        elif len(folded) == 1 and folded.isalpha():
            letters += 1
        elif not re.fullmatch(r"[^\W\d_][^\W\d_.'’-]{1,20}", folded):
            return False  # two words, a number: a sentence's or a table's item
    return icons >= 1 and letters >= 1


def row_items(text: str) -> int:
    """How many items a line has between a row's separators (see icon_row)."""
    return len([i for i in ICON_ROW_SEPARATORS.split(text.strip()) if i])


def table_rows(blocks: list, index: int) -> bool:
    """Whether a one-line block stands among rows of its shape, a line before or after it with as
    many items between the same separators: a table's row, not a row of buttons."""
    n = row_items(blocks[index].text.strip())
    return any(row_items(near) == n and ICON_ROW_SEPARATORS.search(near) for near in neighbour_lines(blocks, index))


def neighbour_lines(blocks: list, index: int) -> list[str]:
    """The line just above a block and the line just below it (stripped), where there are."""
    return [blocks[k].lines[-1 if k < index else 0].strip() for k in (index - 1, index + 1) if 0 <= k < len(blocks)]


# The words of a share bar's items that name no network or action of their own ("Post", "Copy
# link", "More options"): furniture only beside an item that does.
SHARE_ITEM_WORDS = FURNITURE_ACTIONS | {"post", "copy", "link", "more", "options", "x", "threads", "bluesky",
                                        "mastodon", "telegram", "line", "tiktok", "e-mail"}


def furniture_words(text: str) -> bool:
    """A short line made only of a share bar's item words ("Post", "Copy link"): furniture beside
    a share bar, not on its own."""
    words = [w.casefold() for w in WORD_WITH_HYPHENS.findall(text)]
    return 0 < len(words) <= 3 and set(words) <= SHARE_ITEM_WORDS


def navigation_line(text: str) -> bool:
    """Menu items or links in a row: three or more short items between separators ("Politics  |
    Bases  |  Opinion", "Menu: Home / Posts / About"), or previous/next links."""
    if re.match(r"(?i)^[«‹<]?\s*previous\b.{0,60}\bnext\b.{0,40}$", text):
        return True
    items = [i for i in SEPARATORS.split(text) if i]
    return len(items) >= 3 and all(NAV_ITEM.match(i) and not i.endswith(".") for i in items) \
        and bool(re.search(r"[|·•›»/]|\s{2,}", text))


# what a timestamp line holds besides its date: the verb, a time, its zone ("GMT+9", "UTC+09:00",
# "JST", "ET"), a weekday, "3 hours ago"
TIMESTAMP_WORDS = re.compile(
    r"(?i)\b(?:(?:last |first )?(?:published|updated|posted|modified|edited|revised)|on|at|date|time|"
    r"(?:gmt|utc)(?:\s*[+\-−]\s*\d{1,2}(?::?\d{2})?)?|[ap]\.?m\b\.?|\d{1,2}[:.]\d{2}(?:[:.]\d{2})?|"
    r"jst|kst|hkt|sgt|pht|ict|wib|ist|cet|cest|bst|aest|aedt|awst|nzst|nzdt|[ecmp][sd]?t|"
    r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?|"
    r"\d{1,3}\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago|just now|yesterday|today)(?!\w)")


# a time zone's offset, right after "GMT"/"UTC" or a clock time ("GMT+9", "10:05 +09:00"): not a
# signed figure after a year ("FY2024 +3", "2023  +4"), a table's
ZONE_OFFSET = re.compile(r"(?:(?<=GMT)|(?<=UTC)|(?<=\d:\d\d)|(?<=\d:\d\d ))[+\-−]\d{1,2}(?::?\d{2})?(?!\S)")


def date_line(text: str) -> bool:
    """A line that only dates the page ("March 30, 2025", "Published : June 27, 2024 - 15:02",
    "Updated: Nov. 20, 2025 10:15", "Updated 11:48 a.m. JST, July 8, 2024", "Last updated:
    2024-03-14 09:15 (UTC+9)", "Published 3 hours ago"): nothing left of it but separators once its
    dates and timestamp words are taken out. A line in capitals is read in title case ("FEB 7")."""
    from . import dates

    if len(text) > 80 or not DIGIT.search(text):
        return False
    rest = text.title() if is_all_caps(text) else text
    rest = ZONE_OFFSET.sub(" ", rest)  # "GMT+9", "10:05 +09:00": the offset of a zone or a clock time
    for m in dates.find_dates(rest):
        rest = rest.replace(m.phrase, " ")
    rest = TIMESTAMP_WORDS.sub(" ", rest)
    return not WORD_CHAR.search(rest) and rest != text


# "Related" and one word of what a list holds, alone on its line ("Related Editorials", test12): the
# heading of the page's list of other pages only at the article's tail and over headlines (see
# segment; "Related Legislation" over bill titles in the text is the article's heading)
RELATED_WORD = re.compile(r"(?i)^related [^\W\d_]{3,20}$")
HEADLINE_DATE = re.compile(r"\((?:[A-Z][a-z]{2,4}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})(?:, \d{4})?\)$")


def headline_link(block: Block) -> bool:
    """A line shaped as a link to another page: a headline ending no sentence, or one dated in
    brackets ("Editorial: The alliance after the visit (Oct. 30)")."""
    btext = block.text.strip()
    return block.single_line and len(btext) <= 120 and (not ends_sentence(btext) or bool(HEADLINE_DATE.search(btext)))


# where the items of a page's date row meet: a bar, a dot, or a dash between spaces
DATE_ROW_SEPARATORS = re.compile(r"\s+[|·•—–-]\s+|\s*[|·•]\s*")
CLOCK = re.compile(r"(?i)\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?")  # "18:26", "5.00am"
# a few capitalised words, a title's minor words between them: a name, a post, a section, an outlet
CAPITALISED_ITEM = re.compile(r"[A-Z][\w.&'’-]*,?(?:\s+(?:[A-Z0-9][\w.&'’-]*,?|of|the|and|for|in|on|at|to|de)){0,11}")


# a date with its day, not a year or a month alone ("Jan. 15, 2026", "30 October 2025", "2025-08-24",
# "11.12.2023"): "Part I | 1945–1960" dates nothing of the page
FULL_DATE = re.compile(r"(?i)\b(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
                       r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
                       r"|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})")
# who wrote or spoke: "By <name>", or a post and a name ("Press Secretary Air Force Maj. Gen. Pat Ryder")
ROW_BYLINE = re.compile(r"^(?i:by)\s+[A-Z]|(?:\b[A-Z][a-z]*\.?\s+)" + NAME_TOKEN + r"\s+" + NAME_TOKEN + r"$")
ROW_POST = re.compile(r"(?i)\b(?:secretary|spokes(?:person|man|woman)|minister|officer|director|editor|correspondent|"
                      r"reporter|writer|ambassador|sgt|cpl|lt|capt|maj|col|cmdr|adm|gen|dr|prof)\b")
# an outlet's or a site's name: a domain ("War.gov", "harbourwire.com")
SITE_NAME = re.compile(r"(?i)\b[\w-]+\.(?:com|gov|org|net|mil|edu|int|co|news|jp|kr|ph|au|uk|in)\b")


def date_row(text: str, publisher: str | None = None) -> bool:
    """A row of the page's date and what goes with it ("Jan. 15, 2026 | By <name>, <outlet>", "July 9,
    2024 | <the speaker's post and name>", "<OUTLET> - Dec 4, 2024 - 18:26 | Japan, World", "October 30,
    2025 — 5.00am"; test12, test9, test8, test10): items each a date or a clock time or a few
    capitalised words (a name, a post, a section, an outlet), none a sentence, one a date with its
    day, and beside it a clock time, a byline (by a name, or a post and a name) or the outlet's
    name (a site's or the page's publisher's): not "Part I | 1945–1960", "Joint Committee | Busan |
    June 3, 2024". A place and a date alone ("SEOUL | April 9, 2025") is the page's too: the sets'
    gold sets aside the place and date lines at a page's head, not as entities ("Washington, D.C."
    under a hearing's date, test10; "Visakhapatnam, Last Updated : <date>", test8). Only a line
    right under the headline or its byline counts (see segment)."""
    from . import gazetteer
    if len(text) > 120 or not DIGIT.search(text):
        return False
    items = [i.strip() for i in DATE_ROW_SEPARATORS.split(text.strip()) if i.strip()]
    if len(items) < 2:
        return False
    full_date = beside = False
    for item in items:
        if CLOCK.fullmatch(item):
            beside = True
            continue
        if date_line(item):
            full_date = full_date or bool(FULL_DATE.search(item))
            beside = beside or bool(CLOCK.search(item))
        elif re.fullmatch(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*", item) and SITE_NAME.search(item):
            beside = True  # the site's address alone ("harbourwire.com")
        elif item[-1:] in ".!?:;," or not CAPITALISED_ITEM.fullmatch(item):
            return False
        elif (re.match(r"(?i)by\s", item) or (ROW_BYLINE.search(item) and ROW_POST.search(item))
              or SITE_NAME.search(item) or (publisher and fold(item) == fold(publisher))):
            beside = True
        elif len(items) == 2:  # "SEOUL | April 9, 2025", "Tokyo, Japan — April 10, 2024": a place
            head = item.split(",")[0].strip()
            beside = beside or gazetteer.lookup(head.title() if is_all_caps(head) else head) is not None
    return full_date and beside


@functools.lru_cache(maxsize=1)
def language_names() -> frozenset:
    """The names of the world's official languages in English and in their own language ("Japanese",
    "日本語", "Español", "한국어"), from the Unicode CLDR data that Babel ships (folded); a name
    that is also a country's ("Indonesia") is left out."""
    import pickle

    from babel import localedata
    from babel.core import get_global

    def own_data(code: str) -> dict:
        # a locale's own data, read from its file: no merge with root, and not kept in Babel's
        # cache (a hundred locales held there cost a build some 50 MB for 189 names)
        with open(localedata.resolve_locale_filename(code), "rb") as f:
            return pickle.load(f)

    available = set(localedata.locale_identifiers())
    codes = {lang for info in get_global("territory_languages").values() for lang, d in info.items()
             if d.get("official_status") in ("official", "de_facto_official") and lang in available}
    english = own_data("en")
    names = set()
    for code in sorted(codes):
        names.add(english["languages"].get(code))
        names.add(own_data(code).get("languages", {}).get(code))
    countries = {fold(t) for t in english["territories"].values()}
    return frozenset(fold(n) for n in names if n) - countries


LANGUAGE_SEPARATORS = re.compile(r"\s*[|/·•,]\s*|\s{2,}")
LANGUAGE_ITEM = re.compile(r"^[^\W\d_][^\W\d_ ’'-]*(?:[ ’'-][^\W\d_]+){0,2}$")


def language_items(text: str) -> int:
    """How many language names a line is made of (0 when it holds anything else): a language
    switcher's "Japanese", "English | 日本語", "Español · Français · 中文"."""
    if len(text) > 120 or not text[:1].isalpha() or text.rstrip()[-1:] in ".!?:;,":
        return 0
    return _language_items(text)


@functools.lru_cache(maxsize=4096)
def _language_items(text: str) -> int:
    items = [i.strip() for i in LANGUAGE_SEPARATORS.split(text) if i.strip()]
    if not 1 <= len(items) <= 6 or not all(LANGUAGE_ITEM.match(i) for i in items):
        return 0
    return len(items) if all(fold(i) in language_names() for i in items) else 0


def language_switch(text: str) -> bool:
    """Two language names or more alone on a line: a switcher wherever it stands (one name alone
    is one only outside the text: see segment)."""
    return language_items(text) >= 2


POSTED_BY = re.compile(rf"(?i)\bby\s+(?-i:(?:(?:guest|staff|contributing|senior|special)\s+)?(?:[a-z]+\s+)?{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}}(?:(?:,\s*|\s+and\s+|\s*&\s*)"
                       rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}})*)(?=\s*(?:$|[.,|·•—–-]|(?:on|at)\s))")
# what may close a "Posted" line after a separator: a comment count, a reading time
POSTED_TAIL = re.compile(r"(?i)\s*[|·•—–-]\s*(?:(?:\d{1,6}|no)\s+comments?|" + _DURATION
                         + r"(?:\s+(?:read|listen))?)\s*$")


def posted_line(text: str) -> bool:
    """A "Posted" byline: "Posted by <names>", "Posted on <date>", "Posted <date> by <names>" (or
    "by guest contributor <name>"), closed at most by a comment count or a reading time ("· 6
    comments", "| 6 min read"), and no more ("Posted on Guam since 2006, the bombers
    ..." is a sentence)."""
    m = re.match(r"(?i)posted\b:?\s*", text)
    if not m or len(text) > 160:
        return False
    rest = POSTED_TAIL.sub("", POSTED_TAIL.sub("", text[m.end():]))
    by = POSTED_BY.search(rest)
    if by:
        rest = rest[:by.start()] + " " + rest[by.end():]
    return (bool(by) and not rest.strip(" ,.|·•—–-")) or date_line("Posted " + rest.strip(" ,.|·•—–-"))


# the rules whose items make a row of furniture (see furniture_row)
ROW_ITEM_RULES = frozenset({"reading-time", "dateline", "share-prompt", "subscription-prompt", "paywall",
                            "translation-label", "leave-a-comment"})


def toolbar_item(item: str) -> bool:
    """An item of a toolbar that no rule takes alone: its words a toolbar's or languages' ("Sign In",
    "Print", "English"), or no word at all ("A+", "✉", "♥ 27"; not a bare number, a table's cell)."""
    if re.search(r"(?i)\d\s?[kmg]i?b\b", item):
        item = FILE_SIZE.sub(" ", item)
    words = [w.casefold() for w in re.findall(r"[^\W\d_][\w'’-]*", item) if len(w.strip("-")) > 1]
    if not words:  # "A+", "✉", "♥ 27": a mark, not a bare number ("12", "1,200", "+9.4%": a table's cell)
        return len(item) <= 6 and bool(re.search(r"[^\d\s.,:;+\-−–%]", item))
    return all(w in FURNITURE_WORDS or w in language_names() for w in words)


def furniture_row(text: str) -> bool:
    """A row of items between separators ("5 min read · Download PDF", "July 5, 2024 (PM)
    [Provisional Translation]", "A+  A-  |  Share  |  Print"), each of which the rules take for
    furniture (ROW_ITEM_RULES; a button's icon before its label aside), or a toolbar's item
    (toolbar_item), at least one of them by a rule: a sentence or a table's row has an item no rule
    takes."""
    if len(text) > 120 or not ICON_ROW_SEPARATORS.search(text.strip()):
        return False
    items = [i for i in ICON_ROW_SEPARATORS.split(text.strip()) if i]
    if len(items) < 2:
        return False
    ruled = False
    for item in items:
        bare = re.sub(r"^[^\w(\[]+\s*", "", item)  # "▶ Listen": the button's icon
        rule = boilerplate_rule(Block(0, len(bare), bare)) if bare else None
        if rule and rule[0] in ROW_ITEM_RULES:
            ruled = True
        elif not toolbar_item(bare):
            return False
    return ruled


RULE_TESTS = [  # (rule, test, ends_article): structural tests after the patterns
    ("share-prompt", furniture_line, False),
    ("share-prompt", icon_row, False),
    ("navigation", navigation_line, False),
    ("byline", posted_line, False),
    ("dateline", date_line, False),
    ("language-switch", language_switch, False),
    ("furniture-row", furniture_row, False),
]


def line_key(text: str) -> str:
    """A line with its numbers and spacing folded: a running header on every page has one key."""
    return SPACE_RUN.sub(" ", DIGIT_RUN.sub("#", text)).strip().casefold()


def running_lines(lines: list[str], raw: list[str] | None = None) -> frozenset:
    """Keys of short lines that recur on several pages, numbered (a PDF's running header or footer
    with its page number): seen at least twice, with a number, never ending a sentence; and the lines
    of a page's foot (page_foot_lines), read in ``raw`` (the page's lines as laid out) if given."""
    counts: dict = defaultdict(int)
    numbered: set = set()
    for line in lines:
        t = line.strip()
        if 2 <= len(t.split()) <= 16 and not ends_sentence(t):
            key = line_key(t)
            counts[key] += 1
            if re.search(r"\d", t):
                numbered.add(key)
    keys = {k for k, n in counts.items() if n >= 2 and k in numbered}
    return frozenset(keys | page_foot_lines(lines if raw is None else raw, keys))


PAGE_FOOT_LINES = 16  # the most lines of a page's foot (or head) around its number
FOOT_INDENT = 20  # how far a PDF's text (pdftotext's layout) sets a page's foot off from the margin


def page_foot_lines(lines: list[str], running: set) -> set:
    """Keys of lines a page break repeats whatever they say: a court reporter's or publisher's name,
    telephone or site in a PDF's foot ("Reporting Co." / "1-800-..." / "www.example.com" / "47"),
    with or without a number. ``lines`` as laid out (their indentation kept). A foot is a run of
    lines set off from the margin, each seen twice or more (ending no sentence and no speaker's
    label) but one: the page's number, first or last. A line is furniture when it stands once in
    two feet or more, each holding the same lines, and their page numbers rise foot to foot: a
    table's rows, a heading under numbered parts, a speaker under numbered questions or a numbered
    list's items stand at the margin, or beside several numbers, or beside no page number."""
    rows = [(len(line) - len(line.lstrip()), line.strip()) for line in lines if line.strip()]
    keys = [line_key(t) for _, t in rows]
    counts: dict = defaultdict(int)
    for k in keys:
        counts[k] += 1

    # the page number each line is, if it is one (set off from the margin)
    pages = [int(DIGIT_RUN.search(t).group()) if indent >= FOOT_INDENT and PAGE_NUMBER.match(t) else None
             for indent, t in rows]

    def candidate(i: int) -> bool:
        indent, t = rows[i]
        return (indent >= FOOT_INDENT and counts[keys[i]] >= 2 and len(t.split()) <= 16
                and not ends_sentence(t) and not t.endswith(":"))

    feet: dict = defaultdict(list)  # key -> (page number, the foot's other lines) of each foot it stands in
    i = 0
    while i < len(rows):
        j = i
        while j < len(rows) and (pages[j] is not None or candidate(j)):
            j += 1
        numbers = [k for k in range(i, j) if pages[k] is not None]
        if 0 < j - i <= PAGE_FOOT_LINES and len(numbers) == 1 and numbers[0] in (i, j - 1):
            signature = tuple(keys[k] for k in range(i, j) if k != numbers[0])
            for k in set(signature):
                feet[k].append((pages[numbers[0]], signature))
        i = max(j, i + 1)
    return {k for k, fs in feet.items()
            if k not in running and len(fs) >= 2 and len({s for _, s in fs}) == 1 and fs[0][1].count(k) == 1
            and all(a[0] < b[0] for a, b in zip(fs, fs[1:]))}


# a page's foot laid out on one line: its number and, a wide gap away, the rest ("Congressional
# Research Service        2", "4        Kikai Strait Institute")
FOOT_GAP = re.compile(r"^(?P<head>.*?\S)\s{3,}(?P<tail>\S.*)$")
GAP = re.compile(r"\s{3,}")
WEB_ADDRESS = re.compile(r"(?i)^(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}(?:/\S*)?$")


def publisher_foot(text: str, publisher: str | None) -> bool:
    """A page's foot seen once: the page's number and, a wide gap away, the publisher's whole name
    (the catalogue's) or its first words of two or more with its web address beside them, "·" or
    "|" between ("Kuroshio Forum · kuroshioforum.org        — 13 —"). A table's row holds more than
    the name, or its first words alone ("Ministry of Defense        60" under "Ministry of Defense
    of Japan"); a sentence no gap."""
    m = FOOT_GAP.match(text.strip()) if publisher and len(text) <= 200 else None
    if not m:
        return False
    head, tail = m.group("head").strip(), m.group("tail").strip()
    if PAGE_NUMBER.match(tail):
        rest = head
    elif PAGE_NUMBER.match(head):
        rest = tail
    else:
        return False
    name = fold(publisher).split()
    parts = [p.strip() for p in re.split(r"\s+[·|•]\s+", rest) if p.strip()]
    whole = first_words = web = False
    for part in parts:
        words = fold(part).split()
        if words == name:
            whole = True
        elif len(words) >= min(2, len(name)) and words == name[:len(words)]:
            first_words = True
        elif WEB_ADDRESS.match(part):
            web = True
        else:
            return False
    return whole or (first_words and web)


# a table's cell of a number: "12", "60 %", "1,250", "3.5", "$40"
NUMBER_CELL = re.compile(r"^[$€£¥]?\d[\d.,]*\s*%?$")


def page_foot_once(blocks: list, index: int, publisher: str | None) -> bool:
    """Whether a one-line block is a page's foot seen once (publisher_foot) and no table's row."""
    block = blocks[index]
    return block.single_line and publisher_foot(block.text, publisher) and not table_row_beside(blocks, index)


def table_row_beside(blocks: list, index: int) -> bool:
    """Whether the line before or after a block is a row of its shape, its columns a wide gap apart
    as many as the block's and a number where the block has its number: the block is a table's row
    among its rows, not a page's foot (a running header below it, "Title        March 2024", holds
    a date where a row would hold a number)."""
    cells = GAP.split(blocks[index].text.strip())
    at = 0 if PAGE_NUMBER.match(cells[0]) else -1
    return any(len(near) == len(cells) and (NUMBER_CELL.match(near[at]) or PAGE_NUMBER.match(near[at]))
               for near in (GAP.split(line) for line in neighbour_lines(blocks, index)))


# where a running header's parts meet: "Title — Briefing Paper No. 12", "Institute | Title"
HEADER_PARTS = re.compile(r"\s+[—–|·•]\s+|\s*[|·•]\s*|\s{2,}")


def part_counts(lines: list[str], title: str | None) -> dict:
    """For each part of a line (the text between a header's separators, numbers folded), how many
    lines hold it; the catalogue's title and its parts (before and after a colon) count as a line.
    Under ``LINKED``: the title's parts and the parts of the lines that hold one of them."""
    counts: dict = defaultdict(int)
    sources = list(lines)
    titles = {line_key(t) for t in [title] + re.split(r":\s+", title)} if title else set()
    if title:
        sources.append(" | ".join([title] + re.split(r":\s+", title)))
    linked = set(titles)  # the title's parts and the parts of the lines that hold one
    groups = []  # the parts of each line of two parts or more
    for line in sources:
        # a header is short and ends no sentence: a long line or a sentence holds no part of one
        if len(line) <= 200 and line.rstrip()[-1:] not in ".!?":
            keys = {line_key(p) for p in HEADER_PARTS.split(line.strip()) if p.strip()}
            for key in keys:
                counts[key] += 1
            if len(keys) >= 2:
                groups.append(keys)
    # ...and, link by link, the parts of the lines that hold a linked part: "<Title> | Working
    # Paper 2" links "Working Paper #", and "INSTITUTE   Working Paper 2" then links the
    # institute's name, which the foot of another page prints beside its number
    # (a walk from the title's parts over an index of the lines that hold each part: every line is
    # read once, however long the chain)
    holding = defaultdict(list)
    for g, keys in enumerate(groups):
        for key in keys:
            holding[key].append(g)
    todo, done = list(linked), set()
    while todo:
        for g in holding.pop(todo.pop(), ()):
            if g not in done:
                done.add(g)
                todo.extend(groups[g] - linked)
                linked |= groups[g]
    counts[LINKED] = frozenset(linked)
    return counts


LINKED = "\0linked"  # part_counts' entry for the parts that go with the title in a header


def repeated_parts(text: str, counts: dict, header: bool = False) -> bool:
    """A running header made of parts that each recur on another line of the document (its title,
    the masthead, another page's header): "<Title> — Briefing Paper No. 12" under a first page
    headed "INSTITUTE | Briefing Paper No. 12". Repetition is the evidence, and one part at least
    must go with the title (be one of its parts, or stand beside one in another line). Between the title and
    the first paragraph (``header``), one recurring part of two words or more is enough: "Institute
    — Working Paper 3" on the first page, "<Title> — Institute" on the next."""
    t = text.strip()
    if not 2 <= len(t.split()) <= 16 or ends_sentence(t):
        return False
    parts = [p for p in HEADER_PARTS.split(t) if p.strip()]
    if len(parts) < 2 or not any(line_key(p) in counts.get(LINKED, ()) for p in parts):
        return False  # a header goes with the title: headings whose parts recur ("Korea — Bases") are no header
    recur = [counts.get(line_key(p), 0) >= 2 for p in parts]
    return all(recur) or (header and any(r and len(p.split()) >= 2 for r, p in zip(recur, parts)))


def byline_names(text: str) -> list[str]:
    """The names in a byline ("By Ana Lee and Ben Ito, Staff Writers" "Ana Lee", "Ben Ito")."""
    text = re.sub(r"^(?:by|posted by)\s+", "", text.strip(), flags=re.I)
    return [p for p in re.split(r",\s*|\s+and\s+|\s*&\s*|\s*[|·]\s*", text)
            if re.fullmatch(rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}}", latin(p))]


def boilerplate_rule(block: Block) -> tuple[str, bool] | None:
    text = block.text.strip()
    for rule, pattern, ends_article in BOILERPLATE_RULES:
        if pattern.match(text):
            return rule, ends_article
    if block.single_line:
        for rule, test, ends_article in RULE_TESTS:
            if test(text):
                return rule, ends_article
    return None


def _next_rule(blocks: list, index: int) -> str | None:
    nxt = blocks[index + 1] if index + 1 < len(blocks) else None
    rule = boilerplate_rule(nxt) if nxt is not None and nxt.single_line else None
    return rule[0] if rule else None


def find_title(blocks: list, title: str | None) -> tuple[int | None, int]:
    """Where the catalogue's title is: ``(index of its first block, number of blocks)``. The first
    block equal to the title; else two single lines that make it up, a title and its subtitle
    set apart ("Closing the Gap" / "Japan's Law and the Alliance" for "Closing the Gap: Japan's
    Law and the Alliance"), compared on their letters and digits only."""
    if not title:
        return None, 1
    folded = fold(title)
    for k, b in enumerate(blocks):
        if fold(b.text) == folded:
            return k, 1
    letters = _letters(title)
    keys = [_letters(b.text) if b.single_line else None for b in blocks]
    for k in range(len(blocks) - 1):
        a, b = keys[k], keys[k + 1]
        if a is not None and b is not None and len(a) >= 4 and letters == a + b:
            return k, 2
    return None, 1


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", fold(text))


def looks_like_heading(block: Block, spoken: bool = False) -> bool:
    """Whether a block reads as a heading; in a transcript (``spoken``: :func:`spoken_text`) a
    line that opens with a speaker's label is a turn, not a heading ("QUESTION: And the pier —");
    elsewhere "DEFENSE MINISTER: THE YEAR AHEAD" and "Question: What comes next" head sections."""
    if not block.single_line:
        return False
    text = block.text.strip()
    if REFERENCE_HEADING.match(text) or ENDNOTES_HEADING.match(text):
        return True  # "Notes:", "References:" head their lists
    words = text.split()
    if not 1 <= len(words) <= 14 or len(text) > 120:
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False
    if URL.search(text) or FOOTNOTE_START.match(text):
        return False
    if text[-1] in ".,;:!?\"”'’*†‡§‖¶" + SUPERSCRIPTS or BRACKET_MARKER_END.search(text) \
            or CONNECTOR_END.search(text):
        return False
    if spoken and speaker_line(text):
        return False  # "QUESTION: And the second point about the pier —": a transcript's turn, cut off
    return not text.isdigit()


def spoken_text(text: str) -> bool:
    """Whether a document's text is a transcript (:func:`.extract.quotations.transcript`)."""
    from .extract.quotations import speaker_labels, transcript  # (the extract package reads segment's rows)

    return transcript(speaker_labels(text))


def speaker_line(text: str) -> bool:
    """A line that opens with a transcript's speaker label and goes on in words: a reporter's, a
    moderator's ("STAFF: Next Question From the Back Row") or, in words that are not a title's, a named
    speaker's after an honorific ("MR. MORI: On the second point —"). Not a heading's "Name: subtitle"
    ("Secretary Hegseth: A New Era for the Alliance", "Prime Minister Ishiba: a year in office"): a
    name after a title alone is a label's only where the text uses it elsewhere
    (:func:`.extract.quotations.speaker_labels`), which a line alone cannot show."""
    from .extract.quotations import line_labels  # (the extract package reads segment's rows)

    labels = line_labels(text)
    return bool(labels) and labels[0].start == 0 and labels[0].text_start < len(text) \
        and (labels[0].kind != "named" or not title_case(text[labels[0].text_start:]))


def looks_like_byline(block: Block) -> bool:
    return block.single_line and bool(PERSON_NAME.match(block.text.strip()))


def prose_line(text: str) -> bool:
    """A sentence of a dozen words or more, a credit after it left out (a caption over the
    headline: "... at Malacañang. Photo: Harbor Daily"), not a site's name or menu."""
    text = CREDIT_AFTER.sub("", text.strip())
    return ends_sentence(text) and len(text.split()) >= 12


def dateline_line(text: str) -> bool:
    """A place in capitals alone on a line, as a dateline is printed ("SEOUL", "WASHINGTON,
    D.C.", "MANILA, Philippines"): a town, region or country the gazetteer knows."""
    from . import gazetteer

    head = text.strip().split(",")[0].strip()
    return len(text) <= 40 and len(head) >= 3 and is_all_caps(head) and DATELINE.match(head + " — X") is not None \
        and gazetteer.lookup(head.title()) is not None


def is_all_caps(text: str) -> bool:
    """At least three letters, every one in capitals (read up to the first that is not: a
    document's whole text is asked, and not copied into a list of its letters)."""
    letters = 0
    for c in text:
        if c.isalpha():
            if not c.isupper():
                return False
            letters += 1
    return letters >= 3


def parse_figure(block: Block, publisher: str | None):
    """Return a figure dict if the block is a figure caption/credit/link, else None."""
    text = block.text
    lines = block.lines
    m = FIGURE_LABEL.match(text)
    if m and block.single_line:
        rest = m.group("rest").strip()
        url = None
        um = re.match(r"^<?(https?://\S+?)>?\.?$", rest)
        if um:
            url, rest = um.group(1), ""
        return {"label": m.group("label"), "caption": rest or None, "credit": None, "url": url, "alt": None}
    tail = CREDIT_TAIL.search(lines[-1])
    if tail and (len(lines) > 1 or len(text.split()) <= 40):
        caption = lines[-1][: tail.start()].strip()
        alt = "\n".join(lines[:-1]).strip() or None
        return {"label": None, "caption": caption or None, "credit": tail.group("credit").strip(),
                "url": None, "alt": alt}
    if len(lines) == 2:
        first = lines[0].strip()
        is_credit = CREDIT_LINE.match(first) or (
            publisher and fold(first) == fold(publisher))
        if is_credit and len(first.split()) <= 8 and not ends_sentence(first):
            return {"label": None, "caption": lines[1].strip(), "credit": first, "url": None, "alt": None}
    return None


# --- the segmenter --------------------------------------------------------------------------------

def segment(doc) -> Segmentation:
    """Segment one :class:`~alliance_record.ingest.Document`."""
    text = doc.text
    meta = doc.meta or {}
    title = meta.get("title")
    publisher = meta.get("publisher")
    seg = Segmentation(document_id=doc.id)
    blocks = split_blocks(text, title)
    spoken = spoken_text(text)

    headings = []          # dicts: start, end, heading, level, author..., toc
    paras: list[tuple[Multi, int]] = []  # (pieces, heading index at start)
    notes: list[Note] = []
    figures = []
    toc_titles: list[str] = []
    in_toc = False
    in_footer = False
    footer_rule = FOOTER_RULE
    # whether the footer holds the readers' comments (prose that is not the article's): a comments
    # line inside a footer already open (under the copyright), not one that opens it (a "Join the
    # conversation" link under the first paragraph, with the article below it)
    footer_comments = False
    plain_read: set[str] = set()  # the numbers of the notes read in plain digits (each read once)
    seen_body = False
    cover_lines: set[str] = set()
    title_seen = False
    open_para: Multi | None = None
    interrupted = False
    prev_kind = None

    @functools.lru_cache(maxsize=1)
    def cited():  # the labels the text cites, read once and only for a document that needs them
        return first_citations(text)

    @functools.lru_cache(maxsize=1)
    def plain_citations():  # where the text first cites each note number in plain glued digits
        out: dict = {}
        highest = None
        for m in plain_markers(text):
            number = int(m.group(1))
            if m.re is PLAIN_MARKER or in_notes_order(number, out, highest):
                # after a bracket ("(in Tokyo).3"), only a number in the notes' order
                out.setdefault(number, m.start())
                highest = number if highest is None else max(highest, number)
        return out

    @functools.lru_cache(maxsize=None)
    def citation_ends(mark):  # where the text cites a symbol ("Agreements.* The"), found once a symbol
        return symbol_citation_ends(text, mark)

    symbol_notes: defaultdict = defaultdict(int)  # how many notes each symbol has opened so far
    # the notes that may still be open, oldest first: every note read, and the newest again when a
    # URL's tail reopens it; one found closed leaves for good (only the newest note is reopened:
    # a note's ``open`` set True anywhere else must go through may_be_open(k), or this stack
    # would answer an older note; review8_whole 6)
    open_stack: list[int] = []
    stacked = 0  # how many of the notes are on it already

    def may_be_open(k: int | None = None):
        nonlocal stacked
        open_stack.extend(range(stacked, len(notes)))
        stacked = len(notes)
        if k is not None:
            open_stack.append(k)

    def newest_open():
        """The newest note still open (as the last of a list of every note open, read at each
        block, which was quadratic: 16,000 notes each after its paragraph 3.8 s, 32,000 12.5 s)."""
        may_be_open()
        while open_stack and not notes[open_stack[-1]].open:
            open_stack.pop()
        return notes[open_stack[-1]] if open_stack else None

    @functools.lru_cache(maxsize=1)
    def blank_starts():  # where a blank line may start: every newline followed by one
        return [m.start() for m in BLANK_LINE_START.finditer(text)]

    def blank_between(a: int, b: int) -> bool:
        """Whether a blank line lies in text[a:b] (as BLANK_LINE.search(text, a, b)), by bisection:
        a note followed by thousands of lines is not searched again for each of them. The end of
        a blank line starting later is never earlier, so the first start after ``a`` decides."""
        starts = blank_starts()
        k = bisect.bisect_left(starts, a)
        return k < len(starts) and BLANK_LINE.match(text, starts[k], b) is not None

    @functools.lru_cache(maxsize=1)
    def last_citation():  # where the text last cites a bracketed label ("...2024.[vi]"), -1 if nowhere
        return max((m.start() for m in CITED_LABEL.finditer(text)), default=-1)

    def closing_numerals(block, index):
        """Whether a block opening with a numeral and a stop ("ii. Ministry ...") is the next entry
        of the notes' list at the document's end (review 9, finding 3): below every citation, the
        very next note (the list opens at "i."), not introduced by a line ending with a colon
        ("Three steps would help:"), and no later line opening with the same label ("[ii]" or
        "ii."), as the notes under a heading below a closing list of the body's own would."""
        m = ENDNOTE_START.match(block.text)
        last = notes[-1].number if notes and notes[-1].endnote else 0
        if last_citation() > block.start or label_number(m, last) != last + 1:
            return False
        if prev_kind != "note" and index and blocks[index - 1].text.rstrip().endswith(":"):
            return False
        label = re.escape(m.group(5))
        return re.search(rf"(?m)^[ \t]*(?:\[{label}\]|{label}\.)\s", text[block.end:]) is None

    @functools.lru_cache(maxsize=1)
    def first_marker():  # where the text first cites a note (a superscript, a bracketed label)
        sup = re.search(rf"[\w.,;:!?)”\"’'][{SUPERSCRIPTS}]", text)
        return min([sup.start() if sup else len(text)] + list(cited().values()))

    @functools.lru_cache(maxsize=1)
    def clutter_tail():  # where the blocks start that are all clutter to the end (read back from it)
        # (clutter: a boilerplate rule's, a repeated line, a page's foot seen once, an author's bio)
        # (a block below a rule that ends the article, "Tags: ...", no prose after it, is the
        # footer's: "Cite this: ..." under the tags)
        footer = next((j for j in range(len(blocks)) if prose_from()[j] == 0
                       and (boilerplate_rule(blocks[j]) or (None, False))[1]), len(blocks))
        k = len(blocks)
        while k > 0 and (k - 1 > footer or boilerplate_rule(blocks[k - 1]) or line_key(blocks[k - 1].text) in repeated
                         or page_foot_once(blocks, k - 1, publisher) or author_bio(blocks[k - 1].text, bio_names)):
            k -= 1
        return k

    def article_prose(block) -> bool:
        """A paragraph of the article's prose: a sentence of a dozen words or more that no
        clutter rule takes."""
        btext = block.text.strip()
        return len(btext.split()) >= 12 and ends_sentence(btext) and boilerplate_rule(block) is None

    @functools.lru_cache(maxsize=1)
    def prose_from():  # prose_from()[k]: how many paragraphs of prose start at block k or later
        counts = [0] * (len(blocks) + 1)
        for k in range(len(blocks) - 1, -1, -1):
            counts[k] = counts[k + 1] + article_prose(blocks[k])
        return counts

    def is_prose(k: int) -> bool:  # whether block k is prose (read off prose_from, not tested again)
        return k < len(blocks) and prose_from()[k] > prose_from()[k + 1]

    def add_boilerplate(block, rule):
        seg.boilerplate.append({"start": block.start, "end": block.end, "text": block.text, "rule": rule})

    title_at, title_blocks = find_title(blocks, title)
    repeated = running_lines([b.text for b in blocks if b.single_line], text.split("\n"))
    parts_seen = part_counts([b.text for b in blocks if b.single_line], title)
    authors = [str(a) for a in meta.get("authors") or [] if str(a).strip()]
    bio_names = list(authors)  # the catalogue's authors and the names of the bylines read
    bio_starts = bio_initials(bio_names)  # the letters a bio may open with (cheap to test first)

    # whether prose (a block ending a sentence) follows each block: a language's name alone on a line
    # is a switcher above the text or below it, a heading in it ("English" / "Japanese" versions)
    prose_after = [False] * (len(blocks) + 1)
    for k in range(len(blocks) - 1, -1, -1):
        prose_after[k] = prose_after[k + 1] or (not blocks[k].single_line or ends_sentence(blocks[k].text))
    # ...unless two or more such names head parts of the text below the title: its versions
    language_heads = sum(1 for k, b in enumerate(blocks) if (title_at is None or k > title_at) and b.single_line
                         and prose_after[k + 1] and len(b.text) <= 40 and language_items(b.text) == 1)

    prev_rule = None  # the boilerplate rule of the block before, if it was furniture
    related_heading = False  # the block before is a list's heading that ends nothing, or a headline under it
    dek_byline_seen = False  # the authors' names are set aside once above the first paragraph of prose
    for index, block in enumerate(blocks):
        btext = block.text
        if prev_kind != "boilerplate":
            prev_rule = None
        after_related, related_heading = related_heading, False

        if in_footer and block.single_line and (REFERENCE_HEADING.match(btext.strip())
                                                or ENDNOTES_HEADING.match(btext.strip())):
            in_footer, footer_rule = False, FOOTER_RULE  # "See also" ends where the notes begin
        if in_footer and not footer_comments and prose_from()[index] >= 2 and (
                is_prose(index) or (looks_like_heading(block, spoken) and boilerplate_rule(block) is None
                                    and is_prose(index + 1))):
            # the article goes on below a prompt, a credit or a list of other pages set in its
            # middle ("Related: <headline>", "Subscribe to ...", "Back to top", "© Reuters"): two
            # paragraphs of prose or more (or a heading over them) are not the site's footer, whose
            # "about us" runs to one at most -- unless they follow the comments' heading
            in_footer, footer_rule = False, FOOTER_RULE
        if in_footer:
            rule = boilerplate_rule(block)
            add_boilerplate(block, rule[0] if rule else footer_rule)
            # a new part of the footer: another list, or the site's own lines
            if rule and rule[1] and rule[0] not in PASSING_RULES:
                footer_rule = rule[0] if rule[0] in LIST_RULES else FOOTER_RULE
                footer_comments = footer_comments or rule[0] in COMMENT_RULES
            continue

        if (notes or (headings and REFERENCE_HEADING.match(headings[-1]["heading"].strip()))) \
                and btext[:1] in bio_starts and author_bio(btext, bio_names) and index >= clutter_tail():
            # who the authors are, at the very end after the notes or the references (nothing but
            # clutter below): the page's author box, not the article (a closing line about the
            # writer in the body stays: an author note)
            add_boilerplate(block, AUTHOR_BIO_RULE)
            interrupted = True
            prev_kind = "boilerplate"
            continue

        sm = SYMBOL_NOTE_START.match(btext) if block.marker_start is None else None
        mark = sm.group(1) if sm else (text[block.marker_start:block.start].strip()
                                       if block.marker_start is not None else None)
        if mark and re.fullmatch(SYMBOL_MARK, mark) and symbol_notes[mark] < symbol_citations(
                text, mark, block.marker_start if block.marker_start is not None else block.start,
                citation_ends(mark)):
            # a note marked with a symbol ("* Ministry of ...", "† John Bolton, ..."): one body for
            # each time the text above cites that symbol (they restart on every page), so a "*"
            # list after them stays a list
            body_start = block.start + (sm.end() if sm else 0)
            note = Note(number=symbol_number(mark), marker=mark, body=Multi([Piece(body_start, block.end)]))
            note.open = note_is_open(btext)
            notes.append(note)
            symbol_notes[mark] += 1
            interrupted = True
            prev_kind = "note"
            continue

        fm = FOOTNOTE_START.match(btext)
        pm = PLAIN_NOTE_START.match(btext) if not fm and block.marker_start is None else None
        if pm and page_foot_once(blocks, index, publisher):
            pm = None  # "4        Kikai Strait Institute": the page's foot, not note 4
        if pm and plain_citations().get(int(pm.group(1)), len(text)) < block.start \
                and pm.group(1) not in plain_read:
            fm = pm  # a note at a page's foot whose number the text above cites in plain digits
            plain_read.add(pm.group(1))
        if fm:
            marker = fm.group(1)
            body_start = block.start + fm.end()
            note = Note(number=int(marker.translate(SUPERSCRIPT_TO_DIGIT)), marker=marker,
                        body=Multi([Piece(body_start, block.end)]))
            note.open = note_is_open(btext)
            notes.append(note)
            interrupted = True
            prev_kind = "note"
            continue

        caret = block.marker_start is not None and text[block.marker_start] == "^"
        in_endnotes = bool(headings) and (
            (ENDNOTES_HEADING.match(headings[-1]["heading"].strip())
             # "Notes:" heads notes only where the text above cites some ("...2025.¹", "...2025.[1]")
             and (not headings[-1]["heading"].strip().endswith(":") or first_marker() < block.start))
            # a References list whose entries carry the labels the text cites with ("[a]")
            or (REFERENCE_HEADING.match(headings[-1]["heading"].strip())
                and (cited_label(btext, cited(), block.start)
                     # a wiki's notes: "^ ..." entries for the "[1]" labels the text cites
                     or (caret and cited().get("[1]", block.start) < block.start))))
        if not in_endnotes and paras and block.marker_start is None and next_note_label(btext, notes) \
                and cited_label(btext, cited(), block.start) \
                and (btext.startswith(("[", "(")) or closing_numerals(block, index)):
            # a list of notes under no heading or one no list of words holds ("Sources and
            # comments"): each entry opens with the label the text above cites in brackets ("...in
            # 2025.[1]" / "[1] The White House, ...", "...in 2025.[ii]" / "ii. Ministry of ..."), in
            # the notes' order
            in_endnotes = True
        en = endnote_start(block, notes[-1].number if notes and notes[-1].endnote else 0, caret) \
            if in_endnotes else None
        if en and en[1].startswith("(") and not cited_label(btext, cited(), block.start):
            en = None  # "(1) ..." is a note only where the text above cites "(1)" glued: else an item
        last_endnote = notes[-1] if notes and notes[-1].endnote \
            and not blank_between(notes[-1].body.end, block.start) else None
        if en and notes and notes[-1].endnote and not same_scheme(en[1], notes[-1].marker) \
                and (last_endnote or not en[1].startswith("[")):
            # "v. Wade" or "ii. and annex B" under note 4 (a block of its own after a page
            # break): no note 5 but the rest of a line; a list in brackets ("[a]") may follow one
            # in digits after a blank line, as before numerals were labels
            en = None
        if en and en[0] > FIRST_NOTE_MAX and not (notes and notes[-1].endnote
                                                  and next_in_list(en[0], notes[-1].number)):
            en = None  # "2020. ..." opens no note unless note 2019 (or up to two before) was read
        if en and last_endnote and not next_in_list(en[0], last_endnote.number):
            # "45. Harbor Press, 2021." under "1. ... pp. 10–": a wrapped line, not entry 45
            line_start = text.rfind("\n", 0, block.start) + 1
            while text[line_start].isspace():
                line_start += 1
            last_endnote.body.pieces.append(Piece(line_start, block.end, " "))
            continue
        if en:
            for number, marker, body_start, body_end in endnote_entries(block, text, en):
                note = Note(number=number, marker=marker, body=Multi([Piece(body_start, body_end)]),
                            endnote=True)
                note.open = False  # an endnote section is not interrupted by page furniture
                notes.append(note)
            interrupted = True
            prev_kind = "note"
            continue
        if in_endnotes and prev_kind == "note" and last_endnote and not looks_like_heading(block, spoken):
            # A wrapped entry whose lines were cut into blocks of their own ("...Power." /
            # "Harbor Press, 2021."): no blank line, so it continues the entry above.
            notes[-1].body.pieces.append(Piece(block.start, block.end, " "))
            continue

        if block.marker_start is not None:  # the bullet or number of a list item, left out of it
            marker = text[block.marker_start:block.start].rstrip()
            seg.boilerplate.append({"start": block.marker_start, "end": block.marker_start + len(marker),
                                    "text": marker, "rule": LIST_MARKER_RULE})

        rule = boilerplate_rule(block)
        if rule and rule[0] == "share-prompt" and block.single_line and icon_row(btext) and table_rows(blocks, index):
            rule = None  # a table's row of marks among its siblings, not a row of buttons
        if rule and in_toc and rule[0] == "page-number":
            rule = None  # a page number in a table of contents is part of the table
        if rule is None and block.single_line and index != title_at and (
                line_key(btext) in repeated or repeated_parts(btext, parts_seen, title_seen and not paras)):
            rule = (RUNNING_HEADER_RULE, False)
        if rule is None and page_foot_once(blocks, index, publisher):
            rule = (RUNNING_HEADER_RULE, False)  # the page's foot: the publisher's name and the page number
        if rule is None and block.single_line and (not prose_after[index + 1] or (not paras and language_heads < 2)) \
                and language_items(btext) == 1:
            rule = ("language-switch", False)
        if rule is None and after_related and block.single_line and len(btext) <= 120 \
                and not ends_sentence(btext) and not names_line(btext, []):
            rule = ("related-articles", False)  # a headline under "Related Information" (it ends no sentence)
        if rule is None and block.single_line and paras and prose_from()[index] == 0 and RELATED_WORD.match(btext) \
                and index + 1 < len(blocks) and headline_link(blocks[index + 1]):
            # "Related Editorials" where the article has ended, over headlines (test12): the page's list
            rule = ("related-articles", False)
        related_heading = bool(rule) and rule[0] == "related-articles" and not rule[1]
        if rule is None and block.single_line and (prev_kind == "title-byline" or (
                prev_kind == "title" and prose_from()[0] == prose_from()[index])) \
                and not re.match(r"(?i)by\s", btext) and date_row(btext, publisher):
            # the page's date row right under the headline, or under the byline right under it
            # (below a dek of a sentence: test10), above the first paragraph ("By <name> | <date>"
            # is the byline's)
            rule = ("date-row", False)
        neighbour = False
        if rule is None and block.single_line and furniture_words(btext) and (
                prev_rule == "share-prompt" or _next_rule(blocks, index) == "share-prompt"):
            rule = ("share-prompt", False)  # "Post", "Copy link" in a share bar of one item a line
            neighbour = True
        if rule is None and title_at is not None and index < title_at and block.single_line \
                and not is_all_caps(btext) and not prose_line(btext):
            rule = (MASTHEAD_RULE, False)  # above the headline: the site's name, menu, kicker
        if rule is None and prev_kind in ("title", "title-byline") and block.single_line:
            # the author under the headline, and the line saying who they are
            if prev_kind == "title" and (names_line(btext, []) or names_with_roles(btext, [])):
                rule = (BYLINE_RULE, False)
            elif prev_kind == "title-byline" and AFFILIATION.search(btext) and not ends_sentence(btext):
                rule = (AFFILIATION_RULE, False)
        if rule is None and title_seen and authors and block.single_line and not dek_byline_seen \
                and prose_from()[0] == prose_from()[index] and not btext.rstrip().endswith(":") \
                and (names_line(btext, authors) or names_with_roles(btext, authors)) \
                and not any(0 <= k < len(blocks) and names_line(blocks[k].text, []) for k in (index - 1, index + 1)):
            # the authors' names under a subtitle, a kicker or a dek of a line or two, above the
            # article's first paragraph of prose: the first such line only, not a turn's label
            # ("Lena Ortiz:", or the same name over each short turn of an interview) nor one name of
            # a list of names (a participants' list)
            rule = (BYLINE_RULE, False)
            dek_byline_seen = True
        if rule and rule[0] == BYLINE_RULE and re.match(r"(?i)(?:posted\s+)?by\s", btext.lstrip()):
            bio_names += byline_names(btext)  # an explicit byline's names, not any line of names
            bio_starts = bio_initials(bio_names)
        if rule and rule[0] == BYLINE_RULE:
            open_para = None  # no paragraph goes on across a byline (a dek above it is whole)
        if rule:
            add_boilerplate(block, rule[0])
            prev_rule = None if neighbour else rule[0]  # a neighbour's label is not passed on
            if rule[1] and not in_footer and prose_from()[0] > prose_from()[index]:
                # what follows a list's heading ("Related:", "Tags:") is that list; what follows a
                # copyright or a subscription prompt is the site's footer -- once the article has
                # begun (a paragraph of its prose above): over its first paragraph such a line
                # ("12 Comments", "Subscribe for full access", "Topics: ...") is the page's header
                footer_rule = rule[0] if rule[0] in LIST_RULES else FOOTER_RULE
                in_footer = True
            interrupted = True
            prev_kind = "title-byline" if rule[0] == BYLINE_RULE else "boilerplate"
            continue

        if title_at is not None and title_at < index < title_at + title_blocks:
            continue  # the title's second line (its subtitle), in the title's span
        if index == title_at or (title and fold(btext) == fold(title)):
            if not title_seen:
                title_seen = True
                seg.title_span = (block.start, blocks[index + title_blocks - 1].end if index == title_at
                                  else block.end)
                prev_kind = "title"
                open_para, interrupted = None, False  # no paragraph goes on across the headline
            else:
                add_boilerplate(block, DUPLICATE_TITLE_RULE)
                prev_kind = "boilerplate"
            continue

        if notes and prev_kind == "note" and block.single_line and URL_FRAGMENT.match(btext) \
                and not WORD_LINE.match(btext):
            last = notes[-1]
            last_text = last.body.text(text)
            broken_url = not URL.match(btext) and "://" in last_text.split()[-1]
            last.body.pieces.append(Piece(block.start, block.end, "" if broken_url else " "))
            last.open = note_is_open(btext)
            may_be_open(len(notes) - 1)  # (it may have been closed when last asked)
            interrupted = True
            continue

        last = newest_open()
        if last is not None and CITATION_LIKE.search(btext) and not looks_like_heading(block, spoken):
            last.body.pieces.append(Piece(block.start, block.end, " "))
            last.open = note_is_open(btext)
            interrupted = True
            prev_kind = "note"
            continue

        fig = parse_figure(block, publisher)
        if fig:
            fig.update(start=block.start, end=block.end, text=btext)
            figures.append(fig)
            interrupted = True
            prev_kind = "figure"
            continue

        if TOC_HEADING.match(btext.strip()) and not seen_body:
            headings.append(dict(start=block.start, end=block.end, heading=btext, level=1, toc=True))
            in_toc = True
            prev_kind = "heading"
            continue
        if in_toc:
            if fold(btext) in {fold(t) for t in toc_titles}:
                in_toc = False
            else:
                add_boilerplate(block, TOC_RULE)
                if not btext.strip().isdigit():
                    toc_titles.append(btext)
                continue

        if block.single_line and dateline_line(btext) and prose_from()[0] == prose_from()[index] \
                and is_prose(index + 1):
            # a dateline on a line of its own over the first paragraph ("TOKYO", "MANILA, Philippines")
            add_boilerplate(block, DATELINE_RULE)
            prev_kind = "boilerplate"
            continue

        if not seen_body and (is_all_caps(btext) or any(fold(line) in cover_lines for line in block.lines)):
            add_boilerplate(block, COVER_RULE)
            cover_lines.update(fold(line) for line in block.lines)
            prev_kind = "boilerplate"
            continue

        if prev_kind == "heading" and headings and looks_like_byline(block) and headings[-1]["level"] <= 1 \
                and not headings[-1].get("toc"):
            h = headings[-1]
            h.update(author=btext.strip(), author_start=block.start, author_end=block.end)
            prev_kind = "byline"
            continue
        if prev_kind == "byline" and block.single_line and AFFILIATION.search(btext) \
                and not ends_sentence(btext):
            headings[-1].update(affiliation=btext.strip(), affiliation_start=block.start,
                                affiliation_end=block.end)
            prev_kind = "affiliation"
            continue

        continuation = open_para is not None and interrupted
        if looks_like_heading(block, spoken) and not (continuation and btext[0].islower()):
            folded = fold(btext)
            if toc_titles and folded in {fold(t) for t in toc_titles}:
                level = 1
            elif BACK_MATTER.search(btext) and not REFERENCE_HEADING.match(btext.strip()):
                level = 1
            else:
                level = 2 if toc_titles else 1
            headings.append(dict(start=block.start, end=block.end, heading=btext, level=level))
            open_para, interrupted = None, False
            seen_body = True
            prev_kind = "heading"
            continue

        # Body text.
        dl = DATELINE.match(btext) if not paras or open_para is None else None
        if dl and block.end - block.start - dl.end() > 20:
            prefix = btext[:dl.end()].rstrip()
            seg.boilerplate.append({"start": block.start, "end": block.start + len(prefix), "text": prefix,
                                    "rule": DATELINE_RULE})
            block = Block(block.start + dl.end(), block.end, btext[dl.end():])
            btext = block.text
        seen_body = True
        if continuation:
            open_para.pieces.append(Piece(block.start, block.end, " "))
        else:
            open_para = Multi([Piece(block.start, block.end)])
            paras.append((open_para, len(headings) - 1))
        if ends_sentence(btext) or block.marker_start is not None:
            open_para = None  # a list item is whole: what follows a break is not its rest
        interrupted = False
        prev_kind = "body"

    if notes and first_marker() == len(text):
        # numbered notes under a Notes heading ("1. Ministry ...") that the text above cites in plain
        # digits ("...a gesture.1 Eight months later"): their markers end sentences as well
        plain_read |= {str(n.number) for n in notes if n.endnote and n.marker[:1].isdigit()
                       and plain_citations().get(n.number, len(text)) < n.body.start}
    _assemble(doc, seg, headings, paras, notes, figures, toc_titles, plain_read)
    return seg


# A sentence row: a long document has hundreds of thousands (see schema.Row).
sentence_row = row_type("sentences")
_SENTENCE_FIELDS = operator.attrgetter("paragraph_id", "start", "end", "id", "text")  # of a sentence_row
_SENTENCE_ITEMS = operator.itemgetter("paragraph_id", "start", "end", "id", "text")  # of a dict


def _assemble(doc, seg: Segmentation, headings, paras, notes, figures, toc_titles, plain_notes=frozenset()):
    """Sections, paragraphs and their sentences, figures and notes as rows; ``plain_notes``: the
    numbers of the notes read in plain digits, whose markers end a sentence (see
    :func:`split_after_glued_markers`), as do those of notes labelled in round brackets."""
    text = doc.text
    parens = paren_labels(n.marker for n in notes)
    did = doc.id
    content_end = max([p.end for p, _ in paras] + [h["end"] for h in headings] + [0]) or len(text)

    # Sections: the document itself (ordinal 0), then one per heading. The heading is the title
    # as printed where the text has it (it may differ from the catalogue's in case, quotes or
    # dashes: the row quotes the text), else the catalogue's title, without offsets.
    if seg.title_span:
        root_heading = text[seg.title_span[0]:seg.title_span[1]]
    else:
        root_heading = doc.meta.get("title") if doc.meta else None
    seg.sections.append({
        "id": f"{did}-s00", "document_id": did, "ordinal": 0, "parent_id": None,
        "heading": root_heading,
        "heading_start": seg.title_span[0] if seg.title_span else None,
        "heading_end": seg.title_span[1] if seg.title_span else None,
        "level": 0, "author": None, "author_start": None, "author_end": None, "affiliation": None,
        "affiliation_start": None, "affiliation_end": None, "start": 0, "end": len(text),
    })
    stack = [seg.sections[0]]
    for i, h in enumerate(headings):
        end = content_end
        for later in headings[i + 1:]:
            if later["level"] <= h["level"]:
                end = later["start"]
                break
        while stack and stack[-1]["level"] >= h["level"]:
            stack.pop()
        row = {
            "id": f"{did}-s{i + 1:02d}", "document_id": did, "ordinal": i + 1,
            "parent_id": stack[-1]["id"] if stack else None,
            "heading": h["heading"], "heading_start": h["start"], "heading_end": h["end"],
            "level": h["level"], "author": h.get("author"), "author_start": h.get("author_start"),
            "author_end": h.get("author_end"), "affiliation": h.get("affiliation"),
            "affiliation_start": h.get("affiliation_start"), "affiliation_end": h.get("affiliation_end"),
            "start": h["start"], "end": max(end, h["end"]),
        }
        seg.sections.append(row)
        stack.append(row)

    # Paragraphs and their sentences.
    authors = (doc.meta or {}).get("authors") or []
    for n, (multi, hidx) in enumerate(paras, start=1):
        section = seg.sections[hidx + 1]
        ptext = multi.text(text)
        pid = f"{did}-p{n:03d}"
        kind = "reference" if section["heading"] and REFERENCE_HEADING.match(section["heading"].strip()) else "body"
        if kind == "body" and n == len(paras) and is_author_note(ptext, authors):
            kind = "author-note"
        seg.paragraphs.append({
            "id": pid, "document_id": did, "section_id": section["id"], "ordinal": n, "kind": kind,
            "text": ptext, "start": multi.start, "end": multi.end,
            "spans": json.dumps(multi.spans()) if multi.spans() else None,
        })
        seg.paragraph_pieces[pid] = multi
        if kind == "reference":
            bounds = [(0, len(ptext))]
        else:
            bounds, problem = paragraph_sentence_bounds(ptext)
            if problem:
                seg.problems.append({"id": f"{pid}-problem", "document_id": did, "paragraph_id": pid,
                                     "stage": "segment", "problem": problem})
            if plain_notes or parens:
                bounds = split_after_glued_markers(ptext, bounds, plain_notes, parens)
        one_piece = len(multi.pieces) == 1
        for k, (i, j) in enumerate(bounds, start=1):
            if one_piece:  # the common case, without the Multi of one piece
                piece = multi.pieces[0]
                start, end, spans = piece.start + i, piece.start + j, None
            else:
                sub = Multi(multi.sub(i, j))
                start, end, spans = sub.start, sub.end, json.dumps(sub.spans()) if sub.spans() else None
            seg.sentences.append(sentence_row(
                id=f"{pid}-{k:02d}", document_id=did, paragraph_id=pid, section_id=section["id"],
                ordinal=k, text=ptext[i:j], start=start, end=end, spans=spans))

    for n, fig in enumerate(figures, start=1):
        seg.figures.append({"id": f"{did}-fig{n}", "document_id": did, **fig})
    seen_numbers: dict = {}
    for note in notes:
        seen_numbers[note.number] = seen_numbers.get(note.number, 0) + 1
        repeat = seen_numbers[note.number]
        note.id = f"{did}-fn{note.number:02d}" + (f"-{repeat}" if repeat > 1 else "")
    seg.notes = notes
    seg.toc = toc_titles
    for row in seg.boilerplate:
        row["document_id"] = did
    seg.boilerplate.sort(key=lambda r: r["start"])
    for n, row in enumerate(seg.boilerplate, start=1):
        row["id"] = f"{did}-b{n:02d}"


@dataclass
class Region:
    """A searchable part of a document, with its (joined) text and how to map offsets back."""

    kind: str
    multi: Multi
    text: str
    paragraph_id: str | None = None
    footnote_id: str | None = None
    section_id: str | None = None
    sentences: list | None = None   # [(doc_start, doc_end, sentence_id, sentence_text)]


def regions(doc, seg: "Segmentation") -> list["Region"]:
    """The parts of a document that extractors search, in reading order: headings (the title is
    the level-0 heading), bylines and affiliations, figures, paragraphs and footnote bodies.
    Web furniture is never among them."""
    text = doc.text
    out = []

    def single(kind, start, end, **kw):
        if start is None or end is None or end <= start:
            return
        out.append(Region(kind, Multi([Piece(start, end)]), text[start:end], **kw))

    for s in seg.sections:
        single("title" if s["level"] == 0 else "heading", s["heading_start"], s["heading_end"],
               section_id=s["id"])
        single("byline", s["author_start"], s["author_end"], section_id=s["id"])
        single("affiliation", s.get("affiliation_start"), s.get("affiliation_end"), section_id=s["id"])
    for f in seg.figures:
        single("caption", f["start"], f["end"])
    sentences_by_paragraph = defaultdict(list)
    for s in seg.sentences:
        pid, start, end, sid, stext = (_SENTENCE_FIELDS if type(s) is sentence_row else _SENTENCE_ITEMS)(s)
        sentences_by_paragraph[pid].append((start, end, sid, stext))
    for p in seg.paragraphs:
        multi = seg.paragraph_pieces[p["id"]]
        out.append(Region("reference" if p["kind"] == "reference" else "body", multi, p["text"],
                          paragraph_id=p["id"], section_id=p["section_id"],
                          sentences=sentences_by_paragraph[p["id"]]))
    for note in seg.notes:
        out.append(Region("footnote", note.body, note.body.text(text),
                          footnote_id=note.id))
    return out


def sentence_bounds(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence ranges [i, j) of a paragraph's text, trimmed of surrounding whitespace.

    syntok finds the sentence starts; each sentence runs to the next start, so the ranges cover
    the text exactly whatever syntok does to token values. Memoised for texts of a paragraph's
    size: footnotes and captions are split again by later stages (a text of a megabyte is split
    once, and its bounds are not kept for the rest of the build).
    """
    if len(text) > MEMO_CHARS:
        return _sentence_bounds(text)
    return _memo_sentence_bounds(text)


# (a paragraph's text longer than this is split by the linear rule instead, LONG_PARAGRAPH; this
# bound is for the other texts split here: footnotes and captions)
MEMO_CHARS = 100_000

# A paragraph longer than this is no prose a person wrote (the longest in the seeds and the
# development sets is about 5,000 characters): a text without blank lines, a table flattened into
# one line, a hostile input. syntok's split costs about 2 seconds a megabyte, so such a paragraph
# is split by the linear rule of :func:`alliance_record.extract._text.simple_sentence_bounds`
# instead (a sentence ends at ". ! ? …" before a capital or a digit, not after an abbreviation),
# and the document says so in a ``problems`` row (see :func:`paragraph_sentence_bounds`).
LONG_PARAGRAPH = 100_000


def split_after_glued_markers(text: str, bounds, numbers, parens: frozenset = frozenset()) -> tuple[tuple[int, int], ...]:
    """``bounds`` with a sentence ended after each note marker glued to a stop, in plain digits
    ("...the outer islands.3 Four days later") whose number is one of the document's notes read in
    plain digits (``numbers``): as a superscript or a bracketed marker ends a sentence
    (MARKED_SENTENCE_END), which syntok does not see in plain digits. The marker stays with the
    sentence it closes; the next sentence starts at the next capital. Only a marker after ". ! ?"
    (and a closing quotation mark) ends one: after a comma, a semicolon or a colon the sentence
    goes on ("the Ministry of Defense,4 Japan will"). So does a note's label in round brackets
    (``parens``: "(2)", "(*2)") glued to a stop ("...defence.(2) Critics"); a "(*1)" after a stop
    and a space ("Taiwan. (*1) Construction") is joined to the sentence before it, which it closes."""
    cuts, joins = [], set()
    found = [m for m in plain_markers(text) if m.group(1) in numbers]
    if parens:
        found = sorted(found + [m for m in PAREN_CITATION.finditer(text) if m.group() in parens],
                       key=lambda m: m.start())
    for m in found:
        before = text[:m.start()].rstrip(" ")
        stop = before[-1:] if before[-1:] not in "”\"’" else before[-2:-1]
        if stop not in ".!?" or not stop:
            continue  # a marker after a comma or a colon ("Defense,4 Japan") ends no sentence
        if len(before) < m.start():
            joins.add(m.start())  # "Taiwan. (*1) Construction": the marker closes the sentence before it
        k = m.end()
        while k < len(text) and text[k].isspace():
            k += 1
        if k < len(text) and (text[k].isupper() or text[k] in "“\"‘("):
            cuts.append(k)
    if not cuts and not joins:
        return tuple(bounds)
    out: list = []
    for i, j in bounds:
        for c in cuts[bisect.bisect_right(cuts, i):bisect.bisect_left(cuts, j)]:
            e = c
            while e > i and text[e - 1].isspace():
                e -= 1
            out.append((i, e))
            i = c
        out.append((i, j))
    merged: list = []
    for i, j in out:
        if i in joins and merged:
            merged[-1] = (merged[-1][0], j)
        else:
            merged.append((i, j))
    return tuple(merged)


def paragraph_sentence_bounds(text: str) -> tuple[tuple[tuple[int, int], ...], str | None]:
    """A paragraph's sentence ranges (:func:`sentence_bounds`) and, for a paragraph over
    :data:`LONG_PARAGRAPH` characters, the problem to record: it was split by the linear rule."""
    if len(text) <= LONG_PARAGRAPH:
        return sentence_bounds(text), None
    from .extract._text import simple_sentence_bounds

    bounds = _bounds_from_starts(text, [i for i, _ in simple_sentence_bounds(text)])
    return bounds, (f"a paragraph of {len(text):,} characters (over {LONG_PARAGRAPH:,}): its "
                    f"{len(bounds):,} sentences split by the linear rule (a stop before a capital or a digit), not by syntok")


def _sentence_bounds(text: str) -> tuple[tuple[int, int], ...]:
    from syntok import segmenter

    starts = []
    for paragraph in segmenter.analyze(text):
        for sentence in paragraph:
            if sentence:
                starts.append(sentence[0].offset)
    return _bounds_from_starts(text, starts)


def _bounds_from_starts(text: str, starts: list) -> tuple[tuple[int, int], ...]:
    """Sentence ranges from their starts (syntok's, or the linear rule's), with the starts no
    splitter finds itself: after a period and footnote markers, at a CJK full stop."""
    # syntok does not end a sentence at a period followed by footnote markers ("Kishida.¹⁰ The",
    # "opposed.⁵ ⁶ The", "strait.[1] The").
    starts.extend(m.end() for m in MARKED_SENTENCE_END.finditer(text))
    starts.extend(m.end() for m in CJK_SENTENCE_END.finditer(text))
    starts = sorted(set(s for s in starts if 0 <= s < len(text)))
    if not starts or starts[0] != _first_non_space(text):
        starts.insert(0, _first_non_space(text))
    out = []
    for k, s in enumerate(starts):
        e = starts[k + 1] if k + 1 < len(starts) else len(text)
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s:
            continue
        if out and TITLE_FRAGMENT.match(text[out[-1][0]:out[-1][1]]):
            out[-1] = (out[-1][0], e)  # "Col. (Retd.)" is not a sentence of its own
        else:
            out.append((s, e))
    return tuple(out)


_memo_sentence_bounds = functools.lru_cache(maxsize=8192)(_sentence_bounds)


def _first_non_space(text: str) -> int:
    for i, ch in enumerate(text):
        if not ch.isspace():
            return i
    return 0
