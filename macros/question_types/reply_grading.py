"""How a written reply (情景应答题) is graded, defined once: the rules as data and their Python implementation.

The browser grades with quiz/types/reply.js from `browser_rules()` (the script reply-rules.<hash>.js, setting
window.mdxReplyRules, written by hooks/quiz_bundle.py); the build grades every model answer with `grade` and fails when one does not pass;
tests/test_reply_grading.py runs both over the labelled answers and fails on any difference.

A reply is cut into clauses at punctuation, each clause folded (macros/normalize.py). A key point is met
by one of its phrasings found in a clause and not governed by a negation (nor in a clause that refuses,
blames or over-promises: 现在说了不算 does not meet 现在): a cue (不, 没, 别 …) in the
`window` characters before it, or a 不了/不到 right after it. A phrasing "请示…主管" means its parts in this
order, at most `gap` characters apart, in one clause. Refusals, blame, over-promises, favours outside
policy, waived checks, commitments taken back (打不打也一样, 也批不下来) and rude words fail a reply
wherever they are, as do the taboo phrases and a reply that is mostly a list of key words; a refusal or
take-back followed by what the agent does instead (说了不算，得去问问经理) is none. An over-promise is also any certainty word with any outcome (肯定…退给,
到…卡上…保证), composed by each grader from the two lists, and may span a clause pair when one is short, as
may a favour (补给您，算是赔礼). Round four added the families blind batch 4 exposed: the call back handed
to the customer (您还是自己再打进来问吧), the customer's view dismissed (满不满意也不重要), the fault admitted
before any check (肯定是我们扣错了), money given as amends, requirements waived (不补材料也给您办), listening
as a formality (我也就听听); and on the other side, a refusal of what cannot be done *now* followed by when it
will be (今天没办法出结果，明天十点前给您回电), a feared outcome (否则万一做不到), and words in quotation marks,
which are the customer's (您说“就这样吧”的时候): a fault wholly inside a closed quote is none, as is an
over-promise in the customer's demand restated (您要求赔偿您半天的误工费). Round five covered the families
of blind batch 5's misses, each in more wordings than the batch used: the customer sent off alone or to another
day (您还是自己找个网点问问吧, 你回头自己找她说吧), the handover refused (我转达不了), what cannot or could have
been done left undone (本来可以…的，但…), no time to listen, gifts and extra rate as amends, a return guaranteed
without a certainty word (迟早会涨回来) and blame said politely (恕我直言, 想必是看过的) fail; a little English
(sorry, check, call, OK 吗) joins the synonym groups, voice-input slips are read as meant (`slips`: 省的, 以经,
改天在来), a 不 or 没 ending a clause asks (满意不？), and an honest limit (做不了主) negates no escalation.

A key point's phrasing (or one part of it) that belongs to a group in `synonyms` stands for the whole group:
a point written with 今天 and 分钟 also accepts 下班前, 两个工作日内 and 下午三点, and 请…主管 also accepts
请…领导. The groups hold the northern colloquial and the formal forms too (明儿, 中不, 说得对不; 是否准确,
无需重复): 俺 and 甭 need none, as folding makes them 我 and 别. The groups are expanded when key points are compiled, so the browser receives them already expanded.

Round eight adds a second reading: each sentence the rules leave alone is read by a model of its characters
(reply_model.py, trained by tools/train_reply_model.py on the labelled sentences and answers), and what it
reads with confidence fails the reply too, as the kind of fault it is most like, quoting the sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import cache
from itertools import product

from ..normalize import fold
from .reply_lexicon import EXTRAS as LEXICON
from .reply_model import load_model, suspected_kind

# Marks "these parts, in this order, close together" inside a phrasing: 请示…主管.
GAP_MARK = "…"

# Word families the rules below compose. Each is a class of answers, not a list of seen strings.
# The customer made to chase what the agent should do: 您还是自己再打进来问吧, 您再来一趟问问, 有空再联系我.
# Not 您不用再打过来问 (excused by 不用) nor 您自己再打也行，不过我三点前先给您回电 (restored).
# Not 您本人再来一趟 either, where the customer must come: 再来 hands back only with 问 (再来问问).
CALLBACK_HANDED_BACK = (
    "自己再打", "自己打过来", "自己打进来", "你再打过来", "你再打进来", "你再打电话", "你再打来", "再打过来问",
    "再打进来问", "再打电话问", "再打来问", "没收到再来问", "没到再来问", "你再来…问", "你明天再来…问",
    "你改天再来…问", "你过两天再来…问", "你到时候再来…问", "再来一趟…问", "再跑一趟…问", "有空…再联系",
    "有空…再打", "有空…再来问", "再来电…问", "再联系…问")
# What the customer did, after 是你自己 (blame); 这毕竟是您自己的钱 names whose money it is and blames nobody.
SELF_DEEDS = ("转", "取", "拿", "借", "接", "报", "给", "告诉", "透露", "泄露",
    "没", "不", "弄", "搞", "操作", "输", "忘", "点", "选", "要", "签", "同意", "造成", "导致", "决定", "买",
    "填", "开", "办", "说", "把", "答", "摔", "记", "看", "用", "留", "设置", "改", "的事", "的问题", "的原因",
    "的责任", "的错", "的选择")
# Someone else does what the customer must do in person (让您儿子替您办了); 让家里人替您跑了一趟 is what happened.
STAND_INS = tuple(f"让…替你{act}" for act in ("办", "改", "弄", "签", "取", "重置", "设"))
# Something given and called amends: 补给您，算是赔礼 (the clause pair is read as one, see `paired_kinds`).
# Not 作为: 作为网点负责人向您致以歉意 names a role.
AMENDS = tuple(f"{framing}…{amends}" for framing in ("算是", "当作", "就当", "权当", "算作")
               for amends in ("赔礼", "赔罪", "补偿", "弥补", "心意", "歉意", "补贴"))
# A requirement waived in so many words: 不补材料也给您办好, 不需要本人来也行, 没带证件也能办.
WAIVED_REQUIREMENTS = tuple(f"{waived}…{granted}" for waived in ("不补", "不带", "没带", "不交", "没交", "不用补", "不用带",
                                                                 "不需要", "不用本人", "不是本人", "不全", "没有材料", "缺材料")
                            for granted in ("也给你办", "也能办", "也能给你办", "也可以办", "也行", "照样办", "照样给你办"))

# The customer sent off to do it alone, or to come back some other day (round five): 您还是自己找个网点问问吧,
# 你改天再来吧, 你等他来了自己跟他说吧, 你自己挑个人少的时候来吧. Not 您先回去，等我电话, nor 您方便的时候带上
# 身份证来 (asked to bring what is needed), nor 我自己跟他说 (the agent does it), nor 您不用自己跑, nor 换新还是
# 维修您自己挑 (the customer chooses between remedies).
SOME_OTHER_DAY = ("改天", "改日", "过两天", "过几天", "隔两天", "隔几天", "过些天", "过些日子", "过段时间", "过阵子", "回头",
                  "有空", "人少的时候", "不忙的时候")
# Whom the customer is told to go and tell (never 我: 您自己跟我说说经过 is listening).
LISTENERS = ("他", "她", "主管", "经理", "柜员", "那位", "客服", "对方")
SENT_OFF = (
    "你还是自己", "还是你自己", "你还是…自己去", "你还是去找", "你还是…找…问问", "你还是…问问吧", "你还是改天",
    *(f"你自己{to}{who}" for to in ("跟", "找", "去跟", "去找") for who in LISTENERS),
    *(f"{to}{who}…自己{say}" for to in ("跟", "找") for who in LISTENERS for say in ("说", "讲")),
    *(f"你{go}{who}…{say}吧" for go in ("去跟", "去找", "直接找", "跟") for who in LISTENERS for say in ("说", "讲")),
    "你自己说吧", "你自己讲吧", "来了…自己跟", "来了…自己说", "来了…自己讲", "来了你…说吧", "自己call", "call客服",
    "你自己挑…时候", "你自己挑…时间", "你自己挑…来", "你自己选…时候", "你自己找…时候", "你自己看…时候",
    "你自己找…时间", "你自己看…时间", "自己找…网点", "自己去…网点", "自己再跑", "你自己再来", "你自己来吧",
    "你自己过来吧", *(f"你{when}自己" for when in SOME_OTHER_DAY),
    *(f"{when}…{again}" for when in SOME_OTHER_DAY if when != "有空"
      for again in ("再来", "再去", "再过来", "再打", "再问", "来吧", "过来吧", "来问", "来看看")),
    # 以后有空再来网点坐坐 is a welcome; 您有空再来吧 sends the customer off
    "有空…来吧", "有空…过来吧")
# The agent will not pass the case on: the customer must tell it again.
NO_HANDOVER = ("交接不了", "交代不了", "转达不了", "转告不了", "交接不清", "不负责交接", "不管交接",
               *(f"跟{who}…{unclear}" for who in LISTENERS for unclear in ("说不清", "讲不清", "说不明白", "讲不明白")))
# What the agent cannot do, said with nothing done instead: 现在人太多了打不了, 最近太忙了约不上.
CANNOT = ("check不了", "check不到", "打不了", "打印不了", "约不上", "约不到", "预约不了", "排不上", "排不到", "弄不了", "处理不了", "解决不了",
          "安排不了", "申请不了", "调不了", "调不出", "接待不了")
# A later time the agent names, after what cannot be done now (see `restorers`).
WHENS = ("今天", "明天", "后天", "点前", "天内", "日内", "下班前", "小时内", "分钟内",
         # not 之前 alone: 之前的聊天记录 looks back
         *(f"{day}之前" for day in ("点", "号", "日", "天", "班", "午", "一", "二", "三", "四", "五", "六")))
# What could have been done but will not be (本来可以给你打出来的，但现在人太多了): the contrast refuses.
COUNTERFACTUALS = tuple(f"{could}…{contrast}" for could in ("本来可以", "本来能", "原本可以", "本可以", "本来是可以",
                                                              "本来应该", "本来是应该", "本来想", "原本想")
                        for contrast in ("但", "不过", "可是", "可惜", "只是"))
# The agent brushes the customer off: no time to listen (我也听不了多久，我这边还有事).
BRUSH_OFFS = ("我还有事", "我这边还有事", "我还有别的事", "我手上还有事", "我那边还有事", "我还忙着", "听不了",
              "没时间听", "没空听", "没工夫听", "听不过来", "没时间跟你", "没空跟你", "没时间陪", "没空陪", "陪不了",
              "还有人等着呢", "还有人排队呢", "我…一堆事", "手上一堆事", "事多着呢", "顾不上你")
# Gifts and extra rates given as amends (为表歉意，另外给您充五十元话费): only the bank's policy may give them.
APOLOGY_FRAMINGS = ("为表歉意", "以表歉意", "表示歉意", "聊表歉意", "以示歉意", "作为道歉", "表达歉意", "作为弥补")
GIFTS = ("充…话费", "送…话费", "话费…充", "送…积分", "赠…积分", "多给…积分", "购物卡", "超市卡",
         "加油卡", "油卡", "礼品", "礼物", "礼包", "红包", "代金券", "优惠券", "京东卡", "充值卡", "电影票", "一桶油",
         "一壶油", "送…油", "利率…加点", "加点利率", "加…个点", "加…个百分点", "上调…利率", "利率…上调", "另外给你充", "另外送", "另外给你…元",
         "另外给你…块", "额外给你送", "额外给你充", "额外给你补", "额外送", "再给你充", "返现", "抵用券", "升级…金卡",
         "升级…白金", "免…一年…年费",
         *(f"{framing}…{gift}" for framing in APOLOGY_FRAMINGS
           for gift in ("送", "充", "免", "另外给你", "额外给你", "补给你", "多给你", "给你…元", "给你…块")))
# An investment's outcome guaranteed without a certainty word: 过段时间本钱一分不会少, 再放一放就回来了.
SURE_RETURNS = ("本钱…不会少", "本金…一分不会少", "本金…一分都不会少", "本钱…少不了", "本金…少不了", "本钱…不会亏",
                "本金…不会亏", "本钱…一分不", "都能回来", "基本能回来", "放一放…回来", "放一放…回本", "放一放…涨", "过段时间…回来", "过段时间…回本",
                "过一阵…回来", "过阵子…回来", "迟早…回来", "早晚…回来", "迟早…回本", "早晚…回本", "迟早会涨", "早晚会涨",
                "总会涨", "会涨回", "能涨回", "亏不了", "赔不了", "跌不了", "稳拿", "能回本", "会回本", "都能涨",
                "拿满…回本", "拿到期…回本", "cover回来", "想办法…补回来", "想办法…赚回来", "想办法…弥补回来")
# Blame said politely: 恕我直言，您作为有经验的投资者，签字之前想必是看过的; 结论您心里应该也有数.
POLITE_BLAME = ("恕我直言", "说句不好听的", "说句不中听的", "你作为…应该", "你作为…想必", "想必…看过", "想必…知道",
                "想必…清楚", "想必…明白", "应该是看过的", "签字…应该…看过", "签…之前…应该", "心里应该也有数", "心里应该有数",
                "心里应该清楚", "你应该知道", "你应该清楚", "你应该明白", "你应该看过",
                # 您也是做过风险测评的，这个结果您多少也该有心理准备
                "该有心理准备", "应该有心理准备", "也该有…准备", "你也该", "你也应该", "你也是…签过", "你也是…做过",
                # what the customer agreed to, held against them: 您当时也是同意了的
                "你也同意了", "你当时也同意", "你也是同意", "也是同意了", "也同意过", "你当时…同意了的", "你也签了字", "你也签字了", "你当时…签了字",
                "你没仔细看", "你没注意看", "你也认可")
# The feeling called right (您急是应该的, 着急也是正常的): empathy, in the feeling group.
FEELINGS_CALLED_RIGHT = tuple(f"{feeling}{link}{right}" for feeling in ("急", "气", "火", "委屈", "不满", "情绪", "担心")
                              for link in ("是", "也是", "都是", "很")
                              for right in ("应该的", "正常的", "难免的", "合理的", "对的", "人之常情"))
# Slips of voice input, each written form and the form meant, of the same length (a folded position still maps
# back to the original): 省的 for 省得, 以经 for 已经, 经里 for 经理, 在 for 再 after a time or a 不用 (改天在来, 不用在打).
SLIPS = (("省的", "省得"), ("免的", "免得"), ("以经", "已经"), ("经里", "经理"),
         # not a slip, but read the same way: 非保本 denies 保本 with a 非 the negation cues do not hold (非常)
         ("非保本", "不保本"),
         *((f"{when}在{verb}", f"{when}再{verb}")
           for when in ("改天", "明天", "下次", "回头", "有空", "过两天", "到时候", "一会", "不用", "不必", "别", "了", "自己")
           for verb in ("来", "打", "问", "说", "讲", "给", "跑", "重")))

# Round six: families from four blind sentence corpora (a lobby manager, a phone agent, a wealth adviser, a county
# teller, a collections agent, an old teller, a chat agent, a corporate clerk, a tired hotline agent, a deputy
# branch head, an untrained helper, a gift-giving account manager, a Cantonese-area teller, a curt supervisor),
# each fault written in many wordings, beside sentences a trainer accepts that use the same words.
# What the customer should have done, said after the fact (您当时要是看一眼回单，哪还有这事儿).
HINDSIGHT_IFS = ("你当时要是", "你当初要是", "你那会儿要是", "要不是你", "你要是早", "要是你早", "你要是提前", "你要是听", "你要是看",
                 "你但凡", "但凡你", "你早点", "你早些", "你早来", "你早一天", "你早上一")
HINDSIGHT_THENS = ("哪还有", "哪会", "哪至于", "不至于", "就不会", "也不会", "早就", "甭", "也不用", "早…了", "就没")
# The customer's carelessness named: 您没仔细读, 您咋就没核, 早跟您讲过别信, 下回长点心吧.
CARELESS = ("你没仔细", "你没认真", "没仔细读", "没仔细看", "没认真看", "没认真读", "你不看", "你没看清", "你没核",
            "咋就没", "怎么就没", "咋不", "咋就不", "怎么就不", "你怎么不", "你为什么不", "为啥不", "你干嘛不",
            "偏不听", "不听劝", "早跟你讲过", "早跟你说过", "早就跟你说", "早就跟你讲", "早提醒过", "早就提醒", "提醒过你",
            "告诉过你", "跟你说过多少", "说过多少次", "讲过多少次", "长点心", "仔细点", "别再这么粗心", "粗心", "马马虎虎",
            "毛躁", "大意了", "没太注意", "你也是没", "你当时也是没", "咋整的", "怎么搞的", "咋搞的", "怪就怪", "要怪就怪",
            "只能怪", "得怪你", "你们自己没", "你们自己不", "是你们自己", "要是听我…哪", "太大意", "太不小心", "你太相信", "太轻信", "你…没看清", "你…没看仔细", "签字跟玩", "跟玩儿似的", "单子都不看", "都不看就")
# Responsibility put on the customer, or kept off the bank: 属于持卡人自身原因, 这不能全赖我们.
CUSTOMERS_FAULT = ("是你的问题", "是你的原因", "是你的责任", "你的责任", "你自身", "自身原因", "个人原因", "你…操作失误", "自己操作失误", "自身操作失误",
                   "是你自个", "自找的", "自己兜着", "自己耽误", "你耽误的", "不能全赖", "不能赖我们", "赖不着", "赖不到",
                   "不赖我们", "可不赖", "怪不着", "怪不到我们", "不能怪我们", "别光说我们", "别来冲我们", "不是银行的问题",
                   "不是我们的问题", "不是我们的责任", "跟银行没关系", "跟我们银行没关系", "跟我们发卡行没关系",
                   "责任不在我们", "不在我们这", "不存在误导", "按你的指令", "按指令办", "又不是我们刁难",
                   "说到底还是你", "说到底是你", "归根到底", "还是你太", "也得想想自己", "想想自己", "现在又不认",
                   "又不认了", "又不认账", "你拖到现在", "你…拖到现在", "现在才来说", "现在来说晚了", "才来说", "你也承认", "你自己也承认",
                   "你点的确认", "你点了同意", "你点了确认", "你自己…点的", "你自己…签的", "你自己…填的", "习惯不好",
                   "出事了吧", "我说什么来着", "就该问清楚", "就该看清", "就该看仔细", "本来就该自己", "就不该碰", "不该碰",
                   "就不该买", "就不该投", "签了就完事", "你看错", "是你看错", "可能是你…错", "你填的…有问题", "你…也可能有问题",
                   "你…可能有问题", "也是因为你", "都是因为你", "还不是因为你", "因为你…一直没", "你…没交齐")
# The customer judged by a group they belong to: 你们年轻人就是急, 一般人都知道, 现在的人啊.
STEREOTYPES = ("你们年轻人", "年轻人就是", "年轻人办事", "现在的人啊", "现在的年轻人", "老人家就是", "有些客户就是", "一般人都知道", "谁都知道", "大家都知道", "人人都知道",
               "没见过谁", "就没见过", "谁…谁负责", "谁…谁上当", "谁…谁倒霉", "谁…谁吃亏")
# An outcome settled before anything is checked: 一看就是我们系统扣错了, 查都不用查, 肯定是商户那边的问题.
UNCHECKED_VERDICTS = ("一看就是", "明摆着是", "还用查", "查都不用查", "不用查了", "不用查…肯定", "肯定是…的问题",
                      "一定是…的问题", "肯定是…的错", "一定是…的错", "肯定是…搞错", "肯定是…弄错", "肯定是…扣错",
                      "肯定是…录错", "肯定是…选错")
# Certainty in other words: 错不了, 没跑儿, 板上钉钉, 我不姓王.
MORE_CERTAINTIES = ("错不了", "没跑", "板上钉钉", "不姓", "妥妥", "稳稳", "准没错", "一准", "保准", "管保", "指定能",
                    "放一万个心", "最晚", "最少", "最起码")
MORE_OUTCOMES = ("追得回", "拦得住", "拦住", "拿得回", "要得回", "回得来", "能删", "给你删", "删了", "撤了", "撤掉",
                 "撤销掉", "恢复", "放款", "能用了", "就能用", "前到", "就到", "能到账", "赔上", "全包", "包了", "免了",
                 "不会再扣", "解决了", "通过了", "批了")
# Outcomes promised outright, whoever says them: 这条逾期我们后台能删, 利息损失我们全包了, 误工费也给您赔上.
OUTCOMES_PROMISED = ("后台能删", "能给你删", "我就给你删", "直接给你删", "找人…删", "内部渠道", "全包了", "我们全包",
                     "永久…免", "永久免", "给你算…误工费", "误工费…给你赔", "误工费…赔上", "误工费…肯定", "误工费…没问题",
                     "赔…一千", "赔…五百", "赔…几百", "最少给你赔", "保证…彻底", "彻底…解决了", "自动退回", "什么都不用管",
                     "就能用了", "明天就能用", "下个月…恢复", "就给你恢复", "一提…撤", "准撤", "没有撤不掉", "肯定退", "一定退",
                     "肯定给退", "保证退",
                     # 准 only where it cannot be 为准, 批准 or 标准: 明儿一早准到您卡上
                     "准到你", "准涨", "准能", "肯定过", "就能拿到", "就能领到", "不管…都给你退", "不管…都退", "无论…都给你退", "无论…都退",
                     "都给你退了", "一定过", "肯定能过", "一定能过", "整没了", "弄没了",
                     "给你消掉", "帮你消掉", "不会有任何记录", "不会有记录", "征信不会有", "自动删除", "自动消除", "全额承担", "银行全额", "不用管了", "就不姓", "分钟的事",
                     # an outcome no one has decided, promised for a time: 过两天就给您解开了, 钱箱一清就给您补上
                     *(f"就给你{done}" for done in ("补上", "补回", "解开", "解冻", "取出", "拿出", "删",
                                                "撤", "恢复", "免")),
                     *(f"就能{done}" for done in ("追回", "解冻", "解开", "更正", "恢复", "删", "撤", "退回", "到账",
                                                "拿回", "要回", "取出", "拿出")),
                     "就更正", "更正过来了", "就拿出来", "就取出来")
# Only a different place or person can help, and the customer must go: 找商户退去, 去分行问问看吧, 有意见您找上面.
SENT_ELSEWHERE = ("你找…去", "找…退去", "找…问去", "找…要去", "去…问问看", "去…问问吧", "去…试试吧", "到…问问吧",
                  "你得去找", "你得去", "得去找", "你拨打…吧", "拨打…电话吧", "找上面", "找上级去", "找你们客户经理",
                  "跟接班的", "跟…同事说吧", "明天…说吧", "让…自己来", "自己来吧", "就去投吧", "去投吧", "随便投", "随你投",
                  "你请回", "请回吧", "明天请早", "请早", "再来排队", "拿回去重新", "回去重新", "先让后面", "下一位",
                  "重新发起", "以后自己查", "自己上app", "没退再打", "没到再打", "没退再来", "没到再来")
# Nothing will come of it, said with the action: 催了也快不了多少, 后台一般不会理, 主管来了也是这个说法.
FUTILE = ("也快不了", "快不了多少", "不会理", "没人会理", "没人会管", "不会管", "也是这个说法", "还是这个说法", "结果还是一样",
          "结果一样", "结果都一样", "从来没批", "没批过", "不会批", "来了也", "打了也", "找了也", "提了也",
          "也是转回", "转回我们", "来…都一样", "也还是这个", "还是这个结论", "不用再等了", "不一定会告诉",
          "不一定会通知", "不一定…回复你", "研究研究", "再研究", "再沟通沟通", "自然会通知", "等消息", "回去等", "先回去…等",
          "耐心等等", "再等等吧", "多等等")
# Outside what the agent may do, and left there: 不归在线客服管, 不是我们支行层面能解决的, 真说不上话.
NOT_OURS = ("不归…管", "不是…能解决", "不是…能办", "说不上话", "没权限", "没有权限", "不支持", "没有先例", "没先例",
            "柜面只管", "我们只管", "也做不了", "帮不上", "也没有别的办法", "没有别的办法", "没别的办法", "说不清", "不好说", "跟不了",
            "不处理了", "就不处理", "不予处理", "不便告诉", "不方便告诉", "照章办事", "就是这么定的", "制度就是",
            "规定就是", "已下班", "看不过来", "我都说了", "该说的…都说了", "我说过了", "回复过了", "重复提问", "不用再说了", "不必再说了",
            "别再说了")
# What the agent will not do, in so many words (录音录像是内部资料，不能调): an honest limit when what the agent
# does instead follows, a refusal when nothing does.
CANNOT_DO = tuple(f"不能{act}" for act in ("调", "查", "换", "改", "办", "给", "免", "删", "撤", "修", "补", "帮", "受理", "处理"))
# Nobody in particular will act: 有结果了会有人联系您的, 查完系统会自动通知您, 谁联系您我也不知道.
NOBODY_IN_PARTICULAR = ("会有人…联系", "有人会…联系", "其他同事…联系", "会有同事…联系", "系统…自动通知", "我也不知道",
                        "我也不清楚", "请耐心等待", "请你耐心等待", "耐心等待吧", "都得等", "等叫号", "查了也", "查也一样", "也是一样的结果")
# The customer left to do it alone: 您自己回去在手机银行上查吧, 您自己拿去外面的维修店看看吧, 您让对方银行查查吧.
ON_THEIR_OWN = ("你自己回去", "自己…查吧", "自己…打吧", "自己去…打", "自助机上打", "你自己拿去", "外面的…看看吧",
                "你让…查查吧", "让对方…查", "你自己确认", "自己…确认一下", "回去确认",
                "可以自己申请", "你自己申请", "自己去申请", "自己…查一下", "自己看一下就行", "到时候自己", "找别的同事",
                "要交班了", "交班了…你")
# The customer made to tell it again, in more wordings than `refusals` had (您跟那边同事再把情况说一遍就行).
RETOLD = ("再把…说一遍", "再把…讲一遍", "你重新描述", "你把…重新描述", "你重新…说一遍", "你重新…讲一遍", "你从头再讲",
          "你从头再说", "你重说一遍", "再说一遍就行", "那段跳过", "前面…跳过", "直接跳过", "直接报卡号", "直接说…办啥", "简单说下", "说下要办")
# Talking down: the complaint made small, the customer's manner or tears rebuked, the bank too big to care.
BELITTLING = ("这种小事", "这点小事", "小事一桩", "懒得管", "懒得理", "还怕这个", "这么大的银行", "随便找", "也听不懂",
              "你听不懂", "听不懂的", "顾不过来", "不至于吧", "闹成这样", "为这点", "就这点钱", "就几十块", "就十几块",
              "犯得着", "至于吗", "情绪收", "收一收", "你的态度", "注意…态度", "那么大声", "小点声", "又不是听不见",
              "又不是我", "别冲我", "冲我发火", "冲着我", "发火做什么", "听烦了", "都烦了", "烦死", "听烦", "讲重点", "快点讲", "见多了", "见多啦",
              "不是第一个", "想好了再来", "想清楚…再来", "是你的事", "没你想的那么", "没那么严重", "没什么大不了",
              "有什么大不了", "不是重点", "你一个人改", "因为你一个人", "讲讲道理", "讲点道理", "拜托你讲", "又是你",
              "都说清楚了吗", "没见过你这样", "你这样的客户", "哭有什么用", "说这些有什么用", "有什么用啊", "哭能", "换家银行", "换个银行", "换一家",
              "这算什么", "多了去了", "比你倒霉", "情绪稳定了…再", "谈不了", "不稀罕", "爱办不办", "爱信不信",
              "也值得", "这么大声", "这点事", "有啥用", "冲我喊", "冲我嚷", "识字", "多难看", "别在这儿哭", "多丢人", "真丢人", "丢不丢人",
              "算啥", "算什么", "急啥", "急什么", "慌啥", "哭啥", "嚷啥", "嚷什么", "喊什么", "吵什么",
              "了就…了呗", "又没丢", "又没少", "还听不明白", "都跟你说了", "都跟你说…遍", "说了…遍了", "说过…遍", "就投呗", "我又不怕", "不怕你投",
              "算谁的", "别拍桌子", "别折腾", "想多了", "坑你", "还是…算了", "就睡不着", "行啦行啦", "得了吧",
              "你讲的都对", "你说的都对", "你太着急", "太急了", "一样没用", "说也没用", "我们收到很多",
              "这种意见…很多")
# Favours in more wordings: gifts handed over, fees wiped, paperwork skipped, a colleague or the agent's own
# job number used, money lent from the agent's pocket.
MORE_FAVOURS = ("桶油", "套杯子", "拿着…翻篇", "翻篇", "就当交个朋友", "交个朋友", "直接给你免", "给你免了", "打个招呼就",
                "打声招呼就", "找人打个招呼", "跟里面打个招呼", "跟柜台说一声", "帮你勾", "帮你签", "替你签", "帮他签", "把名签", "不录了", "就不录", "不用录",
                "不用亲自来", "不用本人", "本人不来也行", "不用他本人", "不用她本人", "授权书不用", "不用…授权书",
                "过后再补", "回头再补", "回头补", "抹了", "给你抹", "抹掉", "冲掉", "不用走申请", "不走流程", "不用走流程",
                "不走申请", "少一份也能", "也能先批", "缺…没关系", "升个vip", "升…vip", "帮你写一个",
                "也不要紧", "撤了投诉", "留个…额度", "提成", "不用看证", "不看证", "不用出示", "熟人不用", "熟人…不用", "兜里", "先给你拿",
                "拿我的", "说一声就成", "说一声就行", "不用填…表", "唔使填", "不用填单", "当看不见", "当没看见",
                "不一样也没关系", "我们不查", "不查的", "偷偷", "帮你跳过", "用我的工号", "拿我的工号", "不问你", "就不问", "不收了",
                "材料不用交", "先给他解", "特批", "再给你…补", "账户里补", "给你补…元", "补给你…元", "手续…补", "多算", "一点意思", "垫了", "给你垫", "先垫", "算我们赔",
                "现金你拿着", "就不用出示", "本来要…不过", "本来要…就帮", "本来要…先给")


@dataclass(frozen=True)
class ReplyRules:
    """What makes a reply fail besides missing key points: trainers' judgement, as data."""

    # Characters before a key-point phrasing in which a negation cue takes it back (我现在不能查).
    window: int = 4
    # Most characters between the parts of a "请示…主管" phrasing.
    gap: int = 6
    # Where a clause ends: a negation does not reach across it (不好意思，我马上查).
    clause_breaks: str = "，。！？；：,.!?;:\n…~～—"
    # Where a sentence ends: the sentence model (reply_model.py) reads a sentence at a time.
    sentence_breaks: str = "。！？；!?;\n…~～"
    negations: tuple[str, ...] = ("不", "没", "别", "无法", "未", "休想")
    # The cues that ask both ways between a word and itself (能不能, 有没有, 保本不保本); 别激动别激动 asks nothing.
    asking_cues: tuple[str, ...] = ("不", "没")
    # Words in which a negation cue is no negation (不好意思, 特别, 对不起, 不用再): a cue inside one of
    # them takes nothing back.
    not_negations: tuple[str, ...] = (
        "不管", "不论", "无论", "不仅", "不但", "不过", "不好意思", "不然", "不少", "不错", "不客气", "没问题", "没关系",
        "别人", "别的", "别处", "不用再", "不必再", "不一样", "不一致", "不符", "不放心", "不舒服", "不满意",
        "不痛快", "不高兴", "不好受", "不踏实", "不周", "不便", "没做好", "没做到", "没有做到", "没收到", "没到",
        "没有丢", "没人", "不用担心", "不必担心", "不用着急", "不必着急", "不要着急", "不着急", "没想到",
        "特别", "分别", "区别", "个别", "差别", "未来", "对不起", "差不多", "不久", "不一会", "不断", "过意不去",
        "不满", "不开心", "不乐意", "不安全", "不得劲", "不对劲", "别担心", "别着急", "别急", "别生气", "别上火", "不用重复", "不必重复", "无需重复", "不需要重复", "不需要再", "无需再", "不用您再",
        # a rhetorical question grants the feeling: 搁谁不急 (anyone would worry)
        "谁不急", "谁不着急", "谁能不急", "谁不生气", "谁不上火", "谁不窝火", "谁不担心", "谁能不着急",
        "无须重复", "无须再",
        # asking what is wrong: 有哪点不对您纠正我
        "哪点不对", "哪里不对", "有不对",
        # the customer's plight: 您睡不好觉我能体会
        "睡不好", "睡不着", "吃不下",
        # the customer's plight told, not a key point taken back: 等了九天还不见卡, 晚一天见不着都悬着心
        "还不见", "迟迟不见", "一直不见", "都不见", "也不见", "见不着", "见不到", "看不着", "等不到", "盼不到",
        # an honest limit, not a negation of what follows: 我做不了主，得请示主管; 我定不了，马上问主管
        "做不了主", "作不了主", "做不得主", "定不了", "决定不了", "拍不了板", "没有权限", "没权限", "没这个权限",
        "权限不够", "不能做主", "不能拍板", "做不了这个主", "不是我能定", "不是我能决定")
    # A 不 or 没 ending a clause asks a question (您还满意不？ 收到没？): it takes nothing back.
    asking_ends: tuple[str, ...] = ("不", "没", "没有", "不呢", "没呢", "不啊", "没啊", "不呀", "没呀", "不哈")
    # Slips of voice input (written, meant), each pair of the same length, read as meant before grading.
    slips: tuple[tuple[str, str], ...] = SLIPS
    # A negation right after a key-point phrasing, or after one of these, takes it back when the phrasing
    # is the topic (到期日我没查, 到账也不会通知您); after other words it belongs to what follows
    # (您担心钱没回来).
    bridges: str = "也都还就我你他"
    # A phrasing ending in a question word asks about what follows it, negation included: 哪里还不清楚.
    question_words: tuple[str, ...] = ("哪里", "哪儿", "哪些", "哪个", "哪块", "哪方面", "什么", "啥", "怎么", "咋", "多少")
    # A negation right after the phrasing: 查不了, 退不到.
    negations_after: tuple[str, ...] = ("不了", "不到", "不出", "不成", "不得")
    # The agent will not, cannot or need not act: the customer is left where they were.
    refusals: tuple[str, ...] = (
        "说了不算", "别想", "管不了", "不归我", "没办法", "没有办法", "没法", "没辙", "办不了", "查不了", "改不了",
        "退不了", "帮不了", "给不了", "你自己…吧", "你自己想办法", "回去等着", "回家等着", "就等着", "等着吧",
        "爱找谁", "不会改", "就是该扣", "不能退", "也不行", "就是不行", "找谁都", "不会给你", "不会帮你", "说不准",
        "你看着办", "自己看着办", "你得从头", "还得从头", "就免了", "更不可能", "就更别", "你再跟他", "你到时候再", "你还得从头",
        "你还得再", "是不可能", "不可能", "做不到", "办不到", "算了吧", "我挂了", "你自己看吧", "你自己查", "你自己去", "你自己打", "何必", "不管了",
        "我们不管", "管不着", "就这样了", "就这样吧", "只能这样", "查不到原因", "查不出原因", "查不出什么", "查不出啥",
        "催不了",
        # the customer cut short: not listened to
        "不用说了", "不用讲了", "不必说了", "不要说了", "别说了", "别讲了", "就不用说", "就不用讲", "不用多说",
        "不用细说", "你长话短说", "你…长话短说", "长话短说吧", "请长话短说", "说重点", "挑重点", "简单说…就行", "简单点说", "说快点", "快点说", "捡重要的",
        # nothing done here: 这里不办, 不给办
        "这里…不办", "这边…不办", "这儿…不办", "我们…不办", "网点…不办", "柜台…不办", "不给办", "不给你办",
        "不受理", "不予受理",
        # the customer made to tell it all again
        "你再…说一遍", "你再…讲一遍", "你再…说一次", "你再…讲一次", "你得再…说", "你得再…讲",
        "还得…从头", "还要…从头", "又要…从头", "又得…从头", "你得…从头", "你要…从头…说", "你要…从头…讲",
        "你得…重新…说", "你得…重新…讲", "还得…重新…说", "还得…重新…讲", "还得…再…说一遍", "还得…再…讲一遍",
        # the customer sent elsewhere instead of helped (首问负责)
        "你去找", "你找他们", "找他们去", "你自己问", "你去问", "可以打客服", "打客服吧", "打客服问",
        "去打客服", "可以打…热线", "你打…热线…吧", "具体还得找", "你还得找", "还得你…找",
        # the call back handed to the customer: they must chase what the agent promised
        *CALLBACK_HANDED_BACK,
        # the customer left to wait with nothing done (只能等, 这边查不到)
        "只能等", "只好等", "只有等", "只能干等", "就干等", "等通知吧", "慢慢等吧", "查不到",
        # round five: sent off alone or to another day, the handover refused, what cannot be done left there,
        # what could have been done refused with a 但
        *SENT_OFF, *NO_HANDOVER, *CANNOT, *COUNTERFACTUALS,
        # round six: sent elsewhere, told nothing will come of it, told it is not ours, made to tell it again
        *SENT_ELSEWHERE, *FUTILE, *NOT_OURS, *RETOLD, *CANNOT_DO, *NOBODY_IN_PARTICULAR, *ON_THEIR_OWN, *LEXICON["refusals"])
    # The customer is made the one at fault.
    blame: tuple[str, ...] = (
        "怪谁", "怪不了", "谁让你", "谁叫你", *(f"是你自己{deed}" for deed in SELF_DEEDS), "你自己没", "你自己不", "你自己弄", "你自己忘", "你自己摔",
        "你自己选的", "你自己做的", "你自己签", "你自己操作", "你自己留", "你自己打错", "你自己用错", "你自己记错",
        "你记错了", "你自己要", "肯定是你", "你自己才", "人为损坏", "人为的", "操作不当", *POLITE_BLAME,
        *(f"{hindsight}…{then}" for hindsight in HINDSIGHT_IFS for then in HINDSIGHT_THENS), *CARELESS, *CUSTOMERS_FAULT,
        *STEREOTYPES, *LEXICON["blame"],
        # what the customer should have done, said to them (您下单的时候应该看清楚的); not 我们应该先跟您说清楚
        *(f"你…{should}{deed}" for should in ("应该", "应当", "理应", "本该", "早该")
          for deed in ("看清", "看仔细", "仔细", "先看", "看一", "问清", "多问", "问一", "早", "注意", "知道", "留意")))
    # Promises the agent cannot keep: outcomes nobody has decided yet. A promise of what the agent does
    # (保证三点前回电, 保证查清楚) is kept by the agent and is not one of them.
    over_promises: tuple[str, ...] = (
        "保证…到账", "保证…退给", "保证…退回", "保证…退钱", "保证…退还", "保证…能退", "保证…给你退", "保证…全退",
        "保证…赔", "保证…补偿", "保证…补给", "保证…解决", "保证…办好", "保证…办成", "保证…弄好",
        "保证…追回", "保证…拿回", "保证…要回", "保证…找回", "保证…不会再出", "保证…不会再有", "保证…不会有",
        "保证…不会再扣", "保证…不会上", "保证…不会影响", "保证…不会亏", "保证…不上", "保证…不影响", "保证…没问题",
        "保证…收益", "保证…同意", "保证…批下来", "保证…能批", "保证…批准", "保证…能免", "保证…免掉", "保证…给你免",
        "保证…满意", "保证…成功", "保证…送到", "保证…换新", "保证…换一台", "保证…给你换", "保证…能换",
        "保证…改好", "保证…修好", "保证…征信", "保证…能办", "保证…本金", "保本", "保收益", "保息",
        "稳赚", "包赚", "只赚不赔", "不会亏", "零风险", "没有任何风险", "包你满意", "包退", "包赔",
        "一定…到账", "肯定…到账", "一定…全部", "肯定…全部", "一定…送到", "一定…同意", "一定…批",
        "一定能退", "肯定能退", "一定给你退", "肯定给你退", "一定退给你", "肯定退给你", "一定能追回", "肯定能追回",
        "一定能要回", "肯定能要回", "一定能拿回", "肯定能拿回", "一定能找回", "肯定能找回", "一定能解决", "肯定能解决",
        "一定能办", "肯定能办",
        "一定给你解决", "肯定给你解决", "一定帮你解决", "肯定帮你解决", "一定不会…征信", "肯定不会…征信",
        "全部赔", "全部退", "全部补偿", "全部解决", "全额赔", "赔给你", "赔你", "赔偿你", "额外赔", "再赔",
        "三倍…赔", "双倍…赔", "两倍…赔", "加倍…赔", "十倍…赔", "倍的赔偿", "倍赔偿",
        "绝对不会再", "再也不会",
        # the fault admitted before anything was checked: 肯定是我们扣错了 (核实后如果确实是我们扣错了 is conditional)
        "肯定是我们", "一定是我们", "绝对是我们", "准是我们", "铁定是我们", "百分之百是我们", "百分百是我们",
        "肯定是银行的错", "肯定是银行的问题", "一分钟内…到账", "开除", "肯定没问题", "绝对没问题", "一百个心", "百分之百", "百分百",
        *SURE_RETURNS, *UNCHECKED_VERDICTS, *OUTCOMES_PROMISED, *LEXICON["over_promises"])
    # An outcome nobody has decided yet, said with certainty: a certainty word and an outcome in one
    # clause, in either order, at most `gap` apart (钱肯定全退给您, 本金一分不少都会到您卡上), or across a
    # clause pair when one of the two is short (…都会到您卡上，我保证). Expanded into over-promises.
    # A promise to act (保证今天查清楚, 一定三点前回电) names no outcome and is no over-promise.
    certainties: tuple[str, ...] = (
        "保证", "肯定", "一定", "绝对", "准保", "准能", "准给", "百分之百", "百分百", "一分不少", "打包票", "包你",
        "铁定", "必定", "必然", "担保", "确保", "放一百个心", *MORE_CERTAINTIES, *LEXICON["certainties"])
    outcomes: tuple[str, ...] = (
        "退给", "退回", "退还", "退到", "全退", "能退", "给你退", "退你", "都退", "到账", "能到", "会到", "到…账上", "到…卡上",
        "到…账户", "打回", "回到…卡", "补发", "补给", "补上", "补回", "涨回来", "涨回去", "回本", "不亏", "不会亏",
        "赚回来", "赔给", "赔偿", "全赔", "赔你", "赔钱", "能通过", "会通过", "给你通过", "审核通过", "批下来",
        "批准", "能批", "办成", "办下来", "按你说的…办", "按你的意思…办", "照你说的…办", "按你的要求…办", "不上征信", "不会上征信", "不影响征信", "不会影响征信", "征信…没事",
        "解冻", "追回", "拿回", "要回", "找回", "能回来", "免掉", "给你免", "减免下来", "能减免", "给你减免", "撤销",
        "不受影响", "没影响", "不会有影响", "不会有事", "到位", "换新", "给你换", "删掉", "消除", *MORE_OUTCOMES, *LEXICON["outcomes"])
    # Favours a bank gives only with authorisation, offered on the spot: extra money, gifts, higher
    # rates, rules bent (代办 where the customer must come). Fail unless said to go by the rules.
    favours: tuple[str, ...] = (
        "作为补偿", "补偿你", "补偿给你", "给你补偿", "作为歉意", "多退", "再退你", "额外退", "多给你", "再送",
        "送你一", "送你个", "送你点", "送你…礼", "送给你", "赠送", "小礼品", "纪念品", "上浮", "提高…利率", "利率…提高", "多给…利息", "补…利息",
        "当补偿", "算补偿", "做补偿", "当作补偿", "算是补偿", "一点心意", "我们的心意", "多算…利息", "给你多算", "我私人", "私下…给你", "私下…补", "私下处理",
        "自掏腰包", "自己掏钱", "我自己出",
        "通融", "破例", "破个例", "开个口子", "开后门", "走后门", "特事特办", "特殊处理", "我做主", "做个主",
        "让他代办", "他代办", "代你办", "帮你代办", *STAND_INS, "让…代办", "让…代你",
        # money given on the spot and called amends (补给您，算是赔礼), or the interest made up
        *AMENDS, "利息…补给你", "利息…补你", "利息…赔给你", *GIFTS, *MORE_FAVOURS, *LEXICON["favours"])
    # A required check waived: the customer's money or identity goes unchecked.
    waived_checks: tuple[str, ...] = (
        "不用…核对", "不必…核对", "不需要…核对", "无需…核对", "免…核对", "不核对", "跳过…核对", "省了…核对",
        "不用…核实", "不必…核实", "不需要…核实", "不用…验证", "不用…确认身份",
        "不用查…收款", "不用管…收款", "不用问…用途", "不用管…用途", *WAIVED_REQUIREMENTS,
        "不用检测", "不用…检测", "不检测", "不用…鉴定",
        # the check named first, then waived: 对方是谁、钱干什么用的就不用问了
        *(f"{checked}…{waived}" for checked in ("用途", "干什么用", "做什么用", "对方是谁", "收款人", "收款方")
          for waived in ("不用问", "不问了", "不用核对", "不核对了", "不用查", "不查了", "不用管")))
    # A commitment taken back in the same breath: the point it made is void (明天给您回电。其实打不打也一样;
    # 请示了也批不下来; 等领导有空了再说; 什么时候回复现在也说不好).
    takebacks: tuple[str, ...] = (
        # doing it or not comes to the same (打不打也一样); 不…也一样 alone would also take 不用来网点，手机上办也一样
        "打不打…一样", "查不查…一样", "等不等…一样", "办不办…一样", "回不回…一样", "催不催…一样", "问不问…一样",
        "报不报…一样", "交不交…一样", "做不做…一样", "找不找…一样", "提不提交…一样", "申不申请…一样", "跑不跑…一样",
        "也白搭", "也是白搭", "也是白费", "也白费", "也批不下来", "也…批不下来", "肯定批不下来",
        "也不好说", "也说不好", "也讲不好", "也说不准", "也讲不准", "也难说", "不一定…得了",
        # put off to nobody knows when (not 您先坐下慢慢再说)
        "有空…再说", "等…有空", "别抱希望", "别抱…希望", "不用抱希望", "别指望", "不用指望",
        "不要指望", "明天再说", "改天再说", "以后再说", "回头再说", "过两天再说", "下次再说")
    # A refusal or a take-back followed by what the agent does instead is honest, not a refusal
    # (误工费我说了不算，得去问问经理; 具体几点不好说，但三点前我一定回电): one of these later in its clause,
    # or opening the next one, voids a fault of `restored_kinds`. A 但 must lead to what *I* do, at most
    # `restorer_gap` characters on (不过您可以去别的网点问问 restores nothing).
    restorer_gap: int = 12
    restorers: tuple[str, ...] = ("但…我", "不过…我", "可是…我", "可我", "但可以帮", "可以帮你", "得去", "我去", "我得", "我先", "我马上",
                                  "我这就", "我会", "我一定", "我现在就", "得请示", "要请示", "需要请示", "得问", "得找", "得上报", "得报",
                                  "得跟", "得向", "要跟…申请", "需要跟", "得申请", "要申请",
                                  # the agent arranges the next visit: 回头您再来办的时候直接找我
                                  "直接找我", "我帮你", "我提前", "我替你",
                                  # a later time the agent names: 今天没办法出结果，明天上午十点前给您回电
                                  *(f"{when}…{who}" for when in WHENS for who in ("给你", "我")),
                                  # or the agent first, then the time: 今天实在解决不了，我下班前给您打电话
                                  *(f"我{when}…给你" for when in WHENS),
                                  # another way offered, or already done for the customer: 规定没法变通，不过还有另一个办法;
                                  # 公众号不能处理，已经帮您登记好了
                                  "还有…办法", "别的办法", "其他办法", "另一个办法", "另外的办法", "已经帮你", "已经给你", "已帮你")
    restored_kinds: tuple[str, ...] = ("refused", "taken-back")
    # What cannot be done, said honestly, is restored by what the agent then does anywhere later in the reply,
    # not only in the next clause (这个线上办不了，要本人去网点；我帮您约好明天上午的号): one of these limits,
    # and one of `later_restorers` in any later clause. A limit is a fact about the case; a refusal such as
    # 别想了, 您还得从头再讲一遍 or 爱找谁找谁 stays one whatever follows.
    limits: tuple[str, ...] = (
        "没办法", "没有办法", "没法", "办不了", "查不了", "改不了", "退不了", "帮不了", "给不了", "说了不算", "做不到",
        "办不到", "说不准", "不归我", "只能等", "只好等", "只有等", "查不到", "查不到原因", "查不出原因", "管不了",
        "不能退", "催不了", *CANNOT, *NOT_OURS, *CANNOT_DO, "我也不知道", "我也不清楚", *LEXICON["limits"])
    limited_takebacks: tuple[str, ...] = ("也不好说", "也说不好", "也讲不好", "也说不准", "也讲不准", "也难说")
    later_restorers: tuple[str, ...] = (
        "我马上", "我这就", "我现在", "我立刻", "我立即", "我先", "我会", "我一定", "我帮你", "我替你", "我给你", "我把",
        "我来", "我去", "我得", "我陪", "我记", "我联系", "我请", "我找", "我问", "我查", "我调", "我写", "我登记",
        "我提交", "我申请", "我主动", "我尽快", "我第一时间", "我今天", "我明天", "我下午", "我上午", "我下班前",
        "能做的是", "能帮你的是", "我能做的", "我能帮", "我可以帮", "可以帮你", "我可以", "我们可以", "我们会",
        "但可以", "不过可以", "但是可以", "我每天", "有进展", "跟你说清楚", "跟你讲清楚", "给你讲清楚", "直接来找我", "来找我", "直接找我",
        *(f"{when}…{who}" for when in WHENS for who in ("给你", "我")))
    # An over-promise under a condition is none: 如果查实是我们的错，一定全额退给您 (in its clause before it,
    # or in the clause before when it opens its own).
    conditions: tuple[str, ...] = ("如果", "要是", "若是", "假如", "万一", "符合", "按规定", "查实", "核实后",
                                   "确认是", "经核实",
                                   # the outcome waits on an inspection: 先检测一下，是质量问题就给您换新的
                                   "检测", "鉴定", "是质量问题", "属于质量问题", "确属",
                                   # … or on the objection's review: 要等异议核查：报错了就更正
                                   "异议核查", "核查结果", "核查后", "错了就", "有错就")
    # Nor is one the agent has just disclaimed (我不敢跟您打包票说一定能批, 我不能跟您保证一定能追回来): these
    # act as the conditions do.
    disclaimers: tuple[str, ...] = ("不能保证", "没法保证", "无法保证", "不敢保证", "不好保证", "不能跟你保证", "没法跟你保证",
                                    "不敢跟你保证", "不敢打包票", "不敢跟你打包票", "打不了包票", "不能承诺", "无法承诺",
                                    "没法承诺", "不敢承诺", "不能答应", "没法答应", "不敢说", "谁都说不准")
    conditional_kinds: tuple[str, ...] = ("over-promise",)
    # A fault of these kinds is void when a negation takes its first word back (不一定能退, 没法保证到账,
    # 不能给您破例, 我没法给您单独上浮) — read over the `negation_window` characters before it.
    negatable_kinds: tuple[str, ...] = ("over-promise", "favour")
    negation_window: int = 8
    # … or one of these right after it in its clause, within `window_behind` characters (礼品我们这里不能送的,
    # 私下补钱我不能做, 一定能批这话我没法答应您, 保本这两个字合同里没有); not 没有问题.
    negations_behind: tuple[str, ...] = ("不能", "没法", "没办法", "不合规", "不可以", "不允许", "答应不了", "做不了主",
                                         "保证不了", "没有")
    window_behind: int = 8
    # Faults of these kinds are also looked for across two clauses, one of them at most this many
    # characters long (…都会到您卡上，我保证).
    paired_kinds: tuple[str, ...] = ("over-promise", "favour", "blamed")
    pair_clause: int = 8
    # Words that talk down to the customer (the taboo list in phrases/taboo.yml holds the classic ones).
    rude: tuple[str, ...] = (
        "别激动", "你嚷什么", "你喊什么", "你急什么", "你催什么", "也没用", "亏了就亏了", "谁买理财不亏", "行了行了",
        "不就是", "而已", "怎么可能", "我们是正规", "冷冰冰", "又不是故意", "怎么会随便", "正规银行", "正规店铺", "说这么多", "很正常", "是正常的", "正常现象", "不是我扣的",
        "完全正常", "挺正常", "再正常不过", "属于正常", "都正常",
        "嚷嚷", "别嚷", "别吵", "别闹", "我还忙", "我这边还忙", "我很忙", "忙着呢", "没空", "没工夫",
        # the customer's view dismissed, the case closed on them (满不满意也不重要，事情已经结案了)
        # (not 虽然已经结案了，还想听听您的感受: the closing itself is no dismissal)
        "不重要", "无所谓", "反正…已经", "结案了…别", "结案了…不用", "结案了…没什么", "那是你的事", "这是你的事",
        "不关我的事", "跟我没关系", "说了你也不懂", "你也不懂",
        # listening as a formality: 我也就听听
        "就听听", "只是听听", "听听而已", "随便听听", "听听就算", *BRUSH_OFFS, *BELITTLING, *LEXICON["rude"])
    # A fault phrasing is no fault when one of the words paired with it comes before it in its clause, or
    # in the clause before when the phrasing opens its own (within `excuse_reach` characters: 您着急，这很正常;
    # not 您生气我理解，不过理财亏钱很正常):
    # 当场没法查出结果 says what cannot be done yet (what will be done is in the key points), 您不用再打客服
    # sends nobody away, and 您着急很正常 accepts a feeling where 转账慢很正常 dismisses the complaint.
    excuse_reach: int = 2
    excuses: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
        (favours, ("规定", "规定内", "按政策", "政策内", "符合", "申请", "审批", "报批", "请示", "能不能", "能否", "是否",
                   # a payment let through once the customer is checked: 确认是本人意愿再放行
                   "按流程", "确认是本人", "本人意愿", "核实后")),
        (("没办法", "没有办法", "没法", "办不了", "查不了", "改不了", "退不了", "帮不了", "给不了", "说不准",
          "做不到", "办不到", "查不到原因", "查不出原因", "查不出什么", "查不出啥", "催不了", "查不到", "只能等",
          "只好等", "只有等", *CANNOT),
         ("当场", "暂时", "一时", "目前", "眼下", "现场", "电话里", "电话上", "柜台上", "柜面上", "窗口上",
          # a feared outcome is an honest caveat: 否则万一做不到反而耽误您
          "万一", "否则", "以免", "免得")),
        # telling the customer they need not chase hands nothing back: 您不用再打过来问
        # nor offering to be reached besides: 有问题您随时再打过来问我
        (CALLBACK_HANDED_BACK, ("不用", "不必", "别再", "无需", "不需要", "用不着", "随时")),
        # 您不用自己跑一趟, 省得您改天再来
        (SENT_OFF + SENT_ELSEWHERE, ("不用", "不必", "无需", "不需要", "用不着", "省得", "免得", "不让", "别让", "欢迎")),
        # the customer's wish said back is no favour granted: 理解您希望让家人代办
        # 如果随便让别人代办 warns of what would happen
        (("让他代办", "他代办", "代你办", "帮你代办", *STAND_INS, "让…代办", "让…代你"),
         ("你希望", "你想", "你想要", "你是想", "随便", "随意")),
        (("你去找", "你去问", "可以打客服", "打客服吧", "打客服问", "去打客服", "可以打…热线", "你打…热线…吧"),
         ("不用", "不必", "别再", "无需", "帮", "陪")),
        # the customer spared the errand: 不用您自己打来
        (("你自己打", "你自己去", "你自己查", "你自己问", "你自己…吧"),
         ("不用", "不必", "无需", "不需要", "用不着", "不会让", "不让", "别让")),
        (("你再…说一遍", "你再…讲一遍", "你再…说一次", "你再…讲一次", "你得再…说", "你得再…讲",
          "还得…从头", "还要…从头", "又要…从头", "又得…从头", "你得…从头", "你要…从头…说", "你要…从头…讲",
          "你得…重新…说", "你得…重新…讲", "还得…重新…说", "还得…重新…讲", "还得…再…说一遍", "还得…再…讲一遍",
          *RETOLD),
         ("省得", "免得", "不用", "不必", "无需", "不让", "别让", "不需要", "不会让", "不会再让")),
        (("很正常", "是正常的", "正常现象", "完全正常", "挺正常", "再正常不过", "属于正常", "都正常", "很常见", "挺常见",
          "常有的事"),
         ("急", "生气", "担心", "情绪", "上火", "难受", "委屈", "不高兴", "不满", "火", "不放心", "不舒服", "不踏实",
          "憋屈", "心里", "失望", "难过", "慌", "紧张", "郁闷", "心疼",
          # a conclusion drawn from what was checked: 到期日是明天…所以现在还没有到账是正常的流程
          "所以", "约定")),
        # the customer told it is not their fault: 这不是您的问题
        (("是你的问题", "是你的原因", "是你的责任"), ("不", "并非")),
        # what the agent will not do to the customer: 不是不给您办, 我不能光让您回去等, 这事不是只能干等;
        # nor one way of two offered: 您愿意现场等结果，还是回去等我电话？
        (("不给办", "不给你办", "回去等", "等消息", "只能干等", "只能等", "就干等"),
         ("不是", "不能光", "不光", "不能让", "不让", "不用", "还是", "或者", "要么")),
    )
    # Share of a reply's characters that its key-point phrasings cover, from which it is a list of key
    # words rather than something said to a customer.
    stuffing: float = 0.8
    # A reply of three clauses or more, all of them no longer than this many characters, is a list of words
    # too (请坐，喝水，马上，查，明细), and so is one with `list_share` of them that short when `list_bare` of them
    # are a bare key word of at most `bare_word` characters (理解，因为安全，保护，我可以预约。规定必须本人来; not
    # 是我的错，对不起，我亲自跟，明天上午十点前电话给您, which is terse): a learner speaks in sentences …
    list_clause: int = 5
    list_share: float = 0.8
    list_bare: int = 2
    bare_word: int = 2
    # … but only when key words make up at least this share of it (您慢慢说，不着急，我都记下来 is short, not a list).
    list_covered: float = 0.5
    # A taboo phrase or an over-promise after one of these in its clause, or in a clause that follows one
    # ending in them, repeats what the customer was told (您说当初讲的是保本) rather than saying it again.
    reported: tuple[str, ...] = ("你刚才说", "你提到", "你的意思是", "据你说", "你反映", "你说当时", "你说当初",
                                 "你说之前", "你说那时", "你说的是", "你是说", "照你说",
                                 # the customer's demand restated: 您要求赔偿您半天的误工费
                                 "你要求", "你的要求是", "你的诉求是", "你是希望", "你是想要",
                                 # the customer's belief restated: 又觉得当初听到的是保本
                                 "觉得当初", "觉得当时", "听到的是", "你觉得", "你以为", "以为是")
    reported_kinds: tuple[str, ...] = ("over-promise",)
    # Words in quotation marks (each pair: its opening and closing mark) are someone else's: 您说“就这样吧”的时候
    # quotes the customer and refuses nothing. A fault (taboo included) wholly inside one is none. Only a
    # closed quote of at most `quote_max` characters counts, so a stray mark cannot hide a whole reply.
    quotes: tuple[str, ...] = ("“”", "「」", "『』", "‘’", '""', "《》")
    quote_max: int = 24
    # Words that mean the same in every key point that uses one of them: a phrasing (or a part of one)
    # that is in a group stands for the whole group. A word that means different things in different
    # key points (核对: check the records, or confirm with the customer) belongs to no group.
    synonyms: tuple[tuple[str, ...], ...] = (
        # an apology
        ("抱歉", "对不起", "对不住", "不好意思", "道歉", "歉意", "致歉", "见谅", "过意不去", "赔不是", "赔个不是",
         "赔礼", "原谅", "sorry", "sry", "道个歉", "赔罪"),
        # the customer's feeling named and accepted
        ("理解", "换谁", "换作", "换成", "换了谁", "换我", "换了我", "搁谁", "搁我", "谁都会", "难怪", "着急",
         "别着急", "别急", "心急", "肯定急", "很急", "这么急", "急坏", "急死", "急得", "上火", "生气", "别生气", "消气", "窝火", "闹心", "糟心", "不好受", "难受", "委屈", "憋屈", "堵得慌",
         "担心", "不踏实", "心情", "让人不舒服", "火气", "有火", "恼火", "火大", "气愤", "有气", "气坏", "气不过",
         "不甘心", "失望", "心寒", "寒心", "郁闷", "心烦", "烦心", "不是滋味", "upset", "心里没底", "别扭", "无奈",
         "吓人", "吓一跳", "吓坏", "等得冤", "你急", "谁碰上", "谁遇上", "谁遇到", "谁摊上", *FEELINGS_CALLED_RIGHT,
         "能体会", "体会得到", "心疼", "犯嘀咕", "发慌", "心慌", "担惊受怕", "坐不住", "落差", "又急又气"),
        # a displeasure the agent sees (apart from the feelings above: 要是不满意 is no empathy)
        ("不满意", "不满", "不放心", "不舒服", "不痛快", "不高兴", "不开心", "不乐意", "顾虑", "有情绪", "不得劲",
         "不…满意", "不…放心", "不…舒服", "不…痛快", "不…高兴", "不…开心"),
        # the customer reassured
        ("放心", "别担心", "不用担心", "不必担心", "不用太担心", "不必太担心", "别太担心", "用不着担心"),
        # the money is safe
        ("不会丢", "没有丢", "丢不了", "不会少", "少不了", "一分不少", "还在", "有记录", "有…记录"),
        # in front of the customer
        ("当面", "当着你", "在你面前", "当你面", "到你跟前", "面对面"),
        # now, at once
        ("马上", "立刻", "立即", "立马", "这就", "现在", "现在就", "当场", "第一时间", "即刻", "赶紧", "麻溜", "这会儿"),
        # within minutes or hours
        ("分钟", "小时", "钟头", "刻钟"),
        # by a day or an hour named
        ("今天", "今日", "当天", "今晚", "明天", "明早", "明日", "后天", "上午", "下午", "下班前", "下班之前",
         "今儿", "明儿", "后儿", "次日", "工作日", "天内", "天之内", "日内", "点前", "点之前", "点以前", "号前", "周内", "下周", "月底前", "月底",
         "中午", "晚上", "傍晚", "上午…点", "下午…点", "晚上…点", "早上…点", "中午…点", "周…前", "星期…前",
         "礼拜…前", "下礼拜", "下个礼拜", "这礼拜", "最晚", "最迟", "点半前", "点半之前", "号之前", "号以前"),
        # looking into it
        ("查", "核查", "调出", "调取", "调阅", "查看", "查询", "查清", "查明", "弄清楚", "打印", "明细", "流水", "check",
         "对清楚", "对一对", "捋一遍", "捋一捋", "捋清楚", "来龙去脉", "对账", "找出来", "翻出来", "名目", "对一遍", "核一遍",
         "print"),
        # the one above the agent
        ("主管", "经理", "领导", "负责人", "网点负责人", "行长", "上级", "组长", "班长", "主任", "支行长", "值班主管"),
        # the agent calls the customer back
        ("回电", "回电话", "回个电话", "打给你", "给你打电话", "打电话给你", "打电话", "致电", "回话", "联系你",
         "回拨", "打回给你", "给你回过去", "给你打个电话", "打个电话给你", "致电你", "call你", "call给你", "给你call",
         "给你打过来", "打你手机", "亲自打",
         "回call", "call回", "我来回", "我来打", "我给你打", "打到你", "给你来个信", "来个信"),
        # the agent tells the customer
        ("告诉你", "通知你", "答复你", "回复你", "短信", "给你答复", "给你回复", "亲口跟你说", "亲口告诉你", "给你说清楚", "update你", "给你update", "update进度"),
        # the agent takes it on
        ("我来", "我负责", "由我", "我亲自", "交给我", "我本人", "亲自跟", "亲自负责", "亲自处理", "亲自办", "亲自盯",
         "跟到底", "我这边跟进", "我这边负责", "我来跟", "我自个", "我自己盯", "我盯着", "我来盯", "我亲手",
         # the agent names who calls: 我给您回电话, 我 call 您
         "我来follow", "我follow", "follow到底", "全程陪", "我全程", "我就是负责", "我给你回电", "我给你回个电话", "我给你打电话", "我打给你", "我亲自打",
         "我call你", "我来回电", "我这边给你回", "我这边给你打", "我会给你回", "我会给你打", "我会亲自"),
        # following up
        ("跟进", "follow", "跟踪", "盯着", "持续关注", "一直跟"),
        # sending it on: 今天就 submit
        ("提交", "submit", "递交"),
        # English words of the call centre, each beside its Chinese
        ("确认", "confirm"), ("反馈", "feedback"), ("退款", "refund"),
        ("退回", "退到", "refund到", "refund回", "已经refund", "refund给你"), ("预约", "book"), ("上报", "escalate"),
        # thanks
        ("谢谢", "感谢", "多谢"),
        # the customer asked to agree
        ("可以吗", "好吗", "行吗", "方便吗", "行不行", "好不好", "可不可以", "方便…吗", "成吗", "合适吗",
         "中不", "中不中", "看行不", "看成不", "是否可以", "是否方便", "是否同意", "是否接受", "意下如何", "你看可以",
         "ok吗", "ok么", "ok不", "ok不ok", "可以不", "好不好呢", "你看ok", "能接受吗", "可以接受吗", "接受吗", "这么定",
         "方便不", "你说个时间", "你定个时间"),
        # the customer asked to confirm what the agent repeated
        ("对吗", "对不对", "是这样吗", "是这样吧", "对吧", "没错吧", "没说错吧", "说得对吗", "有没有说错", "有没有漏",
         "说得对不", "说的对不", "讲得对不", "没错不", "是否准确", "是否正确", "是否有误", "是否属实", "准确吗",
         "有没有出入", "有无出入", "是不是这样", "是不是这么回事", "是这么回事吧", "是这么回事吗", "这么回事吧",
         "是这样的吧", "是这样的吗", "是这样不", "是这么回事不", "我说得对吧", "说得对吧", "理解得对吗", "理解得对吧", "没理解错吧",
         "没听错吧", "没记错吧", "有没有说漏", "有没有讲漏", "有没有遗漏", "有遗漏吗", "没漏吧", "纠正我",
         "是这个情况吗", "是这个意思吗", "没有偏差吧", "有没有偏差", "说得不准", "随时打断我", "是这么个情况", "哪点不对", "哪里不对",
         # Cantonese: 系 (是) cannot fold, as Simplified 系 is also 系统; 唔 (不) is also an interjection
         "系不系这样", "系唔系", "系咪", "啱唔啱", "啱不啱", "对唔对", "有冇讲错", "有没有讲错"),
        # the customer asked whether the money arrived
        ("收到", "收到了吗", "收到没有", "收没收到", "到账了吗", "到账没有", "到了吗", "到没到", "到了没", "到账了没",
         "看到没", "看一眼", "瞄一眼",
         "收到了没", "收到没", "是否到账", "是否收到", "能看到", "看得到"),
        # the customer asked for their opinion
        ("意见", "建议", "哪里不好", "不到位", "想法", "看法"),
        # what the customer said is valued
        ("很重要", "很关键", "很有用", "有帮助", "帮了我", "帮了大忙", "太重要", "特别关键", "非常关键", "太关键",
         "特别重要", "非常重要", "多亏", "省了不少事", "好查多了"),
        # the customer's right to complain respected
        ("你的权利", "权利", "有权", "不拦你", "不会拦", "不拦着", "尊重你", "我尊重", "你的选择", "你的自由"),
        # the customer need not tell it again
        ("不用再", "不必再", "不用重复", "不必重复", "不需要再", "无需再", "不用从头", "省得再", "免得再", "无需重复",
         "不用你从头", "不用你再", "不用你重复", "不需要从头", "不需要你从头", "不需要你再", "省得你再",
         "无须重复", "无须再", "不需要重复", "不用重新说", "不需要重新说", "不用重讲", "不必从头"),
        # the agent transfers the call
        ("帮你转", "直接转", "转过去", "接过去", "帮你接", "给你转", "转接过去"),
        # the customer asked to sit, offered water
        ("请坐", "先坐", "你先坐", "坐下", "这边坐", "那边坐", "里面坐", "坐一下", "坐会", "坐着"),
        ("喝口水", "喝杯水", "倒杯水", "倒水", "温水", "热水", "杯水", "喝点水"),
        # going through every item
        ("一笔一笔", "一笔笔", "一条一条", "一条条", "逐笔", "逐条", "一项一项", "一项项"),
        # the cash made ready
        ("备好", "备足", "备款", "调款", "准备现金", "清点", "点清楚", "调过来", "从金库"),
        # asking where it went wrong
        ("哪里", "哪儿", "哪些", "哪方面", "什么地方", "哪块", "哪个环节", "哪一步", "哪个地方", "哪一点", "哪点"),
        # inviting the customer to tell
        ("说说", "跟我说", "跟我讲", "讲讲", "聊聊", "谈谈", "直说", "慢慢说", "唠唠", "跟我唠", "说道说道", "讲给我",
         "说给我听", "讲给我听"),
        # the question words, colloquial and standard
        ("什么", "啥"), ("怎么", "咋"),
        # news of the outcome
        ("有结果", "有信儿", "有消息", "有回音", "有眉目"),
        # why the rule is there
        ("为了", "为的是"), ("保护", "护着", "护住"), ("防止", "防着", "以防", "怕有人", "万一别人", "万一有人"),
    )


