"""The `tacitus` command line: thin commands over the library; errors become messages at this edge."""

from __future__ import annotations

import json
import logging
import sys

import click

from . import __version__
from .errors import TacitusError
from .output import FORMATS, Writer, article_to_dict
from .ingest.article import MAX_ARTICLE_CHARS
from .parse import CHUNK_CHARS, DEFAULT_MODEL
from .pipeline import MIN_CHUNK_CHARS, TIME_LIMIT

log = logging.getLogger("tacitus")


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def _published_option(func):
    return click.option("--published", metavar="YYYY-MM-DD",
                        help="Publication date of the input (overrides dates found in JSONL, HTML or the text).")(func)


def _model_option(func):
    return click.option("--model", default=DEFAULT_MODEL, show_default=True,
                        help="Name of an installed spaCy pipeline to parse with.")(func)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tacitus")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-v info, -vv debug).")
def main(verbose: int) -> None:
    """Tacitus: political event data from news text — who did what to whom, when and where."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


@main.command("code")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
              help="jsonl: one JSON object per article (the output contract); csv: one row per event; "
                   "table: a readable table.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write here instead of standard output.")
@_published_option
@_model_option
@click.option("--batch-size", type=click.IntRange(1, 1024), default=32, show_default=True,
              help="Articles parsed per spaCy batch.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar on stderr (default: when stderr is a terminal and there are several articles).")
@click.option("--max-chars", type=click.IntRange(0), default=MAX_ARTICLE_CHARS, show_default=True,
              help="Longer articles are refused with error E108 (0: no limit).")
@click.option("--chunk-chars", type=click.IntRange(MIN_CHUNK_CHARS), default=CHUNK_CHARS, show_default=True,
              help="Longer articles are parsed and coded in chunks of this many characters (bounded memory).")
@click.option("--time-limit", type=click.FloatRange(0), default=TIME_LIMIT, show_default=True, metavar="SECONDS",
              help="Stop the stages on an article (on one chunk of a long one) after this long, with error E502 "
                   "(0: no limit).")
def code_command(inputs, fmt, output, published, model, batch_size, progress, max_chars, chunk_chars, time_limit):
    """Code news articles into political events.

    INPUT is a .txt/.md file (one article), an .html page, a .jsonl file (one article a line with
    `text` and optional `id`, `published`, `title`, `url`, `source`), a directory (read recursively)
    or - for standard input. Errors in one input are reported on stderr and in that article's
    `errors`; the others are still coded. The exit status is 1 only when nothing could be read.
    """
    from .ingest import count_inputs, is_error_article, read_inputs
    from .pipeline import Pipeline

    console = _stderr_console()
    try:
        articles = read_inputs(inputs, published=published, max_chars=max_chars or None)
        pipeline = Pipeline(model=model, batch_size=batch_size, max_chars=max_chars or None, chunk_chars=chunk_chars,
                            time_limit=time_limit or None)
    except TacitusError as exc:
        raise click.ClickException(str(exc)) from exc
    writer = Writer(output, fmt)
    total = count_inputs(inputs)
    show = progress if progress is not None else (console.is_terminal and (total or 0) > 1)
    readable = 0
    with _progress(console, show, total) as advance:
        for article in pipeline.pipe(_report_errors(articles, console)):
            if not is_error_article(article):
                readable += 1
            writer.write(article_to_dict(article))
            advance()
    if readable == 0:
        console.print("[red]error:[/red] no article could be read")
        sys.exit(1)


def _report_errors(articles, console):
    for article in articles:
        for error in article.errors:
            where = error.input or article.id
            line = f", line {error.line}" if error.line else ""
            message = error.message if error.message.startswith(str(where)) else f"{where}{line}: {error.message}"
            console.print(f"[yellow]{error.code}[/yellow] {message}", highlight=False, soft_wrap=True)
        yield article


class _progress:
    """A rich progress bar on stderr, or nothing."""

    def __init__(self, console, show: bool, total: int | None):
        self.console, self.show, self.total = console, show, total
        self.bar = None

    def __enter__(self):
        if not self.show:
            return lambda: None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(TextColumn("coding"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                            console=self.console, transient=True)
        self.bar.start()
        task = self.bar.add_task("coding", total=self.total)
        return lambda: self.bar.advance(task)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()
        return False


@main.command("explain")
@click.argument("text")
@_published_option
@_model_option
def explain_command(text, published, model):
    """Show each event found in TEXT with the rule and the parse path that produced it."""
    from . import code

    try:
        article = code(text, published=published, model=model)
    except TacitusError as exc:
        raise click.ClickException(str(exc)) from exc
    from .events.ontology import cameo

    if not article.events:
        click.echo("no events found")
    for number, event in enumerate(article.events, start=1):
        source = event.source.actor if event.source else None
        target = event.target.actor if event.target else None
        click.echo(f"{number}. {event.cameo} {cameo(event.cameo).name}  "
                   f"[{source.code if source else '-'} -> {target.code if target else '-'}]  "
                   f"trigger {event.trigger.text!r} at {event.trigger.start}-{event.trigger.end}")
        click.echo(f"   rule      {event.rule}")
        for key in ("trigger", "consumed", "source_path", "target_path", "modality", "domain"):
            value = event.evidence.get(key)
            if value:
                click.echo(f"   {key:<9} {value}")
        if event.source:
            click.echo(f"   source    {event.source.text!r} -> {source.code} ({source.basis})")
        if event.target:
            click.echo(f"   target    {event.target.text!r} -> {target.code} ({target.basis})")
        basis = event.evidence.get("date_basis")
        click.echo(f"   date      {event.date} ({event.date_precision}; {event.date_text or 'no time expression'}"
                   f"{'; dated by ' + basis if basis else ''})")


@main.command("actor")
@click.argument("text")
@click.option("--date", metavar="YYYY-MM-DD", help="When the text was written (people are coded by who held office then).")
@click.option("--context", help="Surrounding text that can break ties (e.g. the sentence).")
def actor_command(text, date, context):
    """Code one actor description, e.g. "Russian Foreign Minister Sergey Lavrov"; prints JSON or null."""
    from dataclasses import asdict

    from .actors.dictionary import default_dictionary

    try:
        actor = default_dictionary().code(text, date=date, context=context)
    except TacitusError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(asdict(actor) if actor else None, ensure_ascii=False))


@main.command("time")
@click.argument("file", type=click.File("r", encoding="utf-8"))
@_published_option
@click.option("--parse/--no-parse", "parse", default=False, show_default=True,
              help="Parse FILE first, as `tacitus code` does, so that the tense of the verb a bare weekday "
                   "or month hangs from decides which way it points (\"goes to the polls on Thursday\").")
@_model_option
def time_command(file, published, parse, model):
    """Print the time expressions in FILE (TIMEX3 type and value, relative to --published) as JSON.

    Without --parse it reads the words alone, which is fast; `tacitus code` also reads the parse's
    tenses, so a bare weekday may point the other way there.
    """
    from .ingest.dates import validate_published
    from .time import find_timexes

    try:
        published = validate_published(published)
    except TacitusError as exc:
        raise click.ClickException(str(exc)) from exc
    text = file.read()
    if parse:
        from . import Pipeline, article_from_text
        from .time.stage import TimeStage

        try:
            article = Pipeline(model=model, stages=[TimeStage()])(
                article_from_text(text, id=file.name, published=published))
        except TacitusError as exc:
            raise click.ClickException(str(exc)) from exc
        timexes = article.timexes
    else:
        timexes = find_timexes(text, published)
    click.echo(json.dumps([{"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
                           for t in timexes], ensure_ascii=False, indent=1))


@main.command("eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--level", type=click.Choice(["root", "code"]), default="root", show_default=True,
              help="Which CAMEO level the worst examples are judged at (codebook gold files).")
@click.option("--worst", "worst_n", type=click.IntRange(0), default=0, show_default=True,
              help="Also print the N worst sentences (confident wrong events first, then misses).")
@_model_option
def eval_command(gold, level, worst_n, model):
    """Score the event coder on GOLD.jsonl files (CAMEO codebook, PLOVER or five-way class gold).

    Each sentence is coded with the real pipeline; one event stands for it. Prints precision, recall,
    F1 or accuracy, a gold-by-predicted confusion table and, with --worst, the worst examples.
    """
    from .events.evaluate import evaluate_files, format_report, evaluation_pipeline

    try:
        reports = evaluate_files(gold, evaluation_pipeline(model))
    except TacitusError as exc:
        raise click.ClickException(str(exc)) from exc
    for report in reports:
        click.echo(format_report(report, level=level, worst_n=worst_n))
        click.echo("")


from .store.cli import COMMANDS as _STORE_COMMANDS  # noqa: E402  (ingest, query, stats, export)

for _command in _STORE_COMMANDS:
    main.add_command(_command)

from .web.cli import serve_command  # noqa: E402

main.add_command(serve_command)


if __name__ == "__main__":  # pragma: no cover
    main()
