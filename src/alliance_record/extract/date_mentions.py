"""Date mentions: every date expression in every searchable part of a document, resolved.

Each expression found by :func:`alliance_record.dates.find_dates` becomes a ``date_mentions``
row with its exact offsets, and is resolved against the document's publication window
(``documents.published_earliest``/``published_latest``). Expressions counted from another
event ("three days before the China-Russia flight") cannot be resolved from the text alone: they
are kept with ``basis = 'relative-to-event'`` and empty dates, and the event annotations that
use them supply the anchor (see extract/events.py).
"""

from __future__ import annotations

import json

from .. import dates
from ..curate import publication_window
from ..segment import regions


def extract(doc, seg, rows, ctx) -> dict:
    window = publication_window(doc.meta)
    out = []
    for region in regions(doc, seg):
        for m in dates.find_dates(region.text):
            pieces = region.multi.sub(m.start, m.end)
            start, end = pieces[0].start, pieces[-1].end
            resolved = dates.resolve(m, window=window)
            out.append({
                "id": f"{doc.id}-d{len(out) + 1:04d}", "document_id": doc.id, "region": region.kind,
                "paragraph_id": region.paragraph_id, "footnote_id": region.footnote_id,
                "start": start, "end": end, "phrase": m.phrase,
                "spans": json.dumps([[p.start, p.end] for p in pieces]) if len(pieces) > 1 else None,
                "kind": m.kind,
                "date_start": resolved.date_start if resolved else None,
                "date_end": resolved.date_end if resolved else None,
                "date_precision": resolved.date_precision if resolved else None,
                "edtf": resolved.edtf if resolved else None,
                # unresolved: counted from an event (an annotation may give it), or off the calendar
                "basis": resolved.basis if resolved else ("relative-to-event" if m.kind == "anchored" else None),
            })
    return {"date_mentions": out}
