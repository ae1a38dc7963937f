"""通话速查's engine (finder-engine.js) on its own: no site, no finder page, only the engine and text-fold.js on a
blank Chromium page (and once in a worker, where there is no DOM at all), over the real finder data that the
build hands the page. What the page draws from these results is tested in test_finder.py."""

from __future__ import annotations

import re

import pytest
from opencc import OpenCC

from macros.finder_index import finder_data
from macros.normalize import fold

from .helpers import ROOT

pytestmark = pytest.mark.browser

SCRIPTS = [ROOT / "docs/assets/javascripts/text-fold.js", ROOT / "docs/assets/javascripts/finder-engine.js"]
S2T = OpenCC("s2t")

# One search as plain data: the hits in order, each with its score and the code-point ranges to highlight.
SEARCH = """(query) => {
  const found = window.finderIndex.search(query);
  return {terms: found.terms, approximate: found.approximate, hits: found.hits.map(hit => ({
    id: hit.phrase.id, score: hit.score, ranges: window.finderIndex.highlightRanges(hit.phrase, hit.marks)}))};
}"""


@pytest.fixture(scope="module")
def data(library):
    return finder_data(library)


@pytest.fixture(scope="module")
def engine(browser, data):
    """A blank page with the engine indexing the real data as window.finderIndex."""
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.set_content("<!doctype html><meta charset='utf-8'><title>engine</title>")
    for script in SCRIPTS:
        page.add_script_tag(path=str(script))
    page.evaluate("data => { window.finderIndex = new window.mdxFinderEngine.Index(data); }", data)
    yield page
    assert errors == []
    context.close()


def search(engine, query: str) -> dict:
    return engine.evaluate(SEARCH, query)


def marked(text: str, ranges: list[list[int]]) -> list[str]:
    """The pieces of text a hit highlights (ranges are in code points, as Python indexes strings)."""
    return [text[start:end] for start, end in ranges]


def strip_end(text: str) -> str:
    """A taboo range ends on its last character that counts, not on punctuation."""
    return re.sub(r"[\W_]+$", "", text)


def searchable(phrase) -> str:
    """What a word is looked for in: the text without its placeholders, and the tags."""
    return fold(re.sub(r"\{.+?\}", "", phrase.text)) + "|" + "|".join(fold(t) for t in phrase.tags)


def test_a_word_finds_every_phrase_holding_it_exact_tags_first(engine, library):
    by_id = {p.id: p for p in library.phrases}
    word = "退款"
    holding = {p.id for p in library.phrases if word in searchable(p)}
    found = search(engine, word)
    ids = [hit["id"] for hit in found["hits"]]
    assert holding and holding <= set(ids), f"phrases holding {word} not found: {holding - set(ids)}"
    assert found["approximate"] is False
    # A tag that is the word itself scores highest: such phrases come first, in library order.
    tagged = [p.id for p in library.phrases if word in p.tags]
    assert ids[:len(tagged)] == tagged
    scores = [hit["score"] for hit in found["hits"]]
    assert scores == sorted(scores, reverse=True)
    for hit in found["hits"][:30]:
        text = by_id[hit["id"]].text
        assert all(piece == word for piece in marked(text, hit["ranges"])), (text, hit["ranges"])


@pytest.mark.parametrize("query", ["tuikuan", "tk", "tuik"])
def test_pinyin_and_initials_find_and_mark_the_characters(engine, library, query):
    by_id = {p.id: p for p in library.phrases}
    hits = search(engine, query)["hits"]
    top = [by_id[hit["id"]] for hit in hits[:5]]
    assert top and all("退款" in p.text or "退款" in p.tags for p in top), [p.text for p in top]
    in_text = [hit for hit in hits[:5] if "退款" in by_id[hit["id"]].text]
    assert in_text and all(marked(by_id[hit["id"]].text, hit["ranges"]) == ["退款"] for hit in in_text)


def test_initials_must_stand_for_adjacent_characters(engine, library):
    """t-k across punctuation (…退，款…) is not 退款: initials match only characters side by side."""
    by_id = {p.id: p for p in library.phrases}
    for hit in search(engine, "tk")["hits"]:
        for piece in marked(by_id[hit["id"]].text, hit["ranges"]):
            assert re.fullmatch(r"[\u3400-\u9fff]{2}", piece), piece


@pytest.mark.parametrize("simplified", ["投诉", "赔偿", "态度不好"])
def test_traditional_input_is_the_same_search(engine, simplified):
    traditional = S2T.convert(simplified)
    assert traditional != simplified
    assert search(engine, traditional)["hits"] == search(engine, simplified)["hits"]
    assert search(engine, traditional + "！")["hits"] == search(engine, simplified)["hits"]


