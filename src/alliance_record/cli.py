"""The ``alliance-record`` command line."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import click

from . import incremental, pipeline
from .errors import BuildFailed, InputError, InputErrors, OutputError
from .load import ProvenanceError

DEFAULT_DB = Path("build/alliance.db")  # what `build` writes and `serve`, `suggest`, `add` read


def _fail(exc):
    click.secho(str(exc), fg="red", err=True)
    sys.exit(1)


def _write_text(path: Path, text: str):
    """Write a command's output file whole (a temporary file renamed over it), or fail with one
    line naming it (a folder in the way, no permission, a full disk)."""
    from .load import atomic_file

    try:
        with atomic_file(path) as fh:
            fh.write(text)
    except OSError as exc:
        where = f" ({exc.filename}: {exc.strerror})" if exc.filename and str(exc.filename) != str(path) \
            else f" ({exc.strerror or exc})"
        _fail(f"{path}: cannot write{where}")
    except OutputError as exc:
        _fail(exc)


@click.group()
@click.version_option(package_name="alliance-record")
def cli():
    """Alliance Record: build and check the U.S.-Japan alliance dataset."""


@cli.command()
@click.option("--seeds", "seeds_dir", default="seeds", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Folder of seed texts and curated YAML.")
@click.option("--out", "out_path", default="build/alliance.db", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path), help="SQLite file to write.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing on success.")
@click.option("--reviewed-only", is_flag=True,
              help="Leave out every entry marked `reviewed: false` (drafts no person has checked): for publishing.")
@click.option("--no-cache", is_flag=True,
              help="Build from scratch and keep no cache beside OUT (the next build cannot be incremental).")
def build(seeds_dir, out_path, quiet, reviewed_only, no_cache):
    """Build the SQLite database from a folder of seeds.

    The database and its report (unmatched.csv beside OUT) are written to temporary files and
    renamed over their targets together, only when the build succeeds: a failed build leaves
    the previous ones untouched. OUT may not be inside the seeds folder, nor an existing file
    that is not a SQLite database.
    """
    try:
        result = pipeline.build(seeds_dir, out_path, reviewed_only=reviewed_only, cache=not no_cache)
    except (InputError, InputErrors, ProvenanceError, OutputError, BuildFailed) as exc:
        _fail(exc)
    except OSError as exc:  # the output folder cannot be made or written: say where, no traceback
        _fail(f"{exc.filename or out_path}: cannot write the database there ({exc.strerror or exc}); "
              "the previous one is untouched")
    except sqlite3.Error as exc:  # SQLite could not write (a full disk, a read-only folder...)
        _fail(f"{out_path}: cannot write the database ({exc}); the previous one is untouched")
    if not quiet:
        counts = _summary(out_path, result.counts)
        if result.incremental and not result.rebuilt:
            click.echo(f"{out_path} is up to date: nothing changed since the last build")
        else:
            click.echo(f"Wrote {out_path}: {counts}")
        if result.rebuilt:
            r = result.rebuilt
            click.echo(f"Incremental: {r['documents']} document(s) extracted again, {r['removed']} removed; "
                       f"{incremental.describe(r)}")
        todo = result.unmatched
        if todo:
            click.secho(f"{todo} names no registry covers: see {out_path.parent / 'unmatched.csv'}", fg="yellow")
        if result.unreviewed and not reviewed_only:
            click.secho(f"{_unreviewed(result.unreviewed)} (rows with reviewed = 0; "
                        "--reviewed-only leaves them out)", fg="yellow")


def _summary(out_path: Path, counts: dict) -> str:
    """The rows written to each table, as things: a row that is a part of another one of its table
    (schema.PART_OF: a date range's ends) is said apart ("135 date_mentions (and 4 rows of range
    ends)"), so the figure is of date expressions."""
    from .schema import PART_OF

    parts = {}
    if any(counts.get(t) for t in PART_OF):
        conn = sqlite3.connect(out_path)
        try:
            parts = {t: conn.execute(f"select count(*) from [{t}] where [{c}] is not null").fetchone()[0]
                     for t, (c, _) in PART_OF.items() if counts.get(t)}
        finally:
            conn.close()
    return ", ".join(f"{n - parts[t]} {t} (and {parts[t]} rows of {PART_OF[t][1]})" if parts.get(t) else f"{n} {t}"
                     for t, n in counts.items())


