"""Acquire: a web page or a PDF as plain text, with the metadata its file gives (before ingest).

Documents arrive as web pages and PDFs; the pipeline reads plain text. ``acquire`` turns a
source — a local ``.txt``, ``.html`` or ``.pdf`` file, or an ``http(s)`` URL — into
:class:`Acquired`: the text that becomes the seed file, and what the source says about itself
(title, publisher, authors, date, language, URL), each with where it was read.

* HTML: the main text is extracted by trafilatura (navigation, share bars, comments and other
  page furniture left out), one paragraph per block. Superscript note markers (``<sup>3</sup>``)
  become Unicode superscript digits first, the form the footnote finder reads. The date comes
  from the page's own publication metadata (``article:published_time``, JSON-LD
  ``datePublished``, ``<time datetime>``, a date in the URL's path), and says which.
* PDF: pdfplumber's characters are put back into lines; raised, smaller digits are superscript
  note markers; wrapped lines are joined into paragraphs (by line spacing, indentation and short
  last lines), a word hyphenated across lines is rejoined when the text uses it unhyphenated
  elsewhere, and each page ends with a form feed (``\\f``) so that the segmenter sees the page
  breaks and rejoins a paragraph the break split. Running headers and page numbers stay in the
  text: the segmenter sets them aside as boilerplate, with offsets.
* Plain text is taken as it is (decoded as the seeds are).

Nothing here is final: ``alliance-record add`` drafts a catalogue entry from it, marked
``reviewed: false``.
"""

from __future__ import annotations

import json
import re
import statistics
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError

MAX_BYTES = 25 * 1024 * 1024  # a page or report larger than this is not an article
SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass
class Acquired:
    """A source turned into text: ``meta`` holds what the source says of itself, ``basis`` where
    each of those values was read (for the catalogue's ``*_basis`` and the review list)."""

    text: str
    source: str                      # the path or URL given
    kind: str                        # html | pdf | text
    meta: dict = field(default_factory=dict)   # title, publisher, authors, date, language, url
    basis: dict = field(default_factory=dict)  # key -> where its value came from


# --- reading the source ---------------------------------------------------------------------------

def is_url(source: str) -> bool:
    return urllib.parse.urlsplit(str(source)).scheme in ("http", "https")


