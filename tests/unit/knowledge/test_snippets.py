from backend.knowledge.snippets import highlight, plain_text


def test_markdown_becomes_one_line_of_plain_text() -> None:
    markdown = "# 标题\n\n- 第一项 **重点**\n- [链接](https://x.cn)\n\n| a | b |\n|---|---|\n"
    assert plain_text(markdown) == "标题 第一项 重点 链接 a b"


def test_matches_are_marked() -> None:
    assert (
        highlight("职工租房可以提取", ["租房", "提取"])
        == "职工<mark>租房</mark>可以<mark>提取</mark>"
    )


def test_longer_term_wins_where_terms_overlap() -> None:
    assert highlight("住房公积金", ["公积金", "住房公积金"]) == "<mark>住房公积金</mark>"


def test_window_moves_to_the_matches_with_ellipses() -> None:
    text = "前" * 100 + "租房提取" + "后" * 100
    snippet = highlight(text, ["租房"], length=30)
    assert snippet.startswith("…")
    assert snippet.endswith("…")
    assert "<mark>租房</mark>" in snippet
    assert len(snippet.replace("<mark>", "").replace("</mark>", "")) == 32


def test_window_prefers_the_place_with_most_matches() -> None:
    text = "租房" + "。" * 60 + "租房提取租房" + "。" * 60
    snippet = highlight(text, ["租房", "提取"], length=20)
    assert snippet.count("<mark>") == 3


def test_text_is_html_escaped_so_the_snippet_is_safe_to_render() -> None:
    snippet = highlight("<script>租房</script>", ["租房"])
    assert snippet == "&lt;script&gt;<mark>租房</mark>&lt;/script&gt;"


def test_matching_ignores_ascii_case() -> None:
    assert highlight("拨打 12329 或 APP", ["app"]) == "拨打 12329 或 <mark>APP</mark>"


def test_no_match_gives_the_start_of_the_text() -> None:
    assert highlight("甲乙丙丁", ["租房"], length=2) == "甲乙…"
