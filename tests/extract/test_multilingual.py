"""The default extractor reads English everywhere and Arabic where there is Arabic."""
from __future__ import annotations

import datetime as dt

from civcas.extract import RulesExtractor, extract, find_published

PAGE = ("Copy link to post\n\nPosted by a local news page\n\n"
        "قتل خمسة مدنيين بينهم طفلان جراء قصف مدفعي على قرية في ريف إدلب الجنوبي اليوم الأحد.\n\n"
        "12 likes · 3 shares")


def test_an_arabic_post_in_an_english_page_gives_its_claims():
    claims = extract(PAGE, dt.date(2023, 10, 8))
    toll = [c for c in claims if c.count_min == 5]
    assert len(toll) == 1
    c = toll[0]
    assert c.type == "incident" and c.children_min == 2 and c.rule.startswith("ar.")
    assert PAGE[c.span[0]:c.span[1]] == c.quote
    assert c.event_date == dt.date(2023, 10, 8)


def test_english_text_reads_as_the_english_rules_alone():
    text = "An airstrike on Monday killed at least 12 civilians in Mosul, Iraq, local officials said."
    assert [c.to_dict() for c in extract(text, dt.date(2017, 3, 22))] == \
        [c.to_dict() for c in RulesExtractor().extract(text, dt.date(2017, 3, 22))]


def test_published_date_of_an_arabic_post():
    post = "صفحة إخبارية محلية\nNovember 23, 2025 ·\nمقتل مدني وإصابة ثلاثة آخرين بقصف على بلدة في ريف حلب."
    assert find_published(post) == dt.date(2025, 11, 23)
    # an English body's event date is still not taken for a publication date
    assert find_published("On May 29, 2017 a strike hit a school, which is an event, not a dateline, "
                          "and the article goes on for a long while after it.") is None
