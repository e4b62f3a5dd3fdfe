"""Every word list that reading numbers relies on, in one place.

Extraction builds each of its regular expressions and fast-path character tests
from these lists (``crosscheck.extract``), and ``crosscheck.hedges`` reads the hedge
families from here, so adding an entry to a list is all it takes for the word to be
read everywhere. Entries are lower case, with single spaces between words.
"""

from __future__ import annotations

from collections.abc import Iterable

DASHES = "-‐‑–—‒"  # hyphens and dashes, as they join or separate numbers


def _words(spaced: str) -> tuple[str, ...]:
    """Words from one string separated by white space."""
    return tuple(spaced.split())


def _phrases(piped: str) -> tuple[str, ...]:
    """Phrases from one string separated by ``|`` (phrases may hold spaces)."""
    return tuple(" ".join(p.split()) for p in piped.split("|"))


def _to(value: str, piped: str) -> dict[str, str]:
    """Each phrase of ``piped`` mapped to ``value``."""
    return dict.fromkeys(_phrases(piped), value)


def first_letters(words: Iterable[str]) -> str:
    """The first characters of ``words``, each once, in order: a fast-path test."""
    return "".join(dict.fromkeys(word[0] for word in words if word))


# --- Hedges --------------------------------------------------------------------------

# Every hedge a claim may carry, mapped to the family that decides its meaning
# (``crosscheck.hedges.hedged_interval``). Rule files (``tolerance``) and claims files
# name hedges by these keys.
HEDGE_FAMILIES: dict[str, str] = {
    **_to(
        "approximately",
        "approximately|about|around|roughly|some|an estimated|estimated|approx.|circa|or so",
    ),
    # "near" like "close to": approaching from below ("Toll Near 40,000"); "shy of" too
    **_to("nearly", "nearly|almost|close to|just under|near|shy of|just shy of"),
    **_to(
        "over",
        "over|more than|above|exceeded|surpassed|exceeding|in excess of|upwards of|just over"
        "|past|passed|crossed|topped|north of|beyond",
    ),
    **_to(
        "at least",
        "at least|no fewer than|no less than|a minimum of|not less than|not fewer than"
        "|not under|not below",
    ),
    **_to(
        "up to",
        "up to|as many as|as high as|at most|no more than|a maximum of|not more than"
        "|not over|not above|not exceeding",
    ),
    **_to("under", "under|fewer than|less than|below"),
}

# Other spellings of hedges written before the number, mapped to the hedge of
# ``HEDGE_FAMILIES`` they mean (the hedge a claim carries).
HEDGE_SPELLINGS: dict[str, str] = {
    **_to("exceeded", "exceeds|exceed"),
    **_to("surpassed", "surpasses|surpassing"),
    **_to("passed", "passes|passing"),
    **_to("crossed", "crosses|crossing"),
    **_to("topped", "tops|topping"),
    **_to("near", "nears|nearing"),
    "well over": "over",
    "well above": "above",
    "upward of": "upwards of",
}

# Hedges written after the number ("1,000 or more", "1,000+"), mapped to the hedge of
# ``HEDGE_FAMILIES`` they mean. Entries that start with a letter follow blanks; the
# others are glued to the number (a leading "-" stands for any hyphen).
POST_HEDGES: dict[str, str] = {
    "or so": "or so",
    "-or-so": "or so",  # "the dozen-or-so attackers"
    **_to("at least", "or more|or above|and above|and over|or over|plus|+|-plus"),
    **_to("at most", "or fewer|or less|or below|and below|or under|and under"),
}

# Every hedge read before the number, as written, mapped to the hedge a claim carries.
PRE_HEDGES: dict[str, str] = {
    **{hedge: hedge for hedge in HEDGE_FAMILIES if hedge not in POST_HEDGES},
    **HEDGE_SPELLINGS,
}

# A word right before a hedge that negates it ("not over 100"). A negated hedge is read
# only as the negated phrase ``HEDGE_FAMILIES`` lists ("not less than" is at least),
# never as the hedge it contains; unlisted, the number is not read as an amount.
NEGATIONS = _phrases("not|never|no|n't")

