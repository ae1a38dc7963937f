"""Every way a data file can be wrong stops the load with a message naming file, line, item and fix."""

from __future__ import annotations

import pytest

from macros.errors import DataError
from macros.library import load_library

from .helpers import VOCABULARY, write

QUIZ_HEAD = """
id: demo
title: 示例
questions:
"""

GOOD_QUESTION = """
  - id: good
    type: single
    stem: 问题
    options:
      - {text: 对, correct: true}
      - {text: 错}
    explanation: 解析
"""


def problems_for(tmp_path, files: dict[str, str | bytes]) -> str:
    write(tmp_path, {"phrases/vocabulary.yml": VOCABULARY, "docs/index.md": "# x\n", **files})
    with pytest.raises(DataError) as caught:
        load_library(tmp_path)
    return str(caught.value)


def lines(*parts: str) -> str:
    """Join YAML fragments without the blank lines their triple quotes add, so line numbers are plain."""
    return "".join(part.strip("\n") + "\n" for part in parts if part.strip("\n"))


def quiz_problem(tmp_path, questions: str, head: str = QUIZ_HEAD) -> str:
    return problems_for(tmp_path, {"quizzes/demo.yml": lines(head, GOOD_QUESTION, questions)})


def test_valid_data_loads(tmp_path):
    write(tmp_path, {"phrases/vocabulary.yml": VOCABULARY, "docs/index.md": "# x\n",
                     "quizzes/demo.yml": lines(QUIZ_HEAD, GOOD_QUESTION)})
    library = load_library(tmp_path)
    assert list(library.quizzes) == ["demo"]
    assert library.quizzes["demo"].pass_score == 80


def test_yaml_syntax_error_names_line(tmp_path):
    message = quiz_problem(tmp_path, "  - id: bad\n    stem: [不成对\n")
    assert "quizzes/demo.yml:13: YAML syntax error" in message
    assert "quote" in message


def test_file_saved_as_gbk(tmp_path):
    text = (lines(QUIZ_HEAD, GOOD_QUESTION)).encode("gbk")
    message = problems_for(tmp_path, {"quizzes/demo.yml": text})
    assert "quizzes/demo.yml:" in message
    assert "not UTF-8" in message and "GBK" in message and "save it again as UTF-8" in message


def test_empty_file(tmp_path):
    message = problems_for(tmp_path, {"quizzes/demo.yml": "# only a comment\n\n"})
    assert "quizzes/demo.yml: the file is empty" in message


def test_missing_required_field(tmp_path):
    message = quiz_problem(tmp_path, "  - id: noexp\n    type: truefalse\n    stem: 问\n    answer: true\n")
    assert "quizzes/demo.yml:11: question noexp: missing required field 'explanation'" in message
    assert "add 'explanation:" in message


def test_unknown_field_suggests_closest_name(tmp_path):
    message = quiz_problem(tmp_path, "  - id: typo\n    type: truefalse\n    stem: 问\n    answr: true\n"
                                     "    answer: true\n    explanation: 解\n")
    assert "quizzes/demo.yml:14: question typo: unknown field 'answr' — did you mean 'answer'?" in message


def test_unknown_top_level_field(tmp_path):
    message = quiz_problem(tmp_path, "", head="id: demo\ntitle: 示例\npass_scor: 70\nquestions:\n")
    assert "quizzes/demo.yml:3: unknown field 'pass_scor' — did you mean 'pass_score'?" in message


def test_unknown_question_type(tmp_path):
    message = quiz_problem(tmp_path, "  - id: kind\n    type: singel\n    stem: 问\n    explanation: 解\n")
    assert "quizzes/demo.yml:11: question kind: unknown question type 'singel'" in message
    assert "did you mean 'single'?" in message


@pytest.mark.parametrize("marks, found", [("false, false", 0), ("true, true", 2)])
def test_single_needs_exactly_one_correct(tmp_path, marks, found):
    first, second = marks.split(", ")
    message = quiz_problem(tmp_path, f"""
  - id: one
    type: single
    stem: 问
    options:
      - {{text: 甲, correct: {first}}}
      - {{text: 乙, correct: {second}}}
    explanation: 解
""")
    assert f"question one: a single-choice question needs exactly one correct option, found {found}" in message
    assert "mark exactly one option with 'correct: true'" in message


