"""The situation lexicon (phrases/lexicon.yml): a trainer's mistake stops the load with file, line, item and fix;
the real lexicon only leads to names and words that exist."""

from __future__ import annotations

import pytest

from macros.errors import DataError
from macros.library import load_library

from .helpers import VOCABULARY, write

PHRASE = """phrases:
  - id: calm-one
    text: 您先别急，我来处理。
    stage: 安抚
    tags: [激动]
"""


def problems_for(tmp_path, lexicon: str) -> str:
    write(tmp_path, {"phrases/vocabulary.yml": VOCABULARY, "docs/index.md": "# x\n",
                     "phrases/calm.yml": PHRASE, "phrases/lexicon.yml": lexicon})
    with pytest.raises(DataError) as caught:
        load_library(tmp_path)
    return str(caught.value)


def test_a_good_lexicon_loads(tmp_path):
    write(tmp_path, {"phrases/vocabulary.yml": VOCABULARY, "docs/index.md": "# x\n", "phrases/calm.yml": PHRASE,
                     "phrases/lexicon.yml": "situations:\n  - name: 情绪激动\n    says: [吼]\n    finds: [激动]\n"
                                            "    stages: [安抚]\n"})
    library = load_library(tmp_path)
    assert [s.name for s in library.situations] == ["情绪激动"]
    assert library.situations[0].finds == ["激动"]


def test_unknown_scenario_is_named_with_its_line(tmp_path):
    message = problems_for(tmp_path, "situations:\n  - name: 情绪激动\n    says: [吼]\n"
                                     "    scenarios: [没有这个场景]\n")
    assert "phrases/lexicon.yml:4" in message and "没有这个场景" in message and "situation 情绪激动" in message


def test_a_word_no_phrase_uses_finds_nothing_and_is_refused(tmp_path):
    message = problems_for(tmp_path, "situations:\n  - name: 情绪激动\n    says: [吼]\n    finds: [火冒三丈]\n")
    assert "phrases/lexicon.yml:4" in message and "火冒三丈" in message and "finds nothing" in message


@pytest.mark.parametrize("entry, problem", [
    ("  - name: 情绪激动\n    finds: [激动]\n", "says"),             # says is required
    ("  - name: 情绪激动\n    says: [吼]\n    stages: [发呆]\n", "发呆"),  # not a stage
    ("  - name: 情绪激动\n    says: [吼]\n    sayz: [嚷]\n", "sayz"),     # unknown key
    ("  - name: 情绪激动\n    says: [110]\n", "text"),                  # a number is not text: quote it
])
def test_malformed_entries_are_refused(tmp_path, entry, problem):
    message = problems_for(tmp_path, "situations:\n" + entry)
    assert "phrases/lexicon.yml" in message and problem in message


def test_the_real_lexicon_leads_somewhere(library):
    assert len(library.situations) >= 20
    said = "|".join(p.text + "|" + "|".join(p.tags) for p in library.phrases)
    for situation in library.situations:
        assert situation.finds or situation.scenarios or situation.customer_types, situation.name
        assert all(word in said for word in situation.finds), situation.name


def test_every_bank_situation_has_eight_phrases(library):
    """Issue #18 point 1: each bank situation and customer type has at least eight phrases across its stages."""
    wanted = ["账户冻结/止付", "征信异议", "挂失补卡", "ATM吞卡", "转账汇款", "理财/保险销售纠纷", "存款利息", "电信诈骗",
              "贷款/催收", "法律威胁", "报警", "威胁曝光/监管投诉", "老年客户", "需要特别帮助的客户"]
    for name in wanted:
        phrases = [p for p in library.phrases if name in p.scenarios or name in p.customer_types]
        assert len(phrases) >= 8, (name, len(phrases))
        assert len({p.stage for p in phrases}) >= 4, name


def test_the_thesaurus_step_keeps_only_groups_that_reach_the_library(library):
    from tools.finder_thesaurus import thesaurus

    groups = [["谩骂", "辱骂", "骂"], ["桌子", "案子"], ["激动", "吼"]]
    words = thesaurus(library, groups)
    assert words["谩骂"] == ["辱骂"]          # leads to a library word
    assert "桌子" not in words               # its group reaches nothing in the library
    assert "骂" not in words                 # one character: too loose
    assert "吼" not in words                 # already in the lexicon, where trainers control it
