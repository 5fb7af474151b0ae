"""Training the reference labeller on AnyStyle's and GROBID's data (``make citation-model``).

The model is trained on ``gold.xml`` and ``good.xml`` less every reference core.xml holds
(:func:`.anystyle.development_pool`), and, given the folder of GROBID's citation corpus
(``--tei``), on its references less every one AnyStyle's files hold (:func:`grobid_pool`, the
tokens labelled by :func:`.tei.labelled_tokens`). ``--dev`` trains on four fifths of each and
leaves the other fifths to score (``citations score --set dev``, ``--tei-dev``); without it
everything trains the model that ships.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pycrfsuite

from . import anystyle, features

# L-BFGS with elastic-net regularisation; c1 (L1) keeps the model small by zeroing weights.
# Chosen on the development fifth of the pool among (c1, c2) = (0.01, 0.01), (0.05, 0.01),
# (0.1, 0.05), (0.02, 0.1): pooled field F1 0.975, 0.974, 0.976, 0.977 and every gold field
# right for 87.4, 87.3, 88.0, 88.1 % -- the same within noise; (0.1, 0.05) gives the smallest
# model (246 KiB against 609 KiB). With GROBID's corpus added to the training data (four fifths
# of the pool and of GROBID's references, scored on the other fifths and on core.xml), c1 0.3
# gave the same figures as 0.1 (pooled F1 0.926 against 0.927 on GROBID's fifth, 0.923 against
# 0.922 on core.xml) and a smaller model (548 KiB against 883 KiB).
PARAMS = {"c1": 0.3, "c2": 0.05, "max_iterations": 200, "feature.possible_transitions": True}


def xy(refs):
    for ref in refs:
        pairs = ref.tokens()
        yield features.sequence_features([t for t, _ in pairs]), [label for _, label in pairs]


def fit(refs, model_path: str | Path, params: dict | None = None, verbose: bool = False) -> dict:
    trainer = pycrfsuite.Trainer(verbose=verbose)
    for x, y in xy(refs):
        trainer.append(x, y)
    trainer.set_params(dict(PARAMS, **(params or {})))
    t = time.perf_counter()
    trainer.train(str(model_path))
    return {"seconds": round(time.perf_counter() - t, 1), "references": len(refs),
            "iterations": trainer.logparser.last_iteration.get("num") if trainer.logparser.last_iteration else None}


def provenance(source, commit: str, pool, dropped, stats: dict, params: dict, grobid: dict | None = None) -> dict:
    info = {
        "model": "linear-chain CRF (CRFsuite via python-crfsuite), L-BFGS",
        "params": params,
        "labels": anystyle.LABELS,
        "data": {
            "source": "AnyStyle's parser data, res/parser/gold.xml and good.xml (BSD-2-Clause, "
                      "Copyright 2011-2023 Sylvester Keil; https://github.com/inukshuk/anystyle)",
            "commit": anystyle.git_commit(source, commit) or commit,
            "references": len(pool),
            "dropped": {kind: sum(1 for _, k in dropped if k == kind) for kind in ("equal", "near", "repeat")},
            "held_out": "every reference of res/parser/core.xml (equal after folding, or a difflib "
                        f"ratio >= {anystyle.NEAR}) was removed before training",
        },
        "training": stats,
        "command": "make citation-model ANYSTYLE=<AnyStyle clone or folder of its res/parser XML>"
                   + (" GROBID=<folder of GROBID's citation corpus>" if grobid else ""),
    }
    if grobid:
        info["data_grobid"] = grobid
    return info


def grobid_pool(source, commit: str, tei_path):
    """GROBID's labelled references (:func:`.tei.training_references`) less repeats and every
    reference AnyStyle's files hold (:func:`.tei.unseen`)."""
    from . import tei

    return tei.unseen(tei.training_references(tei_path), source, commit)


def build_model(source, out_path: str | Path, commit: str = "HEAD", dev: bool = False,
                params: dict | None = None, log=print, tei_path=None, tei_commit: str | None = None) -> dict:
    """Train on the development pool (all of it, or with ``dev`` four fifths) and write the
    JSON model to ``out_path``; returns the provenance written with it. With ``tei_path`` (the
    folder of GROBID's citation corpus), its references less those AnyStyle's files hold train
    the model too (four fifths of them with ``dev``: the fifth ``citations score --tei-dev``
    scores is left out)."""
    import tempfile

    from . import model

    pool, dropped, core = anystyle.development_pool(source, commit)
    train_refs = anystyle.split(pool)[0] if dev else pool
    log(f"training on {len(train_refs)} references ({len(pool)} in the pool: gold.xml + good.xml less "
        f"{len(dropped)} also in core.xml or repeated)")
    grobid = None
    anystyle_refs = train_refs
    if tei_path:
        extra, left = grobid_pool(source, commit, tei_path)
        extra = anystyle.split(extra)[0] if dev else extra
        grobid = {"source": "GROBID's citation corpus, grobid-trainer/resources/dataset/citation/corpus "
                            "(Apache-2.0, https://github.com/kermitt2/grobid), read by citelabel/tei.py",
                  "commit": tei_commit, "references": len(extra),
                  "dropped": {kind: sum(1 for _, k in left if k == kind) for kind in ("equal", "near", "repeat")},
                  "held_out": "every reference any of AnyStyle's files holds was removed"}
        log(f"and on {len(extra)} of GROBID's references")
        train_refs = train_refs + extra
    params = dict(PARAMS, **(params or {}))
    with tempfile.TemporaryDirectory() as tmp:
        crf = Path(tmp) / "model.crfsuite"
        stats = fit(train_refs, crf, params)
        info = provenance(source, commit, anystyle_refs, dropped, stats, params, grobid)
        info["split"] = "four fifths of the pool (development model)" if dev else "the whole pool"
        data = model.export(crf, info)
    Path(out_path).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n",
                              encoding="utf-8")
    log(f"wrote {out_path} ({Path(out_path).stat().st_size // 1024} KiB) in {stats['seconds']} s")
    return info
