"""Reading the outreach list (pure)."""

from __future__ import annotations

from backend.visits.outreach_csv import parse_companies


def test_chinese_headers_and_bad_lines() -> None:
    text = (
        "\ufeff单位名称,统一社会信用代码,地址,联系人,电话\n"
        "甲公司,91520201MA6DQ3R754,钟山区1号,王,13800138000\n"
        ",,钟山区2号,,\n"
        "乙公司,BAD,钟山区3号,,\n"
        "甲公司,91520201MA6DQ3R754,钟山区1号,王,13800138000\n"
        "丙公司,,水城区4号,,\n"
    )
    parsed = parse_companies(text)
    assert [r.name for r in parsed.rows] == ["甲公司", "丙公司"]
    assert len(parsed.problems) == 3
    assert parsed.problems[0].startswith("第 3 行")


def test_header_required() -> None:
    assert parse_companies("").problems == ["文件为空"]
    assert parse_companies("a,b\n1,2\n").rows == []


def test_a_bare_carriage_return_ends_a_line_instead_of_breaking_the_reader() -> None:
    # the GraphQL fuzz sent "\r9": csv refused the bare \r with an exception (INTERNAL_ERROR)
    parsed = parse_companies("单位名称,地址\r六盘水建材有限公司,钟山区人民路1号\r9")
    assert [row.name for row in parsed.rows] == ["六盘水建材有限公司"]
    assert parse_companies("\r9").problems
