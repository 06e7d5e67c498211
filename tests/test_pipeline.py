import pytest

from tacitus.errors import UsageError
from tacitus.ingest import article_from_text
from tacitus.pipeline import Pipeline, check_order


class Needs:
    name, requires, assigns = "needs", ("events",), ()

    def __call__(self, article):
        return article


class Breaks:
    name, requires, assigns = "breaks", ("doc",), ("events",)

    def __call__(self, article):
        raise RuntimeError("boom")


class Returns:
    name, requires, assigns = "returns", ("doc",), ()

    def __call__(self, article):
        return None


def test_order_is_checked_once_at_build_time():
    with pytest.raises(UsageError, match="needs .*events"):
        check_order([Needs()])
    check_order([Breaks(), Needs()], given=("doc",))


def test_a_failing_stage_marks_the_article_and_the_batch_goes_on(pipeline):
    broken = Pipeline(stages=[Breaks()])
    articles = [article_from_text("Iran and Iraq held talks.", id=str(i)) for i in range(3)]
    out = list(broken.pipe(articles))
    assert [a.id for a in out] == ["0", "1", "2"]
    assert all(a.errors and a.errors[0].code == "E501" and "boom" in a.errors[0].message for a in out)


def test_a_stage_must_return_its_article():
    with pytest.raises(TypeError, match="returned NoneType"):
        Pipeline(stages=[Returns()])(article_from_text("Iran and Iraq held talks.", id="x"))


def test_unknown_model_is_a_clear_error():
    from tacitus.errors import ModelError

    with pytest.raises(ModelError, match="E201.*not_a_model"):
        Pipeline(model="not_a_model")


def test_sentences_break_at_line_ends(pipeline):
    article = pipeline(article_from_text("Caption text here — Reuters\nISLAMABAD: Iran and Iraq held talks.", id="x"))
    assert [s.text for s in article.sentences][0] == "Caption text here — Reuters"