RULES = ReplyRules()
FAULT_KINDS = ("refused", "blamed", "over-promise", "favour", "waived", "taken-back", "rude")
FAULT_FIELDS = ("refusals", "blame", "over_promises", "favours", "waived_checks", "takebacks", "rude")


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
    """The rules as the browser needs them: plain lists, phrasings compiled like key points. The course's own
    rules are compiled once (every `grade` needs them, and compiling took most of its time); read-only."""
    return _course_browser_rules() if rules is RULES else _compile_browser_rules(rules)


@cache
def _course_browser_rules() -> dict:
    return {**_compile_browser_rules(RULES), "model": load_model()}


def _compile_browser_rules(rules: ReplyRules) -> dict:
    data = asdict(rules)
    return {
        "window": rules.window, "bridges": rules.bridges, "gap": rules.gap, "clauseBreaks": rules.clause_breaks,
        "sentenceBreaks": rules.sentence_breaks,
        "questionWords": [fold(word) for word in rules.question_words],
        "negations": [fold(word) for word in rules.negations],
        "askingCues": [fold(word) for word in rules.asking_cues],
        "notNegations": [fold(word) for word in rules.not_negations],
        "negationsAfter": [fold(word) for word in rules.negations_after],
        "askingEnds": [fold(word) for word in rules.asking_ends],
        "slips": [[fold(written), fold(meant)] for written, meant in rules.slips],
        "faults": [[kind, [compile_phrasing(p) for p in data[field]]] for kind, field in zip(FAULT_KINDS, FAULT_FIELDS)],
        "certainOutcomes": {"kind": "over-promise", "certainties": [compile_phrasing(p) for p in rules.certainties],
                            "outcomes": [compile_phrasing(p) for p in rules.outcomes]},
        "conditions": [fold(word) for word in (*rules.conditions, *rules.disclaimers)],
        "conditionalKinds": list(rules.conditional_kinds),
        "negatableKinds": list(rules.negatable_kinds), "negationWindow": rules.negation_window, "pairedKinds": list(rules.paired_kinds),
        "negationsBehind": [fold(word) for word in rules.negations_behind], "windowBehind": rules.window_behind,
        "pairClause": rules.pair_clause,
        # one entry per group: [the fault phrasings (compiled), the words that excuse them]
        "excuses": [[[compile_phrasing(p) for p in phrasings], [fold(word) for word in words]]
                    for phrasings, words in rules.excuses],
        "excuseReach": rules.excuse_reach, "stuffing": rules.stuffing, "listClause": rules.list_clause,
        "reported": [fold(word) for word in rules.reported], "reportedKinds": list(rules.reported_kinds),
        "quotes": list(rules.quotes), "quoteMax": rules.quote_max,
        "restorers": [compile_phrasing(p) for p in rules.restorers], "restoredKinds": list(rules.restored_kinds),
        "restorerGap": rules.restorer_gap,
        "limits": [compile_phrasing(p) for p in (*rules.limits, *rules.limited_takebacks)],
        "laterRestorers": [compile_phrasing(p) for p in rules.later_restorers],
        "listCovered": rules.list_covered, "listShare": rules.list_share, "listBare": rules.list_bare,
        "bareWord": rules.bare_word,
    }


