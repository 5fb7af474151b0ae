"""The trained labeller at run time: a linear-chain CRF's weights and a batched Viterbi decoder.

CRFsuite trains the model (:mod:`.train`); its weights are exported to a small JSON file that
ships in the package (``reference_model.json``: labels, transition weights and, for every
feature, the weight it gives each label, with the model's provenance). Decoding here gives
CRFsuite's labels (a test checks it) without CRFsuite at run time, and is cheaper: the weights
of a token's own features, and of the features its neighbours lend it, are summed once per
distinct token string and kept in a table (a list of references repeats its words), so a
reference's state scores are a few row gathers; and the Viterbi search runs over a whole list
of references at once, one array operation per token position for all of them.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from . import features

MODEL_FILE = "reference_model.json"
PARTS = 5  # a token's own features, and those it lends the token 1 after, 1 before, 2 after, 2 before
PREFIXES = {"-1:": 1, "+1:": 2, "-2:": 3, "+2:": 4}
MARKS = 10  # what a token does to the state (features._marks)


class Model:
    def __init__(self, data: dict):
        self.labels = list(data["labels"])
        self.provenance = data.get("provenance", {})
        index = {lab: k for k, lab in enumerate(self.labels)}
        size = self.size = len(self.labels)
        self.transitions = np.zeros((size, size))
        for a, row in data["transitions"].items():
            for b, w in row.items():
                self.transitions[index[a], index[b]] = w
        self.attributes = {}
        rows = []
        for attr, weights in data["features"].items():
            vec = np.zeros(size)
            for lab, w in weights.items():
                vec[index[lab]] = w
            self.attributes[attr] = len(rows)
            rows.append(vec)
        self.weights = np.array(rows) if rows else np.zeros((0, size))
        # The same weights by a token's own feature: what it adds to its own score and what it
        # lends its neighbours ("-1:w=press" is lent by "Press," to the token after it).
        self.base: dict = {}
        parts: list = []
        for attr, row in self.attributes.items():
            part = PREFIXES.get(attr[:3], 0)
            base = attr[3:] if part else attr
            k = self.base.get(base)
            if k is None:
                k = self.base[base] = len(parts)
                parts.append(np.zeros((PARTS, size)))
            parts[k][part] += self.weights[row]
        self.parts = np.array(parts) if parts else np.zeros((0, PARTS, size))
        self.reset()

    def reset(self):
        """Forget the memoised token and state vectors (id 0 is the zero row: no token)."""
        self.vocab: dict = {}
        self.table = np.zeros((4096, PARTS, self.size))
        self.marks = np.zeros((4096, MARKS), dtype=np.intp)  # features._marks of each token
        self.count = 1
        self.state_ids: dict = {}
        self.state_table = np.zeros((256, self.size))
        self.state_count = 0
        self.state_lookup = np.full(1 << 14, -1, dtype=np.intp)  # state code -> state_table row

    @classmethod
    def load(cls, path: str | Path) -> "Model":
        return cls(json.loads(Path(path).read_text(encoding="utf-8")))

    def vector(self, feats) -> np.ndarray:
        """The summed weights of some features (unknown features weigh nothing)."""
        rows = [self.attributes[f] for f in feats if f in self.attributes]
        return self.weights[rows].sum(axis=0) if rows else np.zeros(self.size)

    def _add_tokens(self, tokens) -> None:
        """Give new token strings their rows: the summed part weights of their features (one
        gather and one segment sum for all of them)."""
        tokens = list(dict.fromkeys(t for t in tokens if t not in self.vocab))
        if not tokens:
            return
        if self.count + len(tokens) > 1 << 20:  # a long-running process: start the memo again
            self.reset()
        while self.count + len(tokens) > len(self.table):
            self.table = np.concatenate([self.table, np.zeros_like(self.table)])
            self.marks = np.concatenate([self.marks, np.zeros_like(self.marks)])
        self.marks[self.count:self.count + len(tokens)] = [features._marks(t) for t in tokens]
        get = self.base.get
        flat, starts, owners = [], [], []
        for k, tok in enumerate(tokens, start=self.count):
            rows = [r for r in map(get, features.token_features(tok)) if r is not None]
            if rows:
                starts.append(len(flat))
                owners.append(k)
                flat.extend(rows)
            self.vocab[tok] = k
        if flat:
            self.table[owners] = np.add.reduceat(self.parts[flat], starts, axis=0)
        self.count += len(tokens)

    def _state_id(self, code: int) -> int:
        if self.state_count == len(self.state_table):
            self.state_table = np.concatenate([self.state_table, np.zeros_like(self.state_table)])
        k = self.state_count
        self.state_table[k] = self.vector(features.state_features(code))
        self.state_ids[code] = k
        self.state_count += 1
        return k

    def emissions(self, sequences: list[list[str]]):
        """(batch x positions x labels) state scores of token sequences (padded with id 0)."""
        vocab = self.vocab
        self._add_tokens(t for seq in sequences for t in seq)
        width = max(len(s) for s in sequences) + 4
        ids = np.zeros((len(sequences), width), dtype=np.intp)
        for b, seq in enumerate(sequences):
            ids[b, 2:len(seq) + 2] = [vocab[t] for t in seq]
        if len(sequences) < 8:  # array operations pay off over a list, not for an entry or two
            codes = np.zeros((len(sequences), width - 4), dtype=np.intp)
            for b, seq in enumerate(sequences):
                codes[b, :len(seq)] = features.state_codes(seq)
        else:
            codes = self.state_codes(ids[:, 2:-2], np.array([len(s) for s in sequences]))
        missing = np.unique(codes[self.state_lookup[codes] < 0])
        for code in missing.tolist():
            self.state_lookup[code] = self._state_id(code)
        t = self.table
        e = (t[ids[:, 2:-2], 0] + t[ids[:, 1:-3], 1] + t[ids[:, 3:-1], 2] + t[ids[:, :-4], 3]
             + t[ids[:, 4:], 4] + self.state_table[self.state_lookup[codes]])
        return e

    def state_codes(self, ids, lengths):
        """:func:`features.state_codes` of a batch of token id rows, with array operations: a
        quote, italic or bracket state is the last event before the token (a close, or an open)
        carried forward; the bracket depth is a running sum floored at zero (its sum less the
        lowest sum reached, when that is below zero); periods and years seen, running sums."""
        batch, width = ids.shape
        m = self.marks[ids]
        positions = np.arange(width)
        valid = positions[None] < lengths[:, None]
        m = m * valid[:, :, None]
        od, cd, os_, cs, oi, ci, dd, op, dot, year = (m[:, :, k] for k in range(MARKS))
        before = np.zeros_like(ids)

        def carried(opens, closes):
            event = (opens | closes) > 0
            index = np.where(event, positions[None], -1)
            last = np.maximum.accumulate(index, axis=1)
            prior = np.concatenate([np.full((batch, 1), -1), last[:, :-1]], axis=1)
            value = (opens > 0) & (closes == 0)
            state = np.take_along_axis(value, np.maximum(prior, 0), axis=1) & (prior >= 0)
            return state | (opens > 0)

        run = np.cumsum(dd, axis=1)
        depth = run - np.minimum(np.minimum.accumulate(run, axis=1), 0)
        before[:, 1:] = depth[:, :-1]
        inp = (before > 0) | (op > 0)
        dots = np.minimum(np.cumsum(dot, axis=1) - dot, 5)
        years = np.minimum(np.cumsum(year, axis=1) - year, 2)
        pos = 10 * positions[None] // np.maximum(lengths[:, None], 1)
        codes = (pos << 10) + (dots << 7) + (years << 6) + (positions[None] == 0) \
            + 2 * (positions[None] == lengths[:, None] - 1) + 4 * carried(od, cd) \
            + 8 * carried(os_, cs) + 16 * inp + 32 * carried(oi, ci)
        return np.where(valid, codes, 0)

    def tag_many(self, sequences: list[list[str]], batch: int = 128) -> list[list[str]]:
        """The most probable label sequence (Viterbi) of each token sequence."""
        out: list = [None] * len(sequences)
        order = sorted((k for k, s in enumerate(sequences) if s), key=lambda k: len(sequences[k]))
        for k in range(len(sequences)):
            if not sequences[k]:
                out[k] = []
        for start in range(0, len(order), batch):
            chunk = order[start:start + batch]
            for k, labels in zip(chunk, self._viterbi([sequences[k] for k in chunk])):
                out[k] = labels
        return out

    def tag(self, tokens: list[str]) -> list[str]:
        return self.tag_many([tokens])[0]

    def _viterbi_one(self, e) -> list[str]:
        """Viterbi for one sequence (the same sums in the same order as :meth:`_viterbi`)."""
        trans = self.transitions
        rows = list(e)
        score = rows[0]
        back = []
        for row in rows[1:]:
            cand = score[:, None] + trans
            back.append(cand.argmax(axis=0))
            score = cand.max(axis=0) + row
        j = int(score.argmax())
        path = [j]
        for pointers in reversed(back):
            j = int(pointers[j])
            path.append(j)
        labels = self.labels
        return [labels[k] for k in reversed(path)]

    def _viterbi(self, sequences):
        """Viterbi over sequences sorted by length (shortest first): at position t the
        sequences still running are a suffix of the batch."""
        e = self.emissions(sequences)
        if len(sequences) == 1:
            return [self._viterbi_one(e[0, :len(sequences[0])])]
        batch, width, size = e.shape
        lengths = [len(s) for s in sequences]
        trans = self.transitions[None]
        back = np.zeros((width, batch, size), dtype=np.intp)
        score = e[:, 0].copy()
        first = 0
        for t in range(1, width):
            while lengths[first] <= t:
                first += 1
            cand = score[first:, :, None] + trans
            back[t, first:] = cand.argmax(axis=1)
            score[first:] = cand.max(axis=1) + e[first:, t]
        j = score.argmax(axis=1)
        rows = np.arange(batch)
        path = np.zeros((batch, width), dtype=np.intp)
        first = batch
        for t in range(width - 1, -1, -1):
            while first > 0 and lengths[first - 1] > t:
                first -= 1  # sequences ending at t join the walk back
            path[first:, t] = j[first:]
            if t:
                j[first:] = back[t, rows[first:], j[first:]]
        labels = self.labels
        return [[labels[k] for k in row[:n]] for row, n in zip(path.tolist(), lengths)]


def export(crfsuite_path: str | Path, provenance: dict, digits: int = 5) -> dict:
    """The weights of a CRFsuite model file as the JSON this module loads."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(crfsuite_path))
    info = tagger.info()
    labels = sorted(info.labels, key=lambda lab: int(info.labels[lab]))
    transitions: dict = {}
    for (a, b), w in sorted(info.transitions.items()):
        transitions.setdefault(a, {})[b] = round(w, digits)
    feats: dict = {}
    for (attr, lab), w in sorted(info.state_features.items()):
        if round(w, digits):
            feats.setdefault(attr, {})[lab] = round(w, digits)
    return {"provenance": provenance, "labels": labels, "transitions": transitions, "features": feats}


@lru_cache(maxsize=1)
def shipped() -> Model:
    """The model that ships in the package."""
    with resources.as_file(resources.files(__package__) / MODEL_FILE) as path:
        return Model.load(path)
