"""Word lists the clause-role reader uses (to be folded into the one lexicon module).

Each list is read by ``extract.roles``; a test per list proves every entry is read.
"""

from __future__ import annotations

# Nouns that count people: a number counting one of them may bind to a measure of people.
PERSON_NOUNS = frozenset(
    [
        "people",
        "persons",
        "person",
        "individuals",
        "residents",
        "civilians",
        "soldiers",
        "troops",
        "fighters",
        "militants",
        "insurgents",
        "rebels",
        "children",
        "child",
        "women",
        "woman",
        "men",
        "man",
        "victims",
        "passengers",
        "workers",
        "villagers",
        "students",
        "miners",
        "pilgrims",
        "migrants",
        "refugees",
        "tourists",
        "patients",
        "officers",
        "police",
        "policemen",
        "firefighters",
        "rescuers",
        "volunteers",
        "members",
        "staff",
        "crew",
        "employees",
        "inhabitants",
        "survivors",
        "bodies",
        "families",
        "households",
        "adults",
        "infants",
        "babies",
        "elderly",
        "foreigners",
        "nationals",
        "citizens",
        "servicemen",
        "personnel",
        "guards",
        "prisoners",
        "detainees",
        "dead",
        "wounded",
        "injured",
        "casualties",
        "others",
        "fishermen",
        "farmers",
        "protesters",
        "demonstrators",
        "worshippers",
        "attackers",
        "gunmen",
        "assailants",
        "terrorists",
        "suspects",
        "hostages",
        "guests",
        "shoppers",
        "pupils",
        "teachers",
        "doctors",
        "nurses",
        "journalists",
        "girls",
        "boys",
        "schoolgirls",
        "schoolboys",
        "schoolchildren",
        "teenagers",
        "youths",
        "kids",
        "sons",
        "daughters",
        "mothers",
        "fathers",
        "relatives",
        "friends",
        "marines",
        "sailors",
        "pilots",
    ]
)

# People named as one group among a measure's people: "12 girls", "five militants", "three
# women" count a part of the dead, not the toll (unless the measure's own words name them).
GROUP_NOUNS = frozenset(
    [
        "women", "woman", "men", "children", "child", "infants", "babies", "girls", "boys",
        "schoolgirls", "schoolboys", "schoolchildren", "pupils", "students", "teenagers",
        "civilians", "militants", "insurgents", "rebels", "fighters", "gunmen", "attackers",
        "assailants", "terrorists", "suspects", "nationals", "citizens",
        "soldiers", "troops", "officers", "policemen", "police", "firefighters", "rescuers",
        "foreigners", "tourists", "members", "crew", "staff",
    ]
)  # fmt: skip

# Nouns that name people by what befell them, not by who they are: "the dead", "150
# wounded". The other person nouns name who ("five attackers", "the gunmen"): a number
# counting no such noun is no count of them ("Militants kill 59").
GROUP_EVENT_NOUNS = frozenset(
    ["dead", "wounded", "injured", "casualties", "victims", "bodies", "others", "survivors"]
)

# Words between a noun and a phrase that make the phrase what befell the noun: "five
# militants dead", "three of the attackers were shot dead", "were all later killed".
PREDICATE_WORDS = (
    "were", "was", "are", "is", "be", "been", "being", "had", "have", "has", "all", "also",
    "later", "reportedly", "now", "since", "then", "subsequently", "eventually", "believed",
    "thought", "feared", "confirmed", "said", "reported", "to",
)  # fmt: skip

# Words that never modify the noun a number counts: a verb or function word ends the
# stretch before it ("five attackers", but not "five were attackers").
NOT_MODIFIERS = (
    "were", "was", "are", "is", "had", "has", "have", "and", "or", "but", "to", "in", "on",
    "at", "by", "for", "from", "with", "as", "than", "who", "which", "that", "said",
)  # fmt: skip

# Nouns of one person: "her husband, 38, was killed" gives his age.
SINGLE_PERSON_NOUNS = (
    "husband", "wife", "son", "daughter", "mother", "father", "brother", "sister", "man",
    "woman", "boy", "girl", "child", "resident", "victim", "survivor", "witness", "owner",
    "witnesses", "officials", "officers", "residents", "survivors", "victims", "people",
)  # fmt: skip

# Verbs of telling: a count of people right before one counts speakers ("one injured victim
# said", "two witnesses told"), not the event's.
SPEAKING_VERBS = ("said", "says", "told", "tells", "recalled", "recounted", "described")