def certain_outcomes(rules: dict, text: str | None = None) -> list[list[str]]:
    """Each certainty word with each outcome (compiled), in either order: 肯定…退给, 到…卡上…保证. Given the
    reply's folded `text`, only the words in it are paired: thousands of pairs, of which a reply holds a few."""
    pairs = rules["certainOutcomes"]
    certainties, outcomes = pairs["certainties"], pairs["outcomes"]
    if text is not None:
        certainties = [parts for parts in certainties if all(part in text for part in parts)]
        outcomes = [parts for parts in outcomes if all(part in text for part in parts)]
    return [parts for certainty in certainties for outcome in outcomes
            for parts in ([*certainty, *outcome], [*outcome, *certainty])]


def rule_texts(rules: ReplyRules = RULES) -> list[str]:
    """Every word in the rules (the page needs the Traditional characters that fold to them)."""
    return [*rules.negations, *rules.asking_cues, *rules.not_negations, *rules.asking_ends, *(word for slip in rules.slips for word in slip),
            *rules.question_words, *rules.reported, *rules.negations_after, *rules.refusals, *rules.blame,
            *rules.over_promises, *rules.certainties, *rules.outcomes, *rules.conditions, *rules.disclaimers, *rules.favours,
            *rules.waived_checks,
            *rules.takebacks, *rules.restorers, *rules.negations_behind, *rules.limits, *rules.limited_takebacks, *rules.later_restorers,
            *rules.rude, *(word for group in rules.synonyms for word in group),
            *(word for phrasings, words in rules.excuses for word in (*phrasings, *words))]