# Hedges that are no hedge right after one of these words ("the past 3 days", "half
# past 3").
NOT_A_HEDGE_AFTER: dict[str, tuple[str, ...]] = {
    "past": _words("the this its their his her our half quarter"),
    # "the toll goes up to 589" is a rise to 589, not "at most 589"
    "up to": _words(
        "go goes went gone going rise rises rose risen rising climb climbs climbed climbing "
        "jump jumps jumped shot shoots soar soars soared move moves moved"
    ),
}

# Words after a number that a hedged verb or preposition may point at through "the"
# ("crossed the 1,000 mark", "over the 5,000 threshold").
MARK_WORDS = _words("mark threshold milestone barrier level")

# Words that, between two numbers, make them two clauses rather than one coordination:
# a hedge before the first number is not carried to the second across them ("about 100
# died and 1,000 were injured").
CLAUSE_WORDS = _words(
    "was were is are be been being has have had will would could can may might must "
    "said says say told reported did do does died remain remained but while whereas"
)

# --- Numbers ----------------------------------------------------------------------------

ONES = _words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)  # each word's value is its index
TENS = _words("twenty thirty forty fifty sixty seventy eighty ninety")  # 20, 30, ...
SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 1000,
    "lakh": 10**5,
    "lakhs": 10**5,
    "million": 10**6,
    "crore": 10**7,
    "crores": 10**7,
    "billion": 10**9,
    "trillion": 10**12,
}
# Scale abbreviations after digits, with or without a blank ("1.2bn", "3 mln").
SCALE_ABBREVIATIONS: dict[str, int] = {"bn": 10**9, "mn": 10**6, "mln": 10**6, "tn": 10**12}
# Scale abbreviations only glued to the digits ("5k"; "5 k" is not five thousand).
GLUED_SCALE_ABBREVIATIONS: dict[str, int] = {"k": 1000}
# Words that count groups of a size ("two dozen", "a dozen").
GROUP_WORDS: dict[str, int] = {"dozen": 12}
NUMBER_WORDS = (*ONES, *TENS, *SCALES, *GROUP_WORDS)
ARTICLES = _words("a an")  # "a thousand", "a dozen", "a few hundred", "a third of"

# Shares of a whole, read as a percent when followed by a word of ``SHARE_FOLLOWERS``
# ("a third of the victims" = 33.3..%, "nearly half the town"); before "of a" and a
# scale word they are amounts ("half a million", "a quarter of a million").
SHARES: dict[str, int] = {
    **dict.fromkeys(_words("half halves"), 2),
    **dict.fromkeys(_words("third thirds"), 3),
    **dict.fromkeys(_words("quarter quarters"), 4),
    **dict.fromkeys(_words("fifth fifths"), 5),
    **dict.fromkeys(_words("tenth tenths"), 10),
}
SHARES_ALONE = _words("half")  # shares read without a numerator ("half of", not "third of")
# Words before a share alone that make it a part of something else ("the first half of 2024").
NOT_A_SHARE_AFTER = _words("the first second other latter former this that last next")
SHARE_FOLLOWERS = _words("of the")

# Vague amounts and the (closed) ranges they are read as by default.
VAGUE_AMOUNTS: dict[str, tuple[int, int]] = {
    "a few": (2, 9),
    "a handful": (2, 9),
    "several": (3, 9),
    "dozens": (24, 99),
    "scores": (40, 99),
    "a few hundred": (200, 500),
    "several hundred": (200, 900),
    "hundreds": (200, 999),
    "a few thousand": (2000, 5000),
    "several thousand": (2000, 9000),
    "thousands": (2000, 9999),
    "tens of thousands": (20000, 99999),
    "hundreds of thousands": (200000, 999999),
}
# Vague words that are nouns too ("test scores"): amounts only before "of" (or a word
# of VAGUE_NOUN_FOLLOWERS).
VAGUE_NEEDING_OF = _words("scores")
# Words after such a noun that make it an amount all the same ("left scores dead").
VAGUE_NOUN_FOLLOWERS = _words("of dead killed injured wounded hurt missing people more")