# Nouns that count things, not people: a number counting one never binds to a measure of
# people ("300 houses were damaged" is no count of the missing).
THING_NOUNS = frozenset(
    [
        "houses",
        "house",
        "homes",
        "home",
        "buildings",
        "building",
        "structures",
        "dwellings",
        "shelters",
        "tents",
        "villages",
        "village",
        "towns",
        "town",
        "cities",
        "city",
        "districts",
        "district",
        "provinces",
        "province",
        "regions",
        "countries",
        "states",
        "counties",
        "areas",
        "sites",
        "schools",
        "school",
        "hospitals",
        "hospital",
        "clinics",
        "roads",
        "bridges",
        "vehicles",
        "cars",
        "trucks",
        "buses",
        "boats",
        "ships",
        "aircraft",
        "planes",
        "helicopters",
        "tanks",
        "guns",
        "rockets",
        "missiles",
        "shells",
        "drones",
        "launchers",
        "tonnes",
        "tons",
        "kilograms",
        "kilometres",
        "kilometers",
        "miles",
        "metres",
        "meters",
        "feet",
        "hours",
        "days",
        "weeks",
        "months",
        "years",
        "minutes",
        "seconds",
        "points",
        "percent",
        "dollars",
        "rupees",
        "euros",
        "yuan",
        "stage",
        "point",
        "aftershocks",
        "tremors",
        "quakes",
        "floors",
        "storeys",
        "stories",
        "rooms",
        "shops",
        "businesses",
        "factories",
        "farms",
        "acres",
        "hectares",
        "animals",
        "cattle",
        "livestock",
        "bags",
        "boxes",
        "packets",
        "litres",
        "liters",
        "flights",
        "trains",
        "coaches",
        "bogies",
        "wagons",
        "carriages",
        "locomotives",
        "ambulances",
        "cranes",
        "bulldozers",
        "excavators",
        "generators",
        "pumps",
        "beds",
        "blankets",
        "kits",
        "sorties",
        "raids",
        "strikes",
        "attacks",
        "incidents",
        "cases",
        "calls",
        "magnitude",
        "magnitudes",
        "times",
        "locations",
        "places",
        "camps",
        "centres",
        "centers",
        # Who reports a figure is no count of its dead: "a few television channels gave
        # a higher toll", "two newspapers put the toll at 40".
        "channels",
        "networks",
        "newspapers",
        "papers",
        "stations",
        "outlets",
        "websites",
        "reports",
        "estimates",
        "figures",
    ]
)

# Word beginnings of measure phrases that count people (killed, injured, missing...).
PERSON_EVENT_STEMS = (
    "kill", "dead", "death", "die", "dying", "fatal", "injur", "wound", "hurt", "missing",
    "rescu", "evacu", "displac", "homeless", "arrest", "detain", "casualt", "toll",
    "deploy", "troop", "soldier", "lives", "victim", "hospital", "trapped", "stranded",
)  # fmt: skip

# Prepositions whose object, when it counts a noun, is a place or a source, not the event.
PREPOSITIONS_OF_PLACE = (
    "from", "through", "across", "in", "into", "at", "on", "inside", "within", "near",
    "throughout", "over",
)  # fmt: skip

# Nouns after which "of N" is the amount itself: "a toll of 300", "a total of 42".
QUANTITY_NOUNS = (
    "toll", "tolls", "total", "number", "numbers", "figure", "figures", "count", "tally",
    "estimate", "estimates", "deaths", "death", "killing", "killings", "loss", "losses",
    "lives", "bodies", "injuries", "casualties", "evacuation", "rescue", "arrest", "arrests",
    "deployment", "upwards", "excess", "minimum", "maximum",
)  # fmt: skip

# Words that open a list of parts of a figure named before them.
PART_OPENERS = (
    "including", "included", "include", "includes", "among them", "among whom", "of whom",
    "of them", "of which", "among those", "among the dead", "among the victims",
    "among the injured", "among the wounded",
)  # fmt: skip

# Verbs (and their particles) that give the clause's subject a value: "has risen to 174".
LINKING_VERBS = (
    "rose", "risen", "rising", "rises", "rise", "climbed", "climbs", "jumped", "increased",
    "grew", "grown", "reached", "reaches", "hit", "hits", "stands", "stood", "stand", "put",
    "puts", "placed", "estimated", "is", "was", "are", "were", "been", "be", "totals",
    "totalled", "totaled", "total", "numbered", "numbers", "passed", "crossed", "topped",
    "exceeded", "surpassed", "now", "at", "of",
)  # fmt: skip

# Nouns that name an event when a year stands before them ("the 2008 earthquake").
OTHER_EVENT_NOUNS = (
    "quake", "earthquake", "flood", "floods", "tsunami", "attack", "war", "disaster",
    "landslide", "cyclone", "typhoon", "hurricane", "eruption", "bombing", "massacre",
)  # fmt: skip