class _Clause:
    """One clause, folded, with where each folded character came from in the original text."""

    def __init__(self, text: str, start: int, original: Sequence[str], quoted: Sequence[bool] = (),
                 slips: Sequence[Sequence[str]] = ()):
        self.folded = ""
        self.origin: list[int] = []
        for offset, ch in enumerate(text):
            for out in fold(ch):
                self.folded += out
                self.origin.append(start + offset)
        # a slip and what it means are of the same length: positions still map back to the original
        for written, meant in slips:
            self.folded = self.folded.replace(written, meant)
        self.original = original
        self.start, self.end = start, start + len(text)
        # for each folded character: it stands inside quotation marks
        self.quoted = [bool(quoted) and quoted[at] for at in self.origin]

    def words(self, start: int, end: int) -> str:
        """The original text behind folded characters start..end."""
        return "".join(self.original[self.origin[start]:self.origin[end - 1] + 1])

    def whole(self) -> str:
        return "".join(self.original[self.start:self.end]).strip()


def _clauses(text: str, rules: ReplyRules) -> list[_Clause]:
    chars = list(text)
    quoted = _quoted(chars, rules.quotes, rules.quote_max)
    clauses, start = [], 0
    for i, ch in enumerate([*chars, rules.clause_breaks[0]]):
        if ch in rules.clause_breaks:
            if i > start:
                clauses.append(_Clause("".join(chars[start:i]), start, chars, quoted, rules.slips))
            start = i + 1
    return [clause for clause in clauses if clause.folded]


