"""Round seven of the 情景应答题 grader's words: one module per fault family, each list appended to the
ReplyRules field of the same name (reply_grading.py).

Written on 2026-12-07 by five helpers, one per family, from three blind sentence corpora (faults E, F, G: twelve
voices, 1,149 clean sentences beside them), each tuned on E and F and then measured on G before G was read:
over-promise 21 → 27 of 45, blame 16 → 18, refusal 27 → 28, rude 18 → 24, favour 20 → 27. Then G was used too.
That is the honest lesson of this round: words gathered from one set of writers catch little of the next
writer's, so these lists widen coverage of wordings seen, not understanding. Every pattern was checked against
all clean sentences and every labelled good answer (no new false fault). Text is folded before matching
(您 → 你, Traditional → Simplified, Latin letters lower-cased, spaces dropped).
"""

from . import blame, favour, over_promise, refusal, rude

EXTRAS: dict[str, tuple[str, ...]] = {
    "blame": tuple(blame.blame),
    "favours": tuple(favour.favours),
    "certainties": tuple(over_promise.certainties),
    "outcomes": tuple(over_promise.outcomes),
    "over_promises": tuple(over_promise.over_promises),
    "refusals": tuple(refusal.refusals),
    "limits": tuple(refusal.limits),
    "rude": tuple(rude.rude),
}
