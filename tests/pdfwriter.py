"""A small PDF writer for tests: pages of text runs at given positions and sizes (Helvetica).

Enough of PDF 1.4 for pdfplumber to read back characters with their positions and sizes, so the
tests of ``alliance-record add`` need no PDF library and no binary fixture.
"""

from __future__ import annotations


def pdf_bytes(pages: list, info: dict | None = None, width: int = 612, height: int = 792) -> bytes:
    """``pages``: a list of pages, each a list of ``(x, y, size, text)`` runs (y from the bottom)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pages_id = len(objects) + 2 * len(pages) + 1  # after every content stream and page
    kids = []
    for runs in pages:
        ops = []
        for x, y, size, text in runs:
            escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"BT /F1 {size} Tf {x} {y} Td ({escaped}) Tj ET")
        stream = "\n".join(ops).encode("cp1252")
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(add(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {width} {height}] "
                        f"/Contents {content} 0 R /Resources << /Font << /F1 {font} 0 R >> >> >>".encode()))
    assert add(f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()) == pages_id
    fields = " ".join(f"/{k} ({v})" for k, v in (info or {}).items())
    info_id = add(f"<< {fields} >>".encode("cp1252"))
    root = add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode())
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{off:010d} 00000 n \n".encode() for off in offsets)
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R /Info {info_id} 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


def helvetica_width(text: str, size: float) -> float:
    """Roughly how wide ``text`` is set in Helvetica (pdfplumber reports the real widths; this
    only places a superscript just after a word)."""
    import pdfplumber  # noqa: F401  (the font metrics come with pdfminer)
    from pdfminer.pdffont import PDFType1Font

    font = PDFType1Font(None, {"BaseFont": "Helvetica"})
    return sum(font.char_width(ord(c)) for c in text) * size