def _quoted(chars: Sequence[str], quotes: Sequence[str], most: int) -> list[bool]:
    """For each character: it stands between an opening quotation mark and its closing one, at most `most`
    characters apart."""
    inside = [False] * len(chars)
    closing = {pair[0]: pair[1] for pair in quotes}
    at = 0
    while at < len(chars):
        close = closing.get(chars[at])
        end = next((j for j in range(at + 1, min(len(chars), at + most + 2)) if chars[j] == close), -1) if close else -1
        if end < 0:
            at += 1
            continue
        for j in range(at + 1, end):
            inside[j] = True
        at = end + 1
    return inside


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
    if any(folded.endswith(word, 0, end) for word in rules["questionWords"]):
        return None
    if any(folded.startswith(cue, end) for cue in rules["negationsAfter"]):
        return start, min(len(folded), end + 2)
    cue_at = end + 1 if folded[end:end + 1] and folded[end] in rules["bridges"] else end
    if _is_negation(folded, cue_at, rules):
        return start, min(len(folded), cue_at + 2)
    return None


def _is_negation(folded: str, at: int, rules: dict) -> bool:
    """A negation cue starts at `at`: not a word that only looks like one (不好意思), nor the middle of a
    question that offers both answers (行不行, 有没有, 方便不方便), nor the end of a question (满意不)."""
    rest = folded[at:]
    cue = next((cue for cue in rules["negations"] if rest.startswith(cue)), None)
    if cue is None or any(_covers(folded, at, word) for word in rules["notNegations"]) or rest in rules["askingEnds"]:
        return False
    return not _asks_both(folded, at, rules)


