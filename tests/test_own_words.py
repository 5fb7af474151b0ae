"""Tests are written in our own words: no test or fixture repeats a run of eight words of the
documents the extractors are measured on (tests/newdocs).

Why: the new-document sets measure how far the rules carry to text they were not written from. A
test sentence copied (or copied with a word swapped) from those documents makes a rule pass on the
very sentence it will be scored on, and the measure stops meaning anything. Titles of real works
and the names of real bodies are the same wherever they are written; they are listed here and do
not count.
"""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).parent
RUN = 8  # words

# Titles of real works and names that a test may spell as a document does.
SHARED_NAMES = [
    "Joint Statement of the Security Consultative Committee",
    "Japan Rearmed: The Politics of Military Power",
    "Cambridge, MA: Harvard University Press",
    "Securing Japan: Tokyo's Grand Strategy and the Future of East Asia",
    "Line of Advantage: Japan's Grand Strategy in the Era of Abe Shinzō",
    "Japan's Potential Contributions in an East China Sea Contingency",
    "Santa Monica, CA: RAND Corporation",
    "Military and Security Developments Involving the People's Republic of China",
    "Ministry of Foreign Affairs of Japan",
    "National Security Strategy of Japan",
    "Ministry of Defense",
    "Defense of Japan",
    "the administration of U.S. President Donald Trump",  # issue 14's own example
]

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _without_shared_names(ws: list[str]) -> list[str]:
    """``ws`` with every listed name replaced by one token that no document has."""
    names = sorted((words(n) for n in SHARED_NAMES), key=len, reverse=True)
    out, i = [], 0
    while i < len(ws):
        for name in names:
            if ws[i:i + len(name)] == name:
                out.append("\0")
                i += len(name)
                break
        else:
            out.append(ws[i])
            i += 1
    return out


def shared_runs(text: str, runs: dict) -> list[str]:
    """The runs of ``RUN`` or more words of ``text`` that are in ``runs`` (a set's word runs)."""
    ws, found, i = _without_shared_names(words(text)), [], 0
    while i + RUN <= len(ws):
        if tuple(ws[i:i + RUN]) in runs:
            j = i + RUN
            while j < len(ws) and tuple(ws[j - RUN + 1:j + 1]) in runs:
                j += 1
            found.append(f"{' '.join(ws[i:j])} ({runs[tuple(ws[i:i + RUN])]})")
            i = j
        else:
            i += 1
    return found


def document_runs() -> dict:
    runs = {}
    for path in sorted((TESTS / "newdocs").rglob("*.txt")):
        ws = words(path.read_text(encoding="utf-8"))
        for i in range(len(ws) - RUN + 1):
            runs.setdefault(tuple(ws[i:i + RUN]), f"{path.parent.name}/{path.name}")
    return runs


def test_the_check_finds_a_copied_sentence_and_passes_names():
    runs = {}
    ws = words("Officials said the new patrol boats would arrive at the port before the typhoon season.")
    for i in range(len(ws) - RUN + 1):
        runs[tuple(ws[i:i + RUN])] = "doc"
    assert shared_runs("Reporters wrote that the new patrol boats would arrive at the port soon.", runs)
    assert not shared_runs("Reporters wrote that the boats would reach the harbour before autumn.", runs)
    names = {tuple(words("Military and Security Developments Involving the People's Republic of China 2024"))[:RUN]: "doc"}
    assert not shared_runs("Military and Security Developments Involving the People's Republic of China 2024", names)


def test_no_test_repeats_eight_words_of_a_measured_document():
    runs = document_runs()
    files = sorted(TESTS.glob("*.py")) + sorted((TESTS / "fixtures").rglob("*.yml"))
    copied = [f"{path.relative_to(TESTS)}: {run}" for path in files if path.name != Path(__file__).name
              for run in shared_runs(path.read_text(encoding="utf-8"), runs)]
    assert not copied, "\n".join(copied)
