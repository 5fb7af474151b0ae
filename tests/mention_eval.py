"""Measure the mention finder against the hand-marked sample (tests/fixtures/mentions_gold.yml)."""

from __future__ import annotations

from pathlib import Path

import yaml

from alliance_record import pipeline, segment
from alliance_record.extract import mentions
from conftest import ROOT, SEEDS

GOLD = ROOT / "tests" / "fixtures" / "mentions_gold.yml"


def nth(text: str, surface: str, n: int, start: int = 0) -> int:
    pos = start - 1
    for _ in range(n):
        pos = text.find(surface, pos + 1)
        if pos < 0:
            return -1
    return pos


def evaluate(path: Path = GOLD):
    gold = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    inputs = pipeline.read_inputs(SEEDS)
    ctx = pipeline.Context(inputs=inputs)
    docs = {d.stem: d for d in inputs.documents}
    results = {"gold": 0, "found": 0, "wrong_entity": 0, "missed": [], "extra": [], "system_in_sample": 0,
               "correct_in_sample": 0}
    for doc_stem in sorted({r["document"] for r in gold["regions"]}):
        doc = docs[doc_stem]
        seg = segment.segment(doc)
        rows = seg.rows()
        out = mentions.extract(doc, seg, rows, ctx)
        system = {}
        for kind in ("actor", "place"):
            for row in out[f"{kind}_mentions"]:
                system.setdefault((row["start"], row["end"]), set()).add((kind, row[f"{kind}_id"]))
        regions = segment.regions(doc, seg)
        sampled_ranges = []
        gold_spans = set()
        matched = set()
        used = set()
        for gr in (r for r in gold["regions"] if r["document"] == doc_stem):
            prefix = gr["region"]
            located = None
            for n, region in enumerate(regions):
                k = region.text.find(prefix)
                if k >= 0 and (n, k) not in used:  # two paragraphs may share their first words
                    used.add((n, k))
                    located = (region.text, k, region.multi.to_doc, region.multi)
                    break
            if located is None:  # a region spanning several blocks: use the document text
                k = doc.text.find(prefix)
                assert k >= 0, prefix
                located = (doc.text, k, lambda i: i, None)
            rtext, base, to_doc = located[:3]
            region_end = base
            for m in gr.get("mentions") or []:
                i = nth(rtext, m["surface"], m["occurrence"], base)
                assert i >= 0, (prefix, m)
                start, end = to_doc(i), to_doc(i + len(m["surface"]) - 1) + 1
                region_end = max(region_end, i + len(m["surface"]))
                results["gold"] += 1
                gold_spans.add((start, end))
                got = system.get((start, end), set())
                if (m["entity"], m["id"]) in got:
                    results["found"] += 1
                    matched.add((start, end, m["entity"], m["id"]))
                elif got:
                    results["wrong_entity"] += 1
                    results["missed"].append((doc_stem, m["surface"], f"{m['entity']}:{m['id']}",
                                              f"got {sorted(got)}", rtext[max(0, i - 30):i + 40]))
                else:
                    results["missed"].append((doc_stem, m["surface"], m["id"], "not found",
                                              rtext[max(0, i - 30):i + 40]))
            multi = located[3]
            if multi is None:
                sampled_ranges.append((to_doc(base), to_doc(max(region_end - 1, base)) + 1))
            else:
                sampled_ranges.extend((p.start, p.end) for p in multi.sub(base, max(region_end, base + 1)))
        for (start, end), entities in system.items():
            for kind, eid in sorted(entities):
                # a mention across a page break starts in one piece of the region and ends in another
                if not (any(a <= start < b for a, b in sampled_ranges)
                        and any(a < end <= b for a, b in sampled_ranges)):
                    continue
                results["system_in_sample"] += 1
                if (start, end, kind, eid) in matched:
                    results["correct_in_sample"] += 1
                else:
                    results["extra"].append((doc_stem, doc.text[start:end], f"{kind}:{eid}",
                                             doc.text[max(0, start - 30):end + 30].replace("\n", " ")))
    results["recall"] = results["found"] / results["gold"]
    results["precision"] = results["correct_in_sample"] / max(results["system_in_sample"], 1)
    return results


if __name__ == "__main__":
    r = evaluate()
    print(f"gold {r['gold']}  found {r['found']}  wrong entity {r['wrong_entity']}  "
          f"system mentions in sample {r['system_in_sample']}")
    print(f"recall {r['recall']:.3f}  precision {r['precision']:.3f}")
    for miss in r["missed"]:
        print("  missed", miss)
    for extra in r["extra"]:
        print("  extra", extra)