def _asks_both(folded: str, at: int, rules: dict) -> bool:
    """The negation cue at `at` is the middle of a question that offers both answers: 能不能退, 行不行."""
    cue = next((cue for cue in rules["askingCues"] if folded.startswith(cue, at)), None)
    after = at + len(cue) if cue else at
    return cue is not None and any(at >= size and folded[at - size:at] == folded[after:after + size]
                                   for size in (1, 2))


def _covers(folded: str, at: int, word: str) -> bool:
    """`word` occurs in `folded` over position `at`."""
    return any(folded.startswith(word, at - offset) for offset in range(min(at, len(word) - 1) + 1))


def _excused(before: str, parts: Sequence[str], rules: dict) -> bool:
    """A word paired with the fault phrasing `parts` is in `before` (what precedes it in its clause, and
    the clause before when it opens its own): no fault."""
    return any(list(parts) in excused and any(word in before for word in words)
               for excused, words in rules["excuses"])


# What `_fault_in` finds in a clause: a fault, an honest limit that what follows restores, or a fault phrasing
# the rules weighed and cleared (excused, negated, restored, quoted, reported, conditional, asked both ways).
FAULT, LIMIT, CLEARED = "fault", "limit", "cleared"


def _fault_in(kind: str, patterns: Sequence[Sequence[str]], folded: str, previous: str, crossing: int,
              rules: dict, following: str = "", quoted: Sequence[bool] = (), later: Sequence[str] = ()) -> str:
    """One of the fault phrasings `patterns` of `kind` is in `folded` and is meant: not excused, not the
    customer's words repeated, not taken back by a negation (for the kinds a negation can take back), not
    followed by what the agent does instead (for the kinds that can be restored; `following` is the next
    clause; `later` every clause after it, for the limits). With `crossing`, only a phrasing that spans that
    position counts (it joins two clauses). `quoted` marks the folded characters inside quotation marks: a
    phrasing wholly among them is quoted. FAULT, LIMIT (an honest limit restored later: no fault, but what
    its clause says is not done, so it meets no key point), CLEARED (a phrasing found, none of it meant) or ""."""
    limit = cleared = False
    for parts in patterns:
        # Most phrasings are nowhere in the answer: this test spares _hits a call for each (hundreds an answer).
        if not parts or parts[0] not in folded:
            continue
        for start, end in _hits(parts, folded, rules["gap"]):
            if crossing and not start < crossing < end:
                continue
            cleared = True  # unless it is meant, after all that follows
            # a phrasing asked both ways claims nothing: 行不行, 以后能不能回本
            if any(_asks_both(folded, at, rules) for at in (*range(max(0, start - 2), start + 1), end)):
                continue
            if quoted and all(quoted[start:end]):
                continue
            before = folded[:start]
            if _excused((previous if start <= rules["excuseReach"] else "") + before, parts, rules):
                continue
            if kind in rules["reportedKinds"] and _reported(before, previous, rules):
                continue
            if kind in rules["conditionalKinds"] and any(
                    word in (previous if start <= rules["excuseReach"] else "") + before for word in rules["conditions"]):
                continue
            if kind in rules["negatableKinds"] and (any(
                    _is_negation(folded, at, rules) for at in range(max(0, start - rules["negationWindow"]), start))
                    # 保证不了能免: the certainty itself is denied
                    or _starts_any(folded, start + len(parts[0]), rules["negationsAfter"])
                    or _denied_behind(folded[end:end + rules["windowBehind"]], rules)):
                continue
            if kind in rules["restoredKinds"] and _restored(folded[end:], following, rules):
                continue
            if kind in rules["restoredKinds"] and list(parts) in rules["limits"] and _restored_later(later, rules):
                limit = True
                continue
            return FAULT
    return LIMIT if limit else CLEARED if cleared else ""


