"""The 投诉受理记录单 page (docs/record.md): the form, the list of this browser's records, CSV export and
import, and the sheet that prints. Plain Python → HTML; record.js numbers, checks, keeps and prints."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from .models import Phrase
from .record_form import FIELD_TITLES
from .render_phrases import render_phrase

CHANNELS = ("电话", "网点现场", "书面信函", "网上银行、手机银行或在线客服", "监管部门或其他单位转来", "其他")
# value, limit in 日 from the day the complaint was received (record.js reads it from the page), label
COMPLEXITIES = (
    ("一般", 15, "事实清楚、争议简单，15 日内"),
    ("复杂", 30, "情况复杂，可延长至 30 日"),
    ("特别复杂", 60, "情况特别复杂或有其他特殊原因，经审批并告知客户再延长 30 日，共 60 日"),
)
STATUSES = ("处理中", "已办结")
SPECIAL_ONLY = "（特别复杂时必填）"


def _phrases(field: str, phrases: Mapping[str, Sequence[Phrase]]) -> str:
    """The lines for one field, a click away (folded so the form stays short)."""
    chosen = phrases.get(field) or []
    if not chosen:
        return ""
    cards = "".join(render_phrase(phrase) for phrase in chosen)
    return (f'<details class="mdx-intake__phrases" data-record-phrases="{escape(field)}">'
            f"<summary>话术：{escape(FIELD_TITLES[field])}（{len(chosen)} 句）</summary>"
            f'<div class="mdx-phrases">{cards}</div></details>')


def _field(name: str, label: str, control: str, hint: str = "", required: bool = True, optional: str = "（选填）") -> str:
    """A labelled control with its hint and the place its error message is announced."""
    mark = '<span class="mdx-intake__required" aria-hidden="true">*</span>' if required else escape(optional)
    hint_html = f'<span class="mdx-intake__hint" id="record-{name}-hint">{escape(hint)}</span>' if hint else ""
    return (f'<div class="mdx-intake__field" data-record-field="{name}">'
            f'<label for="record-{name}">{escape(label)}{mark}</label>{hint_html}{control}'
            f'<span class="mdx-intake__error" id="record-{name}-error" data-record-error="{name}"></span></div>')


def _described(name: str, hint: str) -> str:
    ids = f"record-{name}-hint record-{name}-error" if hint else f"record-{name}-error"
    return f'aria-describedby="{ids}"'


def _input(name: str, label: str, kind: str = "text", hint: str = "", required: bool = True,
           extra: str = "", optional: str = "（选填）") -> str:
    control = (f'<input id="record-{name}" name="{name}" type="{kind}" {_described(name, hint)}'
               f'{" required" if required else ""}{" " + extra if extra else ""}>')
    return _field(name, label, control, hint, required, optional)


def _textarea(name: str, label: str, hint: str = "", required: bool = True, rows: int = 3) -> str:
    control = (f'<textarea id="record-{name}" name="{name}" rows="{rows}" {_described(name, hint)}'
               f'{" required" if required else ""}></textarea>')
    return _field(name, label, control, hint, required)


def _select(name: str, label: str, options: Sequence[str], hint: str = "", blank: str = "") -> str:
    first = f'<option value="">{escape(blank)}</option>' if blank else ""
    items = "".join(f'<option value="{escape(o)}">{escape(o)}</option>' for o in options)
    control = f'<select id="record-{name}" name="{name}" {_described(name, hint)} required>{first}{items}</select>'
    return _field(name, label, control, hint)


def _complexity() -> str:
    options = "".join(
        f'<label class="mdx-intake__choice"><input type="radio" name="complexity" value="{escape(value)}" '
        f'data-record-limit="{limit}"{" checked" if value == "一般" else ""}> {escape(value)}：{escape(label)}</label>'
        for value, limit, label in COMPLEXITIES)
    return (f'<fieldset class="mdx-intake__field" data-record-field="complexity" aria-describedby="record-complexity-error">'
            f"<legend>复杂程度</legend>{options}"
            '<span class="mdx-intake__error" id="record-complexity-error" data-record-error="complexity"></span>'
            "</fieldset>")


def _deadlines() -> str:
    """The deadlines box in the shape record.js fills it (dates to come), so that filling it moves nothing."""
    rows = "".join(f"<li>{escape(value)}：第 {limit} 日是 <strong>……</strong></li>" for value, limit, _ in COMPLEXITIES)
    return ('<div class="mdx-intake__deadlines" data-record-part="deadlines" aria-live="polite">'
            f"<p>受理日期算作第 1 日（按日历日，周末和节假日照算）：</p><ul>{rows}</ul></div>")


def render_record(phrases: Mapping[str, Sequence[Phrase]]) -> str:
    """The whole tool; ids (#complaint-record, record-<field>) are what record.js and the tests hold on to."""
    return "\n".join([
        '<div class="mdx-intake" id="complaint-record">',
        '<p class="mdx-intake__notice" role="status" aria-live="polite" data-record-part="notice"></p>',
        '<form class="mdx-intake__form" data-record-part="form" novalidate aria-labelledby="record-form-title">',
        ('<h2 id="record-form-title" class="mdx-intake__title">投诉受理记录单 '
         '<span class="mdx-intake__number" data-record-part="number">新记录（保存时编号）</span></h2>'),
        '<fieldset class="mdx-intake__group"><legend>受理</legend>',
        _input("received", "受理日期", "date", "收到投诉的那一天；时限从这一天算起", extra='max="9999-12-31"'),
        _input("time", "受理时间", "time"),
        _select("channel", "受理渠道", CHANNELS, blank="请选择"),
        _input("handler", "受理人", hint="姓名和工号", extra='autocomplete="off"'),
        _phrases("opening", phrases),
        "</fieldset>",
        '<fieldset class="mdx-intake__group"><legend>投诉人</legend>',
        _input("name", "投诉人姓名或单位名称", extra='autocomplete="off"'),
        _input("contact", "联系方式", hint="答复客户用的一个电话或地址就够了", extra='autocomplete="off"'),
        _input("contactTime", "方便联系的时间", required=False, extra='autocomplete="off"'),
        _phrases("contact", phrases),
        "</fieldset>",
        '<fieldset class="mdx-intake__group"><legend>投诉内容</legend>',
        _input("subject", "投诉对象", hint="被投诉的网点、部门、员工或产品；涉及哪张卡、哪个账户，只写尾号后四位",
               extra='autocomplete="off"'),
        _phrases("subject", phrases),
        _textarea("facts", "主要事实", "时间、地点、经过，尽量用客户的原话", rows=4),
        _phrases("facts", phrases),
        _textarea("request", "投诉请求", "客户希望得到什么：解释、道歉、更正、退回费用……", rows=2),
        _phrases("request", phrases),
        "</fieldset>",
        '<fieldset class="mdx-intake__group"><legend>时限</legend>',
        _complexity(),
        # Hidden as record.js keeps it for the default 一般, so nothing moves when the script starts.
        '<div class="mdx-intake__extension" data-record-part="extension" hidden>',
        _input("extReason", "延长的原因", required=False),
        _input("approver", "审批人", hint="再延长须经上级机构或者总行、总公司高级管理人员审批", required=False,
               optional=SPECIAL_ONLY),
        _input("approvedOn", "审批日期", "date", required=False, extra='max="9999-12-31"', optional=SPECIAL_ONLY),
        _input("toldOn", "告知客户延长的日期", "date", hint="延长要告诉客户，记下哪天告知", required=False,
               extra='max="9999-12-31"', optional=SPECIAL_ONLY),
        "</div>",
        _deadlines(),
        _phrases("deadline", phrases),
        "</fieldset>",
        '<fieldset class="mdx-intake__group"><legend>办理</legend>',
        _select("status", "状态", STATUSES),
        _input("closedOn", "办结日期", "date", hint="作出处理决定并告知客户的日期", required=False,
               extra='max="9999-12-31"', optional="（已办结时必填）"),
        _textarea("result", "处理结果", required=False, rows=2),
        "</fieldset>",
        '<div class="mdx-intake__errors" role="alert" data-record-part="errors"></div>',
        '<div class="mdx-intake__actions">',
        '<button type="submit" class="md-button md-button--primary">保存</button>',
        '<button type="button" class="md-button" data-record-action="new">新建一份</button>',
        '<button type="button" class="md-button" data-record-action="print">打印这一份</button>',
        '<button type="button" class="md-button" data-record-action="delete" hidden>删除这一份</button>',
        "</div>",
        "</form>",
        '<section class="mdx-intake__list" aria-labelledby="record-list-title">',
        '<h2 id="record-list-title">本机保存的记录</h2>',
        '<div class="mdx-intake__actions">',
        '<button type="button" class="md-button" data-record-action="export">导出 CSV</button>',
        ('<label class="md-button mdx-intake__import">导入 CSV<input type="file" accept=".csv,text/csv" '
         'class="mdx-visually-hidden" data-record-part="import"></label>'),
        "</div>",
        '<p class="mdx-intake__io" role="status" aria-live="polite" data-record-part="io"></p>',
        '<div class="mdx-intake__table" data-record-part="list"><p>还没有记录。</p></div>',
        "</section>",
        '<section class="mdx-intake__sheet" data-record-part="sheet" aria-hidden="true"></section>',
        "<noscript><p>受理记录单需要 JavaScript。也可以打印本页，手工填写。</p></noscript>",
        "</div>",
    ])
