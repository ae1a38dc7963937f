"""Refusal patterns proposed by helper lexicon-refusal: each name below is a ReplyRules field, its list is appended
to that field. Text is folded before matching (您→你, Traditional→Simplified, Latin letters lower-cased)."""

# The customer told to come back on another named day, with nothing done now: 今天系统关了，要办明天再来吧;
# 月底您再过来看; 那个事情下周再说嘛; 您半年后再申请吧; 您改天来找我们主任 (a lone 来找我 would restore it);
# 您下个月找他. Not 您明天来取卡就行: a bare 再来 without 吧/看/问 is no refusal.
LATER_DAYS = ("明天", "明早", "明儿", "明日", "后天", "下周", "下礼拜", "下星期", "下个月", "下月", "月底", "月初",
              "择日", "改天", "改日", "过两天", "过几天", "半年后", "几个月后", "换个时间")
COME_AGAIN = ("来吧", "来嘛", "来看看", "来看", "来问", "来办吧", "过来看", "过来吧", "过来问", "说吧", "说嘛", "申请吧",
              "进线")
SENT_TO_LATER = tuple(f"{day}…{come}" for day in LATER_DAYS
                      for come in (*(f"再{again}" for again in COME_AGAIN), "来找", "找他", "找她"))
# Put off to someone's return or another session: 等行长回来再说吧, 您换个时间再进线试试, 我这边先结束会话了.
PUT_OFF = ("回来再说", "换个时间再", "再进线", "结束会话")

# Nothing will come of what the agent is doing, said while doing it: 回电估计也没什么结果, log一个ticket一般没什么用,
# 填了也白填, 问了也是白问, 查出来也改变不了什么, 转人工也是一样的答复.
HEDGES = ("也", "估计", "一般", "反正", "多半", "大概率")
NULL_RESULTS = ("没什么结果", "没啥结果", "没得结果", "没有什么结果", "不会有什么结果", "没什么用", "没啥用", "没得用")
FUTILE_HEDGED = (*(f"{hedge}…{null}" for hedge in HEDGES for null in NULL_RESULTS), "了也白", "了也是白",
                 "也改变不了", "改变不了什么", "一样的答复", "一样的回复", "同样的答复", "同样的回复")

# Not the agent's (or this desk's) business, said as the end of it: 这不是我负责的业务范围, 不属于本柜台受理范围,
# 本岗位不具备处理条件, 我们网点不管信用卡, 那是上面的事, 回访我们没这个安排, 亏损的部分我们是不会承担的.
# Also `limits`: 误工费不在我的权限范围内，我需要向主管请示 is an honest limit followed by what the agent does.
NOT_MY_REMIT = ("不是我负责", "不是我经手", "不是我管的", "不在我的", "不在我们的", "不属于…受理", "不在…受理范围",
                "不属于…业务范围", "不属于…职责", "不属于我", "无权处理", "无权…处理", "无权受理", "不具备…条件",
                "只负责受理", "只负责登记", "只管受理", "都做不了", "scope", "超出…范围", "不是受理", "说了也不算",
                *(f"{desk}不管" for desk in ("网点", "柜台", "支行", "这边", "我们这")),
                *(f"是{who}的事" for who in ("上面", "领导", "后台", "总行", "他们", "那边", "别人")),
                "没这个安排", "没有这个安排", "没这项服务", "没有这项服务", "不会承担", "不予承担")
# What cannot be done, in words `CANNOT` did not have: 我们解不了, 今天系统搞不了, team handle不了, 银行这边做不了什么,
# 客服看不到呢. Also `limits`, so what the agent then does restores them. (Not 答复不了: 我现在答复不了，…周三前给您回话
# is honest and no later restorer names 周三前.)
MORE_CANNOT = ("解不了", "搞不了", "handle不了", "处理不来", "无法处理", "无法受理", "无法办理", "做不了什么", "做不了啥",
               "帮不了什么", "这儿看不到", "这边看不到", "这里看不到", "客服看不到")

# The customer pointed to a named other party: 请联系收款行, 建议您到线下网点咨询, 您自己去派出所. Only verbs no 帮/陪/给
# can precede: 我来帮您联系信用卡中心, 我陪您去派出所, 我给您打过去问 contain 你联系, 你去, 你打.
OTHER_PARTIES = ("发卡行", "收款行", "对方银行", "商户", "收款人", "派出所", "公安", "总行", "分行", "信用卡中心",
                 "线下网点", "其他网点", "别的网点", "大堂", "当时给你办")