def _unreviewed(counts: dict) -> str:
    """'12 entries await review: events 8, actors 4'."""
    total = sum(counts.values())
    detail = ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"{total} {'entry awaits' if total == 1 else 'entries await'} review: {detail}"


@cli.command()
@click.option("--seeds", "seeds_dir", default="seeds", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Folder of seed texts and curated YAML.")
def validate(seeds_dir):
    """Check the curated inputs without writing anything; report every problem found.

    Runs the whole build into an in-memory database, so every check of `build` applies.
    """
    try:
        result = pipeline.check(seeds_dir)
    except (InputError, InputErrors, ProvenanceError) as exc:
        _fail(exc)
    click.echo(f"OK: {result.documents} documents in {seeds_dir}")
    for notice in result.notices:
        click.secho(f"note: {notice}", fg="yellow")
    if result.unreviewed:
        click.secho(_unreviewed(result.unreviewed), fg="yellow")


@cli.command()
@click.argument("stem")
@click.option("--seeds", "seeds_dir", default="seeds", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Folder of seed texts and curated YAML.")
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the draft here instead of printing it.")
@click.option("--registries", is_flag=True,
              help="Print the drafted registry entries (actors.yml and places.yml form) instead.")
@click.option("--db", "events_db", default=DEFAULT_DB, show_default=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="A built database: a draft that is one of its events proposes `ref:` to it (skipped if absent).")
def suggest(stem, seeds_dir, out_path, registries, events_db):
    """Draft an annotation file for the document STEM (a seed without annotations).

    One draft per event the document reports (a sentence with a date, or an undated act, with
    its type from the verb that governs it and its actors from the names around it), `ref:` to
    an event the database already holds, and the recommendations its cues show. Every entry
    says `reviewed: false` until a person has checked it.
    """
    from . import suggest as suggest_mod

    try:
        inputs = pipeline.read_inputs(seeds_dir)
    except (InputError, InputErrors) as exc:
        _fail(exc)
    doc = next((d for d in inputs.documents if d.stem == stem or d.id == stem), None)
    if doc is None:
        _fail(f"{seeds_dir}: no catalogued seed {stem!r}")
    existing = Path(seeds_dir) / "annotations" / f"{doc.stem}.yml"
    if existing.exists() and out_path is None:
        _fail(f"{existing} exists: suggest drafts files for documents without annotations "
              "(use --out to write a draft elsewhere)")
    if registries:
        d = suggest_mod.drafts(doc, pipeline.Context(inputs=inputs))
        text = ("# Drafted registry entries for names no registry holds (reviewed: false): append them to\n"
                "# seeds/actors.yml and seeds/places.yml after checking each.\n"
                "actors:\n" + (suggest_mod.registry_yaml(d.actors) or "") +
                "places:\n" + (suggest_mod.registry_yaml(d.places) or ""))
        if d.unplaced:
            text += "# places with no coordinates in the gazetteer: " + ", ".join(d.unplaced) + "\n"
    else:
        text = suggest_mod.draft(doc, pipeline.Context(inputs=inputs), events_db=events_db)
    if out_path:
        _write_text(out_path, text)
        click.echo(f"Wrote {out_path}")
    else:
        click.echo(text, nl=False)


@cli.command()
@click.argument("source")
@click.option("--seeds", "seeds_dir", default="seeds", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Folder of seed texts and curated YAML.")
@click.option("--db", "events_db", default=DEFAULT_DB, show_default=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="A built database: a draft that is one of its events proposes `ref:` to it (skipped if absent).")
def add(source, seeds_dir, events_db):
    """Add a document from SOURCE: a .txt, .html or .pdf file, or an http(s) URL.

    Extracts the main text (trafilatura for pages, pdfplumber for PDFs), writes it as the next
    seed, drafts its catalogue entry from the source's own metadata, drafts its annotations and
    registry entries (every draft says `reviewed: false`), runs every check of `validate`, and
    lists what needs review. If anything fails, nothing is left written.
    """
    from . import add as add_mod

    try:
        added = add_mod.add(source, seeds_dir, events_db=events_db)
    except (InputError, InputErrors, ProvenanceError) as exc:
        _fail(exc)
    except OSError as exc:
        _fail(f"{exc.filename or seeds_dir}: {exc.strerror or exc}")
    click.echo(f"Added {seeds_dir / (added.stem + '.txt')} as {added.doc_id!r} ({added.words:,} words).")
    click.echo("Wrote: " + ", ".join(str(p) for p in dict.fromkeys(added.files)))
    click.echo("validate: OK")
    click.secho("To review (then delete each `reviewed: false`):", fg="yellow")
    for line in added.review:
        click.echo(f"  - {line}")


@cli.command()
@click.option("--db", "db_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=DEFAULT_DB,
              show_default=True, help="The database, served immutable.")
@click.option("--metadata", "metadata_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=Path("metadata.yml"), show_default=True, help="Datasette metadata.")
@click.option("--inspect-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The counts of `datasette inspect` (as `make serve`).")
@click.option("-h", "--host", default="127.0.0.1", show_default=True)
@click.option("-p", "--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the number of cores).")
@click.option("--setting", "settings", type=(str, str), multiple=True, metavar="NAME VALUE",
              help="A Datasette setting over the package's (e.g. facet_time_limit_ms 1000).")
def serve(db_path, metadata_path, inspect_file, host, port, workers, settings):
    """Serve the database with uvicorn's worker processes on one port (alliance_record.asgi).

    Each worker builds the app as `datasette serve -i DB -m METADATA --inspect-file FILE
    $(alliance-record serve-args) --setting NAME VALUE ...` does (each --setting given here); the
    database, metadata, inspect file, settings and one secret for every worker are handed over in
    the environment, then this process becomes uvicorn's
    supervisor (`python -m uvicorn alliance_record.asgi:app --workers N ...`), which binds the
    port, starts the workers and restarts one that dies.
    """
    import os
    import secrets

    from . import asgi

    workers = workers or os.cpu_count() or 1
    os.environ[asgi.ENV_DB] = str(db_path.resolve())
    os.environ[asgi.ENV_METADATA] = str(metadata_path.resolve())
    if inspect_file:
        os.environ[asgi.ENV_INSPECT] = str(inspect_file.resolve())
    else:
        os.environ.pop(asgi.ENV_INSPECT, None)
    os.environ.setdefault(asgi.ENV_SECRET, secrets.token_hex(32))
    os.environ.setdefault(asgi.ENV_WARM_HOSTS, asgi.warm_host(host, port))  # what each worker's warm-up fills its cache for
    if settings:
        from .serve import datasette_settings

        try:
            datasette_settings(settings)  # an unknown name stops here, not in every worker
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--setting") from None
        os.environ[asgi.ENV_SETTINGS] = json.dumps(dict(settings))
    else:
        os.environ.pop(asgi.ENV_SETTINGS, None)
    command = [sys.executable, "-m", "uvicorn", "alliance_record.asgi:app", "--workers", str(workers),
               "--host", host, "--port", str(port), "--lifespan", "on"]
    click.echo(" ".join(command[1:]), err=True)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, command)


@cli.command("serve-args")
def serve_args():
    """Print the `datasette serve` settings of a public instance, as command-line options.

    `make serve` passes them to Datasette (`datasette serve ... $(alliance-record serve-args)`),
    as do the tests and the load test, so the settings live in one place
    (alliance_record.serve.SETTINGS).
    """
    from .serve import serve_args as args

    click.echo(" ".join(args()))


@cli.command()
@click.option("--copies", type=click.IntRange(min=1), default=1, show_default=True,
              help="How many copies of the seeds the synthetic corpus holds.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a report.")
@click.option("--no-serve", is_flag=True, help="Skip serving the database and timing its pages.")
@click.option("--requests", type=click.IntRange(min=1), default=20, show_default=True,
              help="Timed requests per URL (after one warm-up round).")
@click.option("--seeds", "seeds_dir", default="seeds", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Folder of seed texts and curated YAML.")
@click.option("--metadata", "metadata_path", default="metadata.yml", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path), help="Datasette metadata to serve with.")
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also record the run in this JSON file (a mapping from copies to the latest run).")
@click.option("--chart", "chart_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Draw every run recorded in --out as an SVG chart here.")
@click.option("--workdir", type=click.Path(file_okay=False, path_type=Path),
              help="Keep the synthetic corpus and its database here (default: a temporary folder).")
@click.option("--profile", "profile_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Run the build under cProfile and write its stats here (slower: not for the figures).")
@click.option("--setting", "settings", type=(str, str), multiple=True, metavar="NAME VALUE",
              help="A Datasette setting to serve with, over the Makefile's (e.g. facet_time_limit_ms 100).")
@click.option("--stage", type=click.Choice(["dates"]),
              help="Time one stage alone, in this process (dates: finding and resolving every date "
                   "expression; segmentation untimed), best of 5; nothing is built or served.")
@click.option("--hostile", is_flag=True,
              help="Instead: build the hostile inputs (a paragraph of names, numbered lines, unclosed quotation "
                   "marks, numbered notes) at two sizes each: seconds, peak memory, growth.")
@click.option("--scale", type=click.FloatRange(min=0.0001), default=1.0, show_default=True,
              help="With --hostile: a factor on every size (1: a 1 MB and a 10 MB paragraph ...).")
def bench(copies, as_json, no_serve, requests, seeds_dir, metadata_path, out_path, chart_path, workdir,
          profile_path, settings, stage, hostile, scale):
    """Benchmark the build and the served dataset on COPIES copies of the seeds.

    Writes a synthetic corpus (ids rewritten, dates and numbers perturbed), builds it in a child
    process (wall, CPU, peak RSS, time per stage, rows), writes the same rows with a plain
    executemany (the floor; `ratio` = build / baseline) and, unless --no-serve, serves it with
    `datasette serve -i` and times every canned query, table page and a search (p50/p95).
    """
    from . import bench as bench_mod

    if stage == "dates":
        result = bench_mod.bench_dates(seeds_dir, copies=copies, repeats=5, work_dir=workdir)
        click.echo(json.dumps(result) if as_json else
                   f"date stage, N={copies} ({result['documents']} documents, {result['date_mentions']} "
                   f"date mentions): {result['seconds']:.2f} s, {result['ms_per_document']:.2f} ms per document")
        return
    if hostile:
        result = bench_mod.run_hostile(scale, workdir=workdir, log=lambda m: click.echo(m, err=True))
        if out_path:
            _write_text(out_path, json.dumps(result, indent=1) + "\n")
        click.echo(json.dumps(result) if as_json else bench_mod.format_hostile(result))
        return
    if chart_path and not out_path:
        _fail("--chart draws the runs recorded by --out: give --out too")
    if profile_path and out_path:
        _fail("a profiled build is slower than a real one: do not record it with --out")
    try:
        result = bench_mod.run_bench(copies, seeds_dir=seeds_dir, metadata_path=metadata_path,
                                     serve=not no_serve, requests=requests, workdir=workdir,
                                     profile=profile_path, settings=settings,
                                     log=lambda m: click.echo(m, err=True))
    except (InputError, InputErrors) as exc:
        _fail(f"the seeds do not build, so they cannot be copied:\n{exc}")
    if out_path:
        recorded = bench_mod.merge_results(out_path, result)
        if chart_path:
            bench_mod.write_chart(recorded, chart_path)
    if as_json:
        click.echo(json.dumps(result))
    else:
        click.echo(bench_mod.format_report(result))
        if profile_path:
            click.echo(bench_mod.format_hot_spots(profile_path))


@cli.command()
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write every miss, false hit, extent and value error here (one per line).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
def tempeval(path, errors_path, as_json):
    """Score the date finder on TimeML (TempEval-3) documents: strict and relaxed extent F1 and
    value F1, over all TIMEX3 types and over DATE.

    PATH is a .tml file or a folder searched for .tml files (the TempEval-3 data is public and
    kept outside this repository). Each document is tagged from its plain text and its creation
    date only; its TIMEX3s are the gold.
    """
    from . import timeml

    try:
        documents = timeml.read_dir(path)
    except ValueError as exc:
        _fail(str(exc))
    result = timeml.evaluate(documents)
    if errors_path:
        errors_path.write_text("".join(timeml.format_error(*e) + "\n" for e in result["errors"]),
                               encoding="utf-8")
    if as_json:
        click.echo(json.dumps({"documents": len(documents), "all": result["all"], "DATE": result["DATE"]}))
    else:
        click.echo(f"{len(documents)} documents, {path}")
        click.echo(timeml.format_scores(result))


@cli.group("citations")
def citations_group():
    """Train and score the reference parser on AnyStyle's labelled references."""


ANYSTYLE_HELP = ("AnyStyle's parser data: a clone of its repository (read at --commit) or a folder "
                 "holding core.xml, gold.xml, good.xml and ugly.xml.")


@citations_group.command("train")
@click.option("--data", "source", required=True, type=click.Path(exists=True, path_type=Path), help=ANYSTYLE_HELP)
@click.option("--commit", default="HEAD", show_default=True, help="The commit to read in a clone.")
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The model file (JSON) to write.")
@click.option("--dev", is_flag=True, help="Train on four fifths of the pool (the development model).")
@click.option("--c1", type=float, help="L1 regularisation (default: citelabel.train.PARAMS).")
@click.option("--c2", type=float, help="L2 regularisation.")
@click.option("--tei", "tei_path", type=click.Path(exists=True, path_type=Path),
              help="GROBID's citation corpus (a folder of TEI files): its references less those "
                   "AnyStyle's files hold train the model too.")
@click.option("--tei-commit", help="The GROBID commit the --tei folder was taken from (provenance).")
def citations_train(source, commit, out_path, dev, c1, c2, tei_path, tei_commit):
    """Train the reference labeller on gold.xml and good.xml less everything core.xml holds."""
    from .citelabel import train

    params = {k: v for k, v in (("c1", c1), ("c2", c2)) if v is not None}
    try:
        train.build_model(source, out_path, commit=commit, dev=dev, params=params,
                          log=lambda m: click.echo(m, err=True), tei_path=tei_path, tei_commit=tei_commit)
    except (FileNotFoundError, ValueError) as exc:
        _fail(exc)


@citations_group.command("score")
@click.option("--data", "source", type=click.Path(exists=True, path_type=Path),
              help=ANYSTYLE_HELP + " With --tei only, the references to leave out of the TEI sets.")
@click.option("--commit", default="HEAD", show_default=True, help="The commit to read in a clone.")
@click.option("--set", "sets", multiple=True,
              help="core, gold, good, ugly, or dev (the fifth of the pool a --dev model did not see; "
                   "the default without --tei).")
@click.option("--tei", "tei_paths", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="GROBID's labelled references (TEI <bibl>): a file or a folder of them, one set "
                   "each, less repeats and, with --data, less every reference AnyStyle's files hold.")
@click.option("--tei-dev", is_flag=True,
              help="Score only the fifth of each --tei set that a model trained with --dev --tei did not see.")
@click.option("--excite", "excite_paths", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="The EXCITE project's segmented references (a file or a folder of its "
                   "5-References_segmented_by_EXRefSegmentation files), one set each, less repeats, "
                   "every reference of the --tei sets and, with --data, of AnyStyle's files.")
@click.option("--styles", "styles_paths", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="A folder of reference lists typeset from one BibTeX file (a .bib and one .txt a "
                   "style, a reference a line: citelabel.bibstyles), one set each, less repeats and "
                   "every reference of the --tei and --excite sets and, with --data, of AnyStyle's files.")
@click.option("--heldout", "heldout_paths", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="A held-out set (citelabel.parscit.read_heldout): ParsCit tagged lines (*.tagged.txt), AnyStyle "
                   "XML and GROBID TEI (*.xml) in a file or a folder, one set each, less repeats and every "
                   "reference of the --tei, --excite and --styles sets and, with --data, of AnyStyle's files.")
@click.option("--model", "model_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A model file to use instead of the shipped one.")
@click.option("--rules", is_flag=True, help="Score the rule parser of the footnotes (parse_citation) instead.")
@click.option("--misses", type=click.Path(dir_okay=False, path_type=Path),
              help="Write every reference with a wrong field here (JSON) for reading.")
def citations_score(source, commit, sets, tei_paths, tei_dev, excite_paths, styles_paths, heldout_paths,
                    model_path, rules, misses):
    """Per-field P/R/F1 and whole references of parse_references on AnyStyle's XML, GROBID's TEI,
    EXCITE's segmented references, references typeset from BibTeX or a held-out folder
    (--heldout: ParsCit's tagged lines, AnyStyle XML or GROBID TEI)."""
    import collections

    from . import citations
    from .citelabel import anystyle, bibstyles, excite, fields, parscit, score, tei

    if not source and not tei_paths and not excite_paths and not styles_paths and not heldout_paths:
        _fail("Give --data (AnyStyle's files), --tei (GROBID's), --excite (EXCITE's), --styles or "
              "--heldout, or some of them.")
    if sets and not source:
        _fail("--set needs --data.")
    sets = sets or (() if tei_paths or excite_paths or styles_paths or heldout_paths else ("dev",))
    if model_path:
        fields.use_model(model_path)
    parse_many = (lambda texts: [citations.parse_citation(t) for t in texts]) if rules \
        else (lambda texts: citations.parse_references(texts, chain=False))  # unrelated references

    def labelled():  # (name, references) of each set, read when its turn comes
        for name in sets:
            if name == "dev":
                yield name, anystyle.split(anystyle.development_pool(source, commit)[0])[1]
            else:
                yield name, anystyle.read_set(source, name, commit)
        for path in tei_paths:
            refs, skipped = tei.read_tei(path)
            refs, dropped = tei.unseen(refs, source, commit) if source else anystyle.without(refs, [])
            if tei_dev:
                refs = anystyle.split(refs)[1]
            why = collections.Counter(w for _, w in skipped + dropped)
            click.echo(f"{path}: left out {dict(sorted(why.items())) or 'none'} (no text, no field: "
                       "nothing to score; repeat: within the set; equal, near: in AnyStyle's files)")
            yield str(path), refs
        def unseen(path, refs, skipped, other_sets, why_words):
            """``refs`` less every reference of AnyStyle's files and of ``other_sets``, reported."""
            held = [r for name in anystyle.SETS for r in anystyle.read_set(source, name, commit)] if source else []
            held += [r for read, paths in other_sets for p in paths for r in read(p)[0]]
            refs, dropped = anystyle.without(refs, held)
            why = collections.Counter(w for _, w in skipped + dropped)
            click.echo(f"{path}: left out {dict(sorted(why.items())) or 'none'} ({why_words})")
            return str(path), refs

        for path in excite_paths:
            yield unseen(path, *excite.read_excite(path), [(tei.read_tei, tei_paths)],
                         "no field: nothing to score; repeat: within the set; equal, near: in AnyStyle's "
                         "or the --tei files")
        for path in styles_paths:
            yield unseen(path, *bibstyles.read_styles(path),
                         [(tei.read_tei, tei_paths), (excite.read_excite, excite_paths)],
                         "no entry, tie, two references: no BibTeX entry read from the line; repeat: within "
                         "the set; equal, near: in AnyStyle's, the --tei or the --excite files")
        for path in heldout_paths:
            yield unseen(path, *parscit.read_heldout(path),
                         [(tei.read_tei, tei_paths), (excite.read_excite, excite_paths),
                          (bibstyles.read_styles, styles_paths)],
                         "no field: nothing to score; repeat: within the set; equal, near: in AnyStyle's, "
                         "the --tei, --excite or --styles files")

    wrong = {}
    try:
        for name, refs in labelled():
            texts = [r.text for r in refs]
            parsed = dict(zip(texts, parse_many(texts)))
            result = score.score(refs, parsed.__getitem__, keep_misses=len(refs))
            click.echo(score.format_table(name, result) + "\n")
            wrong[name] = result["misses"]
    except (FileNotFoundError, ValueError) as exc:
        _fail(exc)
    if misses:
        misses.write_text(json.dumps(wrong, ensure_ascii=False, indent=1), encoding="utf-8")


@cli.group()
def export():
    """Write parts of a built database in exchange formats."""


@export.command("csl")
@click.option("--db", "db_path", default="build/alliance.db", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path), help="A database made by `build`.")
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="CSL-JSON file to write ('-' for standard output).")
def export_csl(db_path, out_path):
    """Write every cited work as one CSL-JSON array (for Zotero, Pandoc, citeproc).

    Reads the works of a database already built with `alliance-record build` (run it first);
    the items are the `works.csl_json` column, in work id order.
    """
    if not db_path.exists():
        _fail(f"{db_path}: no such database; run `alliance-record build --out {db_path}` first")
    conn = None
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        items = [json.loads(row[0]) for row in conn.execute("select csl_json from works order by id")]
    except (sqlite3.Error, ValueError, TypeError) as exc:  # not a database, no works table, bad JSON
        _fail(f"{db_path}: cannot read works ({exc}); rebuild it with `alliance-record build`")
    finally:
        if conn is not None:
            conn.close()
    data = json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    if str(out_path) == "-":
        click.echo(data, nl=False)
        return
    _write_text(out_path, data)
    click.echo(f"Wrote {out_path}: {len(items)} works", err=True)


if __name__ == "__main__":  # pragma: no cover
    cli()
