"""The inflection marker of phrases (crosscheck.text.inflect): which forms `"kill+"` stands for."""

from __future__ import annotations

import pytest

from crosscheck.text.inflect import MAX_FORMS, expand, has_marker, inflections, written


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("kill", {"kill", "kills", "killed", "killing"}),
        ("die", {"die", "dies", "died", "dying"}),
        ("injure", {"injure", "injures", "injured", "injuring"}),
        ("lose", {"lose", "loses", "lost", "losing"}),
        ("flee", {"flee", "flees", "fled", "fleeing"}),
        ("bury", {"bury", "buries", "buried", "burying"}),
        ("deploy", {"deploy", "deploys", "deployed", "deploying"}),
        ("dispatch", {"dispatch", "dispatches", "dispatched", "dispatching"}),
        ("evacuate", {"evacuate", "evacuates", "evacuated", "evacuating"}),
        ("arrive", {"arrive", "arrives", "arrived", "arriving"}),
        ("send", {"send", "sends", "sent", "sending"}),
        ("stop", {"stop", "stops", "stopped", "stopping"}),
        ("casualty", {"casualty", "casualties"}),
        ("death", {"death", "deaths"}),
        ("child", {"child", "children"}),
        ("life", {"life", "lives"}),
        ("strike", {"strike", "strikes", "struck", "striking"}),
    ],
)
def test_every_form_a_report_writes_is_generated(word: str, forms: set[str]) -> None:
    found = inflections(word)
    assert found[0] == word
    assert forms <= set(found), forms - set(found)


def test_an_unmarked_phrase_stands_for_itself() -> None:
    assert expand("killed or wounded") == ("killed or wounded",)
    assert expand("C++ attacks") == ("C++ attacks",)  # "+" after no letters is a character
    assert expand("10+") == ("10+",)


def test_only_the_marked_word_varies() -> None:
    forms = set(expand("lose+ their lives"))
    assert {"lost their lives", "loses their lives", "losing their lives"} <= forms
    assert all(form.endswith(" their lives") for form in forms)
    assert "lose their lives" in forms


def test_several_marked_words_multiply_up_to_a_limit() -> None:
    forms = expand("wound+ and kill+")
    assert "wounded and killed" in forms and "wounds and kills" in forms
    assert len(expand("a+ b+ c+ d+ e+ f+")) == MAX_FORMS


def test_marker_detection_and_base_form() -> None:
    assert has_marker("kill+") and has_marker("were dispatch+")
    assert not has_marker("killed") and not has_marker("10+")
    assert written("lose+ their lives") == "lose their lives"
