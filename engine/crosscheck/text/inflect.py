"""The inflection marker of rule-file phrases: ``"kill+"`` is kill, kills, killed, killing.

A word of letters written with a ``+`` right after it stands for every inflection of
that word: the plural or third person (``-s``/``-es``, ``-ies``), the past
(``-ed``/``-d``, ``-ied``) and the ``-ing`` form, plus the forms of a short table of
irregular words (lose: lost; flee: fled; die: dying; child: children). In a phrase of
several words only the marked words vary: ``"lose+ their lives"`` is "lost their
lives", "loses their lives", "losing their lives" and "lose their lives".

The rules over-generate on purpose ("deathed", "shipped" and "shiped" both): a form
no article writes costs nothing, a form missed loses a claim. A library was measured
for this and not taken: lemminflect gives the same forms for the words rule files use,
but needs numpy and adds about 0.7 s to every start (0.35 s import, 0.33 s to load its
tables); ``inflect`` knows plurals and participles but not past tenses. The rule set
here is about forty lines and a table, tested word by word (tests/text/test_inflect.py).
"""

from __future__ import annotations

import itertools
import re
from functools import cache

MARK = "+"
MAX_FORMS = 64  # forms of one phrase at most (a phrase of several marked words multiplies)

_MARKED = re.compile(r"^([A-Za-z][A-Za-z'’-]*)\+$")
_VOWELS = "aeiou"

# Words whose inflections the regular rules miss or get wrong: word -> its other forms.
_IRREGULAR: dict[str, tuple[str, ...]] = {
    "be": ("is", "are", "was", "were", "been", "being"),
    "have": ("has", "had", "having"),
    "bring": ("brought",),
    "build": ("built",),
    "catch": ("caught",),
    "come": ("came",),
    "drive": ("drove", "driven"),
    "fall": ("fell", "fallen"),
    "feel": ("felt",),
    "fight": ("fought",),
    "find": ("found",),
    "flee": ("fled",),
    "freeze": ("froze", "frozen"),
    "get": ("got", "gotten"),
    "give": ("gave", "given"),
    "go": ("went", "gone"),
    "hide": ("hid", "hidden"),
    "hold": ("held",),
    "keep": ("kept",),
    "lay": ("laid",),
    "lead": ("led",),
    "leave": ("left",),
    "lie": ("lay", "lain"),
    "lose": ("lost",),
    "make": ("made",),
    "put": ("put",),
    "rise": ("rose", "risen"),
    "run": ("ran",),
    "see": ("saw", "seen"),
    "seek": ("sought",),
    "sell": ("sold",),
    "send": ("sent",),
    "shake": ("shook", "shaken"),
    "shoot": ("shot",),
    "sink": ("sank", "sunk"),
    "slay": ("slew", "slain"),
    "spend": ("spent",),
    "stand": ("stood",),
    "steal": ("stole", "stolen"),
    "strike": ("struck", "stricken"),
    "sweep": ("swept",),
    "take": ("took", "taken"),
    "tear": ("tore", "torn"),
    "throw": ("threw", "thrown"),
    "wake": ("woke", "woken"),
    "win": ("won",),
    "withdraw": ("withdrew", "withdrawn"),
    "write": ("wrote", "written"),
    "child": ("children",),
    "man": ("men",),
    "woman": ("women",),
    "person": ("people",),
    "life": ("lives",),
    "wife": ("wives",),
    "foot": ("feet",),
    "thief": ("thieves",),
}


def is_marked(word: str) -> bool:
    """Whether a word of a phrase carries the inflection marker (``kill+``)."""
    return word.endswith(MARK) and _MARKED.match(word) is not None


def has_marker(phrase: str) -> bool:
    """Whether any word of ``phrase`` carries the inflection marker."""
    return MARK in phrase and any(is_marked(word) for word in phrase.split())


@cache
def inflections(word: str) -> tuple[str, ...]:
    """Every form of ``word`` (itself first), lower case: kill -> kill, kills, killed, killing."""
    word = word.lower()
    forms = [word, _plural(word), *_past(word), *_participle(word), *_IRREGULAR.get(word, ())]
    return tuple(dict.fromkeys(forms))


@cache
def expand(phrase: str) -> tuple[str, ...]:
    """The phrases a marked phrase stands for (the phrase itself when it has no marker).

    Words keep their spelling and the white space between them is one space; only
    the marked words vary, lower-cased. At most ``MAX_FORMS`` phrases.
    """
    words = phrase.split()
    if not any(is_marked(word) for word in words):
        return (phrase,)
    choices = [inflections(w[:-1]) if is_marked(w) else (w,) for w in words]
    combined = itertools.islice(itertools.product(*choices), MAX_FORMS)
    return tuple(" ".join(parts) for parts in combined)


def written(phrase: str) -> str:
    """A phrase with its markers removed: what it says in the base form (``kill``)."""
    return " ".join(w[:-1] if is_marked(w) else w for w in phrase.split())


def _ends_cvc(word: str) -> bool:
    """Whether a word ends consonant-vowel-consonant (stop, plan), so it may double."""
    if len(word) < 3 or word[-1] in _VOWELS + "wxy":
        return False
    return word[-2] in _VOWELS and word[-3] not in _VOWELS


def _plural(word: str) -> str:
    """The -s form: deaths, injuries, dispatches, goes."""
    if word.endswith(("s", "x", "z", "ch", "sh", "o")):
        return word + "es"
    if len(word) > 1 and word[-1] == "y" and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def _past(word: str) -> list[str]:
    """The -ed forms: killed, injured, buried, stopped (and stoped: doubling is a guess)."""
    if word.endswith("e"):
        return [word + "d"]
    if len(word) > 1 and word[-1] == "y" and word[-2] not in _VOWELS:
        return [word[:-1] + "ied"]
    if _ends_cvc(word):
        return [word + word[-1] + "ed", word + "ed"]
    return [word + "ed"]


def _participle(word: str) -> list[str]:
    """The -ing forms: killing, injuring, dying, fleeing, stopping (and stoping)."""
    if word.endswith("ie"):
        return [word[:-2] + "ying"]
    if word.endswith(("ee", "ye", "oe")) or word == "be":
        return [word + "ing"]
    if word.endswith("e") and len(word) > 2:
        return [word[:-1] + "ing"]
    if _ends_cvc(word):
        return [word + word[-1] + "ing", word + "ing"]
    return [word + "ing"]
