"""Every entry of every word list in ``crosscheck.lexicon`` is read where it should be.

Each test walks one list, so an entry added to the lexicon is tested here at once, and
a list that some regex or fast path does not read from makes its test fail.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from lexicon_helpers import BY_FAMILY, excluded, items, mention, value

from crosscheck import lexicon
from crosscheck.extract.exclusions import ExclusionKind
from crosscheck.hedges import family_of
from crosscheck.units import canonical_name


@pytest.mark.parametrize("written", sorted(lexicon.PRE_HEDGES))
def test_every_hedge_before_a_number_is_read(written: str) -> None:
    item = mention(f"{written} 1,200 people were killed")
    canonical = lexicon.PRE_HEDGES[written]
    assert item.hedge == canonical
    assert item.stated.lower().startswith(written)
    assert item.interval == BY_FAMILY[lexicon.HEDGE_FAMILIES[canonical]]


@pytest.mark.parametrize("written", sorted(lexicon.POST_HEDGES))
def test_every_hedge_after_a_number_is_read(written: str) -> None:
    glued = not written[0].isalpha()
    item = mention(f"1,200{'' if glued else ' '}{written} people were killed")
    assert item.hedge == lexicon.POST_HEDGES[written]
    assert item.stated.endswith(written)
    assert item.interval == BY_FAMILY[lexicon.HEDGE_FAMILIES[item.hedge]]


def test_or_above_and_lakh_are_read() -> None:
    """The two entries the code review found ignored: both are read now."""
    assert mention("1,200 or above were killed").interval == BY_FAMILY["at least"]
    assert value("3 lakh people") == 300_000
    assert value("two crore rupees") == 20_000_000


@pytest.mark.parametrize("family", sorted(set(lexicon.HEDGE_FAMILIES.values())))
def test_every_family_has_a_meaning(family: str) -> None:
    assert family in BY_FAMILY
    assert family_of(family) == family  # a family's name is a hedge of it


@pytest.mark.parametrize("word", sorted(lexicon.SCALES))
def test_every_scale_word_multiplies(word: str) -> None:
    scale = lexicon.SCALES[word]
    assert value(f"3 {word} people") == 3 * scale
    assert value(f"3.5 {word} people") == Fraction(7, 2) * scale
    assert value(f"three {word} people") == 3 * scale
    assert value(f"a {word} people") == scale


@pytest.mark.parametrize("word", sorted(lexicon.SCALE_ABBREVIATIONS))
def test_every_scale_abbreviation_multiplies(word: str) -> None:
    scale = lexicon.SCALE_ABBREVIATIONS[word]
    assert value(f"1.2{word} in aid") == Fraction(6, 5) * scale
    assert value(f"3 {word} in aid") == 3 * scale


@pytest.mark.parametrize("word", sorted(lexicon.GLUED_SCALE_ABBREVIATIONS))
def test_every_glued_abbreviation_multiplies_only_glued(word: str) -> None:
    scale = lexicon.GLUED_SCALE_ABBREVIATIONS[word]
    assert value(f"3{word} in aid") == 3 * scale
    assert value(f"3 {word} in aid") == 3


@pytest.mark.parametrize(("number", "word"), [*enumerate(lexicon.ONES)])
def test_every_small_number_word_is_read(number: int, word: str) -> None:
    assert value(f"{word} people") == number


@pytest.mark.parametrize(("index", "word"), [*enumerate(lexicon.TENS)])
def test_every_tens_word_is_read(index: int, word: str) -> None:
    assert value(f"{word} people") == 20 + 10 * index
    assert value(f"{word}-two people") == 22 + 10 * index


@pytest.mark.parametrize("word", sorted(lexicon.GROUP_WORDS))
@pytest.mark.parametrize("article", lexicon.ARTICLES)
def test_every_group_word_and_article_is_read(word: str, article: str) -> None:
    size = lexicon.GROUP_WORDS[word]
    assert value(f"two {word} tanks") == 2 * size
    assert value(f"{article} {word} tanks") == size
    assert value(f"{article} thousand tanks") == 1000


@pytest.mark.parametrize("phrase", sorted(lexicon.VAGUE_AMOUNTS))
def test_every_vague_amount_is_read(phrase: str) -> None:
    item = mention(f"{phrase} of the people")
    low, high = lexicon.VAGUE_AMOUNTS[phrase]
    assert (item.kind, item.low, item.high) == ("vague", low, high)


@pytest.mark.parametrize("word", lexicon.VAGUE_NEEDING_OF)
def test_vague_nouns_need_of(word: str) -> None:
    assert not items(f"test {word} rose")
    assert mention(f"{word} of villages").kind == "vague"


@pytest.mark.parametrize("word", lexicon.VAGUE_NOUN_FOLLOWERS)
def test_a_vague_noun_before_a_follower_is_an_amount(word: str) -> None:
    assert mention(f"a siege that left scores {word} in the town").kind == "vague"


@pytest.mark.parametrize("word", sorted(lexicon.UNIT_WORDS))
def test_every_unit_word_is_read(word: str) -> None:
    # "%" is glued; so are units that after a blank are clock words ("1400 hrs")
    blank = "" if word == "%" or word in lexicon.SPACED_CLOCK_WORDS else " "
    item = mention(f"5{blank}{word} away")
    assert item.unit == canonical_name(lexicon.UNIT_WORDS[word])
    assert item.stated == f"5{blank}{word}"


@pytest.mark.parametrize("word", sorted(w for w in lexicon.UNIT_WORDS if " " in w))
def test_every_unit_of_words_is_read_hyphenated(word: str) -> None:
    written = f"5-{word.replace(' ', '-')}"  # "the 5-square-mile heart of the town"
    item = mention(f"the {written} heart of the town")
    assert item.unit == canonical_name(lexicon.UNIT_WORDS[word])
    assert item.stated == written


@pytest.mark.parametrize("word", sorted(lexicon.OTHER_UNITS))
def test_every_other_unit_is_read(word: str) -> None:
    item = mention(f"5 {word} away")
    assert item.dimension == lexicon.OTHER_UNITS[word]
    assert item.stated == f"5 {word}"


@pytest.mark.parametrize("sign", sorted(lexicon.CURRENCY_SIGNS))
def test_every_currency_sign_is_read(sign: str) -> None:
    # A sign of letters is a word of its own: "Rs 5" (a number glued to a word is read
    # only where binding looks for it).
    written = f"{sign} " if sign[0].isalpha() else sign
    item = mention(f"they pledged {written}5 in aid")
    assert (item.unit, item.stated) == (lexicon.CURRENCY_SIGNS[sign], f"{written}5")
    for word, scale in lexicon.CURRENCY_SCALES.items():
        assert value(f"they pledged {written}3{word} in aid") == 3 * scale


@pytest.mark.parametrize("sign", [s for s in lexicon.CURRENCY_SIGNS if s[0].isalpha()])
def test_a_currency_sign_of_letters_is_a_word_of_its_own(sign: str) -> None:
    item = mention(f"for 48 ho{sign} 5 people were missing")
    assert item.dimension != "[currency]"


@pytest.mark.parametrize("word", lexicon.RANGE_WORDS)
def test_every_range_word_joins_a_range(word: str) -> None:
    item = mention(f"11,000 {word} 12,000 soldiers")
    assert (item.kind, item.low, item.high) == ("range", 11000, 12000)


@pytest.mark.parametrize("verb", lexicon.CHANGE_VERBS)
def test_every_change_verb_makes_from_to_a_change(verb: str) -> None:
    assert mention("the toll from 100 to 200").kind == "range"
    assert mention(f"the toll {verb} from 100 to 200").stated == "100"


@pytest.mark.parametrize("word", lexicon.MULTIPLIER_WORDS)
def test_every_multiplier_word_is_no_amount(word: str) -> None:
    assert excluded(f"three {word} as many") is ExclusionKind.MULTIPLIER
    assert excluded(f"a 3-{word} rise") is ExclusionKind.MULTIPLIER


@pytest.mark.parametrize("sign", lexicon.MULTIPLIER_SIGNS)
def test_every_multiplier_sign_is_no_amount(sign: str) -> None:
    assert excluded(f"a 3{sign} rise") is ExclusionKind.MULTIPLIER


@pytest.mark.parametrize("word", lexicon.COMPOUND_AMOUNTS)
def test_every_compound_amount_is_read(word: str) -> None:
    assert excluded("a two-pronged attack") is ExclusionKind.COMPOUND
    assert mention(f"a two-{word} team").low == 2
