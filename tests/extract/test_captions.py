"""A file photo's caption gives another event's figures: none of them is a claim."""

from __future__ import annotations

from extract_helpers import doc
from test_extract_places import EXTRACTOR

from crosscheck.extract.captions import file_captions

CAPTION = (
    "Troops retake the mall; 68 dead\n\n"
    "FILE - In this file photo from Aug. 7, 1998, rescuers carry a worker from the rubble.\n\n"
    "The bombings killed 224 people. (AP Photo/Jane Doe, File)\n\n"
    "On Sunday the toll rose to 68, officials said."
)


def test_a_file_photos_caption_runs_to_its_credit() -> None:
    (span,) = file_captions(CAPTION)
    assert CAPTION[span[0] :].startswith("FILE - In this file photo")
    assert CAPTION[: span[1]].endswith("(AP Photo/Jane Doe, File)")


def test_a_caption_without_a_credit_is_its_own_line() -> None:
    text = "FILE - Rescuers after the 2005 quake, which killed 86,000.\nThe toll is 40."
    assert [text[s:e] for s, e in file_captions(text)] == [text.splitlines()[0]]


def test_the_figures_of_a_caption_are_no_claims() -> None:
    found = [(c.measure, c.stated) for c in EXTRACTOR.claims(doc(CAPTION))]
    assert found == [("killed", "68"), ("killed", "68")]


def test_a_photo_credit_without_file_is_no_caption_of_another_event() -> None:
    assert file_captions("The toll rose to 68. (AP Photo/Jane Doe)") == []
