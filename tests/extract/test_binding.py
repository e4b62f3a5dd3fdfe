"""Binding numbers to measures, on sentences of our own with the patterns of real reports."""

from __future__ import annotations

from fractions import Fraction

import pytest
from extract_helpers import doc

from crosscheck.extract import Extractor
from crosscheck.model import Claim


def claims(
    extractor: Extractor, text: str
) -> list[tuple[str, str, Fraction | None, Fraction | None]]:
    found = extractor.claims(doc(text))
    return [(c.measure, c.stated, c.interval.low, c.interval.high) for c in found]


def test_hedged_deployment(extractor: Extractor) -> None:
    text = "Officials believe North Korean troops numbering approximately 12,500 were deployed."
    assert claims(extractor, text) == [("deployed", "approximately 12,500", 11250, 13750)]


def test_longest_phrase_wins(extractor: Extractor) -> None:
    text = "At least 900 North Korean soldiers were killed or wounded near the river."
    assert claims(extractor, text) == [("casualties", "At least 900", 900, None)]


def test_each_number_takes_the_phrase_next_to_it(extractor: Extractor) -> None:
    text = "Medics counted around 40 deaths and 700 injuries among DPRK forces this week."
    assert claims(extractor, text) == [
        ("killed", "around 40", 36, 44),
        ("wounded", "700", 630, 770),  # the hedge carries over the coordination
    ]


def test_phrase_before_numbers(extractor: Extractor) -> None:
    text = "Among North Korean troops, the fighting killed 50 and wounded 300."
    assert claims(extractor, text) == [("killed", "50", 50, 50), ("wounded", "300", 300, 300)]


def test_unless_word_taken_by_another_number_does_not_veto(extractor: Extractor) -> None:
    text = "The clashes left 70 North Korean soldiers killed and 210 wounded."
    assert claims(extractor, text) == [("killed", "70", 70, 70), ("wounded", "210", 210, 210)]


def test_calibers_pair_in_order_and_a_bare_noun_gets_nothing(extractor: Extractor) -> None:
    text = "The convoy carried 220mm salvo launchers and 150mm mortars for the front."
    assert claims(extractor, text) == [("launcher_caliber", "220mm", 220, 220)]


def test_units_are_converted_to_the_measure_unit(extractor: Extractor) -> None:
    (claim,) = extractor.claims(doc("Crews unloaded 22 cm rocket launchers at dawn."))
    assert claim.unit == "mm" and claim.interval.low == 220


def test_length_never_binds_to_a_count(extractor: Extractor) -> None:
    text = "North Korean troops were sent with 300 mm guns."
    assert claims(extractor, text) == []


def test_subject_named_in_the_previous_sentence(extractor: Extractor) -> None:
    text = "DPRK forces crossed the river at night. About 2,000 soldiers were stationed there."
    assert claims(extractor, text) == [("deployed", "About 2,000", 1800, 2200)]


def test_subject_kept_in_focus_by_head_nouns(extractor: Extractor) -> None:
    text = (
        "North Korean soldiers arrived in March. Most of the troops were sent east. "
        "Later, over 400 of these troops were killed."
    )
    assert claims(extractor, text) == [("killed", "over 400", 400, None)]


def test_subject_out_of_focus(extractor: Extractor) -> None:
    text = "Rebel fighters were sent to the hills. Some 3,000 were deployed there by May."
    assert claims(extractor, text) == []


def test_subject_as_modifier_of_the_measure_noun(extractor: Extractor) -> None:
    text = "Kyiv's tally of North Korean casualties has passed 3,500, officers said."
    assert claims(extractor, text) == [("casualties", "passed 3,500", 3500, None)]
    text = "The tally of North Korean casualties surpassed 3,500 on Sunday."
    assert claims(extractor, text) == [("casualties", "surpassed 3,500", 3500, None)]


def test_restatement_carries_the_previous_measure(extractor: Extractor) -> None:
    text = (
        "North Korea sent a large contingent to the front last year. "
        "By most counts this involves 9,000 to 10,000 North Korean soldiers."
    )
    assert claims(extractor, text) == [("deployed", "9,000 to 10,000", 9000, 10000)]


def test_restatement_within_the_sentence(extractor: Extractor) -> None:
    text = "Pyongyang sent a brigade of North Korean troops; observers put its size at 4,000."
    assert claims(extractor, text) == [("deployed", "4,000", 4000, 4000)]


def test_vague_amount_binds_with_rule_file_range(extractor: Extractor) -> None:
    text = "Analysts put the losses of DPRK forces at several hundred."
    assert claims(extractor, text) == [("casualties", "several hundred", 200, 900)]


def test_missiles_need_no_subject(extractor: Extractor) -> None:
    text = "The army fired at least 45 ballistic missiles in one week."
    assert claims(extractor, text) == [("missiles_launched", "at least 45", 45, None)]


def test_claim_citation_fields(extractor: Extractor) -> None:
    text = "Headline Without A Stop\nSome 8,000 North Korean troops were deployed last year."
    document = doc(text, path="corpus/a.md", line_offset=4)
    (claim,) = extractor.claims(document)
    assert isinstance(claim, Claim)
    assert claim.stated == "Some 8,000"
    assert text[claim.start : claim.end] == "Some 8,000"  # type: ignore[index]
    assert (claim.line, claim.column) == (6, 1)
    assert claim.sentence == "Some 8,000 North Korean troops were deployed last year."
    assert claim.document == "corpus/a.md" and claim.source == "Test Wire"
    assert claim.hedge == "some"


def test_explain_says_why(extractor: Extractor) -> None:
    text = "Along the border, North Korean troops deployed up to 6,000 soldiers."
    document = doc(text)
    decision = extractor.explain(document, text.index("6,000"))
    assert decision is not None and not decision.bound
    assert "border" in decision.reason
    assert "6,000" in decision.describe()
    year = extractor.explain(doc("It began in 1950."), 13)
    assert year is not None and "year" in year.reason


@pytest.mark.parametrize(
    "text",
    [
        # A border deployment, and the few hundred left there.
        "Along the border with the South, North Korean troops deployed up to 9,000 soldiers.",
        "North Korean troops deployed up to 9,000 soldiers, which now guard the border.",
        "North Korean soldiers built fences at the border. Their number fell to several hundred.",
        # Years, durations and prisoners beside measure words.
        "North Korean troops have not seen combat since 1953, when the war was killed off.",
        "It is five months since North Korean troops were sent abroad.",
        "Replacements for North Korean troops could be sent within 2 months.",
        "Three North Korean soldiers had been captured, and none were killed in the raid.",
        "North Korean troops deployed to the coast on January 24 and 25.",
        "The F-16 and MiG-29 crews killed time at the base with North Korean troops.",
    ],
)
def test_traps_do_not_bind(extractor: Extractor, text: str) -> None:
    assert claims(extractor, text) == []


def test_missile_count_binds_only_to_missiles(extractor: Extractor) -> None:
    text = "Ukraine says Russia launched at least 35 North Korean ballistic missiles in May."
    assert claims(extractor, text) == [("missiles_launched", "at least 35", 35, None)]
