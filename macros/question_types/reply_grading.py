"""How a written reply (情景应答题) is graded, defined once: the rules as data and their Python implementation.

The browser grades with quiz/types/reply.js from `browser_rules()` (written on the quiz root as
data-reply-rules); the build grades every model answer with `grade` and fails when one does not pass;
tests/test_reply_grading.py runs both over the labelled answers and fails on any difference.

A reply is cut into clauses at punctuation, each clause folded (macros/normalize.py). A key point is met
by one of its phrasings found in a clause and not governed by a negation (nor in a clause that refuses,
blames or over-promises: 现在说了不算 does not meet 现在): a cue (不, 没, 别 …) in the
`window` characters before it, or a 不了/不到 right after it. A phrasing "请示…主管" means its parts in this
order, at most `gap` characters apart, in one clause. Refusals, blame, over-promises and rude words fail
a reply wherever they are, as do the taboo phrases and a reply that is mostly a list of key words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

from ..normalize import fold

# Marks "these parts, in this order, close together" inside a phrasing: 请示…主管.
GAP_MARK = "…"


@dataclass(frozen=True)
class ReplyRules:
    """What makes a reply fail besides missing key points: trainers' judgement, as data."""

    # Characters before a key-point phrasing in which a negation cue takes it back (我现在不能查).
    window: int = 4
    # Most characters between the parts of a "请示…主管" phrasing.
    gap: int = 6
    # Where a clause ends: a negation does not reach across it (不好意思，我马上查).
    clause_breaks: str = "，。！？；：,.!?;:\n…~～—"
    negations: tuple[str, ...] = ("不", "没", "别", "无法", "未", "甭", "休想")
    # Words that start like a negation and are not one.
    not_negations: tuple[str, ...] = (
        "不管", "不论", "无论", "不仅", "不但", "不好意思", "不然", "不少", "不错", "不客气", "没问题", "没关系",
        "别人", "别的", "别处", "不用再", "不必再", "不一样", "不一致", "不符", "不放心", "不舒服", "不满意",
        "不痛快", "不高兴", "不好受", "不踏实", "不周", "不便", "没做好", "没做到", "没有做到", "没收到", "没到",
        "没有丢", "没人")
    # Characters after a key-point phrasing in which a negation takes it back when it is the topic
    # (到期日我没查, 到账也不会通知您).
    reach: int = 1
    # A negation right after the phrasing: 查不了, 退不到.
    negations_after: tuple[str, ...] = ("不了", "不到", "不出", "不成", "不得")
    # The agent will not, cannot or need not act: the customer is left where they were.
    refusals: tuple[str, ...] = (
        "说了不算", "别想", "管不了", "不归我", "没办法", "没有办法", "没法", "没辙", "办不了", "查不了", "改不了",
        "退不了", "帮不了", "给不了", "你自己…吧", "你自己想办法", "回去等", "就等着", "等着吧", "爱找谁",
        "不会改", "就是该扣", "不能退", "也不行", "就是不行", "找谁都", "不会给你", "不会帮你", "说不准", "你看着办",
        "你得从头", "还得从头", "就免了", "更不可能", "就更别", "你再跟他", "你到时候再", "你还得", "是不可能",
        "我挂了", "你自己看", "你自己查", "你自己去", "你自己打", "何必")
    # The customer is made the one at fault.
    blame: tuple[str, ...] = (
        "怪谁", "怪不了", "谁让你", "谁叫你", "是你自己", "你自己没", "你自己不", "你自己弄", "你自己忘", "你自己摔",
        "你自己选的", "你自己做的", "你自己签", "你自己操作", "你自己留", "你自己打错", "你自己用错", "你自己记错",
        "你记错了", "你自己要", "肯定是你", "你自己才", "人为损坏", "人为的", "操作不当")
    # Promises the agent cannot keep: outcomes nobody has decided yet.
    over_promises: tuple[str, ...] = (
        "保证", "一定…到账", "一定…全部", "一定…送到", "一定…同意", "全部赔", "全部退", "全部补偿", "全部解决",
        "赔给你", "赔你", "赔偿你", "额外赔", "再赔", "绝对不会再", "再也不会", "一分钟内…到账", "开除",
        "肯定没问题", "绝对没问题", "一百个心", "百分之百")
    # Words that talk down to the customer (the taboo list in phrases/taboo.yml holds the classic ones).
    rude: tuple[str, ...] = (
        "别激动", "你嚷什么", "你喊什么", "你急什么", "你催什么", "也没用", "亏了就亏了", "谁买理财不亏", "行了行了",
        "不就是", "而已", "冷冰冰", "又不是故意", "怎么会随便", "正规银行", "正规店铺", "说这么多", "很正常", "不是我扣的",
        "嚷嚷", "别嚷", "别吵", "别闹")
    # Share of a reply's characters that its key-point phrasings cover, from which it is a list of key
    # words rather than something said to a customer.
    stuffing: float = 0.8


