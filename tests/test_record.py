"""投诉受理记录单 (docs/record.md, record.js): validation, numbering, deadlines, the list's states, CSV
export and import, damaged or blocked storage, reloads, printing, instant navigation and the offline zip.

Every browser test fixes the page's clock, so "today" (a Beijing date) is known: 2026-12-07 unless a test
says otherwise."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from macros.errors import DataError
from macros.library import load_library
from macros.record_form import load_record_phrases

from .helpers import BLOCK_STORAGE, PROJECT, PageWatch

KEY = "kesutong.records.v1"
# 10:00 in Beijing on 2026-12-07 (02:00 UTC)
TODAY = "2026-12-07T02:00:00Z"
VALID = {
    "handler": "王芳 A0123", "channel": "电话", "name": "张先生", "contact": "138 0013 8000",
    "subject": "某某支行；尾号 1234 的借记卡", "facts": "客户称转账时被多收手续费。", "request": "退回多收的费用。",
}


def open_record(page, base_url: str, when: str = TODAY, path: str = "record/"):
    page.clock.set_fixed_time(when)
    page.goto(base_url + path)
    page.wait_for_selector("#complaint-record[data-mdx-mounted]")
    return page


def fill(page, **changes) -> None:
    """Fill the form with a valid record, changed by `changes` (field name → value; complexity → radio)."""
    values = {**VALID, **changes}
    for name, value in values.items():
        if name == "complexity":
            page.check(f'input[name="complexity"][value="{value}"]')
        elif name in ("channel", "status"):
            page.select_option(f"#record-{name}", value)
        else:
            page.fill(f"#record-{name}", value)


def save(page) -> str:
    page.click("#complaint-record button[type=submit]")
    return page.inner_text("[data-record-part=notice]")


def stored(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "null")


def listed(page) -> list[tuple[str, str]]:
    """(number, state) of each row of the list, top to bottom."""
    rows = page.locator("[data-record-part=list] tbody tr")
    return [(rows.nth(i).get_attribute("data-record-number"), rows.nth(i).get_attribute("data-record-state"))
            for i in range(rows.count())]


def import_file(page, path: Path) -> str:
    """Choose a file for 导入 CSV; the page's answer once it has read the file (FileReader is asynchronous)."""
    page.evaluate("document.querySelector('[data-record-part=io]').textContent = ''")
    page.set_input_files("[data-record-part=import]", str(path))
    page.wait_for_function("document.querySelector('[data-record-part=io]').textContent !== ''")
    return page.inner_text("[data-record-part=io]")


def new_record(page, **changes) -> str:
    page.click('[data-record-action="new"]')
    fill(page, **changes)
    return saved_number(page)


def saved_number(page) -> str:
    """Save the form; the number the page gave the record."""
    found = re.search(r"\d{4}-\d{3,}", save(page))
    assert found, page.inner_text("[data-record-part=errors]")
    return found.group(0)


# --------------------------------------------------------------------------- the phrase mapping (no browser)


def test_the_phrase_mapping_names_known_phrases(library):
    chosen = load_record_phrases(PROJECT, library.phrases)
    assert all(chosen.values()), chosen


def test_an_unknown_phrase_id_fails_with_file_and_line(tmp_path, library):
    (tmp_path / "forms").mkdir()
    text = (PROJECT / "forms" / "record.yml").read_text(encoding="utf-8").replace(
        "  - verify-contact-chat", "  - verify-contact-chatt")
    (tmp_path / "forms" / "record.yml").write_text(text, encoding="utf-8")
    line = text.splitlines().index("  - verify-contact-chatt") + 1
    with pytest.raises(DataError) as error:
        load_record_phrases(tmp_path, library.phrases)
    assert f"forms/record.yml:{line}: field contact: unknown phrase id 'verify-contact-chatt'" in str(error.value)


