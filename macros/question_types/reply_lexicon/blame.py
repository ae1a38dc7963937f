"""Blame patterns proposed for ReplyRules.blame (issue #19), appended to the module's list.

Each group is one stance a trainer always faults: the customer made the one at fault for what happened.
Text is folded first (您→你, lower case, no spaces), so every pattern is written with 你.
"""

# What the customer got wrong, named as their own doing: 您自己转错了账, 还不是你密码输错了, 那是您输错了三次.
SLIPS = ("转错", "输错", "填错", "按错", "点错", "打错", "插反", "弄错", "记错", "选错")
OWN_SLIPS = (*(f"你自己{slip}" for slip in SLIPS), *(f"还不是你…{slip}" for slip in SLIPS),
             *(f"那是你…{slip}" for slip in SLIPS), *(f"你自己…{slip}" for slip in SLIPS))
# What the customer did, said as theirs against them: 你自己借的钱, 那是你自己当初留的电话, 是你自己电话老不接.
OWN_DEEDS = (*(f"你自己{deed}的" for deed in ("借", "转", "买", "签", "留", "点", "填", "输", "选", "要")),
             "你自己当初", "是你自己…不接", "是你自己…老", "你自己想想", "你自己应当", "你自己应该清楚",
             "自己反思", "你得自己负责", "你自己负责", "得自己负责")
# Hindsight told in one clause (the module's HINDSIGHT_IFS need their consequence in the same clause):
# 其实只要您当时多问一句就不会这样了, 要是您按时还款，哪来这些违约金, 您当时要是看清楚说明书.
HINDSIGHT_DEEDS = ("看清", "看一眼", "看仔细", "多问", "问一句", "问清", "听", "注意", "留意", "留个心眼", "仔细",
                   "按时", "及时", "早点", "不借", "不买", "不点", "不转", "不信")
HINDSIGHT = (*(f"{when}…{deed}" for when in ("当时要是", "你要是", "要是你", "只要你", "你只要", "只要当时")
               for deed in HINDSIGHT_DEEDS),
             "只要你当时", "你只要当时", "要是你…哪来", "你要是…哪来", "就根本不会", "也不至于现在", "多问一句就",
             "留个心眼", "ifyouhad", "之前你就应该", "你就应该…的")
# The customer taken for gullible: 骗子的话您也信, 您还信那种电话, 叫您转您就转, 警惕性也太低了.
GULLIBLE = ("你也信", "你还信", "你怎么还信", "你怎么也信", "你就信", "叫你…你就", "喊你…你就", "让你…你就",
            "哪个喊你", "警惕性…低", "防范意识…差", "防范意识…低")
# The customer told to be careful next time, as a reproach: 您下次可得注意了, 下回您记住了, 可不敢这么马虎了.
NEXT_TIME = ("下次你可得", "下回你可得", "你下次可得", "你下回可得", "可得注意了", "下回你记住", "下次你记住",
             "可不敢这么", "这么马虎", "太马虎", "可不敢…马虎", "别再把…随便", "别再让我们")
# The customer told they were warned or should have seen it: 我们大厅贴着告示呢, 我说了要带户口本，您没带嘛,
# 您买之前我提醒过, 每一个来办业务的都应该看到, 风险提示…应该看过的.
WARNED = ("贴着…呢", "贴着告示", "贴着公告", "贴在墙上", "都应该看到", "你没看一眼", "没看一眼吧", "我提醒过",
          "我说了要", "你没带嘛", "你说没关系", "应该看过的", "应该看过吧", "视为知悉", "写得很清楚的",
          "没看…就走", "没看清…就", "没看…提示", "不当场点", "再回来说")
# Responsibility placed on the customer or kept off the bank: 责任在您, 怪不到银行, 也不能怨我们, 这才导致了后续损失.
ON_CUSTOMER = ("责任在你", "未尽到", "基本义务", "是你的义务", "这才导致", "未按要求", "怪不到", "怨不得", "怨我们",
               "怪不得我们", "不能全算", "不能全怪", "yourside", "notour", "你都不知道",
               "拦都拦不住", "又来找我", "跟着你忙活", "不了解就别", "你不会用", "人家客户都", "当然被吞",
               "让我们怎么帮", "都能让人知道")

blame = [*OWN_SLIPS, *OWN_DEEDS, *HINDSIGHT, *GULLIBLE, *NEXT_TIME, *WARNED, *ON_CUSTOMER]

# Added after G's figures were taken (blind batch G's misses, generalised):
# the bad outcome called the natural result of the customer's doing: 卡插反了机器当然吞, 您没预约今天当然取不了.
OF_COURSE = ("当然吞", "当然被", "当然…不了", "当然要等", "肯定会出问题", "那肯定会出", "不下来也正常",
             "批不了也正常", "谁敢给你")
# the slip or the deed pinned on the customer or their family: 是您儿子填错了卡号, 是因为您把卡借给别人用了.
PINNED = (*(f"是你…{slip}" for slip in SLIPS), "是因为你把", "是你自己在", "你自己在…点", "自己留下的", "你保管不好",
          "首先是你", "是你没听", "没听仔细", "才办错", "你操作太快", "是你手机没", "是你…没开",
          "问你自己", "当时为什么不", "当时怎么不", "你这么大年纪了")
# warned before, or told what they should have checked: 当时我就劝过你, 您开卡时没看吧, 您点之前应该先核实一下.
SHOULD_HAVE = ("劝过你", "没看吧", "没看到吧", "之前应该先", "你应该仔细", "应该仔细看", "还会信",
               "怎么会信", "你下次看清", "下次看清楚再", "我都讲过了", "你当时要是")
blame += [*OF_COURSE, *PINNED, *SHOULD_HAVE]
# Round eight: a rhetorical reproach aimed at the customer (您怎么又忘了？ 您平时不看的吗？ 短信发了三条，您一条都没看？
# 这怎么能怪柜台呢？ 您当时干嘛去了呢？), not 您有没有收到 or 您是不是没收到 (asking).
REPROACHES = (
    "你怎么又", "你怎么还不", "你怎么还没", "你怎么不", "你怎么没", "你怎么就不", "你怎么连",
    "你…平时不", "你…一…都没看", "你…都不…就", "你也不…一下", "你也不…一句",
    "你当时干嘛", "你那会儿干嘛", "你干嘛去了", "你干什么去了",
    "怎么能怪我们", "怎么能怪柜台", "怎么能怪银行", "怎么能怪…呢", "能怪谁", "还能怪",
    "你应该先", "你…之前应该")
blame += [*REPROACHES]
# Round eight (corpus J): the fault put on the customer in formal words (系贵客户本人操作不慎所致, 理应由您本人承担,
# 本可避免, 未予重视，故不能归咎于我行) or plainly (你偏要去插, 您老记不住, 源头在您那边, 这总不能算我们头上吧),
# and the fault kept off the bank or staff (可不能怪APP, 办不成不能怪柜员); not 这不能怪您.
FORMAL_BLAME = ("操作不慎", "理应由你", "你…理应", "本可避免", "未予重视", "归咎于")
PLAIN_BLAME = ("你偏要", "你非要", "你非挑", "你老记不住", "源头在你", "源头…在他", "源头…在她", "算我们头上", "算在我们头上",
               "还不是你", "你自个儿忘", "你自个儿没", "保管不好", "是你操作的问题", "你操作的问题")
KEPT_OFF = ("不能怪柜", "不能怪银行", "不能怪我们", "不能怪app", "可不能怪", "怪不到我们")
blame += [*FORMAL_BLAME, *PLAIN_BLAME, *KEPT_OFF]