RULES = ReplyRules()
FAULT_KINDS = ("refused", "blamed", "over-promise", "rude")


def phrasing_problem(phrasing: str) -> str | None:
    """Why a trainer's phrasing cannot be used, or None."""
    parts = phrasing.split(GAP_MARK)
    if any(not part.strip() for part in parts):
        return f"'{phrasing}': every side of '{GAP_MARK}' needs words — write it as 请示{GAP_MARK}主管"
    if len(parts) > 3:
        return f"'{phrasing}': at most three parts joined by '{GAP_MARK}' — split it into phrasings"
    if not compile_phrasing(phrasing):
        return f"'{phrasing}': only punctuation or spaces — write the words a reply would contain"
    return None


def compile_phrasing(phrasing: str) -> list[str]:
    """'请示…主管' → ['请示', '主管'], each part folded; parts that fold to nothing are dropped."""
    return [part for part in (fold(piece) for piece in phrasing.split(GAP_MARK)) if part]


def browser_rules(rules: ReplyRules = RULES) -> dict:
    """The rules as the browser needs them: plain lists, phrasings compiled like key points."""
    data = asdict(rules)
    return {
        "window": rules.window, "reach": rules.reach, "gap": rules.gap, "clauseBreaks": rules.clause_breaks,
        "negations": [fold(word) for word in rules.negations],
        "notNegations": [fold(word) for word in rules.not_negations],
        "negationsAfter": [fold(word) for word in rules.negations_after],
        "faults": [[kind, [compile_phrasing(p) for p in data[field]]]
                   for kind, field in zip(FAULT_KINDS, ("refusals", "blame", "over_promises", "rude"))],
        "stuffing": rules.stuffing,
    }


def rule_texts(rules: ReplyRules = RULES) -> list[str]:
    """Every word in the rules (the page needs the Traditional characters that fold to them)."""
    return [*rules.negations, *rules.not_negations, *rules.negations_after, *rules.refusals, *rules.blame,
            *rules.over_promises, *rules.rude]


class _Clause:
    """One clause, folded, with where each folded character came from in the original text."""

    def __init__(self, text: str, start: int, original: Sequence[str]):
        self.folded = ""
        self.origin: list[int] = []
        for offset, ch in enumerate(text):
            for out in fold(ch):
                self.folded += out
                self.origin.append(start + offset)
        self.original = original
        self.start, self.end = start, start + len(text)

    def words(self, start: int, end: int) -> str:
        """The original text behind folded characters start..end."""
        return "".join(self.original[self.origin[start]:self.origin[end - 1] + 1])

    def whole(self) -> str:
        return "".join(self.original[self.start:self.end]).strip()


def _clauses(text: str, rules: ReplyRules) -> list[_Clause]:
    chars = list(text)
    clauses, start = [], 0
    for i, ch in enumerate([*chars, rules.clause_breaks[0]]):
        if ch in rules.clause_breaks:
            if i > start:
                clauses.append(_Clause("".join(chars[start:i]), start, chars))
            start = i + 1
    return [clause for clause in clauses if clause.folded]


def _hits(parts: Sequence[str], folded: str, gap: int) -> list[tuple[int, int]]:
    """(start, end) of each place the parts occur in order, each within `gap` of the one before."""
    spans = []
    start = folded.find(parts[0]) if parts else -1
    while start >= 0:
        end = start + len(parts[0])
        for part in parts[1:]:
            found = folded.find(part, end, end + gap + len(part))
            if found < 0:
                end = -1
                break
            end = found + len(part)
        if end >= 0:
            spans.append((start, end))
        start = folded.find(parts[0], start + 1)
    return spans