def _restored(after: str, following: str, rules: dict) -> bool:
    """What the agent does instead comes after a refusal: later in its clause (`after`) or opening the next
    (any of the agent's own acts will do in its clause: 办不了的我把原因写清楚给您)."""
    gap = rules["restorerGap"]
    return any(_hits(parts, after, gap) or any(start == 0 for start, _ in _hits(parts, following, gap))
               for parts in rules["restorers"]) or any(_hits(parts, after, gap) for parts in rules["laterRestorers"])


def _restored_later(later: Sequence[str], rules: dict) -> bool:
    """The agent says what they will do in some later clause (after an honest limit)."""
    return any(_hits(parts, clause, rules["restorerGap"]) for clause in later for parts in rules["laterRestorers"])


def _denied_behind(behind: str, rules: dict) -> bool:
    """What follows a favour or an over-promise in its clause denies it (礼品我们这里不能送的); 没有问题 denies nothing."""
    return any(word in behind.replace("没有问题", "") for word in rules["negationsBehind"])


def _starts_any(text: str, at: int, words: Sequence[str]) -> bool:
    return any(text.startswith(word, at) for word in words)


def _reported(before: str, previous: str, rules: dict) -> bool:
    """What follows `before` in its clause repeats the customer's words."""
    return any(word in before or previous.endswith(word) for word in rules["reported"])