def test_full_width_letters_are_pinyin_too(engine):
    """An input method left in full-width mode types ｔｋ: the same search as tk."""
    assert search(engine, "ｔｋ")["hits"] == search(engine, "tk")["hits"]


def test_synonyms_widen_the_search(engine, library):
    by_id = {p.id: p for p in library.phrases}
    query = "发火"
    words = library.synonyms[query]
    hits = search(engine, query)["hits"]
    through_synonym = [hit for hit in hits if query not in searchable(by_id[hit["id"]])]
    assert through_synonym, "no hit came from a synonym"
    assert any(marked(by_id[hit["id"]].text, hit["ranges"]) for hit in through_synonym)
    for hit in through_synonym:  # what is highlighted is the synonym found, not something else
        assert all(piece in words for piece in marked(by_id[hit["id"]].text, hit["ranges"])), hit


def test_what_a_customer_says_finds_phrases_sharing_its_pieces(engine, library):
    """No phrase holds 啥时候能到账 as typed (nor 入账/退款 for 到账): what is found holds its two-character pieces,
    their synonyms, or what the situations they name lead to (lexicon.yml), flagged approximate, and only
    those words are highlighted."""
    by_id = {p.id: p for p in library.phrases}
    query = "啥时候能到账"
    variants = [query, *(query.replace(key, word) for key, words in library.synonyms.items() if key in query
                         for word in words)]
    assert not any(v in searchable(p) for v in variants for p in library.phrases)
    found = search(engine, query)
    assert found["approximate"] is True and found["hits"]
    pieces = {query[i:i + 2] for i in range(len(query) - 1)}
    situations = [s for s in library.situations if any(say in query for say in s.says)]
    assert situations, "the lexicon names no situation for 到账"
    pieces |= {word for s in situations for word in s.finds}
    # A piece also stands for its synonyms (到账 → 入账), as a whole word does
    pieces |= {word for piece in list(pieces) for word in library.synonyms.get(piece, [])}
    scenarios = {n for s in situations for n in s.scenarios}
    for hit in found["hits"]:
        p = by_id[hit["id"]]
        facets = fold("".join([p.stage, *p.scenarios, *p.customer_types]))
        assert (any(piece in searchable(p) or piece in facets for piece in pieces)
                or scenarios & set(p.scenarios)), p.text
        assert set(marked(p.text, hit["ranges"])) <= pieces
    # The phrases holding the word itself come before those of its scenario only.
    top = by_id[found["hits"][0]["id"]]
    assert "到账" in searchable(top), top.text


@pytest.mark.parametrize("query", ["", "   ", "，。！", "{称呼}"])
def test_a_query_with_nothing_to_look_for_filters_nothing(engine, library, query):
    """No words (placeholders are not words): every phrase, in library order, nothing marked. The page only
    searches a box with something in it; a box holding only punctuation or {称呼} lists everything."""
    found = search(engine, query)
    assert found["terms"] == []
    assert [hit["id"] for hit in found["hits"]] == [p.id for p in library.phrases]
    assert all(hit["score"] == 0 and hit["ranges"] == [] for hit in found["hits"])


def test_a_drafted_reply_is_checked_for_taboo_phrases(engine, library):
    """Spaces, full-width spaces and Traditional characters do not hide a taboo phrase; the ranges are those of
    the reply as typed."""
    disguisable = [t for t in library.taboo if len(t.text) >= 4 and S2T.convert(t.text) != t.text]
    first, second = disguisable[0], disguisable[-1]
    chars = list(S2T.convert(first.text))
    disguised = chars[0] + " " + chars[1] + "\u3000" + "".join(chars[2:])
    reply = "您好，" + disguised + "！请理解。另外，" + second.text + "。"
    found = engine.evaluate("""(reply) => window.finderIndex.checkReply(reply).map(
        hit => ({start: hit.start, end: hit.end, id: hit.entry.id}))""", reply)
    assert [hit["id"] for hit in found] == [first.id, second.id]
    assert [reply[hit["start"]:hit["end"]] for hit in found] == [strip_end(disguised), strip_end(second.text)]
    assert engine.evaluate("(reply) => window.finderIndex.checkReply(reply).length", "您好，我马上为您核实。") == 0


def test_searching_a_taboo_phrase_or_most_of_it_flags_it(engine, library):
    rule = next(t for t in library.taboo if len(fold(t.text)) >= 4)
    flagged = "(q) => window.finderIndex.tabooFor(q).map(entry => entry.id)"
    assert rule.id in engine.evaluate(flagged, rule.text)
    assert rule.id in engine.evaluate(flagged, fold(rule.text)[:3])  # three characters into a taboo phrase
    assert engine.evaluate(flagged, "") == []


