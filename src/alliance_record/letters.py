"""Letters without their marks: the one fold of accents every comparison key starts from.

Names, titles and places are compared whatever their accents ("Shinjirō" and "Shinjiro",
"Søren"'s "ø" aside): the text is decomposed (NFKD) and its combining marks dropped. Most text
here is ASCII, which NFKD leaves as it is and which holds no combining mark, so it is returned
at once: the keys of 100,000 notes are made without a Unicode pass over each.
"""

from __future__ import annotations

import unicodedata


def without_marks(text: str) -> str:
    """``text`` decomposed (NFKD) with its combining marks taken off: "Ōtsuka" -> "Otsuka"."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))
