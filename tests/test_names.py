"""One name rule for every comparison of names (issue 19): invisible and look-alike characters folded.

Fifteen spellings of a registered soum waited as a new organization with no code
beside them; accepted, "Yенч сум" ranked beside "Үенч сум". Each spelling is now the
same organization, and a name one letter away from a registered one is shown as a
look-alike with that organization's code.
"""

from __future__ import annotations

import json

import pytest
from helpers import run_cli
from soums import Soum

from core.aimag.consolidate import consolidate
from core.aimag.decisions import decide
from core.aimag.ranking import ranking
from core.aimag.register import set_aimag_name
from core.storage import ReportFile
from core.trust.names import name_key, one_letter_apart

REGISTERED = "Үенч-Баян сум"

#: The spellings of the attack: each looks like the registered name on the screen.
SPELLINGS = {
    "left-to-right-mark": "Үенч\u200e-Баян сум",
    "right-to-left-mark": "Үенч-Баян\u200f сум",
    "bidi-embedding": "\u202aҮенч-Баян сум\u202c",
    "bidi-override": "\u202dҮенч-Баян\u202c сум",
    "bidi-isolate": "\u2066Үенч-Баян сум\u2069",
    "variation-selector": "Үенч\ufe0f-Баян сум",
    "variation-selector-supplement": "Үенч-Баян\U000e0100 сум",
    "mongolian-free-variation-selector": "Үенч\u180b-Баян сум",
    "mongolian-fvs4": "Үенч-Ба\u180fян сум",
    "hangul-filler": "Үенч-Баян\u3164сум",
    "combining-grapheme-joiner": "Үен\u034fч-Баян сум",
    "en-dash": "Үенч–Баян сум",
    "non-breaking-hyphen": "Үенч\u2011Баян сум",
    "minus-sign": "Үенч\u2212Баян сум",
    "latin-capital-y": "Yенч-Баян сум",
}


@pytest.mark.parametrize("spelling", SPELLINGS.values(), ids=SPELLINGS.keys())
def test_every_invisible_or_look_alike_spelling_has_the_registered_names_key(spelling):
    assert name_key(spelling) == name_key(REGISTERED)


def test_cyrillic_fita_and_latin_barred_o_are_read_as_oe():
    assert name_key("Ѳлзийт сум") == name_key("Өлзийт сум") == name_key("Ɵлзийт сум")


def test_distinct_letters_stay_distinct():
    assert name_key("Үенч сум") != name_key("Уенч сум")  # ү and у are two letters of Mongolian
    assert name_key("Өлзийт сум") != name_key("Өлзий сум")


def test_one_letter_apart():
    assert one_letter_apart(name_key("Нарийнтээл сум"), name_key("Нарийнтэел сум"))  # one replaced
    assert one_letter_apart(name_key("Нарийнтээл сум"), name_key("Нарийнтэл сум"))  # one dropped
    assert one_letter_apart(name_key("Нарийнтээл сум"), name_key("Нарийнтээлл сум"))  # one added
    assert not one_letter_apart(name_key("Нарийнтээл сум"), name_key("Нарийнтээл сум"))
    assert not one_letter_apart(name_key("Нарийнтээл сум"), name_key("Хархорин сум"))
    assert not one_letter_apart(name_key("1-р сургууль"), name_key("2-р сургууль"))  # numbered: two schools
    assert not one_letter_apart(name_key("А сум"), name_key("Б сум"))  # too short to look alike


@pytest.fixture
def registered(tmp_path, monkeypatch):
    """The aimag with Үенч-Баян сум registered from its first file."""
    aimag = tmp_path / "aimag.tailan"
    soum = Soum(tmp_path, monkeypatch, "uench").start(REGISTERED).finalize()
    sent = soum.send()
    monkeypatch.setenv("TAILAN_DATA_DIR", str(tmp_path / "uench"))
    with ReportFile.open(aimag, create=True) as rf:
        with rf.transaction():
            set_aimag_name(rf, "Өвөрхангай")
    (outcome,) = consolidate([sent], aimag).outcomes
    with ReportFile.open(aimag) as rf:
        decide(rf, outcome.id, True)
    return aimag, outcome.key_code


@pytest.mark.parametrize("key", ["latin-capital-y", "left-to-right-mark", "hangul-filler", "en-dash"])
def test_a_stranger_under_a_look_alike_spelling_waits_as_a_new_key_with_the_registered_code(
        registered, tmp_path, monkeypatch, key):
    aimag, code = registered
    stranger = Soum(tmp_path, monkeypatch, "stranger").start(SPELLINGS[key]).finalize()
    (outcome,) = consolidate([stranger.send()], aimag).outcomes
    assert outcome.kind == "new-key", outcome.reason
    (shown,) = json.loads(run_cli("pending", aimag, "--json").stdout)
    assert shown["registered_name"] == REGISTERED and shown["registered_key_codes"] == [code]
    with ReportFile.open(aimag) as rf:
        decide(rf, outcome.id, True)  # the reviewer compared the codes: the soum's new PC
        assert [r.organization for r in ranking(rf)] == [REGISTERED]


def test_a_new_organization_one_letter_away_is_shown_as_a_look_alike_with_the_registered_code(
        registered, tmp_path, monkeypatch):
    aimag, code = registered
    stranger = Soum(tmp_path, monkeypatch, "stranger").start("Үенч-Боян сум").finalize()
    (outcome,) = consolidate([stranger.send()], aimag).outcomes
    assert outcome.kind == "look-alike", outcome.reason
    assert REGISTERED in outcome.reason and code in outcome.reason
    (shown,) = json.loads(run_cli("pending", aimag, "--json").stdout)
    assert shown["kind_label"] == "төстэй нэр"
    assert shown["registered_name"] == REGISTERED and shown["registered_key_codes"] == [code]
    text = run_cli("pending", aimag).stdout.decode()
    assert code in text and REGISTERED in text
