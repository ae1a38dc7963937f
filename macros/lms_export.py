"""Question bank → Moodle XML and GIFT, so trainers can import quizzes into their own LMS.

Plain Python like the renderers. Text fields are inline Markdown: exported as HTML, with links to
pages of this site reduced to their text (they would point nowhere inside an LMS).
"""

from __future__ import annotations

from xml.sax.saxutils import escape as xml_escape

from .inline_markdown import InlineRenderer
from .models import MultipleQuestion, OrderQuestion, Question, Quiz, ReplyQuestion, SingleQuestion, TrueFalseQuestion

CATEGORY_ROOT = "客诉通"
# Moodle accepts only these grade fractions for an answer; k correct options share 100 evenly.
_SHARES = {1: "100", 2: "50", 3: "33.33333", 4: "25", 5: "20", 6: "16.66667", 7: "14.28571", 8: "12.5",
           9: "11.11111", 10: "10"}


def _html(text: str) -> str:
    return _renderer()(text)


_RENDERER: InlineRenderer | None = None


def _renderer() -> InlineRenderer:
    global _RENDERER
    if _RENDERER is None:
        # Site-internal links mean nothing inside an LMS: keep their text only.
        _RENDERER = InlineRenderer(lambda target: "")
    return _RENDERER


def _stem_html(question: Question) -> str:
    parts = []
    if question.context:
        lines = "".join(f"<p><strong>{xml_escape(line.who)}：</strong>{_html(line.say)}</p>" for line in question.context)
        parts.append(f'<div class="dialogue">{lines}</div>')
    parts.append(f"<p>{_html(question.stem)}</p>")
    return "".join(parts).replace(' href=""', "")


def _cdata(html: str) -> str:
    return "<![CDATA[" + html.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _text(tag: str, html: str, indent: str = "    ") -> str:
    return f'{indent}<{tag} format="html"><text>{_cdata(html)}</text></{tag}>\n'


# --------------------------------------------------------------------------- Moodle XML


def _moodle_question(quiz: Quiz, question: Question) -> str:
    kind = {"single": "multichoice", "multiple": "multichoice", "truefalse": "truefalse", "order": "ordering",
            "reply": "essay"}[question.type]
    out = [f'  <question type="{kind}">\n',
           f"    <name><text>{xml_escape(quiz.id + '/' + question.id)}</text></name>\n",
           _text("questiontext", _stem_html(question)),
           _text("generalfeedback", _html(question.explanation).replace(' href=""', "")),
           "    <defaultgrade>1</defaultgrade>\n",
           f"    <idnumber>{xml_escape(quiz.id + '/' + question.id)}</idnumber>\n"]
    if isinstance(question, (SingleQuestion, MultipleQuestion)):
        right = [o for o in question.options if o.correct]
        wrong = [o for o in question.options if not o.correct]
        single = isinstance(question, SingleQuestion)
        out.append(f"    <single>{'true' if single else 'false'}</single>\n")
        out.append(f"    <shuffleanswers>{1 if quiz.shuffle else 0}</shuffleanswers>\n")
        out.append("    <answernumbering>ABCD</answernumbering>\n")
        for option in question.options:
            if option.correct:
                fraction = _SHARES[len(right)]
            else:
                fraction = "0" if single else "-" + _SHARES.get(len(wrong), "100")
            out.append(f'    <answer fraction="{fraction}" format="html"><text>{_cdata(_html(option.text))}</text>'
                       "<feedback><text></text></feedback></answer>\n")
    elif isinstance(question, TrueFalseQuestion):
        for value in ("true", "false"):
            fraction = "100" if (value == "true") == question.answer else "0"
            out.append(f'    <answer fraction="{fraction}" format="moodle_auto_format"><text>{value}</text>'
                       "<feedback><text></text></feedback></answer>\n")
    elif isinstance(question, ReplyQuestion):
        # Written replies are graded by the trainer in an LMS: the key points and model answer guide them.
        out.append("    <responseformat>editor</responseformat>\n    <responserequired>1</responserequired>\n"
                   "    <responsefieldlines>5</responsefieldlines>\n    <attachments>0</attachments>\n")
        out.append(_text("graderinfo", _grader_info(question)))
        out.append(_text("responsetemplate", ""))
    elif isinstance(question, OrderQuestion):
        out.append("    <layouttype>VERTICAL</layouttype>\n    <selecttype>ALL</selecttype>\n"
                   "    <selectcount>0</selectcount>\n    <gradingtype>ABSOLUTE_POSITION</gradingtype>\n"
                   "    <showgrading>SHOW</showgrading>\n    <numberingstyle>none</numberingstyle>\n")
        for position, item in enumerate(question.items, 1):
            out.append(f'    <answer fraction="{position}" format="html"><text>{_cdata(_html(item))}</text></answer>\n')
    out.append("  </question>\n")
    return "".join(out)