def _negation_of(folded: str, start: int, end: int, rules: dict) -> tuple[int, int] | None:
    """(from, to): the words that take folded[start:end] back, or None when nothing does."""
    for cue_at in range(max(0, start - rules["window"]), start):
        if _is_negation(folded, cue_at, rules):
            return cue_at, end
    if any(folded.startswith(cue, end) for cue in rules["negationsAfter"]):
        return start, min(len(folded), end + 2)
    for cue_at in range(end, min(len(folded), end + rules["reach"] + 1)):
        if _is_negation(folded, cue_at, rules):
            return start, min(len(folded), cue_at + 2)
    return None


def _is_negation(folded: str, at: int, rules: dict) -> bool:
    rest = folded[at:]
    return any(rest.startswith(cue) for cue in rules["negations"]) and \
        not any(rest.startswith(word) for word in rules["notNegations"])


def grade_folded(text: str, keypoints: Sequence[tuple[str, Sequence[Sequence[str]]]],
                 taboo: Sequence[tuple[str, str, Sequence[str]]], rules: dict,
                 avoid: Sequence[Sequence[str]] = ()) -> dict:
    """The verdict on `text`, from compiled key points (label, [parts of each phrasing]), folded taboo
    entries (id, text, patterns), `browser_rules()` and the question's own phrasings to avoid (compiled):
    exactly what quiz/types/reply.js computes."""
    breaks = ReplyRules(clause_breaks=rules["clauseBreaks"])
    clauses = _clauses(text, breaks)
    faults = []
    faulty = set()  # clauses that refuse, blame, over-promise …: what they say meets no key point
    for kind, patterns in [*rules["faults"], ["avoid", avoid]]:
        for c, clause in enumerate(clauses):
            if any(_hits(parts, clause.folded, rules["gap"]) for parts in patterns):
                faults.append({"kind": kind, "words": clause.whole()})
                faulty.add(c)
    covered = [set() for _ in clauses]
    points = []
    for label, phrasings in keypoints:
        met = negated = None
        for parts in phrasings:
            for c, clause in enumerate(clauses):
                for part in parts:
                    for start, end in _hits([part], clause.folded, 0):
                        covered[c].update(range(start, end))
                for start, end in _hits(parts, clause.folded, rules["gap"]):
                    negation = (0, len(clause.folded)) if c in faulty else _negation_of(clause.folded, start, end, rules)
                    if negation is None and met is None:
                        met = clause.words(start, end)
                    elif negation is not None and negated is None:
                        negated = clause.words(*negation)
        if met is not None:
            points.append({"label": label, "met": True, "words": met})
        elif negated is not None:
            points.append({"label": label, "met": False, "reason": "negated", "words": negated})
        else:
            points.append({"label": label, "met": False, "reason": "missing", "words": ""})
    whole = "".join(clause.folded for clause in clauses)
    origin = [(c, i) for c, clause in enumerate(clauses) for i in range(len(clause.folded))]
    for taboo_id, _text, patterns in taboo:
        spans = [span for pattern in patterns if pattern for span in _hits([pattern], whole, 0)]
        if spans:
            start, end = min(spans)
            (c0, i0), (c1, i1) = origin[start], origin[end - 1]
            words = "".join(clauses[c0].original[clauses[c0].origin[i0]:clauses[c1].origin[i1] + 1])
            faults.append({"kind": "taboo", "words": words, "taboo": taboo_id})
    size = len(whole)
    if size and sum(len(c) for c in covered) >= rules["stuffing"] * size:
        faults.append({"kind": "stuffed", "words": ""})
    return {"correct": all(p["met"] for p in points) and not faults, "points": points, "faults": faults}


def compile_keypoints(keypoints) -> list[tuple[str, list[list[str]]]]:
    """(label, [parts of each phrasing]) of each key point, as the browser receives them."""
    return [(point.label, compile_phrasings(point.any)) for point in keypoints]


def compile_taboo(taboo: Sequence[tuple[str, str, Sequence[str]]]) -> list[tuple[str, str, list[str]]]:
    return [(tid, text, sorted({fold(p) for p in found} - {""})) for tid, text, found in taboo]


def grade(text: str, keypoints, taboo: Sequence[tuple[str, str, Sequence[str]]], avoid: Sequence[str] = ()) -> dict:
    """The verdict on `text` for a question's key points and phrasings to avoid, and the library's taboo list
    (id, text, patterns)."""
    return grade_folded(text, compile_keypoints(keypoints), compile_taboo(taboo), browser_rules(),
                        compile_phrasings(avoid))


def compile_phrasings(phrasings: Sequence[str]) -> list[list[str]]:
    return [parts for parts in (compile_phrasing(p) for p in phrasings) if parts]