def test_multiple_needs_a_correct_option(tmp_path):
    message = quiz_problem(tmp_path, """
  - id: many
    type: multiple
    stem: 问
    options:
      - {text: 甲}
      - {text: 乙}
    explanation: 解
""")
    assert "quizzes/demo.yml:11: question many: a multiple-choice question needs at least one correct option" in message


def test_fewer_than_two_options(tmp_path):
    message = quiz_problem(tmp_path, """
  - id: lonely
    type: single
    stem: 问
    options:
      - {text: 甲, correct: true}
    explanation: 解
""")
    assert "quizzes/demo.yml:14: question lonely: only 1 option(s) — give at least two options" in message


def test_duplicate_option_text(tmp_path):
    message = quiz_problem(tmp_path, """
  - id: twins
    type: single
    stem: 问
    options:
      - {text: 甲, correct: true}
      - {text: " 甲 "}
    explanation: 解
""")
    assert "question twins: duplicate option text '甲'" in message


def test_order_needs_two_items(tmp_path):
    message = quiz_problem(tmp_path, "  - id: seq\n    type: order\n    stem: 排\n    items: [甲]\n    explanation: 解\n")
    assert "quizzes/demo.yml:14: question seq: only 1 item(s) to order" in message


def test_duplicate_question_id(tmp_path):
    message = quiz_problem(tmp_path, GOOD_QUESTION)
    assert "quizzes/demo.yml:11: question good: duplicate question id (also question #1)" in message


def test_duplicate_quiz_id_across_files(tmp_path):
    message = problems_for(tmp_path, {"quizzes/a.yml": lines(QUIZ_HEAD, GOOD_QUESTION),
                                      "quizzes/b.yml": lines(QUIZ_HEAD, GOOD_QUESTION)})
    assert "quizzes/b.yml:1: quiz id 'demo' is already used by quizzes/a.yml" in message


@pytest.mark.parametrize("score", ["101", "-5"])
def test_pass_score_out_of_range(tmp_path, score):
    message = quiz_problem(tmp_path, "", head=f"id: demo\ntitle: 示例\npass_score: {score}\nquestions:\n")
    assert f"quizzes/demo.yml:3: pass_score {score} is out of range — use a percentage from 0 to 100" in message


def test_quoted_number_is_not_a_number(tmp_path):
    message = quiz_problem(tmp_path, "", head='id: demo\ntitle: 示例\npass_score: "80"\nquestions:\n')
    assert "'pass_score' must be a whole number" in message


def test_bad_ids(tmp_path):
    message = quiz_problem(tmp_path, "", head="id: Demo Quiz\ntitle: 示例\nquestions:\n")
    assert "quizzes/demo.yml:1: 'Demo Quiz' is not a valid id" in message


def test_ref_to_missing_page(tmp_path):
    message = quiz_problem(tmp_path, "  - id: r\n    type: truefalse\n    stem: 问\n    answer: true\n"
                                     "    explanation: 解\n    ref: modules/nowhere.md#x\n")
    assert "quizzes/demo.yml:16: question r: ref 'modules/nowhere.md#x' points to a page that does not exist" in message


def test_duplicate_yaml_key(tmp_path):
    message = quiz_problem(tmp_path, "", head="id: demo\nid: again\ntitle: 示例\nquestions:\n")
    assert "quizzes/demo.yml:2: YAML syntax error: duplicate key 'id' (first at line 1)" in message


PHRASE = """
  - id: {id}
    text: {text}
    stage: {stage}
"""


def phrase_file(*entries: str, taboo: str = "") -> str:
    return lines("phrases:", *entries, "taboo:" if taboo else "", taboo)


def test_duplicate_phrase_id_across_files(tmp_path):
    one = PHRASE.format(id="calm-a", text="您先别着急", stage="安抚")
    message = problems_for(tmp_path, {"phrases/a.yml": phrase_file(one), "phrases/b.yml": phrase_file(one)})
    assert "phrases/b.yml:2: phrase calm-a: id 'calm-a' is already used in phrases/a.yml" in message


def test_unknown_stage_suggests(tmp_path):
    message = problems_for(tmp_path, {"phrases/a.yml": phrase_file(PHRASE.format(id="x-a", text="好", stage="致谦"))})
    assert "phrases/a.yml:4: phrase x-a: unknown stage '致谦' — did you mean '致歉'?" in message