def test_an_unknown_field_is_refused(tmp_path, library):
    (tmp_path / "forms").mkdir()
    text = (PROJECT / "forms" / "record.yml").read_text(encoding="utf-8") + "closing:\n  - close-thanks\n"
    (tmp_path / "forms" / "record.yml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_record_phrases(tmp_path, load_library(PROJECT).phrases)
    assert "forms/record.yml:" in str(error.value) and "closing" in str(error.value)


# --------------------------------------------------------------------------- the form


def test_an_empty_form_is_refused_field_by_field_and_announced(page, server):
    open_record(page, server.url)
    page.fill("#record-handler", "")
    save(page)
    for name in ("handler", "name", "contact", "subject", "facts", "request"):
        field = page.locator(f"#record-{name}")
        assert field.get_attribute("aria-invalid") == "true", name
        assert "请填写" in page.inner_text(f"#record-{name}-error"), name
        assert f"record-{name}-error" in field.get_attribute("aria-describedby")
    assert page.get_attribute("[data-record-part=errors]", "role") == "alert"
    assert "有 7 处需要修改" in page.inner_text("[data-record-part=errors]")  # the six above and the channel
    assert page.evaluate("document.activeElement.id") == "record-channel"
    assert stored(page) is None
    assert page.watch.outside == [] and page.watch.errors == []


def test_long_numbers_future_dates_and_an_unapproved_extension_are_refused(page, server):
    open_record(page, server.url)
    fill(page, contact="身份证 110101199003071234", received="2026-12-08")
    save(page)
    assert "像证件号或卡号" in page.inner_text("#record-contact-error")
    assert "不能晚于今天（北京时间 2026-12-07）" in page.inner_text("#record-received-error")
    fill(page, subject="卡号 6222 0212 3456 7890 123", received="2026-12-01")
    save(page)
    assert "像证件号或卡号" in page.inner_text("#record-subject-error")
    assert page.get_attribute("#record-contact", "aria-invalid") is None  # fixed fields are cleared
    fill(page, complexity="特别复杂")
    save(page)
    for name in ("approver", "approvedOn", "toldOn"):
        assert page.get_attribute(f"#record-{name}", "aria-invalid") == "true", name
    fill(page, complexity="特别复杂", approver="分行 李总", approvedOn="2026-11-30", toldOn="2026-12-02",
         status="已办结")
    save(page)
    assert "不能早于受理日期" in page.inner_text("#record-approvedOn-error")
    assert "已办结的记录要填写办结日期" in page.inner_text("#record-closedOn-error")
    fill(page, complexity="特别复杂", approver="分行 李总", approvedOn="2026-12-02", toldOn="2026-12-02",
         status="已办结", closedOn="2026-12-06")
    assert "2612-001" in save(page)
    assert stored(page)["records"]["2612-001"]["approver"] == "分行 李总"


def test_the_extension_fields_show_only_for_a_complex_case(page, server):
    open_record(page, server.url)
    assert page.locator("#record-approver").is_hidden()
    page.check('input[name="complexity"][value="复杂"]')
    assert page.locator("#record-approver").is_visible()
    assert "上级机构或者总行、总公司高级管理人员审批" in page.inner_text("#record-approver-hint")


# --------------------------------------------------------------------------- numbering


def test_numbers_follow_the_month_never_repeat_after_a_deletion_and_continue_after_an_import(page, server, tmp_path):
    open_record(page, server.url)
    assert [new_record(page) for _ in range(3)] == ["2612-001", "2612-002", "2612-003"]
    assert new_record(page, received="2026-11-30") == "2611-001"   # the month of the received day
    assert new_record(page, received="2025-12-31") == "2512-001"   # and its year
    page.click('[data-record-open="2612-003"]')
    page.once("dialog", lambda dialog: dialog.accept())
    page.click('[data-record-action="delete"]')
    assert "2612-003" not in stored(page)["records"]
    assert new_record(page) == "2612-004"
    page.click('[data-record-open="2612-002"]')
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click('[data-record-action="delete"]')
    assert "2612-002" in stored(page)["records"]  # a dismissed question deletes nothing
    # An import of a later number moves the month's counter on.
    csv = export(page, tmp_path).replace('"2612-004"', '"2612-010"')
    fresh = tmp_path / "later.csv"
    fresh.write_text(csv, encoding="utf-8")
    page.evaluate(f"localStorage.removeItem('{KEY}')")
    page.reload()
    page.wait_for_selector("#complaint-record[data-mdx-mounted]")
    assert "已导入 5 条" in import_file(page, fresh)
    assert new_record(page) == "2612-011"
    # Editing a saved record keeps its number, even when its received day moves to another month.
    page.click('[data-record-open="2612-001"]')
    page.fill("#record-received", "2026-11-15")
    assert "已更新 2612-001" in save(page)


def test_the_numbering_restarts_each_month_on_a_new_day(page, server):
    open_record(page, server.url, when="2026-12-31T15:30:00Z")  # 23:30 in Beijing
    assert page.input_value("#record-received") == "2026-12-31"
    fill(page)
    assert "2612-001" in save(page)
    page.clock.set_fixed_time("2026-12-31T16:30:00Z")  # 00:30 on New Year's Day in Beijing
    page.click('[data-record-action="new"]')
    assert page.input_value("#record-received") == "2027-01-01"
    assert page.input_value("#record-time") == "00:30"
    fill(page)
    assert "2701-001" in save(page)


# --------------------------------------------------------------------------- deadlines

DEADLINES = [
    # received, 15th, 30th and 60th day (the received day is day 1)
    ("2027-01-31", "2027-02-14", "2027-03-01", "2027-03-31"),
    ("2028-01-31", "2028-02-14", "2028-02-29", "2028-03-30"),   # 2028 is a leap year
    ("2028-02-15", "2028-02-29", "2028-03-15", "2028-04-14"),
    ("2027-02-15", "2027-03-01", "2027-03-16", "2027-04-15"),
    ("2026-12-20", "2027-01-03", "2027-01-18", "2027-02-17"),   # over the year end
    ("2027-03-20", "2027-04-03", "2027-04-18", "2027-05-18"),   # over a daylight saving change elsewhere
    ("2100-02-15", "2100-03-01", "2100-03-16", "2100-04-15"),   # 2100 is not a leap year
]


@pytest.mark.parametrize("zone", ["Asia/Shanghai", "America/New_York", "Europe/London", "Pacific/Auckland"])
def test_deadlines_are_calendar_days_in_any_time_zone(browser, server, zone):
    context = browser.new_context(timezone_id=zone, locale="zh-CN")
    page = context.new_page()
    try:
        open_record(page, server.url, when="2100-06-01T02:00:00Z")
        for received, *limits in DEADLINES:
            page.fill("#record-received", received)
            shown = page.inner_text("[data-record-part=deadlines]")
            got = re.findall(r"第 (\d+) 日是 (\d{4}-\d\d-\d\d)", shown)
            assert got == [("15", limits[0]), ("30", limits[1]), ("60", limits[2])], (zone, received, shown)
    finally:
        context.close()


def test_the_applicable_deadline_is_marked_and_printed(page, server):
    open_record(page, server.url)
    fill(page, received="2026-12-01", complexity="复杂")
    assert "复杂：第 30 日是 2026-12-30（周三）（本件的到期日）" in page.inner_text("[data-record-part=deadlines]")


# --------------------------------------------------------------------------- the list


def seed(page, records: list[dict], issued: dict | None = None) -> None:
    full = {}
    for r in records:
        record = {**{k: "" for k in ("time", "channel", "handler", "name", "contact", "contactTime", "subject",
                                     "facts", "request", "extReason", "approver", "approvedOn", "toldOn",
                                     "closedOn", "result")},
                  "complexity": "一般", "status": "处理中", "time": "09:00", **VALID, **r}
        full[record["number"]] = record
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [KEY, json.dumps({"v": 1, "records": full, "issued": issued or {}, "handler": ""})])


