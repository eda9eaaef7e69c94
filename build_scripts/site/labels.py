"""UI strings and date formats in the three languages of the site."""
from __future__ import annotations

import datetime as dt

from ..project import LANGUAGES

# The languages (project.LANGUAGES) as the site code reads them.
LANGS = tuple(x.code for x in LANGUAGES)
DEFAULT_LANG = LANGS[0]
PREFIX = {x.code: x.prefix for x in LANGUAGES}            # where each lives under the site URL
OG_LOCALE = {x.code: x.og_locale for x in LANGUAGES}
NATIVE_NAME = {x.code: x.native_name for x in LANGUAGES}   # for the switcher

LABELS: dict[str, dict[str, str]] = {
    "zh-Hans": {
        "site_name": "报纸档案",
        "home": "最新一期",
        "archive": "往期档案",
        "authors": "作者",
        "about": "关于",
        "issue": "{publication} {date}",
        "page": "第{page}版",
        "page_named": "第{page}版 · {name}",
        "articles": "{n} 篇文章",
        "undated": "未标日期的版面",
        "byline": "作者",
        "cite": "引用本文",
        "permalink": "永久链接",
        "made_with": "本站由 {generator} 生成",
        "source": "原始文本",
        "source_lines": "查看原始文本：{file} 第 {first}–{last} 行",
        "source_lines_zh": "查看原始文本：{file} 第 {first}–{last} 行",
        "source_page": "原始文本：{file}",
        "source_page_of": "{where} · 原始文本",
        "source_file": "文件：{file}",
        "source_span": "第 {first}–{last} 行：{title}",
        "captions": "图片说明",
        "original": "原文",
        "bilingual": "中英对照",
        "bilingual_off": "关闭对照",
        "misaligned": "此处中英文段落未能对齐（中文 {a} 段，英文 {b} 段）。",
        "missing": "（无对应内容）",
        "pair_missing": "本文没有英文版本，无法中英对照。",
        "pair_failed": "英文版本暂时无法载入，请稍后再试。",
        "conversion": "本文由 OpenCC（{config}）自简体原文自动转换。",
        "translation_machine": "本文为机器翻译（{engine}，{date}）。",
        "translation_reviewed": "本文译文经编辑审校{by}。",
        "read_original": "阅读原文",
        "search_placeholder": "搜索",
        "search_idle": "输入关键词开始搜索",
        "search_none": "没有找到相关文章",
        "search_count": "找到 {n} 篇文章",
        "search_count_one": "找到 1 篇文章",
        "search_error": "搜索暂不可用",
        "search_recent": "（仅 {from} 至 {to}）",
        "search_partial": "（其他年份只找了标题相同的文章）",
        "search_all": "搜索全部年份",
        "search_more": "更多结果",
        "search_year": "年份",
        "search_page": "版面",
        "search_any": "全部",
        "search_filter": "筛选",
        "search_page_label": "第{n}版 {name}",
        "search_date": "{y}年{m}月{d}日",
        "search_other_site": "",
        "colon": "：",
        "prev_issue": "上一期",
        "next_issue": "下一期",
        "prev_article": "上一篇",
        "next_article": "下一篇",
        "lead_story": "头条",
        "pick_date": "按日期查看",
        "picker_prev_month": "上个月",
        "picker_next_month": "下个月",
        "weekdays": "一,二,三,四,五,六,日",
        "prev_page": "上一版",
        "next_page": "下一版",
        "issue_pages": "本期版面",
        "all_issues": "全部期数",
        "author_articles": "{name}的文章",
        "no_articles": "暂无文章",
        "feed": "订阅（RSS）",
        "paper_page": "{publication} · {date} · {page}",
        "language": "语言",
        "not_found_title": "页面不存在",
        "not_found_text": "这个地址没有页面：可能已经移动，或者地址有误。可以搜索文章，或回到最新一期。",
        "not_found_suggest": "您要找的可能是：",
        "not_found_search": "搜索文章",
    },
    "zh-Hant": {
        "site_name": "報紙檔案",
        "home": "最新一期",
        "archive": "往期檔案",
        "authors": "作者",
        "about": "關於",
        "issue": "{publication} {date}",
        "page": "第{page}版",
        "page_named": "第{page}版 · {name}",
        "articles": "{n} 篇文章",
        "undated": "未標日期的版面",
        "byline": "作者",
        "cite": "引用本文",
        "permalink": "永久連結",
        "made_with": "本站由 {generator} 產生",
        "source": "原始文本",
        "source_lines": "查看原始文本：{file} 第 {first}–{last} 行",
        "source_lines_zh": "查看原始文本（簡體中文）：{file} 第 {first}–{last} 行",
        "source_page": "原始文本：{file}",
        "source_page_of": "{where} · 原始文本",
        "source_file": "檔案：{file}",
        "source_span": "第 {first}–{last} 行：{title}",
        "captions": "圖片說明",
        "original": "原文",
        "bilingual": "中英對照",
        "bilingual_off": "關閉對照",
        "misaligned": "此處中英文段落未能對齊（中文 {a} 段，英文 {b} 段）。",
        "missing": "（無對應內容）",
        "pair_missing": "本文沒有英文版本，無法中英對照。",
        "pair_failed": "英文版本暫時無法載入，請稍後再試。",
        "conversion": "本文由 OpenCC（{config}）自簡體原文自動轉換。",
        "translation_machine": "本文為機器翻譯（{engine}，{date}）。",
        "translation_reviewed": "本文譯文經編輯審校{by}。",
        "read_original": "閱讀原文",
        "search_placeholder": "搜尋",
        "search_idle": "輸入關鍵詞開始搜尋",
        "search_none": "沒有找到相關文章",
        "search_count": "找到 {n} 篇文章",
        "search_count_one": "找到 1 篇文章",
        "search_error": "搜尋暫不可用",
        "search_recent": "（僅 {from} 至 {to}）",
        "search_partial": "（其他年份只找了標題相同的文章）",
        "search_all": "搜尋全部年份",
        "search_more": "更多結果",
        "search_year": "年份",
        "search_page": "版面",
        "search_any": "全部",
        "search_filter": "篩選",
        "search_page_label": "第{n}版 {name}",
        "search_date": "{y}年{m}月{d}日",
        "search_other_site": "",
        "colon": "：",
        "prev_issue": "上一期",
        "next_issue": "下一期",
        "prev_article": "上一篇",
        "next_article": "下一篇",
        "lead_story": "頭條",
        "pick_date": "按日期檢視",
        "picker_prev_month": "上個月",
        "picker_next_month": "下個月",
        "weekdays": "一,二,三,四,五,六,日",
        "prev_page": "上一版",
        "next_page": "下一版",
        "issue_pages": "本期版面",
        "all_issues": "全部期數",
        "author_articles": "{name}的文章",
        "no_articles": "暫無文章",
        "feed": "訂閱（RSS）",
        "paper_page": "{publication} · {date} · {page}",
        "language": "語言",
        "not_found_title": "找不到頁面",
        "not_found_text": "這個網址沒有頁面：可能已經移動，或者網址有誤。可以搜尋文章，或回到最新一期。",
        "not_found_suggest": "您要找的可能是：",
        "not_found_search": "搜尋文章",
    },
    "en": {
        "site_name": "Newspaper Archive",
        "home": "Latest issue",
        "archive": "Archive",
        "authors": "Authors",
        "about": "About",
        "issue": "{publication}, {date}",
        "page": "Page {page}",
        "page_named": "Page {page} · {name}",
        "articles": "{n} articles",
        "undated": "Undated pages",
        "byline": "By",
        "cite": "Cite this article",
        "permalink": "Permalink",
        "made_with": "Made with {generator}",
        "source": "Source text",
        "source_lines": "View the printed text: {file}, lines {first}–{last}",
        "source_lines_zh": "View the printed text (in Chinese): {file}, lines {first}–{last}",
        "source_page": "Source text: {file}",
        "source_page_of": "{where} · printed text",
        "source_file": "File: {file}",
        "source_span": "Lines {first}–{last}: {title}",
        "captions": "Captions",
        "original": "Original",
        "bilingual": "Chinese | English",
        "bilingual_off": "Close parallel text",
        "misaligned": "The Chinese and English paragraphs do not align here ({a} Chinese, {b} English).",
        "missing": "(nothing corresponds to this)",
        "pair_missing": "This article has no Chinese version to read alongside.",
        "pair_failed": "The Chinese version could not be loaded; try again later.",
        "conversion": "Converted from the Simplified original by OpenCC ({config}).",
        "translation_machine": "Machine translation ({engine}, {date}).",
        "translation_reviewed": "Translation reviewed by an editor{by}.",
        "read_original": "Read the original",
        "search_placeholder": "Search",
        "search_idle": "Type to start searching",
        "search_none": "No matching articles",
        "search_count": "{n} articles found",
        "search_count_one": "1 article found",
        "search_error": "Search is not available",
        "search_recent": " (from {from} to {to} only)",
        "search_partial": " (other years: only articles with this headline)",
        "search_all": "Search all years",
        "search_more": "More results",
        "search_year": "Year",
        "search_page": "Page",
        "search_any": "All",
        "search_filter": "Filter",
        "search_page_label": "page {n} · {name}",
        "search_date": "{d} {month} {y}",
        "search_other_site": "Search the Chinese site for “{q}”",
        "colon": ": ",
        "prev_issue": "Previous issue",
        "next_issue": "Next issue",
        "prev_article": "Previous article",
        "next_article": "Next article",
        "lead_story": "Lead story",
        "pick_date": "Issues by date",
        "picker_prev_month": "Previous month",
        "picker_next_month": "Next month",
        "weekdays": "Mon,Tue,Wed,Thu,Fri,Sat,Sun",
        "prev_page": "Previous page",
        "next_page": "Next page",
        "issue_pages": "Pages in this issue",
        "all_issues": "All issues",
        "author_articles": "Articles by {name}",
        "no_articles": "No articles yet",
        "feed": "RSS feed",
        "paper_page": "{publication} · {date} · {page}",
        "language": "Language",
        "not_found_title": "Page not found",
        "not_found_text": "There is no page at this address: it may have moved, or the address may be mistyped. Search the articles, or go back to the latest issue.",
        "not_found_suggest": "Perhaps you were looking for:",
        "not_found_search": "Search the articles",
    },
}