def test_unknown_scenario_names_vocabulary(tmp_path):
    entry = PHRASE.format(id="x-a", text="好", stage="致歉") + "    scenarios: [退钱]\n"
    message = problems_for(tmp_path, {"phrases/a.yml": phrase_file(entry)})
    assert "phrases/a.yml:5: phrase x-a: unknown scenario '退钱'" in message
    assert "phrases/vocabulary.yml" in message


def test_recommended_phrase_with_taboo_is_an_error(tmp_path):
    taboo = "  - id: taboo-rule\n    text: 这是公司规定\n    match: [公司规定]\n    why: 推卸\n    instead: [我来说明原因]\n"
    entry = PHRASE.format(id="explain-rule", text="按照公 司 規定，这个不能办。", stage="解释")
    message = problems_for(tmp_path, {"phrases/a.yml": phrase_file(entry, taboo=taboo)})
    assert "phrases/a.yml:3: phrase explain-rule: the recommended text contains the taboo phrase '这是公司规定'" in message


def test_taboo_instead_must_name_existing_phrase(tmp_path):
    taboo = "  - id: taboo-rule\n    text: 这是公司规定\n    why: 推卸\n    instead: [explain-reasn]\n"
    entry = PHRASE.format(id="explain-reason", text="我来说明原因", stage="解释")
    message = problems_for(tmp_path, {"phrases/a.yml": phrase_file(entry, taboo=taboo)})
    assert "phrases/a.yml:9: taboo phrase taboo-rule: 'instead' names unknown phrase id 'explain-reasn'" in message
    assert "did you mean 'explain-reason'?" in message


def test_every_problem_is_reported_once(tmp_path):
    message = problems_for(tmp_path, {
        "quizzes/demo.yml": lines("id: demo\ntitle: 示例\npass_score: 200\nquestions:", GOOD_QUESTION),
        "phrases/a.yml": phrase_file(PHRASE.format(id="x-a", text="好", stage="致谦")),
    })
    assert message.startswith("2 problems in the course data:")


def test_reply_model_answer_must_meet_its_key_points(tmp_path):
    message = quiz_problem(tmp_path, """
  - id: reply-fee
    type: reply
    stem: 你会怎么说？
    keypoints:
      - {label: 道歉, any: [抱歉, 对不起]}
      - {label: 时限, any: [分钟, 今天]}
    model_answer: 对不起，让您着急了。
    explanation: 解
""")
    assert "question reply-fee: the model answer does not meet key point(s): 时限" in message


@pytest.mark.parametrize("reserved", ["exam", "review"])
def test_quiz_may_not_take_a_bank_quiz_id(tmp_path, reserved):
    head = QUIZ_HEAD.replace("id: demo", f"id: {reserved}")
    message = quiz_problem(tmp_path, "", head=head)
    assert f"quizzes/demo.yml:1: quiz id '{reserved}' is the site's own" in message
    assert "give the quiz another id" in message


def match_question(columns: str, *rows: str) -> str:
    """A match question at line 11: columns on line 14, rows from line 16."""
    return lines("  - id: pair\n    type: match\n    stem: 配对\n    columns: " + columns + "\n    rows:",
                 *("      - " + row for row in rows), "    explanation: 解")


def test_valid_match_question_loads(tmp_path):
    write(tmp_path, {"phrases/vocabulary.yml": VOCABULARY, "docs/index.md": "# x\n",
                     "quizzes/demo.yml": lines(QUIZ_HEAD, GOOD_QUESTION,
                                               match_question("[类型, 特点]", "[牢骚型, 激动]", "[理智型, 平稳]"))})
    question = load_library(tmp_path).quizzes["demo"].questions[1]
    assert question.type == "match" and question.rows == [["牢骚型", "激动"], ["理智型", "平稳"]]


def test_match_needs_two_rows(tmp_path):
    message = quiz_problem(tmp_path, match_question("[类型, 特点]", "[牢骚型, 激动]"))
    assert "quizzes/demo.yml:15: question pair: only 1 row(s) to match — give 2 to 8 rows" in message