def test_placeholders_are_filled_or_reported(engine):
    fill = "([text, slots]) => window.finderIndex.fillPlaceholders(text, slots)"
    text = "{称呼}您好，工单 {工单号} 已记录，{称呼}请放心。"
    assert engine.evaluate(fill, [text, {}]) == {"text": text, "missing": ["称呼", "工单号"]}
    assert engine.evaluate(fill, [text, {"称呼": "王先生", "工单号": "A1"}]) == {
        "text": "王先生您好，工单 A1 已记录，王先生请放心。", "missing": []}


def test_the_engine_needs_no_page(browser, data, engine):
    """In a worker there is no document: the engine must search there exactly as on the page."""
    context = browser.new_context()
    page = context.new_page()
    page.set_content("<!doctype html><meta charset='utf-8'><title>worker</title>")
    sources = [script.read_text(encoding="utf-8") for script in SCRIPTS]
    answer = page.evaluate("""([sources, data]) => new Promise((resolve, reject) => {
      // text-fold.js hangs its Folder on window: in a worker, that is the worker's global scope.
      const body = ['self.window = self;\\n', ...sources, '\\nconst DATA = ', JSON.stringify(data), `;
        const index = new self.mdxFinderEngine.Index(DATA);
        postMessage({document: typeof document, ids: index.search('退款').hits.map(h => h.phrase.id)});`];
      const worker = new Worker(URL.createObjectURL(new Blob(body, {type: 'text/javascript'})));
      worker.onmessage = event => resolve(event.data);
      worker.onerror = event => reject(new Error(event.message));
    })""", [sources, data])
    context.close()
    assert answer["document"] == "undefined"
    assert answer["ids"] and answer["ids"] == [hit["id"] for hit in search(engine, "退款")["hits"]]


# ------------------------------------------------------------------ query understanding (issue #18)

def ids_of(engine, query: str, top: int | None = None) -> list[str]:
    return [hit["id"] for hit in search(engine, query)["hits"]][:top]


@pytest.mark.parametrize("initials, word", [("ld", "领导"), ("jl", "经理"), ("tk", "退款"), ("zx", "征信")])
def test_initials_favour_whole_words(engine, library, initials, word):
    """ld → 领导 (and what it stands for), never a line whose characters merely start with l…d."""
    by_id = {p.id: p for p in library.phrases}
    words = {word, *library.synonyms.get(word, [])}
    for phrase_id in ids_of(engine, initials, 5):
        assert any(w in searchable(by_id[phrase_id]) for w in words), (initials, by_id[phrase_id].text)


@pytest.mark.parametrize("query, words", [
    ("吼", ["激动", "生气", "发火", "愤怒"]), ("电视台", ["曝光", "媒体", "记者", "电视台"]),
    ("律师", ["律师"]), ("被骗了", ["诈骗", "被骗"]), ("吞卡", ["吞卡", "卡被吞"]),
])
def test_what_agents_type_lands_on_the_library_words(engine, library, query, words):
    by_id = {p.id: p for p in library.phrases}
    top = ids_of(engine, query, 3)
    assert len(top) == 3
    for phrase_id in top:
        assert any(w in searchable(by_id[phrase_id]) for w in words), (query, by_id[phrase_id].text)


def test_expanded_matches_rank_below_literal_ones(engine, library):
    """曝光 is typed and is also a lexicon situation: every phrase holding 曝光 comes before one found only
    through the situation's scenario or its other words."""
    by_id = {p.id: p for p in library.phrases}
    holds = [("曝光" in searchable(by_id[i])) for i in ids_of(engine, "曝光")]
    assert True in holds and False in holds
    assert holds == sorted(holds, reverse=True)


def test_partial_matches_rank_instead_of_vanishing(engine, library):
    """A query whose words match only in part lists the best partial matches: those matching more first."""
    by_id = {p.id: p for p in library.phrases}
    alone = ids_of(engine, "律师")
    with_noise = ids_of(engine, "律师 呜呜呜呜")
    assert with_noise and set(with_noise) == set(alone)
    both = ids_of(engine, "律师 起诉")
    first = by_id[both[0]]
    assert "律师" in searchable(first) and "起诉" in searchable(first)


@pytest.mark.parametrize("query, pieces", [("老人不会用手机", ["老人", "不会用手机"]), ("报你工号我投诉你", ["投诉你", "工号"])])
def test_a_long_query_ranks_first_what_holds_more_of_its_words(engine, library, query, pieces):
    """Typed as one run, a query is read as the library words inside it: a phrase holding more of them comes
    before those holding one (which all score alike)."""
    by_id = {p.id: p for p in library.phrases}
    first = by_id[ids_of(engine, query, 1)[0]]
    assert all(piece in searchable(first) for piece in pieces), (query, first.text)


