"""A generator of news-like text for benchmarks: varied, reproducible, streamed.

Most sentences carry no amount at all, as in real reporting; the rest state troop
counts, tolls, calibers and missile counts in every form the extractor reads
(digits, words, ranges, hedges, vague amounts, units) or set its traps (years,
dates, durations, the border deployment, captured soldiers, names like F-16).
Every sentence is written for this project.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

DOCUMENT_BREAK = "\n\f\n"  # between documents in a generated file

PLACES = [
    "Kursk",
    "the Kursk region",
    "the border area",
    "the southern front",
    "Belgorod",
    "the frontier villages",
    "the eastern sector",
    "the training grounds",
]
SOURCES = [
    "officials in Seoul",
    "the defence ministry",
    "a Pentagon spokesman",
    "Ukrainian intelligence",
    "the Joint Chiefs of Staff",
    "analysts in Tokyo",
    "a senior European diplomat",
    "the spy agency",
    "state media",
    "local reporters",
]
TOPICS = [
    "sanctions",
    "the peace talks",
    "grain exports",
    "air defence",
    "drone production",
    "the winter offensive",
    "fuel supplies",
    "the satellite launch",
    "rail logistics",
]
VERBS = ["said", "reported", "noted", "told journalists", "wrote", "claimed", "estimated"]
SUBJECTS = ["North Korean troops", "North Korean soldiers", "DPRK forces"]
HEDGES = [
    "approximately",
    "about",
    "around",
    "roughly",
    "some",
    "an estimated",
    "nearly",
    "almost",
    "over",
    "more than",
    "at least",
    "upwards of",
    "up to",
    "fewer than",
    "as many as",
    "no fewer than",
    "close to",
    "just over",
]
WORD_NUMBERS = [
    "one thousand",
    "eleven thousand",
    "twelve thousand",
    "eleven-thousand",
    "two thousand",
    "a thousand",
    "half a million",
    "a dozen",
    "three hundred",
    "fifteen hundred",
    "several hundred",
    "hundreds",
    "thousands",
    "dozens",
    "a few hundred",
    "several thousand",
]

FILLER = [
    "{src} {verb} that talks on {topic} would resume after the holidays.",
    "The statement did not say what {topic} would mean for {place}.",
    "Reporters were not allowed to visit {place}, where fighting has continued.",
    "{Src} declined to comment on {topic} when asked on the phone",
    "Weather in {place} has slowed movement on both sides, according to {src}.",
    "Meanwhile, the debate over {topic} continues in parliament.",
    "It was not clear whether {topic} had been discussed at the meeting.",
    "Critics argue that {topic} will not change the course of the war.",
    "The region.Officials there say {topic} is a priority for the coming weeks.",
    "Gen. Park and Mr. Lee met U.S. envoys to review {topic} in detail.",
    "Satellite images released by {src} show new roads near {place}.",
]
DATES = [
    "On January {day}, {src} {verb} that {topic} was under review.",
    "The treaty signed in June {year} still shapes {topic}.",
    "By Dec. {day}, the talks on {topic} had stalled.",
    "The armistice of 1953 never became a peace treaty.",
    "A briefing at {hour}:{minute:02d} pm on the {day}th covered {topic}.",
    "Inquiries can be made at +82 2 {a} {b} or by e-mail.",
    "Pilots trained on F-16 and Su-35 jets during the {year} exercises.",
    "Since the COVID-19 pandemic, the G7 has met {small} times on {topic}.",
]
CLAIMS = [
    "{src} {verb} that {hedge} {count:,} {subj} had been deployed to {place}.",
    "{Hedge} {count:,} {subj} are stationed in {place}, {src} {verb}.",
    "Intelligence puts the number of {subj} sent to Russia at {low:,} to {high:,}.",
    "Between {low:,} and {high:,} {subj} were sent to {place} last autumn.",
    "{src} {verb} that {wnum} {subj} have been killed in {place}.",
    "At least {toll:,} {subj} were killed or wounded, {src} {verb}.",
    "The toll among {subj} has surpassed {toll:,} killed or injured, {src} {verb}.",
    "{src} counted around {small} deaths and {toll:,} injuries among {subj}.",
    "Pyongyang supplied {cal}mm rocket launchers and {cal2} millimeter howitzers.",
    "The shipment included {cal}-millimetre salvo launchers and {cal2}mm self-propelled artillery.",
    "Russia fired {hedge} {small} ballistic missiles made in the North this month.",
    "{src} {verb} {subj} suffered casualties estimated at {hedge} {toll:,}.",
    "The losses of {subj} were put at {wnum} by {src}.",
    "{subj} numbering {low}-{high2} thousand were deployed, {src} {verb}.",
]
TRAPS = [
    "Along the Korean border, North Korea deployed up to {count:,} soldiers to build barriers.",
    "The number of troops at the border later fell to several hundred.",
    "It has been four months since {subj} were sent, and two were captured.",
    "Two {subj} had been captured and were questioned, {src} {verb}.",
    "Reinforcements could reach {place} within {small} months, {src} {verb}.",
    "North Korean troops have not fought since 1953, {src} {verb}.",
    "Turnout rose to {pct}% in the {year} vote, {src} {verb}.",
    "The fund will cost $1.2bn over three years, {src} {verb}.",
]


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def _fill(template: str, rng: random.Random) -> str:
    low = rng.choice([9, 10, 11, 12]) * 1000
    values = {
        "src": rng.choice(SOURCES),
        "verb": rng.choice(VERBS),
        "topic": rng.choice(TOPICS),
        "place": rng.choice(PLACES),
        "subj": rng.choice(SUBJECTS),
        "hedge": rng.choice(HEDGES),
        "count": rng.randrange(8000, 14000, 100),
        "low": low,
        "high": low + 1000,
        "high2": low // 1000 + 1,
        "toll": rng.randrange(100, 4000, 50),
        "small": rng.randint(2, 90),
        "wnum": rng.choice(WORD_NUMBERS),
        "cal": rng.choice([240, 122, 300]),
        "cal2": rng.choice([170, 152]),
        "day": rng.randint(1, 28),
        "year": rng.randint(1990, 2025),
        "hour": rng.randint(1, 12),
        "minute": rng.randint(0, 59),
        "a": rng.randint(100, 999),
        "b": rng.randint(1000, 9999),
        "pct": rng.randint(1, 99),
    }
    text = template.format(**values, Src=_cap(values["src"]), Hedge=_cap(values["hedge"]))
    return text[0].upper() + text[1:]


def _sentence(rng: random.Random) -> str:
    roll = rng.random()
    pool = FILLER if roll < 0.84 else DATES if roll < 0.90 else CLAIMS if roll < 0.96 else TRAPS
    return _fill(rng.choice(pool), rng)


def document(rng: random.Random) -> str:
    """One article: a headline without a full stop, then paragraphs."""
    headline = _fill(rng.choice(CLAIMS + FILLER), rng).rstrip(".")
    paragraphs = [
        " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))
        for _ in range(rng.randint(4, 10))
    ]
    return headline + "\n\n" + "\n".join(paragraphs) + "\n"


def generate(total_chars: int, seed: int = 7) -> Iterator[str]:
    """Documents until about ``total_chars`` characters have been produced."""
    rng = random.Random(seed)
    produced = 0
    while produced < total_chars:
        text = document(rng)
        produced += len(text)
        yield text


def write_corpus(path: str, size_mb: float, seed: int = 7) -> int:
    """Write generated documents to ``path`` (streamed); the number of characters written."""
    written = 0
    with open(path, "w", encoding="utf-8") as out:
        for text in generate(int(size_mb * 1_000_000), seed):
            out.write(text)
            out.write(DOCUMENT_BREAK)
            written += len(text)
    return written