def test_match_takes_at_most_eight_rows(tmp_path):
    message = quiz_problem(tmp_path, match_question("[类型, 特点]", *(f"[类型{n}, 特点{n}]" for n in range(9))))
    assert "question pair: 9 rows to match — at most 8 rows fit a drop-down" in message


@pytest.mark.parametrize("columns", ["[类型]", "[甲, 乙, 丙, 丁]"])
def test_match_needs_two_or_three_columns(tmp_path, columns):
    message = quiz_problem(tmp_path, match_question(columns, "[牢骚型, 激动]", "[理智型, 平稳]"))
    count = columns.count(",") + 1
    assert f"quizzes/demo.yml:14: question pair: {count} column heading(s) — give 2 or 3 headings" in message


def test_match_row_needs_one_cell_per_column(tmp_path):
    message = quiz_problem(tmp_path, match_question("[类型, 特点]", "[牢骚型, 激动]", "[理智型]"))
    assert "quizzes/demo.yml:15: question pair: row 2 has 1 cell(s), but there are 2 columns (类型、特点)" in message
    assert "give every row one cell per column, in column order" in message


def test_match_cells_of_a_column_differ(tmp_path):
    message = quiz_problem(tmp_path, match_question("[类型, 特点]", "[牢骚型, 激动]", "[谈判型, 平稳]",
                                                    "[理智型, ' 激动 ']"))
    assert "question pair: column 2 (特点) has '激动' in rows 1, 3 — every cell of a column must differ" in message


def test_match_headings_differ(tmp_path):
    message = quiz_problem(tmp_path, match_question("[类型, 类型]", "[牢骚型, 激动]", "[理智型, 平稳]"))
    assert "quizzes/demo.yml:14: question pair: two columns are headed '类型'" in message


def test_match_cell_too_long_names_row_and_cell(tmp_path):
    message = quiz_problem(tmp_path, match_question("[类型, 特点]", "[牢骚型, 激动]", "[理智型, " + "长" * 61 + "]"))
    assert "quizzes/demo.yml:17: question pair: row 2, cell 2 is 61 characters long" in message
    assert "a match cell holds at most 60 characters" in message


def test_match_cell_is_plain_text(tmp_path):
    message = quiz_problem(tmp_path, match_question("[类型, 特点]", "['**牢骚型**', 激动]", "[理智型, 平稳]"))
    assert "quizzes/demo.yml:16: question pair: row 1, cell 1: the cell contains '**'" in message
    assert "remove the Markdown" in message


def test_match_cell_must_be_text(tmp_path):
    message = quiz_problem(tmp_path, match_question("[类型, 特点]", "[牢骚型, 3]", "[理智型, 平稳]"))
    assert "quizzes/demo.yml:16: question pair: row 1, cell 2 must be text, got int 3 — put it in quotes" in message


def test_unknown_type_lists_every_registered_type(tmp_path):
    from macros.question_types import QUESTION_TYPES

    message = quiz_problem(tmp_path, "  - id: kind\n    type: matching\n    stem: 问\n    explanation: 解\n")
    assert "question kind: unknown question type 'matching' — did you mean 'match'?" in message
    assert "use one of: " + ", ".join(QUESTION_TYPES) in message and "match" in QUESTION_TYPES


def test_missing_type_names_the_registered_types(tmp_path):
    message = quiz_problem(tmp_path, "  - id: kind\n    stem: 问\n    explanation: 解\n")
    assert "question kind: missing required field 'type' — add 'type: single' (or multiple, truefalse, order, reply, match)" in message


def test_reply_model_answer_must_not_contain_a_taboo_phrase(tmp_path):
    taboo = "taboo:\n  - id: taboo-rule\n    text: 这是公司规定\n    why: 推卸\n    instead: [我来说明原因]\n"
    message = problems_for(tmp_path, {"phrases/a.yml": taboo, "quizzes/demo.yml": lines(QUIZ_HEAD, GOOD_QUESTION, """
  - id: reply-rule
    type: reply
    stem: 你会怎么说？
    keypoints:
      - {label: 道歉, any: [抱歉]}
    model_answer: 抱歉，这是公司规定。
    explanation: 解
""")})
    assert "quizzes/demo.yml: question reply-rule: the model answer contains the taboo phrase '这是公司规定'" in message
    assert "rephrase the model answer" in message
