"""配对: each row's fixed label (column 0) is matched with one cell of every other column, chosen from
drop-downs. The YAML writes the rows in the correct pairing; the page scrambles each column's options
once (the same order in every row, so the printed letter bank matches) and quiz.js grades a row right
when every select of it holds the row's own index.

Cells are plain text (at most 60 characters, no Markdown): they go inside <option>, which holds no markup.

LMS exports. Moodle's core “配对” (matching) type has one answer column, so a 3-column question is
exported as one Moodle matching question per answer column ("<quiz>/<question>/1" and ".../2"), each
with the row labels as its subquestions and a line under the stem saying which part it is: each part is
graded as the site grades that column, and nothing is lost to a combined answer that gives itself away.
A 2-column question is one matching question named "<quiz>/<question>" like other types. Moodle shows
matching answers as plain text passed through format_string(), which reads markup: "&", "<" and ">" in
an answer are written as numeric character references, which Moodle's s() keeps, so they show as typed.
GIFT matching questions need at least 3 pairs in Moodle: a question with fewer rows is only in the
Moodle XML, and the GIFT file says so in a comment, as it does for order questions.
"""

from __future__ import annotations

from html import escape
from typing import Annotated, Any, Literal
from xml.sax.saxutils import escape as xml_escape

from pydantic import AfterValidator, Field, ValidationInfo, field_validator

from . import lms
from .base import QuestionBase, QuestionType, first_duplicate
from .html import attr, scrambled

MAX_CELL = 60
MIN_ROWS, MAX_ROWS = 2, 8
LETTERS = "ABCDEFGH"  # one per row at most: MAX_ROWS letters
_MARKDOWN = ("**", "`", "](")
GIFT_MIN_PAIRS = 3


def _plain(cell: str) -> str:
    if not cell.strip():
        raise ValueError("the cell is blank — write its text")
    if "\n" in cell.strip():
        raise ValueError("the cell has a line break — a cell is one line of plain text")
    markup = next((mark for mark in _MARKDOWN if mark in cell), None)
    if markup:
        raise ValueError(f"the cell contains '{markup}', but cells are plain text shown in a drop-down"
                         f" — remove the Markdown")
    return cell


Cell = Annotated[str, Field(min_length=1, max_length=MAX_CELL), AfterValidator(_plain)]


class MatchQuestion(QuestionBase):
    """Rows of cells written in the correct pairing; the learner re-pairs them with drop-downs."""

    type: Literal["match"]
    columns: list[Cell] = Field(
        min_length=2, max_length=3,
        description="2 or 3 headings; the first heads the fixed row labels, each other one a drop-down.")
    rows: list[list[Cell]] = Field(
        min_length=MIN_ROWS, max_length=MAX_ROWS,
        description="2 to 8 rows, each one cell per column, written in the correct pairing; plain text cells, "
                    "at most 60 characters.")

    @field_validator("columns")
    @classmethod
    def _distinct_headings(cls, columns: list[str]) -> list[str]:
        duplicate = first_duplicate(columns)
        if duplicate is not None:
            raise ValueError(f"two columns are headed '{duplicate}' — give every column its own heading")
        return columns

    @field_validator("rows")
    @classmethod
    def _one_cell_per_column(cls, rows: list[list[str]], info: ValidationInfo) -> list[list[str]]:
        columns = info.data.get("columns")
        if columns is None:  # the headings failed validation and were reported already
            return rows
        for number, row in enumerate(rows, 1):
            if len(row) != len(columns):
                raise ValueError(f"row {number} has {len(row)} cell(s), but there are {len(columns)} columns"
                                 f" ({'、'.join(columns)}) — give every row one cell per column, in column order")
        for index, heading in enumerate(columns):
            cells = [row[index].strip() for row in rows]
            duplicate = first_duplicate(cells)
            if duplicate is not None:
                where = [str(number) for number, cell in enumerate(cells, 1) if cell == duplicate]
                raise ValueError(f"column {index + 1} ({heading}) has '{duplicate}' in rows {', '.join(where)}"
                                 " — every cell of a column must differ, or two rows would share an answer")
        return rows


def _option_orders(quiz, question: MatchQuestion) -> dict[int, list[int]]:
    """Column → row indexes in the order its options are listed (one fixed order per column)."""
    return {column: scrambled([row[column] for row in question.rows], f"{quiz.id}/{question.id}/{column}")
            for column in range(1, len(question.columns))}


def _body(quiz, question: MatchQuestion, inline) -> list[str]:
    orders = _option_orders(quiz, question)
    headings = "".join(f'<th scope="col">{escape(heading)}</th>' for heading in question.columns)
    out = ['<p class="mdx-quiz__hint">（为每一行选出相配的一项）</p>', '<table class="mdx-quiz__match">',
           f"<thead><tr>{headings}</tr></thead>", "<tbody>"]
    for row_index, row in enumerate(question.rows):
        cells = [f'<tr class="mdx-quiz__match-row" data-row="{row_index}"><th scope="row">{escape(row[0])}</th>']
        for column, order in orders.items():
            select_id = attr(f"mdx-{quiz.id}-{question.id}-{row_index}-{column}")
            label = attr(f"{row[0]}：{question.columns[column]}")
            options = "".join(f'<option value="{k}">{LETTERS[n]}. {escape(question.rows[k][column])}</option>'
                              for n, k in enumerate(order))
            cells.append(f'<td><select class="mdx-quiz__match-select" id="{select_id}" data-column="{column}" '
                         f'aria-label="{label}"><option value="">请选择</option>{options}</select></td>')
        out.append("".join(cells) + "</tr>")
    out.append("</tbody></table>")
    bank = "".join(
        f"<p><strong>{escape(question.columns[column])}：</strong>"
        + " ".join(f"{LETTERS[n]}. {escape(question.rows[k][column])}" for n, k in enumerate(order)) + "</p>"
        for column, order in orders.items())
    out.append(f'<div class="mdx-quiz__match-bank" aria-hidden="true">{bank}</div>')
    return out


