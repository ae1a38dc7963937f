"""情景应答题 graded like a trainer would (issue #19): the labelled answers, graded by the browser's grader,
agree with the trainer; the rules catch negated key points, refusals, blame, over-promises and key-word lists."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from pydantic import ValidationError

from macros.contract import browser_contract
from macros.normalize import pairs_for
from macros.question_types.reply import KeyPoint, ReplyQuestion
from macros.question_types.reply_answers import BAD_CATEGORIES, GOOD, load_answers
from macros.question_types.reply_grading import (
    browser_rules,
    compile_keypoints,
    compile_phrasings,
    compile_taboo,
    grade,
    rule_texts,
)

from .helpers import ROOT

ANSWERS = ROOT / "tests" / "data" / "reply_answers.yml"
SCRIPTS = [ROOT / "docs" / "assets" / "javascripts" / name
           for name in ("text-fold.js", "quiz/util.js", "quiz/types/reply.js")]


def reply_questions(library) -> dict[str, ReplyQuestion]:
    return {f"{quiz.id}/{q.id}": q for quiz in library.quizzes.values() for q in quiz.questions
            if isinstance(q, ReplyQuestion)}


def taboo_list(library) -> list[tuple[str, str, list[str]]]:
    return [(entry.id, entry.text, [entry.text, *entry.match]) for entry in library.taboo]


def labelled_cases(library) -> list[tuple[str, str, str]]:
    """(question key, category, answer) for every labelled answer and every model answer (category good)."""
    questions = reply_questions(library)
    cases = [(key, category, answer) for key, judged in load_answers(ANSWERS).items()
             for category, answer in judged.judged()]
    return cases + [(key, GOOD, question.model_answer) for key, question in questions.items()]


def browser_verdicts(browser, library, cases) -> list[dict]:
    """The verdicts of quiz/types/reply.js, run in Chromium on the data the build writes on the page. A case
    whose key is None is graded with no key points and nothing to avoid: its faults alone decide."""
    questions = reply_questions(library)
    keys = sorted({key for key, _, _ in cases if key})
    keypoints = {key: [{"label": label, "any": phrasings}
                       for label, phrasings in compile_keypoints(questions[key].keypoints)] for key in keys}
    avoid = {key: compile_phrasings(questions[key].avoid) for key in keys}
    taboo = compile_taboo(taboo_list(library))
    texts = [answer for _, _, answer in cases]
    pairs = pairs_for([*texts, *(a for q in questions.values() for p in q.keypoints for a in p.any),
                       *(p for _, _, found in taboo for p in found), *rule_texts(),
                       *(a for q in questions.values() for a in q.avoid)])
    page = browser.new_page()
    try:
        contract = json.dumps(browser_contract(), ensure_ascii=False).replace("</", "<\\/")
        page.set_content(f'<!doctype html><meta charset="utf-8">'
                         f'<script id="__mdx_contract" type="application/json">{contract}</script>')
        for script in SCRIPTS:
            page.add_script_tag(content=script.read_text(encoding="utf-8"))
        return page.evaluate(
            """([cases, keypoints, avoid, taboo, rules, pairs]) => {
                 const folder = new window.MdxFolder(pairs);
                 return cases.map(([key, , answer]) =>
                   window.mdxReplyGrading.grade(answer, keypoints[key] || [], taboo, rules, folder, avoid[key] || []));
               }""",
            [cases, keypoints, avoid, taboo, browser_rules(), pairs])
    finally:
        page.close()


def python_verdicts(library, cases) -> list[dict]:
    questions = reply_questions(library)
    taboo = taboo_list(library)
    return [grade(answer, questions[key].keypoints, taboo, questions[key].avoid) if key else grade(answer, [], taboo)
            for key, _, answer in cases]


def agreement(cases, verdicts) -> tuple[Counter, Counter]:
    total, right = Counter(), Counter()
    for (_, category, _), verdict in zip(cases, verdicts):
        total[category] += 1
        right[category] += verdict["correct"] == (category == GOOD)
    return total, right


def test_every_reply_question_has_judged_answers(library):
    answers = load_answers(ANSWERS)
    assert set(answers) == set(reply_questions(library))
    for judged in answers.values():
        categories = Counter(category for category, _ in judged.judged())
        assert categories[GOOD] >= 4
        assert sum(categories[c] for c in BAD_CATEGORIES) >= 6
        assert all(categories[c] for c in BAD_CATEGORIES)


@pytest.mark.browser
def test_the_browser_grader_agrees_with_the_trainer(browser, library):
    cases = labelled_cases(library)
    verdicts = browser_verdicts(browser, library, cases)
    total, right = agreement(cases, verdicts)
    wrong = [(key, category, answer) for (key, category, answer), verdict in zip(cases, verdicts)
             if verdict["correct"] != (category == GOOD)]
    assert sum(right.values()) >= 0.95 * sum(total.values()), wrong
    for category in ("keyword-stuffed", "negated"):
        assert right[category] == total[category], [w for w in wrong if w[1] == category]
    assert total["keyword-stuffed"] >= 85 and total["negated"] >= 175, "the check must see the whole labelled set"


def by_key(library, key):
    return reply_questions(library)[key]


@pytest.mark.parametrize(("key", "answer", "kind"), [
    ("psychology/reply-negotiator-fee", "我是大堂经理，现在说了不算，今天别想了", "refused"),
    ("management/reply-escalate-to-supervisor", "好的，我现在就去请主管，不过他来了也不会改，您还得从头再讲一遍", "refused"),
    ("cases/reply-annual-fee-angry", "对不起，我现在就查清楚了：年费就是该扣的，没有减免，您今天别想退了", "refused"),
    ("cases/reply-annual-fee-angry", "您先别激动，我现在马上查一下", "rude"),
    ("cases/reply-annual-fee-angry", "卡不用您自己不销户，扣年费怪谁？我现在帮您查", "blamed"),
    ("emotions/reply-future-guide-transfer", "放心，钱安全，我保证一小时内到账，到了短信告诉您", "over-promise"),
])
def test_the_issue_s_answers_fail_for_the_right_reason(library, key, answer, kind):
    verdict = grade(answer, by_key(library, key).keypoints, taboo_list(library))
    assert not verdict["correct"]
    assert kind in [fault["kind"] for fault in verdict["faults"]], verdict


def test_a_natural_paraphrase_passes_and_says_which_words_met_each_point(library):
    answer = "让您着急了，真对不起。我马上把您这张卡这几年的扣费记录打出来，一笔一笔跟您核对；符合减免条件的，我今天就给您办。"
    verdict = grade(answer, by_key(library, "cases/reply-annual-fee-angry").keypoints, taboo_list(library))
    assert verdict["correct"], verdict
    assert all(point["words"] and point["words"] in answer for point in verdict["points"])


def test_a_negated_point_is_named_with_the_learner_s_words(library):
    answer = "不好意思，这几年的扣费我现在不查，今天也办不了减免。"
    verdict = grade(answer, by_key(library, "cases/reply-annual-fee-angry").keypoints, taboo_list(library))
    negated = [p for p in verdict["points"] if not p["met"] and p["reason"] == "negated"]
    assert negated and all(p["words"] in answer and "不" in p["words"] for p in negated), verdict


def test_a_taboo_fault_quotes_the_learner_not_the_canonical_text(library):
    answer = "这是公司規定，我帮您查一下"  # a fragment, in Traditional characters
    verdict = grade(answer, by_key(library, "cases/reply-annual-fee-angry").keypoints, taboo_list(library))
    taboo = [f for f in verdict["faults"] if f["kind"] == "taboo"]
    assert taboo and taboo[0]["words"] == "公司規定"


def test_paired_phrasings_need_both_parts_close_together():
    point = [KeyPoint(label="请示", any=["请示…主管"])]
    assert grade("我去请示一下主管", point, [])["points"][0]["met"]
    assert not grade("我是主管，不用请示", point, [])["points"][0]["met"]
    assert not grade("我去请示一下，过两天再说吧，反正主管", point, [])["points"][0]["met"]


@pytest.mark.parametrize("phrasing", ["…主管", "请示…", "a…b…c…d"])
def test_a_badly_written_paired_phrasing_is_refused(phrasing):
    with pytest.raises(ValidationError, match="…"):
        KeyPoint(label="请示", any=[phrasing])


def test_a_question_s_own_don_ts_fail_the_reply(library):
    question = by_key(library, "regulation/reply-threat-12378")
    answer = "您的权利我尊重，但建议您别打，核查结果明天下午出来，我记录下来报告主管。"
    verdict = grade(answer, question.keypoints, taboo_list(library), question.avoid)
    assert not verdict["correct"]
    assert {"kind": "avoid", "words": "但建议您别打"} in verdict["faults"]
    assert grade(answer, question.keypoints, taboo_list(library))["correct"], "only the question's rubric forbids it"


def test_a_badly_written_phrasing_to_avoid_is_refused(library):
    question = by_key(library, "regulation/reply-threat-12378")
    with pytest.raises(ValidationError, match="needs words"):
        ReplyQuestion.model_validate({**question.model_dump(), "avoid": ["别…"]})


def test_words_inside_a_refusal_meet_no_key_point(library):
    verdict = grade("我是大堂经理，现在说了不算，今天别想了", by_key(library, "psychology/reply-negotiator-fee").keypoints,
                    taboo_list(library))
    assert not any(point["met"] for point in verdict["points"]), verdict
    assert {"label": "能办的部分马上办", "met": False, "reason": "negated", "words": "现在说了不算"} in verdict["points"]


@pytest.mark.parametrize("answer", [
    "真对不起，是我的错。这件事我亲自负责，我保证今天下午三点前给您回电。",
    "对不起，是我的错，这次由我来跟，我保证明天上午十点前打电话给您，一定说清楚。",
])
def test_a_promise_to_call_back_is_not_an_over_promise(library, answer):
    verdict = grade(answer, by_key(library, "taboos/reply-broken-promise-callback").keypoints, taboo_list(library))
    assert verdict["correct"], verdict


@pytest.mark.parametrize("answer", [
    "对不起，是我的错，我亲自负责，我保证今天全部解决，下午三点前给您打电话。",
    "对不起，是我的错，我亲自负责，保证明天一定到账，下午三点前给您打电话。",
    "对不起，是我的错，我亲自负责，这钱肯定给您退，下午三点前给您打电话。",
])
def test_a_promised_outcome_is_an_over_promise(library, answer):
    verdict = grade(answer, by_key(library, "taboos/reply-broken-promise-callback").keypoints, taboo_list(library))
    assert "over-promise" in [fault["kind"] for fault in verdict["faults"]], verdict


@pytest.mark.parametrize(("answer", "met"), [
    ("您好，我是，让您白等了，真对不起，请跟我到这边坐。", False),
    ("您好，我是这里的值班经理，让您白等了，真对不起，请跟我到这边坐。", True),
    ("您好，我是客服小王，让您白等了，真对不起，请跟我到这边坐。", True),
    ("您好，我叫李明，让您白等了，真对不起，请跟我到这边坐。", True),
])
def test_introducing_oneself_needs_a_role_or_a_name(library, answer, met):
    verdict = grade(answer, by_key(library, "handling-steps/reply-isolate-hall").keypoints, taboo_list(library))
    assert verdict["points"][0]["met"] is met, verdict


@pytest.mark.parametrize("when", ["十分钟内", "半小时之内", "今天下班前", "明天上午", "24小时内", "两个工作日内",
                                  "下午三点", "周五前"])
def test_a_deadline_may_be_said_in_any_common_form(library, when):
    answer = f"您的要求我听明白了。手续费我这就给您退；误工费超出了我的权限，我去请示领导，{when}给您答复。"
    verdict = grade(answer, by_key(library, "psychology/reply-negotiator-fee").keypoints, taboo_list(library))
    assert verdict["correct"], verdict


def test_a_synonym_stands_for_its_group_and_a_word_of_two_meanings_for_itself():
    points = compile_keypoints([KeyPoint(label="请主管", any=["请…主管"]), KeyPoint(label="确认", any=["核对"])])
    assert ["请", "领导"] in points[0][1] and ["请", "行长"] in points[0][1]
    assert points[1][1] == [["核对"]], "核对 (check the records, or confirm with the customer) has no synonyms"
    assert not grade("我明天请领导过来", [KeyPoint(label="马上", any=["马上", "分钟"])], [])["correct"]


# Each rule that keeps a natural answer from failing, beside its counterpart that must still fail:
# (question, answer, passes, the fault kind it fails for, if any).
RULE_CASES = [
    # 行不行, 有没有: a question offering both answers negates nothing
    ("final/reply-final-phone-call-back",
     "您别着急，三个月的扣费我要一笔一笔调出来核实。明天中午十二点前我给您回电话，您看行不行？", True, None),
    ("final/reply-final-phone-call-back",
     "您别着急，三个月的扣费我要一笔一笔调出来核实。明天中午十二点前我给您回电话，您看不行也得行。", False, None),
    # a question word asks about what follows it
    ("emotions/reply-latent-emotion", "看您还有点不放心，是哪里还不清楚吗？您跟我说说，我记下来帮您处理。", True, None),
    ("emotions/reply-latent-emotion", "看您还有点不放心，不过也没什么好说的，我记下来就行。", False, None),
    # a negation after a phrasing takes it back only when the phrasing is its topic
    ("management/reply-invalid-wealth-maturity",
     "您担心钱没回来，我明白。我查了记录，到期日是明天，下一个工作日到账，到账那天我发短信告诉您。", True, None),
    ("emotions/reply-future-guide-transfer", "您放心，钱有记录不会丢，今天下午五点前到账，短信也不会发给您。", False, None),
    # what cannot be done on the spot is no refusal; what cannot be done at all is
    ("handling-steps/reply-promise-cannot-solve",
     "让您着急了。这笔转账当场没法查出结果，要后台核查，我今天就提交，明天下午三点前我亲自打电话告诉您。", True, None),
    # … and so is a plain "we cannot" when what the agent does follows, however many clauses later (round six)
    ("handling-steps/reply-promise-cannot-solve",
     "让您着急了。这笔转账我们没法查，要后台核查，我今天就提交，明天下午三点前我亲自打电话告诉您。", True, None),
    ("handling-steps/reply-promise-cannot-solve",
     "让您着急了。这笔转账我们没法查，要后台核查，明天下午三点前会有人打电话告诉您。", False, "refused"),
    # a feeling called normal is accepted; a complaint called normal is dismissed
    ("bank-situations/reply-mis-selling",
     "亏了这么多，您生气是很正常的。我先登记，调取当时的双录和合同核查，本月底前给您答复。", True, None),
    ("bank-situations/reply-mis-selling",
     "亏了这么多，您生气我理解，不过理财亏钱很正常。我先登记，调取当时的双录和合同核查，本月底前给您答复。",
     False, "rude"),
    ("listening/reply-empathy-late-card", "等了九天卡还没到，您着急，这很正常。我马上帮您查一下寄到哪了。", True, None),
    ("listening/reply-empathy-late-card", "等了九天卡还没到，您着急我理解。寄卡慢，这很正常，我马上帮您查一下。",
     False, "rude"),
    # a cue inside a word (特别, 对不起, 差不多) takes nothing back
    ("listening/reply-paraphrase-pension",
     "特别感谢您讲这么细。我核对一下：您母亲的养老金从三月起就没到账，打过两次客服，对吗？", True, None),
    ("listening/reply-paraphrase-pension",
     "不谢。我核对一下：您母亲的养老金从三月起就没到账，打过两次客服，对吗？", False, None),
    # the customer's words repeated are not the agent's promise; the agent's own are
    ("bank-situations/reply-mis-selling",
     "您说当初理财经理讲的是保本保息，这话我记下来了，您心里肯定难受。合同和双录我们都会调阅核查，五个工作日内答复您。",
     True, None),
    ("bank-situations/reply-mis-selling",
     "您心里肯定难受，不过这款是保本保息的。合同和双录我们都会调阅核查，五个工作日内答复您。", False, "over-promise"),
    ("bank-situations/reply-mis-selling",
     "您刚才说，理财经理讲过跟存款一样，这话我记下来了，您心里肯定难受。合同和双录我们都会调阅核查，五个工作日内答复您。",
     True, None),
    ("bank-situations/reply-mis-selling",
     "您心里肯定难受，这款理财跟存款一样。合同和双录我们都会调阅核查，五个工作日内答复您。", False, None),
    # sending the customer elsewhere is a refusal; telling them they need not call is not
    ("emotions/reply-future-guide-transfer",
     "您放心，钱在系统里有记录，今天下午五点前到账，到了我发短信告诉您，您不用再打客服问了。", True, None),
    ("emotions/reply-future-guide-transfer",
     "您放心，钱在系统里有记录，今天下午五点前到账，到了会有短信，有问题您打客服问吧。", False, "refused"),
    # the customer made to tell it all again is refused; sparing them that is the point
    ("management/reply-escalate-to-supervisor", "好的，我马上请我们组长过来，情况我先跟他说清楚，免得您再从头讲一遍。", True, None),
    ("management/reply-escalate-to-supervisor", "好的，我马上请我们主管过来，情况我先跟他说清楚，到时候您再跟他讲一遍。",
     False, "refused"),
    # an outcome said with certainty, in either order, or across a short clause, is an over-promise; a
    # promise to act, a doubt or a condition is not
    ("final/reply-final-phone-call-back",
     "您着急我理解。我先查一下记录，这钱绝对能退回来，明天上午十点前我回电话，好吗？", False, "over-promise"),
    ("handling-steps/reply-promise-cannot-solve",
     "真抱歉让您着急了。我今天就提交后台，明天上午钱就到对方账上了，这个我跟您保证，我亲自打电话告诉您。",
     False, "over-promise"),
    ("final/reply-final-phone-call-back",
     "您着急我理解。我先查一下记录，能不能退要看核查结果，我不能保证一定退回，明天上午十点前我回电话告诉您，好吗？",
     True, None),
    ("final/reply-final-phone-call-back",
     "您着急是应该的。我先查一下记录，如果确实多扣了，一定按规定退给您，明天上午十点前我回电话，好吗？", True, None),
    ("handling-steps/reply-promise-cannot-solve",
     "真抱歉让您着急了。我今天就提交后台，一有结果我一定通过电话告诉您，明天上午十点前给您回话。", True, None),
    ("taboos/reply-first-contact-credit-card",
     "这事我来帮您跟，我现在就转信用卡中心，情况我先跟他们说清楚，您的征信绝对不受影响，今天下班前我回电话告诉您进展。",
     False, "over-promise"),
    ("cases/reply-annual-fee-angry",
     "先生，实在抱歉让您生气了。我现在就把扣费明细调出来逐笔核对，符合条件的一定帮您申请减免，今天就提交。", True, None),
    ("cases/reply-annual-fee-angry",
     "先生，实在抱歉让您生气了。我现在就把扣费明细调出来逐笔核对，这几年的年费肯定能减免，今天就给您办。",
     False, "over-promise"),
    # a favour outside policy offered on the spot fails; refusing one is no fault
    ("principles/reply-own-mistake-term",
     "王女士，真对不起，是我们录错了。我马上给您改成三年期，再送您一套小礼品表示歉意。", False, "favour"),
    ("taboos/reply-rewrite-company-rule",
     "让您白跑真不好意思。要本人来是为了安全，不过我帮您特殊处理一下，让您儿子替您办了。", False, "favour"),
    ("taboos/reply-rewrite-company-rule",
     "让您白跑一趟真不好意思，我理解。要本人来是为了保护您的账户安全，我不能让别人代办，您看哪天方便，我帮您预约，来了直接找我。",
     True, None),
    # a required check waived fails
    ("cases/reply-large-withdrawal-options",
     "预约是为了安全，给您备好现金。您可以转账或者明天来取，选哪个都行，转账的话收款人什么的不用核实了。", False, "waived"),
    # cutting the customer short, or doing nothing here, is a refusal
    ("psychology/reply-respect-ignored",
     "先生您好，我是大堂经理，对不起让您受怠慢了。前面的事您就别讲了，您要办什么直接说。", False, "refused"),
    ("taboos/reply-rewrite-company-rule",
     "让您白跑一趟，实在不好意思。要本人来是为了您的安全。预约我们不给办，您改天自己来吧。", False, "refused"),
    ("management/reply-escalate-to-supervisor",
     "好的，我现在就去请主管。不过您得把情况重新跟他说一遍，我说不清楚。", False, "refused"),
    # Traditional script: 著 is 着
    ("emotions/reply-action-guide-counter", "先生，請您先坐，喝杯水。我當著您的面把這個月的扣款明細列印出來，一筆一筆跟您核對。",
     True, None),
    # a list of words is no reply, however short
    ("emotions/reply-action-guide-counter", "您先坐，我给您倒杯水，马上当着您的面查明细。", True, None),
    ("emotions/reply-action-guide-counter", "您先坐，喝水，马上，查明细。", False, "stuffed"),
    # northern and formal registers mean what the standard words mean (俺 is 我, 甭 is 别, 今儿 is 今天)
    ("final/reply-final-phone-call-back",
     "大姐，仨月都多扣钱，搁谁都窝火。俺得把记录都调出来挨个对，明儿上午十点前俺给您回电话，中不？", True, None),
    ("emotions/reply-latent-emotion", "俺瞅着您还有点不得劲，是哪块儿不满意？您跟俺唠唠，俺记下来马上改。", True, None),
    ("emotions/reply-latent-emotion", "俺瞅着您还有点不得劲，甭说了，俺记下了。", False, "refused"),
    ("listening/reply-paraphrase-pension",
     "谢谢您说得这么清楚。我复述一遍：养老金每月二十号后到账，三月起一直没到账，您打过两次客服，请问以上是否准确？",
     True, None),
    # 搁谁不急 grants the feeling; a real negation still takes it back
    ("listening/reply-empathy-late-card",
     "说好五天，这都九天了卡还没到，搁谁不着急。寄送这块我们网点催不了，但我马上帮您查一下卡到哪了。", True, None),
    # a commitment taken back in the same breath is no commitment; saying what is not known yet is honest
    ("final/reply-final-phone-call-back",
     "三个月的扣费我要一笔一笔调出来核对，具体几点我也说不好，但明天中午十二点前我一定回电，您看行吗？", True, None),
    ("final/reply-final-phone-call-back",
     "三个月的扣费我要一笔一笔调出来核对，明天上午十点前给您回电，您看行吗？不过回不回得了我也不好说。",
     False, "taken-back"),
    ("handling-steps/reply-promise-cannot-solve",
     "让您着急了。这笔转账要后台核查，我今天就提交，明天下午三点前我亲自打电话告诉您，您不用来网点办也一样。", True, None),
    ("handling-steps/reply-promise-cannot-solve",
     "让您着急了。这笔转账要后台核查，我今天就提交，明天下午三点前我亲自打电话告诉您。其实打不打也一样。",
     False, "taken-back"),
    ("handling-steps/reply-promise-cannot-solve",
     "让您着急了，您先坐下慢慢再说吧。这笔转账要后台核查，我今天就提交，明天下午三点前我亲自打电话告诉您。", True, None),
    ("bank-situations/reply-mis-selling", "理解您的心情，录音录像我们会调出来看，等领导有空了再说。", False, "taken-back"),
    # a refusal followed by what the agent does instead is honest; followed by a send-off it is not
    ("psychology/reply-negotiator-fee", "手续费我马上给您退；误工费我说了不算，得去请示主管，十分钟内答复您。", True, None),
    ("psychology/reply-negotiator-fee",
     "手续费我马上给您退；误工费我去请示主管，十分钟答复您，不过请示了也批不下来。", False, "taken-back"),
    ("listening/reply-empathy-late-card",
     "五个工作日变成九天，换谁都着急。寄送这块我们催不了，不过您可以去问问快递公司，查一下卡到哪了。", False, "refused"),
    # a multiple of the loss paid on the spot is an over-promise
    ("handling-steps/reply-phone-specific-apology", "非常抱歉页面和标签不一致！您放心，退货退款之外我们再双倍赔给您。",
     False, "over-promise"),
    # the customer's wish said back is no favour granted
    ("taboos/reply-rewrite-company-rule",
     "理解您希望让家人代办、少跑一趟。重置密码须本人持身份证办理，原因是密码关系到资金安全。我可以帮您预约时间。", True, None),
    ("taboos/reply-rewrite-company-rule",
     "理解您想少跑一趟。重置密码要本人来，是为了资金安全，不过这次我让您儿子代办。", False, "favour"),
    # round four (blind batch 4's classes, each in other words than the batch's)
    # the call back handed to the customer is a refusal; saying they may also call, while the agent still
    # calls first, or that they need not call, is not
    ("taboos/reply-broken-promise-callback",
     "对不起，是我的错，这事我来负责，今天下午三点前给您回电。要是没接到，您有空再联系我吧。", False, "refused"),
    ("taboos/reply-broken-promise-callback",
     "对不起，是我的错，这事我来负责。您自己再打过来也行，不过我下午三点前一定先给您回电。", True, None),
    ("emotions/reply-future-guide-transfer",
     "您放心，钱有记录，今天下午五点前到账，到了我发短信告诉您。没到的话您明天再来一趟问问。", False, "refused"),
    ("emotions/reply-future-guide-transfer",
     "您放心，钱有记录，今天下午五点前到账，到了我发短信告诉您，您无需再来电询问。", True, None),
    # the customer's view dismissed, or the case closed on them, is rude; asking for it is the point
    ("management/reply-confirm-refund-callback",
     "陈先生您好，30元已经退回您原卡了，您查一下。您怎么看其实无所谓，这单已经结案了。", False, "rude"),
    ("management/reply-confirm-refund-callback",
     "陈先生您好，30元已经退回您原卡了，您查一下收到了吗？您的意见很重要，还有不满意的地方请直接告诉我。", True, None),
    # the fault admitted before anything is checked is an over-promise; admitted under a check it is honest
    ("emotions/reply-action-guide-counter",
     "您先坐，喝口水，我现在就当面查。这钱一定是我们系统扣错了，我马上给您退。", False, "over-promise"),
    ("emotions/reply-action-guide-counter",
     "您先坐，喝口水，我现在就当面查明细，核实后如果确实是我们扣错了，会全额退回。", True, None),
    # money given and called amends is a favour; made up by the rules it is not
    ("principles/reply-own-mistake-term",
     "对不起，是我们录错了，我马上给您改过来。少算的利息我们补给您，就当赔罪。", False, "favour"),
    ("principles/reply-own-mistake-term",
     "对不起，是我们录错了，我马上按更正流程给您改成三年期，利息按规定从存入那天算。", True, None),
    # a requirement waived in so many words fails; helping the customer meet it does not
    ("handling-steps/reply-isolate-hall",
     "您好，我是值班经理，让您白等了真对不起，您跟我到这边坐，没带证件也能办，我直接给您办了。", False, "waived"),
    ("handling-steps/reply-isolate-hall",
     "您好，我是值班经理，让您白等了真对不起，您跟我到这边坐，缺的那份材料我帮您看看能不能线上补齐。", True, None),
    # listening as a formality is a brush-off; listening first is not
    ("handling-steps/reply-isolate-hall",
     "您好，我是值班经理，让您白等了真对不起。您就站这儿说，我只是听听，材料的事具体还得找柜员。", False, "rude"),
    ("handling-steps/reply-isolate-hall",
     "您好，我是值班经理，让您白等了，真对不起。请跟我到里面坐，我先听听情况，这事由我来负责。", True, None),
    # 是您自己 blames only with what the customer did: whose money it is blames nobody
    ("cases/reply-large-withdrawal-options",
     ("理解您着急，这毕竟是您自己的钱。预约是为了备好现金和您的安全；您可以转账，我按规定核对收款人和用途，"
     "或者我帮您预约明天来取，您选哪种？"), True, None),
    ("cases/reply-large-withdrawal-options",
     ("取不了是您自己没提前预约。预约是为了备好现金和您的安全；您可以转账，我按规定核对收款人和用途，"
     "或者我帮您预约明天来取，您选哪种？"), False, "blamed"),
    # what cannot be done now, followed by when it will be, is honest; with nothing after it is a refusal
    ("final/reply-final-phone-call-back",
     "您着急我理解，三个月的扣费要一笔一笔调出来核实，今天没办法出结果，明天上午十点前给您回电，好吗？", True, None),
    ("final/reply-final-phone-call-back",
     "您着急我理解，三个月的扣费要一笔一笔调出来核实，这事我们也没办法，明天上午十点前您再打过来问吧。", False,
     "refused"),
    ("handling-steps/reply-promise-cannot-solve",
     "让您着急了，真抱歉。这笔转账在柜台上没办法直接查出结果，要后台核查，我今天就提交，明天下午三点前我亲自打电话告诉您。",
     True, None),
    # a feared outcome is an honest caveat
    ("psychology/reply-negotiator-fee",
     "手续费我马上给您退；误工费超出我的权限，我不能随便答应，否则万一做不到反而耽误您。所以我去请示主管，十分钟内答复您。",
     True, None),
    ("psychology/reply-negotiator-fee", "手续费我马上给您退；误工费我们做不到，您就别想了。", False, "refused"),
    # the customer left to wait with nothing done is a refusal; not knowing yet, and asking, is not
    ("listening/reply-empathy-late-card", "等了九天卡还没到，换谁都着急。寄卡进度我们这边查不到，您只能等了。", False,
     "refused"),
    ("listening/reply-empathy-late-card",
     "等了九天卡还没到，换谁都着急。寄卡进度我这边暂时查不到，我马上联系卡部核实，今天下班前给您回话。", True, None),
    # a feeling named in other words is still named; calling the loss normal is not
    ("bank-situations/reply-mis-selling",
     "亏了这么多，您有火气完全正常。我把您的情况登记下来，调取当时的双录和合同核查，五个工作日内答复您。", True, None),
    ("bank-situations/reply-mis-selling",
     "亏了这么多，您生气我理解，不过理财亏钱完全正常。我把情况登记下来，调取双录和合同核查，五个工作日内答复您。",
     False, "rude"),
    # words in quotation marks are the customer's: quoting 就这样吧 refuses nothing, saying it does
    ("emotions/reply-latent-emotion",
     "我注意到您刚才说了句“算了，就这样吧”，看您还有点不满意，是哪里让您不舒服？您跟我说说，我记下来马上改。", True, None),
    ("emotions/reply-latent-emotion", "看您还有点不满意，不过就这样吧，您觉得哪里不好我记下了。", False, "refused"),
    # in front of the customer, in other words
    ("emotions/reply-action-guide-counter", "您先请坐，喝口温水。我就在您面前把这个月的扣款调出来，一笔一笔核对。",
     True, None),
    # Cantonese: 冇 is 没, 系唔系 asks to confirm; 冇 negates like 没
    ("listening/reply-paraphrase-pension",
     "多谢您讲得咁详细。我复述一下：您妈妈嘅养老金每月20号后到账，三月起一直冇到，打过两次客服，系唔系咁样？",
     True, None),
    ("listening/reply-paraphrase-pension",
     "多谢您讲得咁详细。养老金三月起一直冇到，打过两次客服，我冇时间核对，您自己去查吧。", False, "refused"),
    # a reason given as what is at stake, not only with 因为 or 为了
    # offering to be reached besides the call back hands nothing back; a customer who must come in person
    # is asked to, and a role named beside an apology is no amends
    ("taboos/reply-broken-promise-callback",
     "对不起，是我的错，这事我来负责，今天下午三点前我给您回电，有问题您也可以随时再打过来问我。", True, None),
    ("taboos/reply-rewrite-company-rule",
     "让您白跑一趟，作为网点负责人我向您致以歉意。重置密码要本人来是为了您的资金安全，需要您本人再来一趟，我帮您预约好时间。",
     True, None),
    ("management/reply-confirm-refund-callback",
     "陈先生，30元已经退回您原卡了，您查一下收到没有。反正钱已经退了，还有什么意见也就那样。", False, "rude"),
    # the customer's demand restated is not the agent's promise; the agent's own is
    ("psychology/reply-negotiator-fee",
     "您要求赔偿您半天的误工费，我明白。手续费我马上给您退；误工费超出我的权限，我去请示主管，十分钟内答复您。", True, None),
    ("psychology/reply-negotiator-fee",
     "您的要求我明白。手续费我马上给您退，误工费我们也赔偿您半天的，我去跟主管说一声，十分钟内办好。", False,
     "over-promise"),
    ("taboos/reply-rewrite-company-rule",
     "让家里人替您跑了一趟还没办成，真不好意思。密码关系到您账户里的每一分钱，只有本人来才能确认是您的意愿。我帮您预约个时间。",
     True, None),
    # Round five: each family blind batch 5 exposed, in wordings batch 5 did not use.
    # (a) the customer sent off alone or to another day; asked to bring what is needed, or spared the trip, is not
    ("cases/reply-annual-fee-angry", "不好意思让您着急了，扣费明细我这会儿也打不全，您过几天再过来看看吧。", False, "refused"),
    ("cases/reply-annual-fee-angry",
     "不好意思让您着急了，这几年的明细我现在就打出来，您不用改天再跑一趟，符合条件的我今天就帮您申请减免。", True, None),
    ("taboos/reply-rewrite-company-rule", "给您添麻烦了，重置密码要本人来是为了安全，您还是让他自己去别的网点问问吧。", False,
     "refused"),
    ("taboos/reply-rewrite-company-rule",
     "让您白跑一趟，真对不起。重置密码要本人来是为了您账户的安全，您方便的时候带上身份证来，我帮您预约好时间。", True, None),
    ("psychology/reply-respect-ignored", "先生您好，我是大堂经理，对不起让您受委屈了。刚才那位柜员的事，你回头自己找她说吧。",
     False, "refused"),
    ("psychology/reply-respect-ignored", "先生您好，我是大堂经理，您先请坐，实在对不起。经过您自己跟我说说，我认真记下来。",
     True, None),
    ("taboos/reply-rewrite-company-rule",
     "给您添麻烦了，我理解。密码要本人来办，是为了保护您的钱。回头您再来办的时候直接找我，我帮您预约好时间。", True, None),
    # (b) what could have been done, refused with a 但 or left undone; followed by what the agent does, honest
    ("cases/reply-phone-screen", "不好意思让您闹心了，检测本来是可以今天安排的，可惜师傅都排满了，您自己先看着办吧。", False,
     "refused"),
    ("cases/reply-annual-fee-angry", "对不起让您着急了，明细现在排不上打印，减免的事也申请不了。", False, "refused"),
    ("cases/reply-phone-screen",
     ("新机出问题太影响心情了，非常抱歉。本来可以当天检测的，可是今天师傅排满了，我帮您预约明天上午的上门取件，"
      "换新还是维修您自己选。"), True, None),
    # (c) no time to listen is a brush-off; putting one's own work aside to listen is not
    ("psychology/reply-respect-ignored", "先生您好，我是大堂经理，对不起。您说吧，不过我没工夫听太久，我手上还有事。", False,
     "rude"),
    ("psychology/reply-respect-ignored",
     "先生您好，我是大堂经理，您先请坐，实在对不起。您慢慢说，我手上的事先放一放，我听着。", True, None),
    # (d) the handover refused; a homophone 省的 (省得) spares the customer, as it means to
    ("management/reply-escalate-to-supervisor", "行，我这就去叫主管过来，不过您刚才讲的我转达不了，等会儿您跟他说吧。", False,
     "refused"),
    ("management/reply-escalate-to-supervisor", "好的，我马上去请主管过来。您刚才讲的我先跟他交代清楚，省的您再讲一遍。", True,
     None),
    # (e) gifts or extra rate as amends; 满意不 and 以经 (voice input) are a question and 已经
    ("management/reply-confirm-refund-callback",
     "陈先生，多扣的三十元已经退回原卡了，您查一下收到没有？以表歉意，我们送您一张超市购物卡，您还满意吗？", False, "favour"),
    ("management/reply-confirm-refund-callback",
     "陈先生，多扣的三十元以经退回原卡了，您查一下收到没有？给您添麻烦了，这样处理您还满意不？", True, None),
    ("principles/reply-own-mistake-term", "对不起，是我们把存期录错了，我马上请主管更正。作为弥补，利率我再给您加两个点。", False,
     "favour"),
    # (f) an investment's return guaranteed without a certainty word; declining to guarantee it is honest
    ("bank-situations/reply-mis-selling",
     "您别上火，我理解。合同和双录我都调出来核查，下周五之前答复您。这个产品迟早会涨回来的，您拿着别动。", False,
     "over-promise"),
    ("bank-situations/reply-mis-selling",
     "您心里肯定不好受，我理解。合同和双录我都调出来核查，下周五之前答复您。这个产品以后的涨跌，我不能向您保证。", True, None),
    # (g) blame said politely; letting the customer see where things stand is not
    ("bank-situations/reply-mis-selling",
     "您的心情我理解。说句不好听的，风险提示写得清清楚楚，您应该看过的。我们会调阅合同，下周五之前答复您。", False, "blamed"),
    ("bank-situations/reply-mis-selling",
     "您的心情我理解。当时的风险提示有没有跟您讲清楚，我们调阅合同和双录核查，下周五之前答复您，让您心里有数。", True, None),
    # (h) a little English (sorry, check, call, OK, submit, upset) means what its Chinese means, refusals included
    ("final/reply-final-phone-call-back",
     "多扣了三个月换谁都 upset，sorry。扣费记录我全部 check 一遍，明天下午三点前我 call 您，这个号码 OK 吗？", True, None),
    ("final/reply-final-phone-call-back", "Sorry，三个月的记录我 check 不了，您自己 call 客服问吧。", False, "refused"),
    ("handling-steps/reply-phone-specific-apology",
     "标签跟页面的含绒量对不上，真的 sorry。我马上 check 这件商品，确认不符今天就 submit 退货申请。", True, None),
    # (i) voice input: 在 for 再 after a time or a 不用, 免的 for 免得, 帐 for 账
    ("management/reply-escalate-to-supervisor", "好的 我现在就去请我们主管来 您说的我都先跟他说清楚 免的您在重复一遍", True, None),
    ("final/reply-final-phone-call-back", "您别急 三个月的记录我查不了 您过两天在打过来问吧", False, "refused"),
    ("emotions/reply-future-guide-transfer", "您别担心，钱系统里有记录，一分不会少。今天下午五点前到帐，到了我发短信告诉您。", True,
     None),
    # (j) 不 ending a question negates nothing; 不必 before a point still does
    ("final/reply-final-phone-call-back",
     "您着急我理解，三个月的扣费我调出来逐笔核实，明天上午十点前我给您回电话，打这个号码行不？", True, None),
    ("final/reply-final-phone-call-back", "您着急我理解，三个月的扣费我调出来逐笔核实，明天上午十点前回电话就不必了。", False,
     None),
    # (k) an honest limit, then the escalation, is the point; the limit with a shrug is a refusal
    ("psychology/reply-negotiator-fee", "手续费我现在就给您退。误工费我拍不了板，马上去问我们主管，十分钟内答复您。", True, None),
    ("psychology/reply-negotiator-fee", "手续费我现在就给您退。误工费我拍不了板，问主管也白搭，您就别等了。", False, None),
    # (l) (m) (n) confirmation, feeling called right, and who calls, in other words
    ("listening/reply-paraphrase-pension",
     "谢谢您讲得这么详细。我理一下：养老金每月二十号后到账，三月起一直没到，客服打了两次都让等，我理解得对吧？", True, None),
    ("listening/reply-empathy-late-card", "九天了卡还没到，下周还要出差，您担心也是正常的。我现在就查卡寄到哪了，半小时内回您电话。",
     True, None),
    ("taboos/reply-broken-promise-callback",
     "对不起，昨天说好的电话没打，是我的错。今天下午四点前我给您回个电话，还是打这个号码吗？", True, None),
    # a return claimed without a certainty word; asked both ways it claims nothing
    ("bank-situations/reply-mis-selling",
     "理解您难受。合同双录我们调出来核查，五个工作日内答复您。不过您放宽心，这类产品拿满三年基本都能回本。", False,
     "over-promise"),
    ("bank-situations/reply-mis-selling", "理解您难受。合同双录我们调出来核查，五个工作日内答复您。以后能不能回本，我不能向您保证。",
     True, None),
    # the outcome laid on the customer's own readiness is blame; preparing the customer for a wait is not
    ("bank-situations/reply-mis-selling",
     "理解您难受，合同和双录我们会调阅核查，五个工作日内答复。当时您也是做过风险测评的，这个结果您多少也该有心理准备。", False,
     "blamed"),
    ("bank-situations/reply-mis-selling",
     "理解您难受，合同和双录我们会调阅核查，核查要五个工作日，先跟您说一声，让您有个心理准备。", True, None),
    # checking with the supervisor, in English too, is the escalation; 是这样不 asks to confirm
    ("psychology/reply-negotiator-fee", "手续费我现在就帮您办。误工费超出我的权限，我马上跟主管 check 一下，十分钟内给您答复，OK 吗？",
     True, None),
    ("listening/reply-paraphrase-pension",
     "谢谢您讲得这么清楚 我复述一下 您母亲养老金每月二十号后到账 三月起就没到 客服打了两次 是这样不", True, None),
    # what the customer agreed to, held against them, is blame; 按理说您这张卡是免年费的 admits the error
    ("bank-situations/reply-mis-selling",
     "您心里不好受我理解。不过您当时也是同意了的，风险测评也做了。合同双录我们调出来核查，下周五之前答复您。", False, "blamed"),
    ("principles/reply-closed-question-refund",
     "按理说您这张卡是免年费的，这次是我们扣错了，非常抱歉。这两百元我现在就提交退回您原卡，您看是短信通知还是我打电话告诉您？",
     True, None),
    # cash back as amends is a favour; a refund said in English is the refund
    ("management/reply-confirm-refund-callback",
     "陈先生，三十元已经退回原卡，您查一下收到没有？为表歉意，我们给您办个返现，您还满意吗？", False, "favour"),
    ("management/reply-confirm-refund-callback",
     "陈先生，三十块已经 refund 到您原卡了，麻烦您 confirm 一下收到没有？这样处理您还满意吗？", True, None),
    # a busy day explained with an apology is no brush-off; a pile of work put before the customer is
    ("handling-steps/reply-isolate-hall",
     "您好，我是值班经理，今天人太多我们忙得很，让您白等了一个小时，真对不起。您跟我到里面坐，这事我来负责。", True, None),
    ("psychology/reply-respect-ignored", "先生您好，我是大堂经理，对不起。您的事我知道了，不过我手上一堆事，您改日再来吧。", False,
     "refused"),
    ("listening/reply-empathy-late-card", "说好五天，九天了卡还没到，谁碰上都着急。我现在就查物流，半小时内打给您。", True, None),
]


@pytest.mark.parametrize(("key", "answer", "passes", "kind"), RULE_CASES)
def test_natural_wording_passes_and_its_counterpart_fails(library, key, answer, passes, kind):
    question = by_key(library, key)
    verdict = grade(answer, question.keypoints, taboo_list(library), question.avoid)
    assert verdict["correct"] is passes, verdict
    if kind:
        assert kind in [fault["kind"] for fault in verdict["faults"]], verdict


@pytest.mark.browser
def test_the_browser_applies_the_same_rules(browser, library):
    cases = [(key, GOOD if passes else "negated", answer) for key, answer, passes, _ in RULE_CASES]
    assert browser_verdicts(browser, library, cases) == python_verdicts(library, cases)