def test_the_list_shows_states_and_puts_the_most_urgent_first(page, server):
    open_record(page, server.url)
    seed(page, [
        {"number": "2612-001", "received": "2026-12-01"},                         # day 15 is 12-15: 正常
        {"number": "2611-001", "received": "2026-11-20"},                         # 12-04: 已超期
        {"number": "2611-002", "received": "2026-11-23"},                         # 12-07, today: 3 日内
        {"number": "2611-003", "received": "2026-11-25"},                         # 12-09, in two days: 3 日内
        {"number": "2611-004", "received": "2026-11-26"},                         # 12-10, in three days: 正常
        {"number": "2611-005", "received": "2026-11-10", "complexity": "复杂"},   # 12-09: 3 日内
        {"number": "2611-006", "received": "2026-11-01", "status": "已办结", "closedOn": "2026-11-12"},
        {"number": "2611-007", "received": "2026-11-18"},                         # 12-02: 已超期, longer
    ])
    page.reload()
    page.wait_for_selector("#complaint-record[data-mdx-mounted]")
    assert listed(page) == [
        ("2611-007", "overdue"), ("2611-001", "overdue"), ("2611-002", "soon"), ("2611-003", "soon"),
        ("2611-005", "soon"), ("2611-004", "normal"), ("2612-001", "normal"), ("2611-006", "closed")]
    labels = page.locator("[data-record-part=list] .mdx-intake__state").all_inner_texts()
    assert labels[:3] == ["已超期", "已超期", "3 日内到期"] and labels[-1] == "已办结"