# Words that join two numbers into a range ("11,000 to 12,000"), besides a dash.
RANGE_WORDS = _words("to through or")
# Words after which "from A to B" is a change, not a range.
CHANGE_VERBS = _words(
    "rose risen rising increased increasing grew grown growing climbed jumped fell fallen "
    "falling dropped decreased declined doubled tripled revised raised lowered went up down "
    "surged soared swelled"
)
# Words after a number that make it a multiplier ("three times", "3-fold", "2x").
MULTIPLIER_WORDS = _words("times fold")
MULTIPLIER_SIGNS = _words("x")
# Words that a number word may be hyphenated to and still be an amount ("two-man crew",
# "an 11,000-strong force"); other hyphenated words make a compound ("two-pronged").
COMPOUND_AMOUNTS = _words("strong man member person plus")

# --- Units and currencies ----------------------------------------------------------------

# Units written after a number, mapped to a name pint understands. Words that pint would
# also read as units ("in", "a", "s") are deliberately absent.
UNIT_WORDS: dict[str, str] = {
    **_to("millimeter", "mm|millimeter|millimeters|millimetre|millimetres"),
    **_to("centimeter", "cm|centimeter|centimeters|centimetre|centimetres"),
    **_to("meter", "m|meter|meters|metre|metres"),
    **_to("kilometer", "km|kilometer|kilometers|kilometre|kilometres"),
    **_to("mile", "mile|miles"),
    **_to("nautical_mile", "nautical mile|nautical miles"),
    **_to("inch", "inch|inches"),
    **_to("foot", "ft|foot|feet"),
    **_to("yard", "yard|yards"),
    **_to("kilogram", "kg|kilogram|kilograms|kilo|kilos"),
    **_to("gram", "gram|grams"),
    **_to("tonne", "ton|tons|tonne|tonnes"),
    **_to("pound", "lb|lbs"),
    **_to("second", "second|seconds|sec|secs"),
    **_to("minute", "minute|minutes|min|mins"),
    **_to("hour", "hour|hours|hr|hrs"),
    **_to("day", "day|days"),
    **_to("week", "week|weeks"),
    **_to("month", "month|months"),
    **_to("year", "year|years|yr|yrs"),
    **_to("decade", "decade|decades"),
    **_to("century", "century|centuries"),
    **_to("percent", "%|percent|per cent|pct"),
    **_to("kilometer / hour", "km/h|kph"),
    "mph": "mile / hour",
    **_to("knot", "knot|knots"),
    **_to("hectare", "hectare|hectares"),
    **_to("acre", "acre|acres"),
    **_to("kilometer ** 2", "sq km|square kilometers|square kilometres|square kilometer"),
    **_to("mile ** 2", "square miles|square mile|sq mi"),
}
# Units pint does not know, with a dimension of their own so that they bind to nothing.
OTHER_UNITS: dict[str, str] = {
    **_to("[percentage point]", "percentage point|percentage points"),
    **_to("[currency]", "dollar|dollars|usd|euro|euros|eur"),
    **_to("[currency]", "rouble|roubles|ruble|rubles|yuan|hryvnia|hryvnias"),
    **_to("[currency]", "rupee|rupees"),
}
# Currency signs written before the number ("$5", "us$5", "€ 5", "Rs 2 lakh", "Rs.2 lakh"),
# and their codes; one made of letters is a word of its own ("hours 5" holds no "rs").
CURRENCY_SIGNS: dict[str, str] = {
    "$": "USD",
    "us$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₩": "KRW",
    "₹": "INR",
    "rs": "INR",
    "rs.": "INR",
    "inr": "INR",
}
# A unit word right after "$" that is a scale instead ("$3m" is three million dollars).
CURRENCY_SCALES: dict[str, int] = {"m": 10**6}

# --- Dates, times, names ------------------------------------------------------------------