def _answer_attributes(question: MatchQuestion) -> str:
    # The answer is implicit: row r is right when each of its selects holds the value r.
    return ""


def _key(question: MatchQuestion, inline) -> str:
    return "正确配对：" + "；".join(" → ".join(escape(cell) for cell in row) for row in question.rows)


def _moodle_plain(text: str) -> str:
    """A matching answer as Moodle reads it: plain text through format_string(); see the module docstring."""
    return text.replace("&", "&#38;").replace("<", "&#60;").replace(">", "&#62;")


def _parts(quiz, question: MatchQuestion) -> list[tuple[str, int, str]]:
    """(name, answer column, note under the stem) of each LMS question the source question becomes."""
    name = f"{quiz.id}/{question.id}"
    first = escape(question.columns[0])
    if len(question.columns) == 2:
        return [(name, 1, f"<p>（为每个“{first}”选出相配的“{escape(question.columns[1])}”）</p>")]
    parts = len(question.columns) - 1
    return [(f"{name}/{column}", column,
             f"<p>（第 {column} 部分，共 {parts} 部分：为每个“{first}”选出相配的“{escape(question.columns[column])}”）</p>")
            for column in range(1, len(question.columns))]


def _moodle(quiz, question: MatchQuestion) -> list[str]:
    out = []
    for name, column, note in _parts(quiz, question):
        body = ["    <shuffleanswers>true</shuffleanswers>\n"]
        for row in question.rows:
            body.append(f'    <subquestion format="html"><text>{lms.cdata(escape(row[0]))}</text>'
                        f"<answer><text>{xml_escape(_moodle_plain(row[column]))}</text></answer></subquestion>\n")
        out.append(lms.moodle_question("matching", name, lms.stem_html(question, note), lms.html(question.explanation),
                                       body))
    return out


def _gift(quiz, question: MatchQuestion) -> str:
    if len(question.rows) < GIFT_MIN_PAIRS:
        return (f"// {lms.gift_escape(f'{quiz.id}/{question.id}')}: 配对题未导出。Moodle 的 GIFT 配对题至少要 "
                f"{GIFT_MIN_PAIRS} 对，这道题只有 {len(question.rows)} 对，请导入同目录下的 Moodle XML 文件"
                "（使用 Moodle 的“配对”题型）。\n\n")
    out = []
    for name, column, note in _parts(quiz, question):
        pairs = "\n".join(f"  ={lms.gift_escape(escape(row[0]))} -> {lms.gift_escape(_moodle_plain(row[column]))}"
                          for row in question.rows)
        out.append(f"{lms.gift_title(name)}{lms.gift_stem(lms.stem_html(question, note))} {{\n{pairs}\n"
                   f"  {lms.gift_feedback(lms.html(question.explanation))}\n}}\n\n")
    return "".join(out)


def _cell_name(path: tuple[Any, ...]) -> str:
    if path[:1] == ("rows",) and len(path) == 3:
        return f"row {path[1] + 1}, cell {path[2] + 1}"
    if path[:1] == ("columns",) and len(path) == 2:
        return f"column heading {path[1] + 1}"
    return ""


def _explain(error: dict[str, Any], path: tuple[Any, ...]) -> tuple[str, str] | None:
    kind, given = error["type"], error.get("input")
    cell = _cell_name(path)
    if cell and kind == "string_too_long":
        return (f"{cell} is {len(given)} characters long",
                f"a match cell holds at most {MAX_CELL} characters (it is shown in a drop-down) — shorten it")
    if cell and kind == "string_too_short":
        return f"{cell} is empty", "write its text"
    if cell and kind == "string_type":
        return f"{cell} must be text, got {type(given).__name__} {given!r}", "put it in quotes"
    if cell and kind == "value_error":
        problem, _, fix = error["msg"].removeprefix("Value error, ").partition(" — ")
        return f"{cell}: {problem}", fix
    if path[:1] == ("rows",) and len(path) == 2 and kind == "list_type":
        return (f"row {path[1] + 1} must be a list of cells, got {type(given).__name__} {given!r}"[:200],
                "write it like [发泄型, 有人听他把气出完]")
    if path == ("rows",) and kind == "too_short":
        return (f"only {len(given or [])} row(s) to match",
                f"give {MIN_ROWS} to {MAX_ROWS} rows, each written in the correct pairing")
    if path == ("rows",) and kind == "too_long":
        return f"{len(given)} rows to match", f"at most {MAX_ROWS} rows fit a drop-down — split the question in two"
    if path == ("columns",) and kind in ("too_short", "too_long"):
        return (f"{len(given or [])} column heading(s)",
                "give 2 or 3 headings: the first heads the row labels, each other one a drop-down")
    return None


TYPE = QuestionType(name="match", label="配对", model=MatchQuestion, body=_body, answer_attributes=_answer_attributes,
                    key=_key, moodle=_moodle, gift=_gift, explain=_explain)