# What the 404 page (overrides/404.html) needs in every language: GitHub Pages serves the root
# 404.html for every missing path, and notfound.js shows it in the language of the path.
NOT_FOUND_KEYS = ("site_name", "home", "archive", "authors", "about", "language", "made_with")
NOT_FOUND_PREFIXES = ("not_found_", "search_")


# The search box's words (search.js reads them from its attributes): attribute → label. Set
# on every page by assets/md-scope.js, on the 404 page in the requested language by
# assets/notfound.js; Material's own two ("data-options", "data-reset") each add from its
# translations.
SEARCH_BOX_WORDS = {
    "data-more": "search_more", "data-page-label": "search_page_label", "data-date": "search_date",
    "data-other-site": "search_other_site", "data-idle": "search_idle", "data-count": "search_count",
    "data-count-one": "search_count_one", "data-none": "search_none", "data-error": "search_error",
    "data-recent": "search_recent", "data-partial": "search_partial", "data-all": "search_all",
    "data-filter": "search_filter", "data-year": "search_year", "data-page": "search_page",
    "data-any": "search_any",
}


def search_box_words(lang: str) -> dict[str, str]:
    """The search box's attributes of words (SEARCH_BOX_WORDS) in ``lang``."""
    return {attr: LABELS[lang][key] for attr, key in SEARCH_BOX_WORDS.items()}


