"""Extraction reads written amounts back as the intervals they mean, and never
crashes or places a claim outside its sentence, whatever the text."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from crosscheck import extract
from crosscheck import testing as cct
from crosscheck.dsl import build_ruleset, parse
from crosscheck.dsl.ast import RuleSet
from crosscheck.model import Document

RULES = """
measure killed: count
    when "killed" | "died"
measure deployed: count
    when "deployed" | "sent"
measure caliber: length in mm
    when "rocket launchers"
measure share: percent
    when "of the force"
measure cargo: mass in kg
    when "of cargo"
"""


@st.composite
def rulesets(draw: st.DrawFn) -> RuleSet:
    """The rules above, with hedge widths of the rule file's own now and then."""
    widths = draw(st.dictionaries(st.sampled_from(["approximately", "nearly", "about"]),
                                  st.integers(0, 30), max_size=2))  # fmt: skip
    settings = "".join(f"tolerance {hedge} = {width}%\n" for hedge, width in widths.items())
    return build_ruleset([parse(settings + RULES)])


def read(ruleset: RuleSet, document: Document) -> list[tuple[str, int | None, int | None, str]]:
    claims = extract.Extractor(ruleset).claims(document)
    return [(c.measure, c.start, c.end, str(c.interval)) for c in claims]


def expected(article: cct.Article) -> list[tuple[str, int | None, int | None, str]]:
    return [(w.measure, w.start, w.end, str(w.interval)) for w in article.claims]


@given(rulesets(), st.data())
def test_a_written_amount_reads_back_as_its_interval(ruleset: RuleSet, data: st.DataObject) -> None:
    article = data.draw(cct.articles(ruleset, max_sentences=1))
    assert read(ruleset, article.document) == expected(article), article.document.text


@given(rulesets(), st.data())
def test_an_article_reads_back_claim_by_claim(ruleset: RuleSet, data: st.DataObject) -> None:
    article = data.draw(cct.articles(ruleset, max_sentences=5))
    claims = extract.Extractor(ruleset).claims(article.document)
    assert [c.stated for c in claims] == [w.text for w in article.claims]
    assert read(ruleset, article.document) == expected(article), article.document.text


def test_number_words() -> None:
    assert cct.number_words(0) == "zero"
    assert cct.number_words(21) == "twenty-one"
    assert cct.number_words(11_200) == "eleven thousand two hundred"
    assert cct.number_words(3_000_005) == "three million five"


# ------------------------------------------------------------------ arbitrary text

FRAGMENTS = [
    "about ",
    "over ",
    "nearly ",
    "up to ",
    "between ",
    " and ",
    " to ",
    "1,100",
    "11,000",
    "3.5",
    "240",
    "mm",
    " cm",
    "%",
    " percent",
    "one thousand",
    "twenty-one",
    "several hundred",
    " soldiers",
    " killed",
    " died",
    " deployed",
    " rocket launchers",
    " of the force",
    " tonnes of cargo",
    ". ",
    ".",
    "\n",
    "\n\n",
    "“",
    "”",
    "Mr. ",
    "U.S. ",
    "-",
    "–",
    "2024",
]
texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join),
)


@given(rulesets(), texts, st.data())
def test_any_text_gives_claims_inside_their_sentences(
    ruleset: RuleSet, text: str, data: st.DataObject
) -> None:
    article = data.draw(cct.articles(ruleset, max_sentences=2))
    cut = data.draw(st.integers(0, len(article.document.text)))
    body = article.document.text[:cut] + text + article.document.text[cut:]
    document = article.document.model_copy(update={"text": body})
    extractor = extract.Extractor(ruleset)
    for decision in extractor.decisions(document):
        claim = decision.claim
        if claim is None:
            continue
        sentence = decision.sentence
        assert sentence is not None and claim.start is not None and claim.end is not None
        assert body[sentence.start : sentence.end] == sentence.text == claim.sentence
        assert sentence.start <= claim.start < claim.end <= sentence.end
        assert body[claim.start : claim.end] == claim.stated
        assert claim.interval.low is None or claim.interval.low >= Fraction(0)
    assert extractor.claims(document) == [d.claim for d in extractor.decisions(document) if d.claim]
