import json

import pytest
import sqlite_utils

from alliance_record import schema
from alliance_record.load import Loader, ProvenanceError, atomic_database, span_problem

DOC = "Alpha beta.\n\n¹ A note.\n\ngamma delta."


def test_span_problem_exact_and_spans():
    assert span_problem(DOC, 0, 11, "Alpha beta.") is None
    assert "row says" in span_problem(DOC, 0, 11, "Alpha Beta.")
    assert "outside" in span_problem(DOC, 5, 500, "x")
    spans = json.dumps([[0, 10], [24, 36]])
    assert span_problem(DOC, 0, 36, "Alpha beta gamma delta.", spans) is None
    # only whitespace may differ at the joints
    assert span_problem(DOC, 0, 36, "Alpha beta  gamma delta.", spans) is None
    assert span_problem(DOC, 0, 36, "Alpha beta, gamma delta.", spans) is not None
    assert span_problem(DOC, 0, 36, "Alpha beta gamma delta. extra", spans) is not None
    assert span_problem(DOC, 0, 35, "Alpha beta gamma delta.", spans) is not None


def test_loader_refuses_a_row_whose_span_does_not_match():
    db = sqlite_utils.Database(memory=True)
    schema.create_tables(db)
    loader = Loader(db)
    loader.insert("documents", [{"id": "d", "title": "D", "text": DOC}])  # rows are checked against the stored text
    loader.insert("boilerplate", [{"id": "d-b01", "document_id": "d", "start": 0, "end": 5,
                                   "text": "Alpha", "rule": "test"}])
    with pytest.raises(ProvenanceError, match="d-b02"):
        loader.insert("boilerplate", [{"id": "d-b02", "document_id": "d", "start": 0, "end": 5,
                                       "text": "Alpha!", "rule": "test"}])
    with pytest.raises(ProvenanceError, match="unknown document"):
        loader.insert("boilerplate", [{"id": "x-b01", "document_id": "x", "start": 0, "end": 1,
                                       "text": "A", "rule": "test"}])
    with pytest.raises(ValueError, match="undeclared"):
        loader.insert("boilerplate", [{"id": "d-b03", "document_id": "d", "start": 0, "end": 5,
                                       "text": "Alpha", "rule": "test", "colour": "red"}])


def test_atomic_database_keeps_previous_file_on_failure(tmp_path):
    out = tmp_path / "out.db"
    with atomic_database(out) as db:
        db["t"].insert({"a": 1})
    before = out.read_bytes()
    with pytest.raises(RuntimeError):
        with atomic_database(out) as db:
            db["t"].insert({"a": 2})
            raise RuntimeError("boom")
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.db"]


def test_stale_temp_files_of_dead_builds_are_removed(tmp_path):
    out = tmp_path / "out.db"
    stale = tmp_path / ".out.db.tmp-999999999"
    stale.write_bytes(b"half a database")
    with atomic_database(out) as db:
        db["t"].insert({"a": 1})
    assert not stale.exists()
    assert out.exists()


def test_schema_declares_an_index_for_every_foreign_key(tmp_path):
    db = sqlite_utils.Database(memory=True)
    schema.create_tables(db)
    schema.finish(db)
    for table in schema.TABLES:
        indexed = {tuple(ix.columns) for ix in db[table.name].indexes}
        for col in table.fk_columns:
            assert (col,) in indexed, (table.name, col)
        declared = {fk.column for fk in db[table.name].foreign_keys}
        assert declared == set(table.fk_columns)


def test_atomic_file_replaces_only_on_success(tmp_path):
    from alliance_record.load import atomic_file

    out = tmp_path / "unmatched.csv"
    with atomic_file(out) as fh:
        fh.write("first\n")
    with pytest.raises(RuntimeError):
        with atomic_file(out) as fh:
            fh.write("half of the second")
            raise RuntimeError("killed")
    assert out.read_text() == "first\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["unmatched.csv"]


def test_a_row_of_slots_reads_and_writes_like_the_dict_it_stands_for():
    """schema.row_type: the rows long documents make by the hundred thousand (sentences, mentions)
    are slot objects a quarter of a dict's size; prepare takes them as it takes dicts."""
    Sentence = schema.row_type("sentences")
    row = Sentence(id="d-p001-01", document_id="d", text="Tokyo.", start=0, end=6)
    assert row["text"] == "Tokyo." and row.get("spans") is None and row.get("nope", 1) == 1
    assert dict(row) == {c: row[c] for c in schema.TABLES_BY_NAME["sentences"].columns}
    row["spans"] = "[[0, 6]]"
    assert row["spans"] == "[[0, 6]]" and "spans" in row and "nope" not in row
    with pytest.raises(KeyError):
        row["nope"] = 1
    with pytest.raises(KeyError):
        row["nope"]
    with pytest.raises(TypeError):
        Sentence(nope=1)
    from alliance_record.load import prepare
    as_dict = dict(row)
    assert prepare("sentences", [row], {"d": "Tokyo."}) == prepare("sentences", [as_dict], {"d": "Tokyo."})
    with pytest.raises(ProvenanceError):
        prepare("sentences", [Sentence(id="x", document_id="d", text="Osaka.", start=0, end=6)], {"d": "Tokyo."})


def test_rows_of_slots_compare_by_value_like_dicts():
    Sentence = schema.row_type("sentences")
    a = Sentence(id="d-p001-01", text="Tokyo.", start=0, end=6)
    assert a == Sentence(id="d-p001-01", text="Tokyo.", start=0, end=6)
    assert a != Sentence(id="d-p001-02", text="Tokyo.", start=0, end=6)
    assert a == dict(a) and dict(a) == a
    assert [Sentence(id="x"), a].index(a) == 1


def test_rows_of_slots_pickle_and_read_only_their_columns():
    import pickle

    Sentence = schema.row_type("sentences")
    row = Sentence(id="d-p001-01", text="Tokyo.", start=0, end=6)
    assert pickle.loads(pickle.dumps(row)) == row
    assert row.get("columns", "none") == "none" and row.get("get") is None
    with pytest.raises(KeyError):
        row["columns"]