# Month names as written (capitalised: "May" is a month, "may" a verb).
MONTHS = _words(
    "January February March April May June July August September October November December"
)
MONTH_ABBREVIATIONS = _words("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec")
WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
ORDINAL_SUFFIXES = _words("st nd rd th")
MERIDIEMS = _words("a.m. p.m. am pm")  # after a clock time ("10am", "2:20 pm")
CLOCK_WORDS = _words("gmt utc")  # after a clock time, besides ``MERIDIEMS``
SPACED_CLOCK_WORDS = _words("hrs")  # after a clock time and a blank ("1400 hrs"; "10hrs" lasts)
# Words right before a four-digit number that make it a year ("in 2025", "since 1953").
YEAR_CONTEXT = _phrases(
    "in|since|by|until|till|of|from|during|before|after|early|late|mid|spring|summer"
    "|autumn|fall|winter|year|years|through|to|and|or|between|around the|fiscal|end of"
    "|start of|beginning of"
)
# Nouns of the event a story is about: a date that modifies one ("the October 8 quake",
# "the blast on Friday", "the storm that hit on Monday") says when the event happened,
# not when a figure held (``extract.event_dates``).
EVENT_NOUNS = _words(
    "earthquake earthquakes quake quakes tremor temblor aftershock attack attacks assault "
    "siege raid blast blasts explosion explosions bombing bombings fire fires wildfire "
    "wildfires bushfire bushfires blaze inferno "
    "landslide landslides mudslide flood floods flooding storm cyclone hurricane typhoon "
    "tornado tsunami eruption avalanche collision crash derailment accident stampede "
    "collapse disaster disasters tragedy shooting massacre"
)
# Verbs an event noun takes when the text says when it happened ("the quake struck ...
# on Monday").
EVENT_VERBS = _phrases(
    "struck|strike|strikes|hit|hits|jolted|rocked|shook|occurred|happened|erupted|exploded"
    "|collapsed|began|started|took place|broke out|swept|tore|ripped|ravaged|devastated"
    "|flattened|engulfed|lashed|battered|slammed|made landfall|derailed|crashed|recorded"
)
# Words that may stand between a date and the event noun it modifies ("Monday's powerful
# quake", "the October 8 7.6-magnitude earthquake").
EVENT_ADJECTIVES = _words(
    "magnitude deadly powerful massive strong devastating huge major killer twin terror "
    "terrorist suicide bomb fatal tragic violent shallow catastrophic"
)
# Words of a scale whose number right beside them counts nothing, whatever the rule file
# says: "magnitude 7", "a 7 magnitude quake", "7.8 on the Richter scale" (a number of a
# measure of kind ``number`` may still take it).
SCALE_NOUNS = _phrases("magnitude|magnitudes|on the richter scale|richter")
# Words that often follow a year; an amount is followed by what it counts ("2000 soldiers").
YEAR_FOLLOWERS = _words(
    "and or but when as to the a an in on at by for with from of after before until while "
    "that which where was were is are had has have will would saw marked brought"
)
# Words before a number that make it part of a name ("Resolution 2231", "Boeing 747").
DESIGNATORS = _words(
    "article resolution route brigade division regiment battalion chapter flight platform "
    "channel highway gate type model block phase page room section no. nos. vol. pp. p. "
    "boeing airbus"
)
# "one" is a pronoun after these words ("no one") or before these ("one of").
PRONOUN_BEFORE_ONE = _words("no the this that any every each which")
PRONOUN_AFTER_ONE = _phrases("of|another|by one|after another")
# Words before a space-grouped number that keep its groups apart: "aged 5 100 ..." is
# not 5,100 (see ``extract.numbers.digits_match``).
UNGROUPED_AFTER = _words("aged age ages no. nos. page pages number numbers")

# --- Restating a figure -------------------------------------------------------------------

# Every word a restatement of an earlier figure needs ("this involves 11,000 soldiers",
# "its strength"); lines holding one are read for claims even with no measure phrase.
RESTATING_WORDS = _words(
    "involve involves involved include includes included comprise comprises comprised "
    "number numbers numbered total totals totaled totalled amount amounts amounted size "
    "strength count toll tally"
)

# Words that end where a missing space glues a number on ("while180 were injured"):
# common words, never the letters of a code such as "A380" or "MH17".
GLUED_WORDS = _words(
    "while and with about nearly over than some least were was killed injured wounded "
    "including another of to at by from"
)
