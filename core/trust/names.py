"""Organization and aimag names as identities: the key two spellings of one name share.

People write the same soum in many ways: a trailing space, a no-break or zero-width
space, another case, or a Latin letter that looks like a Cyrillic one (a Latin ``a``
or ``o`` typed on the wrong keyboard layout). To the eye they are one name; to a
computer they are two, and a second "soum" would appear in the ranking while the
real one would look as if it never sent. The same holds for what cannot be seen at
all: left-to-right marks, bidi controls, variation selectors (Mongolian ones too), a
Hangul filler where a space was, a Unicode dash for the hyphen, a Cyrillic fita for Ө,
a Latin Y for Ү. ``name_key`` maps all such spellings to one key, and it is the one
rule every comparison of names uses (the aimag's register, keys on a PC, receipts). The key only decides *whether two names are the same*; what is shown and stored
is always the name as the person wrote it (typos are the users' own).
"""

from __future__ import annotations

import re
import unicodedata

#: Characters that take no room on screen: zero-width spaces and joiners, the word
#: joiner, the byte-order mark, soft hyphens, the Mongolian vowel separator and free
#: variation selectors, the combining grapheme joiner, Khmer's invisible vowels and the
#: invisible operators. Every other format character (Unicode category Cf: the
#: left-to-right and right-to-left marks, bidi embeddings, overrides and isolates, tags)
#: and every variation selector is dropped too (``_invisible``).
_INVISIBLE = dict.fromkeys(
    map(ord, "\u00ad\u034f\u115f\u17b4\u17b5\u180b\u180c\u180d\u180e\u180f\u200b\u200c\u200d\u2060"
             "\u2061\u2062\u2063\u2064\ufeff"),
    None,
)

#: Blank letters that show as a space: the Hangul fillers and the blank Braille pattern.
_BLANKS = dict.fromkeys(map(ord, "\u1160\u3164\uffa0\u2800"), " ")

#: Every kind of dash and hyphen written as the ASCII hyphen-minus.
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u02d7\u2e3a\u2e3b"
                                 "\ufe58\ufe63\uff0d\u058a\u05be\u1806\u2e17\u301c"), "-")

#: Capital letters read before case folding: a capital Latin (or Greek) Y is the
#: Mongolian Ү (a lower-case y looks like у, below), and the Cyrillic fita and the
#: Latin barred O are Ө.
_CAPITAL_LOOK_ALIKES = str.maketrans({"Y": "Ү", "Υ": "Ү", "Ѳ": "Ө", "Ɵ": "Ө"})

#: Latin and Greek letters (after case folding) that look like Cyrillic ones.
_LOOK_ALIKES = str.maketrans(
    {
        "a": "а",
        "b": "в",
        "c": "с",
        "e": "е",
        "h": "н",
        "k": "к",
        "m": "м",
        "o": "о",
        "p": "р",
        "t": "т",
        "x": "х",
        "y": "у",
        "ɵ": "ө",  # Latin barred o, used for Ө on some keyboards
        "ѳ": "ө",  # Cyrillic fita
        "θ": "ө",
        "ο": "о",  # Greek omicron
        "α": "а",
        "β": "в",
        "ε": "е",
        "η": "н",
        "κ": "к",
        "μ": "м",
        "ρ": "р",
        "τ": "т",
        "υ": "ү",
        "χ": "х",
        "ν": "v",
    }
)

_SPACES = re.compile(r"\s+")
_DOTS = re.compile(r"\s*([.,])\s*")


def _visible(text: str) -> str:
    """``text`` without the characters that take no room: the listed ones, every format
    character (Cf) and every variation selector."""
    text = text.translate(_INVISIBLE)
    return "".join(
        ch for ch in text
        if not (unicodedata.category(ch) == "Cf" or "\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef")
    )


def name_key(name: str) -> str:
    """The comparison key of a name: NFKC, invisible characters dropped, blank letters and
    every kind of space as one space, every dash as ``-``, case folded, Latin and Greek
    look-alikes (and the Cyrillic fita) as the Cyrillic letters they look like."""
    text = _visible(unicodedata.normalize("NFKC", name or ""))
    text = text.translate(_BLANKS).translate(_DASHES).translate(_CAPITAL_LOOK_ALIKES).casefold()
    text = text.translate(_LOOK_ALIKES)
    text = _SPACES.sub(" ", text).strip()
    return _DOTS.sub(r"\1 ", text).strip()


#: Letters a name needs before one letter more or less makes it a look-alike rather than
#: another name ("А сум" and "Б сум" are two names; "Нарийнтээл" and "Нарийнтэел" one).
LOOK_ALIKE_MIN_LETTERS = 5


def one_letter_apart(a: str, b: str) -> bool:
    """Whether two name keys of some length differ by exactly one letter: one replaced, added or dropped.

    Only a letter counts: "1-р сургууль" and "2-р сургууль" are two schools, not look-alikes.
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if min(sum(ch.isalnum() for ch in a), sum(ch.isalnum() for ch in b)) < LOOK_ALIKE_MIN_LETTERS:
        return False
    if len(a) == len(b):
        differ = [(x, y) for x, y in zip(a, b) if x != y]
        return len(differ) == 1 and differ[0][0].isalpha() and differ[0][1].isalpha()
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1:] and long[i].isalpha()


def same_name(a: str, b: str) -> bool:
    """Whether two names mean the same organization or aimag despite case, spaces or look-alike letters."""
    return name_key(a) == name_key(b)


def spelling_difference(written: str, registered: str) -> str:
    """In Mongolian, what makes two spellings of one name differ (empty when identical)."""
    if written == registered:
        return ""
    reasons = []
    if any(ch.isspace() and ch != " " for ch in written) or written.strip() != written or "  " in written:
        reasons.append("зай")
    if _visible(written) != written or written.translate(_BLANKS) != written:
        reasons.append("харагдахгүй тэмдэгт")
    if written.translate(_DASHES) != written:
        reasons.append("зураас")
    if any(ch.isalpha() and (ch.isascii() or unicodedata.name(ch, "").startswith(("GREEK", "LATIN"))) for ch in written):
        reasons.append("латин/грек үсэг")
    if any(a != b and a.casefold() == b.casefold() for a, b in zip(written, registered)):
        reasons.append("том, жижиг үсэг")
    return ", ".join(reasons) or "бичлэг"
