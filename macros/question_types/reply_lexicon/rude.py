"""Rude: wordings a trainer always faults as talking down to the customer (lexicon-rude, issue #19).

Each list is appended to the ReplyRules field of the same name. Text is folded first (您→你, no spaces or
punctuation, lower case), so English is written run together: "calmdown", "bigdeal".
"""

# The complaint made small by a rhetorical question about its size: 至于这么大火气吗, 这点钱还值得您跑一趟？
# (not 不至于: 不至于影响征信 reassures; 至于 alone also opens a topic: 至于手续费，我马上查)
SMALL_SUMS = ("这点小钱", "点小钱", "这点钱", "那几块钱", "那几十块", "才几块", "才几十块", "才十几块", "才二十块",
              "才三十块", "才五十块", "才一百块")
MADE_SMALL = (
    "至于这么", "至于嘛", "至于吧", "至于么", "你至于", "还值得你", "值得你跑", "不值得你", "跑一趟不值得", "不值得上升",
    "根本不值得", "上升到投诉", "天塌", "bigdeal", "小case", "不是什么大事", "没什么好说",
    "又不是没了", "又不是只有", "又跑不脱", "跑不脱", "别纠结", *SMALL_SUMS)

# The customer's wits, eyes, ears or reading mocked: 您怎么还听不懂呢, 这点常识您都没有吗, 耳朵不好使就让家里人陪着来.
MOCKED_WITS = (
    "还听不懂", "还没听懂", "还没听明白", "怎么还听不", "怎么还不懂", "常识都", "常识…都没有",
    "常识…都不", "学习一下…常识", "学习…基本", "不认识的话", "字都不认识", "认不到字", "叫个会的人", "叫个懂的",
    "耳朵不好", "耳朵背", "眼睛不好使", "这么简单都", "这都要问", "这也要问", "这都不知道",
    "这也不知道", "想复杂了", "太敏感", "瞎担心", "瞎操心", "瞎想", "爱多想", "你们老年人", "老年人就是",
    "你们老人", "比你更清楚", "比你想的专业", "比你懂", "听我的就行", "听我的就是", "你不是special", "specialcase",
    "everybody都")

# The customer's manner rebuked or mocked: 你莫激动嘛，吼啥子吼, 我跟你说话客气点你还来劲了, 少跟我装.
MANNER_REBUKED = (
    "莫激动", "吼啥", "吼什么", "凶什么", "凶啥", "跟我凶", "对我凶", "还来劲", "来劲了", "客气点你", "少跟我装",
    "跟我装", "还有理了", "不是菜市场", "菜市场", "请你注意点", "你注意点", "出去闹", "要闹就",
    "别影响我们", "别打断我", "就没意思了", "没意思了哈", "你厉害", "就你急", "就你特殊", "哪个不排", "谁不排",
    "淡定淡定", "calmdown", "你又来了哈", "你又来了啊", "你怎么又来了", "上回不是说过", "不是说过了", "不是跟你说过", "不是在跟你解释",
    *(f"跟我{heat}有什么用" for heat in ("凶", "急", "吵", "嚷", "喊", "发火", "闹")),
    *(f"跟我{heat}…有什么用" for heat in ("凶", "急", "吵", "嚷", "喊", "发火", "闹")),
    *(f"{heat}啥子" for heat in ("着", "急", "吼", "吵", "闹")))

# The agent's own load or lowly job put before the customer: 我也是打工的, 我们一天接几百个电话, 谁有工夫专门盯您一个人.
OWN_LOAD = (
    "我也是打工的", "我就是个打工的", "一天接…个电话", "一天…几百个", "一天…几十个",
    "一天…上百个", "都忙不过来", "就不能体谅", "你体谅一下我们", "谁有工夫", "谁有空…你一个", "盯你一个人",
    "专门盯你", "没兴趣")

# Told to go and complain elsewhere, or take the business away: 随便你去哪里投, 那您请便, 可以不在我们行办.
GO_AHEAD = (
    "随便你去", "随便你投", "投诉就投诉", "你请便", "那你请便", "请便", "可以不在我们", "可以去别的银行", "去别家吧", "爱去哪", "你说怎么办就怎么办",
    # the customer's view declared beside the point: 您满不满意对处理结果没有影响
    "满不满意…没有影响", "满不满意…没影响", "满不满意…一样", "规定就这样", "能不能说重点", "能不能讲重点",
    "能不能说快点", "能不能快点说",
    # whether they do it is their business (还不还是你的事): an either-or question the grader otherwise skips
    *(f"{verb}不{verb}…是你的事" for verb in ("还", "办", "信", "投", "听", "买", "来", "存", "取", "要")))

# Added after G's transfer figure was taken (from G's misses, each widened to its class):
# "What is there to X about": 有什么好急的, 这有什么好问的; everyone waits, so the customer is no one special.
NOTHING_TO_IT = (
    *(f"有{what}好{verb}的" for what in ("什么", "啥") for verb in
      ("急", "问", "说", "吵", "闹", "气", "担心", "计较", "生气", "哭", "投诉", "纠结", "着急", "怕")),
    "都要计较", "也要计较", "计较啊", "不是就你一个", "又不是就你", "不是只有你", "不止你一个", "谁不是在等",
    "谁不是…等", "谁家不是", "都是成年人", "成年人了", "这么大人了", "这么大岁数了还", "认呗", "就认了吧",
    "不够呗", "也是少见", "都能上当", "也能上当", "没见过真", "会在乎", "在乎你这",
    "起茧", "有完没完", "你这脾气", "满城风雨", "说了你也", "按我说的办就行", "年纪大了记不住",
    "我不怪你")
# Threats and orders: 否则我这边将结束会话, 骂的我都录着呢, 带这位先生出去冷静冷静, 媒体爱找就找，我们不怕.
THREATS = (
    "文明用语", "结束会话", "录着呢", "出去冷静", "冷静冷静", "冷静点", "我们不怕", "冲我发", "发什么火",
    *(f"爱{verb}就{verb}" for verb in ("找", "投", "告", "去", "说", "闹", "办", "信", "曝光")))

rude = [*NOTHING_TO_IT, *THREATS, *MADE_SMALL, *MOCKED_WITS, *MANNER_REBUKED, *OWN_LOAD, *GO_AHEAD]

# Round eight: the customer pressed, mocked or told off (您到底想要什么？ 您以为银行是您家开的啊？ 您先搞清楚再来投诉好吗？
# 您能不能别一句话说八遍？ 养老金晚两天又饿不着, 跟您说话真费劲, 别拿我们撒气).
PRESSED = ("你到底办不办", "你到底想要", "你到底想怎样", "你到底想怎么样", "你还想怎样", "你还想怎么样", "还要怎样",
           "还要怎么样")
TOLD_OFF = ("你以为…是你家", "你先搞清楚", "搞清楚再来", "别一句话说", "你能不能别", "你说话能不能", "说话客气点",
            "大惊小怪", "想多了", "你想多啦", "又不是不到", "又饿不着", "有意思吗", "不差你这", "随便你", "爱咋咋",
            "真费劲", "说话…费劲", "伺候你", "撒气", "上纲上线")
rude += [*PRESSED, *TOLD_OFF]