def not_found_labels() -> dict[str, dict]:
    """Each language's strings for the 404 page, with its URL prefix and its search box's words."""
    return {lang: {"prefix": PREFIX[lang], "search_box": search_box_words(lang),
                   **{k: v for k, v in LABELS[lang].items()
                      if k in NOT_FOUND_KEYS or k.startswith(NOT_FOUND_PREFIXES)}}
            for lang in LANGS}


_EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July",
              "August", "September", "October", "November", "December"]


def nested_roots(lang: str) -> set[str]:
    """The folders in a language's root that are other languages' roots (the zh-Hans root,
    the site's own, holds zh-Hant/ and en/)."""
    return {PREFIX[x].strip("/") for x in LANGS if PREFIX[x]} if not PREFIX[lang] else set()


def t(lang: str, key: str, **kw) -> str:
    text = LABELS[lang].get(key) or LABELS["en"][key]
    return text.format(**kw) if kw else text


def format_date(lang: str, date: dt.date | None) -> str:
    if date is None:
        return ""
    if lang == "en":
        return f"{date.day} {_EN_MONTHS[date.month - 1]} {date.year}"
    return f"{date.year}年{date.month}月{date.day}日"


def format_month(lang: str, year: int, month: int) -> str:
    if lang == "en":
        return f"{_EN_MONTHS[month - 1]} {year}"
    return f"{year}年{month}月"


def format_year(lang: str, year: int) -> str:
    return str(year) if lang == "en" else f"{year}年"


def page_label(lang: str, page: int | None, name: str | None) -> str:
    if page is None:
        return name or ""
    return t(lang, "page_named", page=page, name=name) if name else t(lang, "page", page=page)