def _grader_info(question: ReplyQuestion) -> str:
    points = "".join(f"<li>{_html(p.label)}（如：{xml_escape('、'.join(p.any[:6]))}）</li>" for p in question.keypoints)
    return f"<p>要点：</p><ul>{points}</ul><p>参考回答：{_html(question.model_answer)}</p>"


def _category_name(title: str) -> str:
    """A quiz title as one level of a Moodle category path: "/" separates levels, "//" is a literal "/"."""
    return " ".join(title.split()).replace("/", "//")


def moodle_xml(quizzes: list[Quiz]) -> str:
    """One Moodle XML file; each quiz becomes a category under 客诉通."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n']
    for quiz in quizzes:
        category = f"$course$/top/{CATEGORY_ROOT}/{_category_name(quiz.title)}"
        out.append(f'  <question type="category"><category><text>{xml_escape(category)}</text></category></question>\n')
        out += [_moodle_question(quiz, question) for question in quiz.questions]
    out.append("</quiz>\n")
    return "".join(out)


# --------------------------------------------------------------------------- GIFT

_GIFT_SPECIAL = "\\~=#{}:"


def gift_escape(text: str) -> str:
    """GIFT's control characters (~ = # { } :) and the backslash itself, escaped."""
    return "".join("\\" + ch if ch in _GIFT_SPECIAL else ch for ch in text).replace("\n", " ")


def _gift_question(quiz: Quiz, question: Question) -> str:
    title = gift_escape(f"{quiz.id}/{question.id}")
    stem = "[html]" + gift_escape(_stem_html(question))
    feedback = "####" + gift_escape(_html(question.explanation).replace(' href=""', ""))
    if isinstance(question, OrderQuestion):
        return (f"// {title}: 排序题未导出。GIFT 格式不支持排序题，请导入同目录下的 Moodle XML 文件"
                f"（使用 Moodle 的“排序”题型）。\n\n")
    if isinstance(question, TrueFalseQuestion):
        return f"::{title}::{stem} {{{'TRUE' if question.answer else 'FALSE'}{feedback}}}\n\n"
    if isinstance(question, ReplyQuestion):
        model = gift_escape(question.model_answer)
        return f"// {title} 参考回答：{model}\n::{title}::{stem} {{{feedback}}}\n\n"
    lines = []
    right = [o for o in question.options if o.correct]
    wrong = [o for o in question.options if not o.correct]
    for option in question.options:
        text = gift_escape(_html(option.text))
        if isinstance(question, SingleQuestion):
            lines.append(("=" if option.correct else "~") + text)
        else:
            share = _SHARES[len(right)] if option.correct else "-" + _SHARES.get(len(wrong), "100")
            lines.append(f"~%{share}%{text}")
    body = "\n".join("  " + line for line in lines)
    return f"::{title}::{stem} {{\n{body}\n  {feedback}\n}}\n\n"


def gift(quizzes: list[Quiz]) -> str:
    out = ["// 客诉通题库（GIFT 格式，UTF-8）。排序题只在 Moodle XML 文件中。\n\n"]
    for quiz in quizzes:
        out.append(f"$CATEGORY: $course$/top/{CATEGORY_ROOT}/{gift_escape(_category_name(quiz.title))}\n\n")
        out += [_gift_question(quiz, question) for question in quiz.questions]
    return "".join(out)