def test_two_tabs_keep_each_others_records_and_numbers(context, server):
    first, second = context.new_page(), context.new_page()
    open_record(first, server.url)
    open_record(second, server.url)            # opened before the first tab saves anything
    assert new_record(first) == "2612-001"
    assert new_record(second) == "2612-002"
    assert sorted(stored(first)["records"]) == ["2612-001", "2612-002"]
    first.wait_for_function("document.querySelectorAll('[data-record-part=list] tbody tr').length === 2")
    second.click('[data-record-open="2612-001"]')
    second.once("dialog", lambda dialog: dialog.accept())
    second.click('[data-record-action="delete"]')
    assert new_record(first) == "2612-003"
    assert sorted(stored(second)["records"]) == ["2612-002", "2612-003"]


def test_the_list_fits_a_phone_screen(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="zh-CN")
    page = context.new_page()
    try:
        open_record(page, server.url)
        seed(page, [{"number": "2611-001", "received": "2026-11-20"}, {"number": "2612-001", "received": "2026-12-01"}])
        page.reload()
        page.wait_for_selector("#complaint-record[data-mdx-mounted]")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        assert page.locator('[data-record-part=list] td[data-label="到期日"]').first.is_visible()
    finally:
        context.close()


def test_records_survive_a_reload_and_open_again(page, server):
    open_record(page, server.url)
    number = new_record(page, facts="第一行\n第二行，带“引号”和 <b>标签</b>")
    page.reload()
    page.wait_for_selector("#complaint-record[data-mdx-mounted]")
    assert listed(page) == [(number, "normal")]
    assert page.locator("[data-record-part=list] b").count() == 0   # text, not markup
    page.click(f'[data-record-open="{number}"]')
    assert page.input_value("#record-facts") == "第一行\n第二行，带“引号”和 <b>标签</b>"
    assert page.inner_text("[data-record-part=number]") == f"编号 {number}"
    assert page.watch.outside == [] and page.watch.errors == []


# --------------------------------------------------------------------------- CSV