def grade_folded(text: str, keypoints: Sequence[tuple[str, Sequence[Sequence[str]]]],
                 taboo: Sequence[tuple[str, str, Sequence[str]]], rules: dict,
                 avoid: Sequence[Sequence[str]] = ()) -> dict:
    """The verdict on `text`, from compiled key points (label, [parts of each phrasing]), folded taboo
    entries (id, text, patterns), `browser_rules()` and the question's own phrasings to avoid (compiled):
    exactly what quiz/types/reply.js computes."""
    breaks = ReplyRules(clause_breaks=rules["clauseBreaks"], quotes=tuple(rules["quotes"]), quote_max=rules["quoteMax"],
                        slips=tuple(tuple(slip) for slip in rules["slips"]))
    clauses = _clauses(text, breaks)
    folded = [clause.folded for clause in clauses]
    faults = []
    faulty = set()  # clauses that refuse, blame, over-promise, or name a limit: what they say meets no key point
    cleared = set()  # clauses with a fault phrasing the rules judged not meant: the sentence model defers to them
    for kind, patterns in [*rules["faults"], ["avoid", avoid]]:
        if kind == rules["certainOutcomes"]["kind"]:
            patterns = [*patterns, *certain_outcomes(rules, "".join(folded))]
        found = set()
        for c, clause in enumerate(clauses):
            previous = clauses[c - 1].folded if c else ""
            following = clauses[c + 1].folded if c + 1 < len(clauses) else ""
            finding = _fault_in(kind, patterns, clause.folded, previous, 0, rules, following, clause.quoted,
                                folded[c + 1:])
            if finding == FAULT:
                faults.append({"kind": kind, "words": clause.whole()})
                found.add(c)
            elif finding == LIMIT:
                faulty.add(c)
            elif finding == CLEARED:
                cleared.add(c)
        if kind in rules["pairedKinds"]:
            for c in range(1, len(clauses)):
                first, second = clauses[c - 1], clauses[c]
                if c in found or c - 1 in found or min(len(first.folded), len(second.folded)) > rules["pairClause"]:
                    continue
                previous = clauses[c - 2].folded if c > 1 else ""
                following = clauses[c + 1].folded if c + 1 < len(clauses) else ""
                if _fault_in(kind, patterns, first.folded + second.folded, previous, len(first.folded), rules, following,
                             first.quoted + second.quoted, folded[c + 1:]) == FAULT:
                    words = "".join(first.original[first.start:second.end]).strip()
                    faults.append({"kind": kind, "words": words})
                    found.update((c - 1, c))
        faulty |= found
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
        spans = [span for pattern in patterns if pattern for span in _hits([pattern], whole, 0)
                 if not _reported_at(clauses, origin, span[0], rules)
                 and not all(clauses[c].quoted[i] for c, i in origin[span[0]:span[1]])]
        if spans:
            start, end = min(spans)
            (c0, i0), (c1, i1) = origin[start], origin[end - 1]
            words = "".join(clauses[c0].original[clauses[c0].origin[i0]:clauses[c1].origin[i1] + 1])
            faults.append({"kind": "taboo", "words": words, "taboo": taboo_id})
    faults.extend(_model_faults(clauses, faulty | cleared, faults, rules))
    size = len(whole)
    key_words = sum(len(c) for c in covered)
    short = sum(len(clause.folded) <= rules["listClause"] for clause in clauses)
    bare = sum(len(clause.folded) <= rules["bareWord"] and len(covered[c]) == len(clause.folded) > 0
               for c, clause in enumerate(clauses))
    listed = short >= 3 and key_words >= rules["listCovered"] * size and (
        short == len(clauses) or (short >= rules["listShare"] * len(clauses) and bare >= rules["listBare"]))
    if size and (key_words >= rules["stuffing"] * size or listed):
        faults.append({"kind": "stuffed", "words": ""})
    return {"correct": all(p["met"] for p in points) and not faults, "points": points, "faults": faults}


def _sentences(clauses: Sequence[_Clause], rules: dict) -> list[list[int]]:
    """The clauses of each sentence, by index: up to one that a sentence break (or the end) closes."""
    sentences, current = [], []
    for c, clause in enumerate(clauses):
        current.append(c)
        closing = clause.original[clause.end] if clause.end < len(clause.original) else ""
        if not closing or closing in rules["sentenceBreaks"]:
            sentences.append(current)
            current = []
    return [*sentences, current] if current else sentences


def sentence_texts(text: str, rules: dict) -> list[tuple[str, str]]:
    """(folded, as written) of each sentence of `text`, its quoted words left out of the folded text: what
    the sentence model reads."""
    breaks = ReplyRules(clause_breaks=rules["clauseBreaks"], quotes=tuple(rules["quotes"]), quote_max=rules["quoteMax"],
                        slips=tuple(tuple(slip) for slip in rules["slips"]))
    clauses = _clauses(text, breaks)
    return [(_sentence_folded(clauses, sentence), _sentence_words(clauses, sentence))
            for sentence in _sentences(clauses, rules)]


def _sentence_folded(clauses: Sequence[_Clause], sentence: Sequence[int]) -> str:
    return "".join(ch for c in sentence for ch, quoted in zip(clauses[c].folded, clauses[c].quoted) if not quoted)


def _sentence_words(clauses: Sequence[_Clause], sentence: Sequence[int]) -> str:
    first, last = clauses[sentence[0]], clauses[sentence[-1]]
    return "".join(first.original[first.start:last.end]).strip()


def _model_faults(clauses: Sequence[_Clause], weighed: set[int], faults: Sequence[dict], rules: dict) -> list[dict]:
    """What the sentence model reads in the sentences the rules left alone (none of their clauses `weighed`:
    found faulty, limited or cleared by a rule; none holding a fault already quoted): a fault of the kind it
    names, marked as the model's."""
    model = rules.get("model")
    if not model:
        return []
    found = []
    for sentence in _sentences(clauses, rules):
        if any(c in weighed for c in sentence):
            continue
        words = _sentence_words(clauses, sentence)
        if any(fault["words"] and (fault["words"] in words or words in fault["words"]) for fault in faults):
            continue
        folded = _sentence_folded(clauses, sentence)
        kind = suspected_kind(folded, model) if folded else None
        if kind:
            found.append({"kind": kind, "words": words, "by": "model"})
    return found


def _reported_at(clauses: Sequence[_Clause], origin: Sequence[tuple[int, int]], at: int, rules: dict) -> bool:
    """The folded character `at` of the whole reply is in words repeated from the customer."""
    c, i = origin[at]
    return _reported(clauses[c].folded[:i], clauses[c - 1].folded if c else "", rules)


def compile_keypoints(keypoints, rules: ReplyRules = RULES) -> list[tuple[str, list[list[str]]]]:
    """(label, [parts of each phrasing]) of each key point, synonyms expanded, as the browser receives them."""
    return [(point.label, expand_synonyms(compile_phrasings(point.any), rules)) for point in keypoints]


def _synonym_table(rules: ReplyRules) -> dict[tuple[str, ...], list[list[str]]]:
    """Each group member (its folded parts) → the parts of every member of its group."""
    table: dict[tuple[str, ...], list[list[str]]] = {}
    for group in rules.synonyms:
        members = [compile_phrasing(word) for word in group]
        for member in members:
            table[tuple(member)] = members
    return table


@cache
def _course_synonym_table() -> dict[tuple[str, ...], list[list[str]]]:
    return _synonym_table(RULES)


def expand_synonyms(phrasings: Sequence[Sequence[str]], rules: ReplyRules = RULES) -> list[list[str]]:
    """The phrasings, then what their synonyms add: a whole phrasing, or one part of it, that is a member
    of a group is also written as each other member (请…主管 → 请…领导). Order kept, no repeats."""
    table = _course_synonym_table() if rules is RULES else _synonym_table(rules)
    out: list[list[str]] = []
    seen: set[tuple[str, ...]] = set()

    def add(parts: Sequence[str]) -> None:
        if tuple(parts) not in seen:
            seen.add(tuple(parts))
            out.append(list(parts))

    for parts in phrasings:
        add(parts)
    for parts in phrasings:
        for member in table.get(tuple(parts), []):
            add(member)
        choices = [table.get((part,), [[part]]) for part in parts]
        for combination in product(*choices):
            add([piece for member in combination for piece in member])
    return out


def compile_taboo(taboo: Sequence[tuple[str, str, Sequence[str]]]) -> list[tuple[str, str, list[str]]]:
    return [(tid, text, sorted({fold(p) for p in found} - {""})) for tid, text, found in taboo]


def grade(text: str, keypoints, taboo: Sequence[tuple[str, str, Sequence[str]]], avoid: Sequence[str] = ()) -> dict:
    """The verdict on `text` for a question's key points and phrasings to avoid, and the library's taboo list
    (id, text, patterns)."""
    return grade_folded(text, compile_keypoints(keypoints), compile_taboo(taboo), browser_rules(),
                        compile_phrasings(avoid))


def compile_phrasings(phrasings: Sequence[str]) -> list[list[str]]:
    return [parts for parts in (compile_phrasing(p) for p in phrasings) if parts]
