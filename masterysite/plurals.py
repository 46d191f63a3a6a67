"""Which plural form a count takes in a language: Unicode CLDR's rules for whole numbers.

The page asks the browser (``Intl.PluralRules``, js/util.js ``trn``); the templates, rendered here, ask
:func:`plural_form`, which must answer the same (tests/browser/test_plurals.py compares the two for every
language below). A string ``key`` then has a form per category: ``key_one``, ``key_two``, ``key_few``,
``key_many``, ``key_zero``; the key itself is the "other" form, and the one used where a form is missing.
A count here is a whole number (questions, units, sections), so only CLDR's integer conditions are kept.
"""

from __future__ import annotations

from collections.abc import Callable

FORMS = ("zero", "one", "two", "few", "many")
"""The categories a string key can have besides "other" (the key itself)."""


def _slavic(n: int) -> str:  # Russian, Ukrainian, Belarusian: 1, 21 one; 2-4, 22-24 few; the rest many
    if n % 10 == 1 and n % 100 != 11:
        return "one"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "few"
    return "many"


def _balkan(n: int) -> str:  # Croatian, Serbian, Bosnian: as Russian, with "other" for "many"
    form = _slavic(n)
    return "other" if form == "many" else form


def _polish(n: int) -> str:
    return "one" if n == 1 else "few" if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else "many"


def _arabic(n: int) -> str:
    if n in (0, 1, 2):
        return ("zero", "one", "two")[n]
    return "few" if 3 <= n % 100 <= 10 else "many" if 11 <= n % 100 <= 99 else "other"


def _million(one: Callable[[int], bool]) -> Callable[[int], str]:  # Romance: "many" for 1 000 000, 2 000 000…
    return lambda n: "one" if one(n) else "many" if n and n % 1_000_000 == 0 else "other"


def _each(languages: str, rule: Callable[[int], str]) -> dict[str, Callable[[int], str]]:
    return dict.fromkeys(languages.split(" "), rule)


def _never(n: int) -> str:  # Chinese, Japanese, Korean, Vietnamese, Thai…: one form
    return "other"


def _up_to_one(n: int) -> str:  # French's 0 and 1, Hindi's, Persian's…
    return "one" if n <= 1 else "other"


def _one_two(n: int) -> str:
    return {1: "one", 2: "two"}.get(n, "other")


def _hundredths(n: int) -> str:  # Slovenian, Sorbian: by the last two digits
    return {1: "one", 2: "two", 3: "few", 4: "few"}.get(n % 100, "other")


_RULES: dict[str, Callable[[int], str]] = {
    **_each("ja zh ko vi th id ms lo my km yue jv su bo dz ig yo wo to ii sah ses sg kea kde", _never),
    **_each("am as bn doi fa gu hi kn pcm zu ff hy kab si ak bho guw ln mg nso pa ti wa", _up_to_one),
    **_each("fr pt", _million(lambda n: n <= 1)),
    **_each("pt-pt it ca es vec", _million(lambda n: n == 1)),
    **_each("ru uk be", _slavic),
    **_each("hr sr bs sh", _balkan),
    "pl": _polish,
    **_each("cs sk", lambda n: "one" if n == 1 else "few" if 2 <= n <= 4 else "other"),
    "lt": lambda n: "other" if 11 <= n % 100 <= 19 or n % 10 == 0 else "one" if n % 10 == 1 else "few",
    "lv": lambda n: "zero" if n % 10 == 0 or 11 <= n % 100 <= 19 else "one" if n % 10 == 1 else "other",
    **_each("is mk", lambda n: "one" if n % 10 == 1 and n % 100 != 11 else "other"),
    **_each("fil tl ceb", lambda n: "one" if n in (1, 2, 3) or n % 10 not in (4, 6, 9) else "other"),
    "ro": lambda n: "one" if n == 1 else "few" if n == 0 or 1 <= n % 100 <= 19 else "other",
    **_each("sl dsb hsb", _hundredths),
    **_each("he iu naq se sma smi smj smn sms", _one_two),
    "ar": _arabic,
    "mt": lambda n: (
        _one_two(n)
        if n in (1, 2)
        else "few"
        if n == 0 or 3 <= n % 100 <= 10
        else "many"
        if 11 <= n % 100 <= 19
        else "other"
    ),
    "ga": lambda n: _one_two(n) if n in (1, 2) else "few" if 3 <= n <= 6 else "many" if 7 <= n <= 10 else "other",
    "gd": lambda n: _one_two(n % 10) if n in (1, 2, 11, 12) else "few" if 3 <= n <= 19 else "other",
    "cy": lambda n: {0: "zero", 1: "one", 2: "two", 3: "few", 6: "many"}.get(n, "other"),
}
LANGUAGES = tuple(_RULES)
"""The languages whose rules are written out here; any other takes English's: 1 is "one", the rest "other"."""


def plural_form(language: str, count: int) -> str:
    """CLDR's plural category of ``count`` in ``language`` ('ar', 'pt-BR', 'ru'…)."""
    tag = language.lower().replace("_", "-")
    rule = _RULES.get(tag) or _RULES.get(tag.split("-")[0])
    return rule(count) if rule is not None else "one" if count == 1 else "other"


def plural_key(strings: dict[str, object], key: str, count: int, language: str) -> str:
    """``key`` in the form ``count`` takes, where ``strings`` has that form; else the key ("other")."""
    form = f"{key}_{plural_form(language, count)}"
    return form if form in strings else key
