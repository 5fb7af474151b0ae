"""Numbers written for people: 1785000000000.0 is "1.785 trillion", 12500.0 is "12,500".

Used by the build (a quantity's ``description``) and by the site (the ``value`` columns), so a
number reads the same everywhere. Short-scale words (million, billion, trillion) as English news
and the seeds write them; up to four significant digits, as the texts give them.
"""

from __future__ import annotations

SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
# Currency words for the codes the texts use most; any other code is written as its code.
CURRENCY_WORDS = {"CNY": "yuan", "JPY": "yen", "USD": "U.S. dollars", "EUR": "euros", "KRW": "won",
                  "TWD": "New Taiwan dollars", "AUD": "Australian dollars", "GBP": "pounds sterling",
                  "PHP": "Philippine pesos", "INR": "rupees"}


def human_number(value) -> str:
    """``value`` as a person writes it: digits grouped by thousands below a million, a scale word
    from a million up (at most four significant digits), no trailing ``.0``."""
    if value is None:
        return ""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    if number != number or number in (float("inf"), float("-inf")):
        return str(value)
    for scale, word in SCALES:
        if abs(number) >= scale:
            scaled = number / scale
            return f"{scaled:.4g} {word}" if abs(scaled) < 1000 else f"{scaled:,.0f} {word}"
    if number == int(number):
        return f"{int(number):,}"
    if abs(number) >= 1:  # 12,345.6: two decimals at most, never an exponent
        return f"{number:,.2f}".rstrip("0").rstrip(".")
    return f"{number:.4g}"


def currency_word(code: str | None) -> str | None:
    """The currency a code names, as a reader says it ("yuan" for CNY); the code itself otherwise."""
    if not code:
        return code
    return CURRENCY_WORDS.get(code, code)
