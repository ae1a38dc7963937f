"""Favours outside policy (issue #19, lexicon-favour): wordings from blind corpora E and F, appended to ReplyRules.favours."""

# Someone signs, answers or acts in the customer's place, or the customer for an absent holder:
# 我帮您代签一下就行, 您拿着他身份证替他把钱取了也行, 我帮他按个手印当签字.
STAND_IN_SIGNATURES = ["代签一下", "帮你代签", "给你代签", "我代签", "帮你签", "替他签", "替她签", "帮他按", "帮她按", "帮你按", "按个手印", "让家里人签",
                       "让…签…就行", "让…签个字就行", "签个字就行了", "帮你填了", "帮你…填了"]
STAND_IN_ACTS = [*(f"{verb}{holder}{what}" for verb in ("你替", "你帮") for holder in ("他", "她") for what in ("把钱", "取")),
                 *(f"替{holder}{what}" for holder in ("他", "她") for what in ("把钱", "取钱")),
                 "拿他的卡", "拿她的卡", "拿你存折来取", "拿着她的卡", "拿着他的卡", "的卡你拿来就行", "的卡和密码来取",
                 "家人帮你call", "视频里…就给办", "视频里…就帮", "露个脸…就帮", "拍个照…就帮", "拍个照发…就可以",
                 "拍个照发过来…办", "不在也没关系", "不来也没关系", "先给她办", "先给他办", "受托人不用", "委托书不用", "不用委托书"]
# A required document, visit or check waived on the spot: 身份证复印件都不用带, 不用证件了, 本次不再进行身份核验.
WAIVED_PAPERS = ["不用证件", "都不用带", "不用拿身份证", "忘带了没得事", "没有就算了", "就算了…先通过",
                 "就算了…帮你", "不用公证", "写张纸条", "我认得你", "我们也收", "不用单位开", "先给你办了后补",
                 "后补", "下次补上", "不用登记", "不登记", "免于提交", "免于", "不用提交", "不做验证", "不验证",
                 "先不验证", "不再进行", "不用…核验", "不用视频", "不看了", "不用做了", "就不做了", "不用来…面签",
                 "面签…省了", "面签就省", "不用来双录", "补个视频", "不用来了…让", "skip掉", "直接waive", "给你waive", "不用报备", "不用申请",
                 "不用走审批", "不走异议", "审批那一套", "那一套不走", "随便答", "帮你通过", "我这边先通过", "我这边放行",
                 "放行", "放过去", "不用等预约", "就别排了", "过期了也没事", "不用再核了"]
# The bank's money or the agent's own given as amends, or a fee wiped without a request:
# 我跟同事凑凑先给您补上, 违约金我这边先不算了, 给您两百块话费补偿，我们网点自己出.
INFORMAL_MONEY = ["凑凑", "凑一凑", "替你垫", "垫上", "自己给你出", "我自己出", "自己掏给你", "网点自己出", "我们自己出",
                  "从网点费用", "网点费用里", "返点现金", "返…现金", "返两个点", "返…个点", "账户credit", "goodwill",
                  "先不算了", "就不算了", "不算你", "调成零", "直接…调成零", "开个后门", "免你", "退一半", "给你减了",
                  "费减了", "跟会计说", "工资卡", "内部高收益", "内部…额度", "多少都给"]
# The complaint bought off or the record or a freeze bent: 您要是不投诉了…退一半, 逾期记录延后报, 冻结的卡后台先解一下.
HUSHED = ["不投诉了", "别往上报", "别往上反映", "别打12378", "就别打…12378", "这次的事别打", "延后报", "晚点报", "推迟报",
          "你就说是本人", "监控…不看", "我们不看", "找人给你处理掉", "先解一下", "后台…先给你解", "处理掉…不走", "几个月挪"]
# The customer's secrets or credentials taken, the queue or a limit jumped: 您把银行卡和密码留给我, 我拿您的卡去后面直接给您办.
CREDENTIALS_TAKEN = ["密码留给我", "卡和密码留", "密码告诉我", "拿你的卡去后面", "直接打给你朋友", "打给…朋友", "超限的…放", "不用等预约"]

# Round two (after G was measured; not 预约: 我帮您预约好，来了不用排队 is service): a required step named and waived, in either order, in any wording:
# 风险评估就不做了, 审批那一套不走了, 面签就省了, 不用视频核验, 不走异议流程.
REQUIRED_STEPS = ("身份证", "证件", "委托书", "公证", "面签", "双录", "风险测评", "风险评估", "测评", "审批", "验证",
                  "核验", "身份核实", "复印件", "收入证明", "异议流程", "登记用途", "授权书")
STEP_WAIVERS = ("不用", "不做", "不走", "省了", "免了", "就算了", "也没事", "不要紧", "不看了", "跳过", "不需要了")
WAIVED_STEPS = [*(f"{step}…{waived}" for step in REQUIRED_STEPS for waived in STEP_WAIVERS),
                # not 不用…身份证: 不用带别的，身份证和卡就够了 names what is needed
                *(f"{waived}…{step}" for step in REQUIRED_STEPS[2:] for waived in ("不用", "不做", "不走", "跳过", "省了", "免了"))]

favours = [*WAIVED_STEPS, *STAND_IN_SIGNATURES, *STAND_IN_ACTS, *WAIVED_PAPERS, *INFORMAL_MONEY, *HUSHED, *CREDENTIALS_TAKEN]

# Round eight: a requirement waived (户口本不用带了, 授权书先欠着, 双录您不愿意录就算了, 身份证过期两天，不碍事),
# a check bypassed or hushed up (后台手动给您通过, 绕过审核, 别声张, 反正是一家人), or a gift or money of one's own
# (一桶米, 电饭煲, 满一百减五十的券, 从自己工资里补给您, 从备用金里拿给您).
REQUIREMENTS = ("本人", "身份证", "户口本", "复印件", "授权书", "原件", "签字", "双录", "流水", "人脸", "核验", "授权",
                "挂失")
WAIVERS = ("不用了", "不要了", "就不要了", "不用带", "不用签", "不签了", "就算了", "不碍事", "先欠着", "可予简化", "不看了")
WAIVED_REQUIREMENTS = tuple(f"{requirement}…{waiver}" for requirement in REQUIREMENTS for waiver in WAIVERS)
BYPASSED = ("绕过审核", "绕过…审核", "手动…通过", "我批了", "别声张", "反正是一家人", "反正就这一次", "暂缓征信",
            "照样给你办", "本人不用来", "不看你身份证", "不用你本人来", "不用他来柜台", "不用…本人来", "就算她本人", "就算他本人")
GIFTS_AND_OWN_MONEY = ("瓶油", "桶米", "袋米", "电饭煲", "减五十", "优惠券", "代金券", "掏腰包", "自己工资", "备用金")
favours += [*WAIVED_REQUIREMENTS, *BYPASSED, *GIFTS_AND_OWN_MONEY]