def export(page, folder: Path) -> str:
    with page.expect_download() as download:
        page.click('[data-record-action="export"]')
    path = folder / download.value.suggested_filename
    download.value.save_as(path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, for Excel"
    return raw.decode("utf-8-sig")


def test_csv_round_trip_keeps_every_field_and_guards_formulas(browser, server, tmp_path):
    first = browser.new_context(locale="zh-CN")
    page = first.new_page()
    open_record(page, server.url)
    new_record(page, name="=HYPERLINK(\"http://x\")", facts="逗号,引号\"和\n换行", request="+退款", contact="@客服",
               subject="-某支行", received="2026-12-01", complexity="特别复杂", approver="总行 高管", approvedOn="2026-12-03",
               toldOn="2026-12-04", extReason="需调取录像")
    new_record(page, status="已办结", closedOn="2026-12-07", result="已退回，客户认可")
    csv = export(page, tmp_path)
    lines = csv.split("\r\n")
    assert lines[0].startswith('"编号","受理日期","受理时间","受理渠道"') and lines[0].endswith('"到期日"')
    assert '"\'=HYPERLINK(""http://x"")"' in csv and '"\'+退款"' in csv and '"\'@客服"' in csv and '"\'-某支行"' in csv
    before = stored(page)["records"]
    first.close()

    second = browser.new_context(locale="zh-CN")
    other = second.new_page()
    other.watch = PageWatch(other)
    open_record(other, server.url)
    file = tmp_path / "records.csv"
    file.write_text(csv, encoding="utf-8-sig")
    assert "已导入 2 条" in import_file(other, file)
    assert stored(other)["records"] == before
    # The same file again: nothing new.
    assert "已导入 0 条记录，跳过 2 条本机已有的相同记录" in import_file(other, file)
    assert other.watch.outside == [] and other.watch.errors == []
    second.close()


BAD_FILES = {
    "wrong header": (lambda csv: csv.replace('"受理日期"', '"日期"', 1), "表头"),
    "bad date": (lambda csv: csv.replace('"2026-12-01"', '"2026-02-30"', 1), "不是有效的日期"),
    "future date": (lambda csv: csv.replace('"2026-12-01"', '"2026-12-25"', 1), "不能晚于今天"),
    "duplicate numbers": (lambda csv: csv.replace('"2612-002"', '"2612-001"'), "重复"),
    "same number, other content": (lambda csv: csv.replace("客户称转账时被多收手续费。", "别的事", 1), "本机已有，内容不同"),
    "an ID number": (lambda csv: csv.replace("138 0013 8000", "110101199003071234", 1), "像证件号或卡号"),
    "unknown channel": (lambda csv: csv.replace('"电话"', '"飞鸽传书"', 1), "不在选项里"),
    "unclosed quote": (lambda csv: csv + '"2612-009,2026-12-01', "引号"),
    "missing cells": (lambda csv: csv + '"2612-009","2026-12-01"\r\n', "应有 20 栏"),
    "too big": (lambda csv: csv + " " * (1024 * 1024), "文件太大"),
    "not UTF-8": (None, "不是 UTF-8"),
}


@pytest.fixture(scope="module")
def two_exported(browser, server, tmp_path_factory):
    """A page with two records saved and exported, made once for the import cases below (each used to save
    and export its own): the page, the CSV, and the page's localStorage as it was after the export, which
    each case puts back before it imports."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    open_record(page, server.url)
    new_record(page, received="2026-12-01")
    new_record(page, received="2026-12-01")
    csv = export(page, tmp_path_factory.mktemp("two-exported"))
    storage = page.evaluate("JSON.stringify(Object.assign({}, localStorage))")
    yield page, csv, storage
    context.close()


def as_after_the_export(two_exported, keep_records: bool):
    """The shared page with its localStorage as right after the export, without the records unless kept."""
    page, csv, storage = two_exported
    page.evaluate("""saved => { localStorage.clear();
                                for (const [key, value] of Object.entries(JSON.parse(saved))) localStorage.setItem(key, value); }""",
                  storage)
    if not keep_records:
        page.evaluate(f"localStorage.removeItem('{KEY}')")   # the file would otherwise import into this browser
    return page, csv


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_bad_file_is_refused_and_nothing_changes(two_exported, tmp_path, case):
    page, csv = as_after_the_export(two_exported, keep_records=case == "same number, other content")
    before = page.evaluate(f"localStorage.getItem('{KEY}')")
    change, message = BAD_FILES[case]
    file = tmp_path / "bad.csv"
    if change is None:
        file.write_bytes(csv.encode("gb18030"))
    else:
        file.write_text(change(csv), encoding="utf-8")
    page.reload()
    page.wait_for_selector("#complaint-record[data-mdx-mounted]")
    io = import_file(page, file)
    assert io.startswith("没有导入，本机的记录没有任何改动。") and message in io, io
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == before
    assert page.get_attribute("[data-record-part=io]", "aria-live") == "polite"


def test_the_unchanged_file_imports_into_an_empty_browser(two_exported, tmp_path):
    """The bad files above are this file with one thing wrong: without it, the file is fine."""
    page, csv = as_after_the_export(two_exported, keep_records=False)
    file = tmp_path / "good.csv"
    file.write_text(csv, encoding="utf-8")
    page.reload()
    page.wait_for_selector("#complaint-record[data-mdx-mounted]")
    assert "已导入 2 条" in import_file(page, file)


# --------------------------------------------------------------------------- storage


def test_damaged_storage_is_kept_aside_and_the_page_still_works(page, server):
    page.add_init_script(f"localStorage.getItem('{KEY}') === null && localStorage.setItem('{KEY}', '{{not json')")
    open_record(page, server.url)
    assert "已损坏" in page.inner_text("[data-record-part=notice]")
    assert page.evaluate(f"localStorage.getItem('{KEY}.damaged')") == "{not json"
    assert "2612-001" in save_valid(page)
    assert list(stored(page)["records"]) == ["2612-001"]
    assert page.watch.errors == []


def test_a_damaged_record_is_dropped_the_rest_kept(page, server):
    open_record(page, server.url)
    seed(page, [{"number": "2612-001", "received": "2026-12-01"}])
    page.evaluate(f"""() => {{ const d = JSON.parse(localStorage.getItem('{KEY}'));
        d.records['2612-002'] = {{number: '2612-002', received: 'yesterday'}}; d.records['x'] = 5;
        localStorage.setItem('{KEY}', JSON.stringify(d)); }}""")
    page.reload()
    page.wait_for_selector("#complaint-record[data-mdx-mounted]")
    assert listed(page) == [("2612-001", "normal")]
    assert "有 2 条保存的记录已损坏" in page.inner_text("[data-record-part=notice]")


def save_valid(page) -> str:
    fill(page)
    return save(page)


def test_blocked_storage_is_said_and_the_page_works_for_the_visit(page, server, tmp_path):
    page.add_init_script(BLOCK_STORAGE)
    open_record(page, server.url)
    assert "不能保存记录" in page.inner_text("[data-record-part=notice]")
    assert "2612-001" in save_valid(page)
    assert new_record(page) == "2612-002"
    assert listed(page) == [("2612-001", "normal"), ("2612-002", "normal")]
    assert '"2612-002"' in export(page, tmp_path)
    assert page.watch.errors == []


# --------------------------------------------------------------------------- print, navigation, offline


def test_a_filled_record_prints_alone_on_one_a4_page(page, server):
    open_record(page, server.url)
    fill(page, received="2026-12-01", facts="客户称 12 月 5 日在柜台办理跨行转账时被多收手续费，柜员解释时语气生硬。" * 6,
         complexity="特别复杂", approver="分行 李总", approvedOn="2026-12-03", toldOn="2026-12-04",
         extReason="需调取监控录像并与总行核对收费标准")
    save(page)
    pdf = page.pdf(format="A4")
    sheets = re.findall(rb"/Type\s*/Page\b(?!s)", pdf)
    assert len(sheets) == 1
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    for expected in ("投诉受理记录单", "2612-001", "张先生", "分行 李总", "2027-01-29", "受理人签字"):
        assert expected in text, expected
    for absent in ("本机保存的记录", "导出 CSV", "话术", "要记哪些内容", "通话速查"):
        assert absent not in text, absent


def test_reached_by_instant_navigation_from_the_header_it_mounts_once(page, server):
    page.clock.set_fixed_time(TODAY)
    page.goto(server.url)
    link = page.locator("header a.mdx-intake-link")
    assert link.get_attribute("aria-label") == "投诉受理记录单"
    link.click()
    page.wait_for_selector("#complaint-record[data-mdx-mounted]")
    # record.css came too: the print sheet is hidden on screen by it alone
    page.wait_for_function("getComputedStyle(document.querySelector('.mdx-intake__sheet')).display === 'none'")
    page.evaluate("window.__same_document = true")
    page.locator("header a.mdx-finder-link").click()
    page.wait_for_selector("#phrase-finder")
    page.locator("header a.mdx-intake-link").click()
    page.wait_for_selector("#complaint-record[data-mdx-mounted]")
    assert page.evaluate("window.__same_document") is True, "the header link must use instant navigation"
    assert "2612-001" in save_valid(page)
    assert listed(page) == [("2612-001", "normal")]   # one save, one record: the page was mounted once
    assert page.watch.outside == [] and page.watch.errors == []


def test_the_record_page_loads_its_files_and_others_do_not(site_dir):
    record = (site_dir / "record" / "index.html").read_text(encoding="utf-8")
    head, body = record.split("</head>", 1)
    assert "assets/stylesheets/record.css" in head and "assets/javascripts/record.js" in body
    finder = (site_dir / "finder" / "index.html").read_text(encoding="utf-8")
    assert "record.js" not in finder and "record.css" not in finder


def test_it_works_from_the_offline_zip(page, offline_dir):
    page.clock.set_fixed_time(TODAY)
    page.goto((offline_dir / "record.html").as_uri())
    page.wait_for_selector("#complaint-record[data-mdx-mounted]")
    assert "2612-001" in save_valid(page)
    page.reload()
    page.wait_for_selector("#complaint-record[data-mdx-mounted]")
    assert listed(page) == [("2612-001", "normal")]
    assert page.watch.outside == [] and page.watch.errors == []


# --------------------------------------------------------------------------- phrases and keyboard


def test_each_part_has_its_phrases_one_click_away_with_a_copy_button(page, server, library):
    open_record(page, server.url)
    chosen = load_record_phrases(PROJECT, library.phrases)
    for field, phrases in chosen.items():
        box = page.locator(f'[data-record-phrases="{field}"]')
        box.locator("summary").click()
        buttons = box.locator(".mdx-phrase__copy")
        assert buttons.count() == len(phrases)
        assert buttons.first.is_visible()
        assert buttons.first.get_attribute("data-clipboard-text") == phrases[0].text


def test_the_form_can_be_filled_and_saved_by_keyboard_alone(page, server):
    open_record(page, server.url)
    page.focus("#record-received")
    typed = {"record-channel": None, "record-handler": "王芳", "record-name": "张先生", "record-contact": "13800138000",
             "record-subject": "某支行", "record-facts": "多收了手续费", "record-request": "退回"}
    seen = []
    for _ in range(80):
        page.keyboard.press("Tab")
        current = page.evaluate("document.activeElement.id || document.activeElement.textContent.trim()")
        seen.append(current)
        if current == "record-channel":
            page.keyboard.press("ArrowDown")
        elif current in typed:
            page.keyboard.type(typed[current])
        elif current == "保存":
            page.keyboard.press("Enter")
            break
    assert "2612-001" in page.inner_text("[data-record-part=notice]"), seen


HOSTILE = '<img src=x onerror="window.__owned=1">"><script>window.__owned=1</script>'


def test_markup_typed_into_a_record_stays_text_in_the_list_the_sheet_and_the_form(page, server):
    """What a handler types (or a pasted CRM note) is text wherever the page shows it again."""
    open_record(page, server.url)
    fill(page, name="张" + HOSTILE, subject=HOSTILE, facts="经过：" + HOSTILE, request=HOSTILE)
    number = saved_number(page)
    page.reload()
    page.wait_for_selector("#complaint-record[data-mdx-mounted]")
    page.click(f'[data-record-open="{number}"]')
    page.wait_for_timeout(200)
    assert page.evaluate("window.__owned") is None
    for part in ("list", "sheet"):
        box = page.locator(f"[data-record-part={part}]")
        assert box.locator("img, script").count() == 0, f"markup became elements in the {part}"
        assert HOSTILE in box.text_content(), f"the {part} shows what was typed, as typed"
    assert page.input_value("#record-facts") == "经过：" + HOSTILE


def test_delete_is_offered_only_for_a_saved_record(page, server):
    open_record(page, server.url)
    delete = page.locator('[data-record-action="delete"]')
    assert not delete.is_visible(), "a record not yet saved has nothing to delete"
    fill(page)
    number = saved_number(page)
    page.click('[data-record-action="new"]')
    assert not delete.is_visible()
    page.click(f'[data-record-open="{number}"]')
    assert delete.is_visible()