def fetch(url: str, timeout: float = 30.0) -> tuple[bytes, str, str]:
    """The bytes of ``url``, its content type and its final URL (after redirects)."""
    request = urllib.request.Request(url, headers={"User-Agent": "alliance-record (dataset build)"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (http/https only)
            data = response.read(MAX_BYTES + 1)
            ctype = response.headers.get_content_type() or ""
            final = response.geturl()
    except OSError as exc:  # URLError, HTTPError and timeouts are all OSErrors
        raise InputError(url, f"cannot fetch: {getattr(exc, 'reason', None) or exc}") from None
    if len(data) > MAX_BYTES:
        raise InputError(url, f"larger than {MAX_BYTES // (1024 * 1024)} MB: not read")
    return data, ctype, final


def acquire(source) -> Acquired:
    """Read ``source`` (a path or an http(s) URL) and extract its text and metadata."""
    source = str(source)
    if is_url(source):
        data, ctype, final = fetch(source)
        suffix = Path(urllib.parse.urlsplit(final).path).suffix.lower()
        if ctype == "application/pdf" or data[:5] == b"%PDF-" or suffix == ".pdf":
            result = from_pdf(data, source)
        elif ctype.startswith("text/plain") or suffix == ".txt":
            result = from_text(data, source)
        else:
            result = from_html(data, source, url=final)
        result.meta.setdefault("url", final)
        return result
    path = Path(source)
    if not path.is_file():
        raise InputError(source, "no such file")
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        raise InputError(source, f"larger than {MAX_BYTES // (1024 * 1024)} MB: not read")
    suffix = path.suffix.lower()
    if suffix == ".pdf" or data[:5] == b"%PDF-":
        return from_pdf(data, source)
    if suffix in (".html", ".htm", ".xhtml"):
        return from_html(data, source)
    if suffix in (".txt", ".text", ""):
        return from_text(data, source)
    raise InputError(source, f"unknown kind of file {suffix!r}", hint="give a .txt, .html or .pdf file, or a URL")


def _no_text(source, kind):
    return InputError(source, f"no text found in this {kind}",
                      hint="a scanned PDF has no text layer; a page built by scripts may need saving as HTML")


# --- plain text -----------------------------------------------------------------------------------

def from_text(data: bytes, source: str) -> Acquired:
    from .ingest import decode_seed

    text = decode_seed(data, source)
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    result = Acquired(text=text, source=source, kind="text")
    if first and len(first) <= 200:
        result.meta["title"], result.basis["title"] = first, "the first line of the text"
    return result


# --- HTML -----------------------------------------------------------------------------------------

SUP = re.compile(r"<sup\b[^>]*>\s*(?:<a\b[^>]*>\s*)?\[?(\d{1,3})\]?\s*(?:</a>\s*)?</sup>", re.I)


def _decode_html(data: bytes) -> str:
    head = data[:4096].decode("ascii", "replace")
    m = re.search(r"""charset=["']?([\w-]+)""", head, re.I)
    for encoding in ([m.group(1)] if m else []) + ["utf-8", "cp1252"]:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", "replace")


def from_html(data: bytes, source: str, url: str | None = None) -> Acquired:
    import trafilatura

    html = _decode_html(data)
    html = SUP.sub(lambda m: m.group(1).translate(SUPERSCRIPT_DIGITS), html)
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=True, include_formatting=False, deduplicate=False)
    found = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    body = found.get("text") or ""
    lines = [" ".join(line.split()) for line in body.split("\n")]
    text = "\n\n".join(line for line in lines if line) + "\n"
    if not text.strip():
        raise _no_text(source, "page")
    result = Acquired(text=text, source=source, kind="html")
    meta, basis = result.meta, result.basis
    if found.get("title"):
        meta["title"], basis["title"] = found["title"].strip(), "the page's title metadata"
    if found.get("sitename"):
        meta["publisher"], basis["publisher"] = found["sitename"].strip(), "the page's site name"
    if found.get("author"):
        meta["authors"] = split_authors(found["author"])
        basis["authors"] = "the page's author metadata"
    lang = re.search(r"<html\b[^>]*\blang=[\"']?([A-Za-z]{2,3})", html, re.I)
    if lang:
        meta["language"], basis["language"] = lang.group(1).lower(), "the page's lang attribute"
    published = published_in_html(html, url)
    if published:
        meta["date"], basis["date"] = published
    if url:
        meta["url"] = url
    return result


def split_authors(value: str) -> list[str]:
    """'Jane Roe; John Doe' or 'Jane Roe and John Doe' -> both names (no 'By')."""
    value = re.sub(r"(?i)^\s*by\s+", "", value)
    parts = re.split(r"\s*(?:;|\||,\s*and\s+|\s+and\s+|,)\s*", value)
    return [p.strip() for p in parts if p.strip() and not re.search(r"\d", p)]


ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
META_DATES = [  # (pattern, what the basis says), most explicit first
    (re.compile(r"""<meta\b[^>]*?(?:property|name|itemprop)=["'](?:article:published_time|og:published_time|"""
                r"""datePublished|pubdate|publishdate|date|dc\.date(?:\.issued)?|citation_publication_date)["']"""
                r"""[^>]*?content=["']([^"']+)""", re.I), "the page's publication-date meta tag"),
    (re.compile(r"""<meta\b[^>]*?content=["']([^"']+)["'][^>]*?(?:property|name|itemprop)=["']"""
                r"""(?:article:published_time|datePublished|pubdate|date)["']""", re.I),
     "the page's publication-date meta tag"),
    (re.compile(r""""datePublished"\s*:\s*"([^"]+)""", re.I), "the page's JSON-LD datePublished"),
    (re.compile(r"""<time\b[^>]*\bdatetime=["']([^"']+)""", re.I), "the page's <time datetime> element"),
]
URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])(?:[/-](0?[1-9]|[12]\d|3[01]))?(?=/|$|[-_])")


def published_in_html(html: str, url: str | None) -> tuple[str, str] | None:
    """The publication date the page states about itself (ISO, as precise as stated), and where."""
    for pattern, where in META_DATES:
        m = pattern.search(html)
        if m:
            iso = ISO_DATE.search(m.group(1))
            if iso:
                return iso.group(0), f"{where} ({m.group(1).strip()})"
    if url:
        m = URL_DATE.search(urllib.parse.urlsplit(url).path)
        if m:
            year, month, day = m.group(1), int(m.group(2)), m.group(3)
            value = f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else "")
            return value, f"the date in the page's URL path ({m.group(0).strip('/')})"
    return None


# --- PDF ------------------------------------------------------------------------------------------

@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


def _line_of(chars: list) -> Line | None:
    """One text line from its characters: superscript digits (smaller and raised) become ¹²³,
    a gap wider than a fifth of the font size is a space."""
    chars = sorted((c for c in chars if c.get("text", "").strip()), key=lambda c: c["x0"])
    if not chars:
        return None
    sizes = [round(c["size"], 1) for c in chars]
    size = statistics.mode(sizes)
    base = max(c["bottom"] for c in chars if round(c["size"], 1) == size)
    out, prev = [], None
    for c in chars:
        ch = c["text"]
        small = c["size"] < 0.85 * size
        raised = c["bottom"] < base - 0.15 * size
        if small and raised and ch.isdigit():
            ch = ch.translate(SUPERSCRIPT_DIGITS)
        if prev is not None and c["x0"] - prev["x1"] > 0.2 * min(c["size"], prev["size"]) \
                and not (ch in "⁰¹²³⁴⁵⁶⁷⁸⁹" and prev["text"] not in " "):
            out.append(" ")
        out.append(ch)
        prev = c
    return Line(text="".join(out), x0=chars[0]["x0"], x1=chars[-1]["x1"],
                top=min(c["top"] for c in chars), bottom=base, size=size)


