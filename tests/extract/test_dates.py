"""Dates resolved against the publication date; the header date found in the first lines."""
from __future__ import annotations

import datetime as dt

import pytest

from civcas.extract import find_published
from civcas.extract.dates import dates_in

PUB = dt.date(2017, 5, 1)   # a Monday


@pytest.mark.parametrize("text, start, end, precision", [
    ("on Dec. 28, 2014", dt.date(2014, 12, 28), dt.date(2014, 12, 28), "day"),
    ("on 3 June 2016", dt.date(2016, 6, 3), dt.date(2016, 6, 3), "day"),
    ("on March 17", dt.date(2017, 3, 17), dt.date(2017, 3, 17), "day"),
    ("on December 2", dt.date(2016, 12, 2), dt.date(2016, 12, 2), "day"),       # later than publication: last year
    ("on Sunday", dt.date(2017, 4, 30), dt.date(2017, 4, 30), "day"),
    ("last month", dt.date(2017, 4, 1), dt.date(2017, 4, 30), "month"),
    ("last week", dt.date(2017, 4, 24), dt.date(2017, 4, 30), "week"),
    ("yesterday", dt.date(2017, 4, 30), dt.date(2017, 4, 30), "day"),
    ("in early March of this year", dt.date(2017, 3, 1), dt.date(2017, 3, 10), "month"),
    ("in November 2014", dt.date(2014, 11, 1), dt.date(2014, 11, 30), "month"),
    ("in 2015", dt.date(2015, 1, 1), dt.date(2015, 12, 31), "year"),
])
def test_relative_and_absolute_dates(text, start, end, precision):
    d = dates_in(text, published=PUB)[0]
    assert (d.start, d.end, d.precision) == (start, end, precision)


def test_relative_date_needs_publication_date():
    assert dates_in("on Sunday", published=None) == []
    assert dates_in("on Dec. 28, 2014", published=None)[0].start == dt.date(2014, 12, 28)


@pytest.mark.parametrize("header, expected", [
    ("Strike kills five in market town\nDaily Monitor\nFri, 04 Aug 2017 16:23 UTC\nBody text here.", dt.date(2017, 8, 4)),
    ("Title line\n\nSome Outlet\n\nDate of publication: 1 May, 2017\n\nBody.", dt.date(2017, 5, 1)),
    ("Title\nPublished: March 3, 2016\nBody.", dt.date(2016, 3, 3)),
    ("Title\n2018-02-11\nBody.", dt.date(2018, 2, 11)),
])
def test_find_published_in_header(header, expected):
    assert find_published(header) == expected


@pytest.mark.parametrize("header, expected", [
    # datelines: place, date and a source label, set off by punctuation
    ("Floods cut roads in the north\nHARBOUR TOWN, Narnia - 9 October 2020 - Wire service\n\nBody.",
     dt.date(2020, 10, 9)),
    ("Floods cut roads\nBy our correspondent | Lantern City | Published 14 May 2018\n\nBody.", dt.date(2018, 5, 14)),
    ("Floods: live\nRolling updates, 3 March 2022 (local time)\n\nBody.", dt.date(2022, 3, 3)),
    ("Floods cut roads\nCAPITAL, Jan. 5, 2016 (wire report)\n\nBody.", dt.date(2016, 1, 5)),
    # a dateline that opens the first paragraph
    ("Floods cut roads\n\nRIVERTON, Narnia, Sept. 12, 2019 -- Heavy rain closed every road into the valley "
     "on Wednesday, leaving three villages cut off, officials said.", dt.date(2019, 9, 12)),
    ("Floods cut roads\n\nRiverton, Aug. 2, 2021 \u2014 Heavy rain closed every road into the valley on "
     "Wednesday, leaving three villages cut off, officials said.", dt.date(2021, 8, 2)),
])
def test_find_published_in_dateline(header, expected):
    assert find_published(header) == expected


def test_find_published_ignores_dates_inside_headline_sentences():
    assert find_published("Court to rule on 3 March 2021 over the flood claims\n\nBody text.") is None
    opening = ("On March 3, 2019 - a date the town remembers - the river broke its banks and swept away the old "
               "bridge, officials said later that week.")
    assert find_published("Headline\n\n" + opening) is None


def test_find_published_ignores_body_dates():
    body = ("A long first sentence of an article that mentions that on May 29, 2017 something happened somewhere, "
            "which is an event date and not the publication date of this article at all.")
    assert find_published(body) is None
    late = "\n".join(f"line {i}" for i in range(12)) + "\nFri, 04 Aug 2017 16:23 UTC"
    assert find_published(late) is None


def test_weekday_parts_of_the_day():
    """"in the early hours of Tuesday", "Saturday night": a day, resolved against publication."""
    import datetime as dt

    from civcas.extract import extract

    published = dt.date(2016, 7, 21)  # a Thursday
    (c,) = [c for c in extract("Monitors said 9 civilians were killed in a strike on Hamra in the early "
                               "hours of Tuesday.", published) if c.count_min == 9]
    assert (c.event_date, c.date_precision) == (dt.date(2016, 7, 19), "day")
    (c,) = [c for c in extract("Residents said a drone strike on Saturday night killed four civilians "
                               "near Hajin.", published) if c.count_min == 4]
    assert c.event_date == dt.date(2016, 7, 16)