POINTED_TO = tuple(f"{go}{party}" for go in ("请联系", "建议你到", "建议你去", "你自己去", "你自己找", "你自己联系")
                   for party in OTHER_PARTIES)
# Sent elsewhere or left to do it alone, in more wordings: 请您自行向监管部门反映, 请您另行咨询, 您寄到总部去,
# 您去派出所问吧, 这事儿你得找信用卡中心, 您得自己去查询渠道查, 你找当时给你办的那个, 您打另外一个hotline吧,
# and made to start again: 麻烦从头再说一遍.
ELSEWHERE_MORE = (*POINTED_TO, "请你自行", "请自行", "自行向", "另行咨询", "另行联系", "另行办理", "你寄到", "去…问吧",
                  "你找…问问", "你得找", "你得自己", "你找当时", "你打另外", "打另一个", "另外一个hotline",
                  "麻烦从头", "麻烦…再说一遍", "麻烦…再讲一遍")

# Talk closed on the customer: 其他就没什么可说的了, 别的我也不多说了, 原因不对外说, 您别问了, 你说的那些我不听,
# 先挂了吧，你想好了再打回来. Not a bare 没啥好说的: 这是俺的错，没啥好说的 admits a fault.
TALK_CLOSED = (*(f"{other}…{nothing}" for other in ("其他", "别的", "其余")
                 for nothing in ("没什么可说", "没什么好说", "没啥可说", "没啥好说", "不多说")),
               "不想多说", "无可奉告", "不对外说", "不对外透露", "不对外公开", "你别问了", "就别问了", "不方便说",
               "我不听", "不想听", "先挂了吧", "想好了再打", "想清楚了再打", "想好再打")

# No other way, with words in between: 没有什么别的办法, 别的option也没有.
NO_OTHER_WAY = ("没有…别的办法", "没什么别的办法", "没啥别的办法", "别的…也没有")

# The customer made to tell it again, counted in times: 转过去您可能还得再说一次.
RETOLD_AGAIN = tuple(f"{must}…再{say}{times}" for must in ("还得", "还要", "又得", "又要")
                     for say in ("说", "讲") for times in ("一次", "一下"))

refusals = [*SENT_TO_LATER, *PUT_OFF, *FUTILE_HEDGED, *NOT_MY_REMIT, *MORE_CANNOT, *ELSEWHERE_MORE, *TALK_CLOSED,
            *NO_OTHER_WAY, *RETOLD_AGAIN]
# A limit stated honestly stays restorable by what the agent then does later in the reply.
limits = [*MORE_CANNOT, *NO_OTHER_WAY, *NOT_MY_REMIT]

# Round eight: closed in formal words (请勿重复来函, 请贵客户自行前往, 我行无法介入), sent off to another day or
# person (你明儿再来, 回去叫你家娃来说, 您找手机售后, 要不您问问律师), told it will come to nothing (您打多少次都一样,
# 估计也不会有下文, 处理不处理得看上面), or left on the line (我先挂了啊, 我这边还有别的客户在等).
CLOSED_FORMALLY = ("请勿重复", "无需再作解释", "不再作解释", "自行前往", "直接与其联系", "无法介入", "不予介入")
SENT_AWAY = ("你明儿再来", "你明天再来", "明儿再来吧", "叫你家…来说", "找…售后", "打热线排队", "问问律师", "问问别人吧",
             "前往就近网点", "打客服电话去", "你找客服", "打客服电话吧", "寄过来吧", "你另外咨询", "另外咨询吧")
NOTHING_WILL_COME = ("跟你讲了没用", "上头定的", "该怎么处理还怎么处理", "打几遍…也一样", "打多少次…都一样",
                     "得看上面", "没得商量", "再观察观察", "别问我了", "不做回电", "不会有下文", "不帮你登记")
LEFT_ON_THE_LINE = ("我先挂了", "还有别的客户在等", "别的客户还在等")
refusals += [*CLOSED_FORMALLY, *SENT_AWAY, *NOTHING_WILL_COME, *LEFT_ON_THE_LINE]