def _page_lines(page) -> list[Line]:
    """Lines of a page, top to bottom: characters grouped by vertical overlap (a superscript,
    raised a little, stays on its line)."""
    chars = sorted(page.chars, key=lambda c: (round(c["bottom"]), c["x0"]))
    groups: list[list] = []
    for c in chars:
        for g in groups[-3:]:
            lo, hi = g[0]["top"], max(x["bottom"] for x in g)
            if c["top"] < hi - 0.3 * c["size"] and c["bottom"] > lo + 0.3 * c["size"]:
                g.append(c)
                break
        else:
            groups.append([c])
    lines = [line for line in (_line_of(g) for g in groups) if line]
    return sorted(lines, key=lambda ln: ln.top)


ENDS_SENTENCE = re.compile(r"[.!?:;][\"”’)\]]*[⁰¹²³⁴⁵⁶⁷⁸⁹]*$")


def _paragraphs(lines: list[Line], left: float, right: float, gap: float) -> list[list[Line]]:
    """Consecutive lines grouped into paragraphs (and headings, headers, footers)."""
    paras: list[list[Line]] = []
    for line in lines:
        if paras:
            prev = paras[-1][-1]
            space = line.top - prev.bottom
            new = (space > gap * 1.6 + 1
                   or abs(line.size - prev.size) > 0.6
                   or (ENDS_SENTENCE.search(prev.text) and prev.x1 < right - 0.12 * (right - left))
                   or (ENDS_SENTENCE.search(prev.text) and line.x0 > left + 1.5 * line.size))
            if not new:
                paras[-1].append(line)
                continue
        paras.append([line])
    return paras


HYPHENATED = re.compile(r"([A-Za-z]{2,})-$")
FOOT_NOTE_NUMBER = re.compile(r"^(\d{1,3})\.?\s+(?=\S)")


def _join(lines: list[Line], vocabulary: set) -> str:
    """Wrapped lines as one paragraph; 'defen-' + 'se' is 'defense' when the text uses
    'defense' elsewhere, else the hyphen stays ('self-' + 'defense')."""
    out = lines[0].text
    for line in lines[1:]:
        m = HYPHENATED.search(out)
        first = re.match(r"[A-Za-z]+", line.text)
        if m and first and first.group(0).islower() and (m.group(1) + first.group(0)).lower() in vocabulary:
            out = out[:-1] + line.text
        elif m and first:
            out += line.text
        else:
            out += " " + line.text
    return out


def from_pdf(data: bytes, source: str) -> Acquired:
    import io

    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many kinds of errors on a broken file
        raise InputError(source, f"not a readable PDF ({type(exc).__name__}: {exc})") from None
    with pdf:
        pages = [_page_lines(page) for page in pdf.pages]
        heights = [page.height for page in pdf.pages]
        info = pdf.metadata or {}
    lines = [ln for page in pages for ln in page]
    if not lines:
        raise _no_text(source, "PDF")
    left = statistics.median(ln.x0 for ln in lines)
    right = max(ln.x1 for ln in lines)
    spaces = [b.top - a.bottom for page in pages for a, b in zip(page, page[1:]) if b.top > a.bottom]
    gap = statistics.median(spaces) if spaces else 3.0
    vocabulary = {w.lower() for ln in lines for w in re.findall(r"[A-Za-z]{4,}", ln.text)}
    body_size = statistics.mode(round(ln.size, 1) for ln in lines)
    page_texts = []
    for page, height in zip(pages, heights):
        paras = []
        for p in _paragraphs(page, left, right, gap):
            text = _join(p, vocabulary)
            if p[0].size < body_size - 0.5 and p[0].top > 0.6 * height:
                # a note at the foot of the page, in smaller type: "12 Ministry of ..." -> "¹² Ministry of ..."
                text = FOOT_NOTE_NUMBER.sub(lambda m: m.group(1).translate(SUPERSCRIPT_DIGITS) + " ", text)
            paras.append(text)
        page_texts.append("\n\n".join(paras))
    text = "\n\f\n".join(page_texts) + "\n"
    result = Acquired(text=text, source=source, kind="pdf")
    meta, basis = result.meta, result.basis
    title = _pdf_text(info.get("Title"))
    if title:
        meta["title"], basis["title"] = title, "the PDF's Title metadata"
    author = _pdf_text(info.get("Author"))
    if author:
        meta["authors"], basis["authors"] = split_authors(author), "the PDF's Author metadata"
    created = re.match(r"D:(\d{4})(\d{2})?(\d{2})?", _pdf_text(info.get("CreationDate")) or "")
    if created:
        value = "-".join(g for g in created.groups() if g)
        meta["created"] = value
        basis["created"] = f"the PDF's CreationDate ({value}): when the file was made, on or after publication"
    return result


def _pdf_text(value) -> str | None:
    if isinstance(value, bytes):
        for encoding in ("utf-16", "latin-1"):
            try:
                value = value.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def metadata_json(result: Acquired) -> str:
    """What was read, for the summary (and tests)."""
    return json.dumps({"meta": result.meta, "basis": result.basis}, ensure_ascii=False, sort_keys=True)