@pytest.mark.parametrize("typo, word", [("征心", "征信"), ("冻洁", "冻结"), ("投述", "投诉"), ("吞咔", "吞卡")])
def test_a_homophone_typo_finds_the_word(engine, library, typo, word):
    by_id = {p.id: p for p in library.phrases}
    top = ids_of(engine, typo, 3)
    assert top and all(word in searchable(by_id[i]) for i in top), typo
    assert search(engine, typo)["approximate"] is True


def test_a_typo_is_only_assumed_when_the_query_means_nothing(engine, library):
    """破口大骂 holds 骂 (辱骂): it is not also read as 大妈 (an elderly customer)."""
    by_id = {p.id: p for p in library.phrases}
    top = [by_id[i] for i in ids_of(engine, "破口大骂", 5)]
    assert top and not any("老年客户" in p.customer_types for p in top)
    assert any("辱骂" in p.scenarios or "骂" in searchable(p) for p in top)


def test_a_customer_sentence_from_the_lexicon_finds_its_scenario(engine, library):
    by_id = {p.id: p for p in library.phrases}
    top = [by_id[i] for i in ids_of(engine, "取款机把我的卡吞了", 3)]
    assert top and all("ATM吞卡" in p.scenarios for p in top)


def test_nothing_related_gives_nothing(engine):
    assert search(engine, "xyzq")["hits"] == []


def test_the_ranking_weights_keep_what_was_typed_first(engine):
    """Typed > synonyms.yml > pinyin/initials of a word > a word inside a sentence > lexicon > typos > thesaurus."""
    weight = engine.evaluate("window.mdxFinderEngine.WEIGHT")
    order = ["typed", "synonym", "libraryWord", "inside", "situation", "soundsNear", "thesaurus"]
    assert [weight[k] for k in order] == sorted((weight[k] for k in order), reverse=True)
    assert weight["typed"] == 1 and weight["wholeWord"] > weight["libraryWord"] > weight["otherWord"]
    assert weight["soundsLike"] > weight["soundsNear"] > weight["thesaurus"]


def test_a_word_only_the_thesaurus_knows_lands_on_library_words(engine, library):
    """谩骂 is in no phrase, no synonym and no lexicon entry: 同义词词林 leads it to 辱骂."""
    by_id = {p.id: p for p in library.phrases}
    known = {w for s in library.situations for w in s.says} | set(library.synonyms)
    assert "谩骂" not in known and not any("谩骂" in searchable(p) for p in library.phrases)
    assert "辱骂" in library.thesaurus["谩骂"]
    top = [by_id[i] for i in ids_of(engine, "谩骂", 3)]
    assert top and all("辱骂" in searchable(p) or "辱骂" in p.scenarios for p in top)


def test_the_thesaurus_ships_only_entries_that_lead_to_library_words(library):
    tags = {t for p in library.phrases for t in p.tags} | {w for s in library.situations for w in s.finds}
    assert library.thesaurus
    for word, leads in library.thesaurus.items():
        assert leads and set(leads) <= tags, word


def test_the_candidate_index_and_the_kept_words_change_no_result(engine):
    """A search scores only the phrases its words, situations and spelling can reach, and keeps what a word
    is worth in each phrase for the next keystrokes (#18, speed at 30,000 phrases). Scoring every phrase
    afresh must give the same hits, scores, order and marks, for every prefix of queries of each kind
    (words, sentences, pinyin, initials, Traditional, typos, thesaurus), whatever was searched before."""
    from bench.finder import HOLDOUT_FILE, QUERY_FILE, read_queries

    queries = {q for path in (QUERY_FILE, HOLDOUT_FILE) for _, q, _ in read_queries(path)} | {"谩骂 征心", "，"}
    prefixes = sorted({q[:n] for q in queries for n in range(1, len(q) + 1)})
    compare = """(prefixes) => {
      const index = window.finderIndex;
      const run = (qs) => qs.map(q => { const f = index.search(q, {channel: 1});
        return JSON.stringify([f.approximate, f.hits.map(h => [h.phrase.id, h.score, h.marks, h.literal])]); });
      index.wordsKept = null;
      const indexed = run(prefixes);
      const warm = run(prefixes.slice().reverse()).reverse();  // every word kept from other searches
      const all = index.phrases.map(p => p.position);
      index.candidates = () => all;
      index.pieceCandidates = () => all;
      index.search = function (q, options) {  // nothing kept from the searches before
        this.wordsKept = null;
        return Object.getPrototypeOf(this).search.call(this, q, options);
      };
      try { return [indexed, warm, run(prefixes)]; }
      finally { delete index.candidates; delete index.pieceCandidates; delete index.search; }
    }"""
    indexed, warm, everything = engine.evaluate(compare, prefixes)
    differ = [q for q, a, b, c in zip(prefixes, indexed, warm, everything) if not a == b == c]
    assert len(prefixes) > 500 and not differ, differ[:10]
