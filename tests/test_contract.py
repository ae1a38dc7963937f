"""The build and the browser compare text, name questions and make codes the same way: one definition in
Python (macros/contract.py, macros/normalize.py), handed to the pages as data, and checked here on the
whole question bank and phrase library."""

from __future__ import annotations

import json
import re

import pytest

from macros.contract import BANK_QUIZ_IDS, CODE_ALPHABET, ID_SEPARATOR, browser_contract
from macros.models import ID_PATTERN
from macros.normalize import fold, pairs_for, placeholders, taboo_hits

from .helpers import ROOT

TEXT_FOLD_JS = ROOT / "docs" / "assets" / "javascripts" / "text-fold.js"


def library_texts(library) -> list[str]:
    """Every piece of text the site compares or shows: questions, phrases, taboo entries, synonyms, cards."""
    texts: list[str] = []
    for quiz in library.quizzes.values():
        texts.append(quiz.title)
        for question in quiz.questions:
            texts += [question.stem, question.explanation]
            texts += [line.say for line in question.context or []]
            for value in question.model_dump().values():
                if isinstance(value, str):
                    texts.append(value)
                elif isinstance(value, list):
                    texts += [json.dumps(item, ensure_ascii=False) if not isinstance(item, str) else item
                              for item in value]
            for point in getattr(question, "keypoints", []):
                texts += point.any
    for phrase in library.phrases:
        texts += [phrase.text, *phrase.tags, phrase.note or ""]
    for entry in library.taboo:
        texts += [entry.text, *entry.match, entry.why, *entry.instead]
    for key, words in library.synonyms.items():
        texts += [key, *words]
    for card in library.roleplays.values():
        texts += [card.situation, *card.customer.lines, card.employee.goal]
    # Forms the rules exist for, whatever the data holds today
    texts += ["您先别激动", "咱们一起看看", "俺甭管", "ＡＢＣ１２３，", "這是公司規定！", "{称呼}您好，{时限}内回复", "{ 不是 }{}",
              "{超过十二个字的一个很长的占位符名字}", "😀表情", "Ｋ７Ｑ２"]
    return [text for text in dict.fromkeys(texts) if text]


def test_folding_rules():
    assert fold("您先别激动！") == fold("你 先别 激动") == "你先别激动"
    assert fold("咱们") == "我们"
    assert fold("俺甭急") == "我别急", "northern 俺 and 甭 are 我 and 别, one character each"
    assert fold("這是公司規定") == "这是公司规定"
    assert fold("ＡＢＣ １２３") == "abc123"
    assert fold("{称呼}您好", skip_placeholders=True) == "你好"
    assert fold("{称呼}您好") == "称呼你好"
    assert placeholders("{称呼}您好，{时限}内") == ["称呼", "时限"]
    assert placeholders("{有 空格}{}") == []


def test_taboo_hits_follow_the_fold():
    taboo = [("calm-down", ["你先别激动"]), ("rules", ["这是公司规定", "公司规定"])]
    assert taboo_hits("您先別激動，這是公司規定。", taboo) == ["calm-down", "rules"]
    assert taboo_hits("请您放心", taboo) == []


def test_ids_cannot_hold_the_separator_and_bank_ids_are_ids():
    assert not re.match(ID_PATTERN, f"a{ID_SEPARATOR}b")
    assert all(re.match(ID_PATTERN, quiz_id) for quiz_id in BANK_QUIZ_IDS)
    assert len(set(CODE_ALPHABET)) == len(CODE_ALPHABET) and not set("01IOL") & set(CODE_ALPHABET)


def test_every_page_carries_the_contract(site_dir):
    for page in ("index.html", "finder/index.html", "learn/exam/index.html"):
        html = (site_dir / page).read_text(encoding="utf-8")
        block = re.search(r'<script id="__mdx_contract" type="application/json">(.*?)</script>', html, re.DOTALL)
        assert block, f"{page} has no contract block"
        assert json.loads(block.group(1)) == browser_contract()


@pytest.mark.browser
def test_browser_folds_finds_placeholders_and_taboo_as_the_build(browser, library):
    texts = library_texts(library)
    taboo = library.taboo_patterns()
    expected = [{"fold": fold(t), "skip": fold(t, skip_placeholders=True), "slots": placeholders(t),
                 "taboo": taboo_hits(t, taboo)} for t in texts]
    page = browser.new_page()
    try:
        contract = json.dumps(browser_contract(), ensure_ascii=False).replace("</", "<\\/")
        page.set_content(f'<!doctype html><meta charset="utf-8">'
                         f'<script id="__mdx_contract" type="application/json">{contract}</script>')
        page.add_script_tag(content=TEXT_FOLD_JS.read_text(encoding="utf-8"))
        actual = page.evaluate(
            """([texts, pairs, taboo]) => {
                 const folder = new window.MdxFolder(pairs);
                 const folded = taboo.map(([id, patterns]) => [id, patterns.map((p) => folder.plain(p, false))]);
                 return texts.map((t) => ({fold: folder.plain(t, false), skip: folder.plain(t, true),
                                           slots: folder.placeholders(t), taboo: folder.tabooHits(t, folded)}));
               }""",
            [texts, pairs_for(texts), taboo])
    finally:
        page.close()
    differences = [(text, want, got) for text, want, got in zip(texts, expected, actual) if want != got]
    assert not differences, f"{len(differences)} of {len(texts)} texts differ, first: {differences[:3]}"
    assert len(texts) > 2000, "the check must see the whole bank and library"


@pytest.mark.browser
def test_browser_grades_replies_as_the_build(browser, library):
    """quiz/types/reply.js and reply_grading.py give the same verdict, quoting the same words, on every
    labelled answer, every model answer and their Traditional, spaced and full-width forms."""
    from opencc import OpenCC

    from .test_reply_grading import browser_verdicts, labelled_cases, python_verdicts

    cases = labelled_cases(library)
    s2t = OpenCC("s2t")
    cases += [(key, category, " ".join(s2t.convert(answer)).replace("，", ",")) for key, category, answer in cases[::7]]
    cases += [(cases[0][0], "good", text) for text in ("", "，。", "😀我来帮您查", "请示…主管", "不不不不", "查不了")]
    expected = python_verdicts(library, cases)
    actual = browser_verdicts(browser, library, cases)
    differences = [(case[2], want, got) for case, want, got in zip(cases, expected, actual) if want != got]
    assert not differences, f"{len(differences)} of {len(cases)} replies graded differently, first: {differences[:2]}"
    assert len(cases) > 400, "the check must see the whole labelled set"
