"""Over-promise phrasings for the 情景应答题 grader (issue #19), appended to ReplyRules fields.

Tuned on faults_E/F (over-promise family and every clean list); see the report for figures.
"""

# Times a result is dated to (今天…就, 下个月…就).
WHEN_THEN = ("今天", "明天", "后天", "今晚", "晚上", "下午", "上午", "下周", "下个月", "明早", "一早")

# --- certainty said in other words; each joins every outcome (ReplyRules.certainties × outcomes) ---
certainties = [
    # a personal pledge on an outcome: 吞的卡明天一早就给你拿回来，包在我身上; 钱就到您手上，说话算话
    "包在我身上", "说话算话", "我说了算", "没有例外", "基本都会", "最终都会", "definitely",
    # all of it, whatever the check finds: 明早八点前全部到账; 能全数要回来
    "全部", "全额", "全数", "100%", "一分不差",
    # once X, the outcome follows at once: 公安一冻结就能全部追回来, 一申诉就撤了
    "一…就",
    # a set time, then 就回 (not 我今天就提交, which the agent does, nor a checked 五点前就能到对方账上): 今天晚上就回到您账户
    *(f"{when}…就回" for when in (*WHEN_THEN, "马上")),
]

# --- outcomes nobody has decided yet (joined with every certainty above and the module's own) ---
outcomes = [
    # money, cards and records coming back or cleared: 一定给您解开, 我保证给您改过来, 下午就能还给你
    "解开", "放下来", "消掉", "消了", "改过来", "降下来", "还给你", "拿回来", "追回来", "找回来", "领走",
    "回到你", "显示正常", "干净了", "就退", "会退", "全免", "同意", "赔", "减一半", "减半",
    # a decision or result only others can give: 最终结果一定是支持您的; 那个柜员肯定要被处分; 肯定能跑赢大盘
    "支持你", "处分", "跑赢", "不用排队", "让你满意", "满意结果", "送回", "补到", "改回来", "冲正", "原路返回", "批到",
    # the same said in English by bilingual staff: 明天上午一定resolve掉; 马上给您reverse
    "resolve", "refund", "reverse", "win", "waive",
]

over_promises = [
    # a pledge on its own, with no outcome named: 我跟您打包票 (not 我没法替公安打包票; 不敢跟您打包票 is negated)
    "跟你打包票", "给你打包票", "我打包票", "包在我身上", "给你搞定",
    # money handed back at once, before any check: 年费马上就退 (not 确实是我们扣错了。我马上给您退回原账户)
    *(f"马上就{back}" for back in ("退", "赔", "免")),
    # a decision that is not ours, dated: 贷款下周就批下来, 征信下个月就能消掉, 吞的卡下午就能还给你
    *(f"{when}…就{can}{result}" for when in WHEN_THEN for can in ("", "能")
      for result in ("批", "干净", "显示正常", "解冻", "解开", "消", "还给你", "领", "补到")),
    # an outcome called settled: approval基本稳了, 钱丢不了, 本息一分都少不了, 一对账就自动回来
    "稳了", "丢不了", "一分都少不了", "都少不了", "少不了你", "跑不掉", "自动回来", "自动到账", "前准到", "准批", "准解", "稳过", "保证不会再",
    "不会有问题", "不存在任何问题", "负全责", "等着拿", "前一定到", *(f"{money}…{when}到" for money in ("钱", "款") for when in ("上午", "下午")), "上午到账", "下午到账", "给你赔上",
    # the rate's future called known: 贷款利率明年只会降不会升
    "只会降", "只会涨", "只涨不跌",
    # an investment called safe: 本金绝对安全, 从来没亏过
    "绝对安全", "本金…安全", "都能追回", "没亏过", "从来没亏", "准时发",
    # the fault settled before any check: 肯定就是商户那边的错, 就是我行的差错, 您不用看了, 完全符合
    "肯定就是", "一定就是", "全额认", "错在银行", "是系统误判",
    *(f"肯定是…{error}" for error in ("算错", "故障", "误判")), "不用看了", "完全符合", "认定为银行责任",
    *(f"就是{who}…{error}" for who in ("我们", "我行", "银行") for error in ("错", "差错", "失误")),
    "mistake",
]

# Round eight (corpora I and J): pledges in other words (俺拍胸脯跟你说, 我行承诺…, 本周内必将给予, 处理结果保管让你满意,
# 您信我，两天就到) and outcomes they join (征信上绝对干干净净, 监控一调出来就是您的, 肯定批得下来, 今晚就全好了, 本金全额补足);
# a result tied to one step (我一申请就能免, 公安一止付基本就全回来了, 分期办了之后系统会自动消掉), and a fault admitted
# on a guess (应该是我们扣错了).
certainties += ["拍胸脯", "必将", "我行承诺", "我承诺", "保管", "绝不", "你信我"]
outcomes += ["干干净净", "退回来", "全回来", "都回来", "自己就回来", "能消", "能免", "解除限制", "满意的结果", "好结果",
             "满意的赔偿", "补足", "补入", "批得下来", "全好了", "不会再次发生", "不会有第二次", "就到", "准到", "就是你的"]
over_promises += ["一申请就能", "一提交…准", "一止付…回来", "自动消掉", "再也打不进", "应该是我们…错"]
