"""The Arabic rules on short reports written for these tests (not taken from any source)."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from civcas.extract.arabic import extract_arabic, is_arabic, parse_arabic_date

PUB = dt.date(2024, 11, 13)   # a Wednesday


def _one(text, published=PUB):
    claims = extract_arabic(text, published)
    for c in claims:
        assert text[c.span[0]:c.span[1]] == c.quote
        assert c.rule and c.rule.startswith("ar.")
    assert len(claims) == 1, [c.to_dict() for c in claims]
    return claims[0]


# (report, expected fields of its single claim)
CASES = [
    # digits, Western and Arabic-Indic
    ("قتل 7 مدنيين في قصف على بلدة التمانعة.",
     dict(count_min=7, count_max=7, qualifier="exact", victims="civilians", counted="killed")),
    ("أسفر القصف عن مقتل ١٤ شخصاً في مدينة سراقب.",
     dict(count_min=14, count_max=14, victims="people", place_text="مدينة سراقب")),
    # number words, masculine and feminine, teens and tens
    ("استشهد خمسة أطفال جراء غارة على المخيم.", dict(count_min=5, victims="children", children_min=5)),
    ("قتلت ثلاث نساء بقذيفة سقطت على السوق.", dict(count_min=3, victims="women", women_min=3,
                                                    strike_type="artillery")),
    ("مقتل أحد عشر مدنياً بغارات على الريف.", dict(count_min=11, victims="civilians")),
    ("مقتل خمسة وعشرين شخصاً بحسب الأهالي.", dict(count_min=25, asserted_by="الأهالي")),
    # duals
    ("مقتل مدنيين اثنين بقصف على قرية البارة.", dict(count_min=2, victims="civilians", place_text="قرية البارة")),
    ("استشهاد طفلين بقصف مدفعي.", dict(count_min=2, victims="children", children_min=2)),
    ("قتل شخصان وأصيب ثلاثة آخرون بانفجار صاروخ.", dict(count_min=2, injured_min=3, strike_type="missile")),
    ("شهيدان في حصيلة أولية للقصف.", dict(count_min=2, victims="unspecified")),
    # hedges
    ("مقتل أكثر من 30 مدنياً في غارات جوية.", dict(count_min=30, count_max=None, qualifier="more_than")),
    ("مقتل ما لا يقل عن 12 شخصاً بقصف الطيران.", dict(count_min=12, count_max=None, qualifier="at_least")),
    ("قتل 9 مدنيين على الأقل في القصف الجوي.", dict(count_min=9, count_max=None, qualifier="at_least")),
    ("مقتل نحو 40 مدنياً في المجزرة.", dict(count_min=40, count_max=40, qualifier="about")),
    ("مقتل حوالي 15 شخصاً بالقصف.", dict(count_min=15, qualifier="about")),
    ("استشهاد قرابة 20 مدنياً في القصف.", dict(count_min=20, qualifier="about")),
    # dozens
    ("مقتل عشرات المدنيين بقصف جوي على السوق الشعبي.", dict(count_min=24, count_max=None, qualifier="dozens",
                                                           victims="civilians")),
    # injured only
    ("إصابة 6 مدنيين بينهم طفل بقصف مسيرة.", dict(count_min=None, injured_min=6, counted="injured",
                                                 strike_type="drone")),
    # killed with injured and parts
    ("مقتل 8 مدنيين بينهم 3 أطفال وامرأتان وإصابة 11 آخرين.",
     dict(count_min=8, children_min=3, women_min=2, injured_min=11)),
    ("استشهاد أربعة أطفال ووالدتهم بغارة.", dict(count_min=5, children_min=4, women_min=1)),
    ("مقتل ثلاثة أطفال وامرأة بقصف صاروخي.", dict(count_min=4, children_min=3, women_min=1)),
    ("مقتل طفلة بقصف مدفعي على قرية.", dict(count_min=1, victims="children", children_min=1)),
    ("مقتل أحد المدنيين بقصف جوي.", dict(count_min=1, victims="civilians")),
    # ages and years are not figures
    ("مقتل طفل يبلغ من العمر 12 عاماً بقصف في عام 2019.", dict(count_min=1, victims="children")),
    # attribution
    ("وقال الدفاع المدني إن 6 مدنيين قتلوا في القصف.", dict(count_min=6, asserted_by="الدفاع المدني")),
    ("مقتل 4 مدنيين بحسب المرصد السوري لحقوق الإنسان.",
     dict(count_min=4, asserted_by="المرصد السوري لحقوق الإنسان")),
    ("ووفقاً لمراسل الشبكة، قتل 3 أشخاص في القصف.", dict(count_min=3, asserted_by="مراسل الشبكة")),
    # belligerents
    ("مقتل 5 مدنيين بغارات للطيران الروسي على ريف إدلب.",
     dict(belligerent="Russian forces", strike_type="air", place_text="ريف إدلب")),
    ("مقتل 3 مدنيين بغارة للتحالف الدولي على مدينة الرقة.",
     dict(belligerent="US-led coalition", place_text="مدينة الرقة")),
    ("مقتل مدني بقصف مدفعي لقوات النظام على بلدة كنصفرة.", dict(belligerent="regime", strike_type="artillery")),
    ("مقتل امرأة بقصف مسيرة تركية قرب عين عيسى.", dict(belligerent="Turkey", strike_type="drone", women_min=1)),
    ("أصيب 4 مدنيين بقصف لقسد على مدينة الباب.", dict(belligerent="SDF", injured_min=4)),
    ("مقتل شخصين بغارة إسرائيلية على ريف دمشق.", dict(belligerent="Israel", count_min=2)),
    # dates
    ("قتل 6 مدنيين اليوم الأربعاء في قصف جوي.", dict(event_date=dt.date(2024, 11, 13), date_precision="day")),
    ("قتل 6 مدنيين أمس في قصف جوي.", dict(event_date=dt.date(2024, 11, 12), date_precision="day")),
    ("قتل 6 مدنيين يوم الاثنين في قصف جوي.", dict(event_date=dt.date(2024, 11, 11))),
    ("قتل 6 مدنيين في 10 تشرين الثاني 2023 بقصف جوي.", dict(event_date=dt.date(2023, 11, 10))),
    ("قتل 6 مدنيين في 2 نوفمبر بقصف جوي.", dict(event_date=dt.date(2024, 11, 2))),
    ("قتل 6 مدنيين في 20 ديسمبر بقصف جوي.", dict(event_date=dt.date(2023, 12, 20))),
    # a harm noun counted, with a civilian adjective
    ("ارتفاع حصيلة القصف إلى 17 قتيلاً مدنياً.", dict(count_min=17, victims="civilians")),
    # a bare figure governed by the harm word
    ("مقتل 5 وإصابة 10 بقصف روسي.", dict(count_min=5, injured_min=10, belligerent="Russian forces")),
    # a figure after a colon, and in brackets
    ("حصيلة القصف: 4 قتلى بينهم طفلان.", dict(count_min=4, children_min=2, victims="unspecified")),
    ("مقتل (4) مدنيين بقصف مدفعي.", dict(count_min=4, victims="civilians")),
    # a named victim with relatives: the name is one
    ("استشهد الحاج سليم وأولاده الثلاثة بغارة على القرية.", dict(count_min=4)),
    ("مقتل حسان وزوجته بقصف على منزلهما.", dict(count_min=2, women_min=1)),
    ("أدت الغارة إلى مقتله مع طفليه وزوجته.", dict(count_min=4, children_min=2, women_min=1)),
    ("مقتل عادل بالإضافة إلى اثنين من أبنائه بقصف.", dict(count_min=3)),
    # a toll that rose, its harm word far back
    ("ارتفعت حصيلة ضحايا القصف المدفعي على بلدة الأتارب، إلى سبعة مدنيين.", dict(count_min=7, victims="civilians")),
    ("ارتفع عدد الشهداء في المخيم إلى 9.", dict(count_min=9, victims="unspecified")),
    # one victim: an indefinite singular harm noun after an event word
    ("سقوط قتيل وثلاثة جرحى بقصف على السوق.", dict(count_min=1, injured_min=3)),
    ("ارتقاء شهيد بقصف مسيرة على الطريق.", dict(count_min=1, strike_type="drone")),
    ("شهيد و3 جرحى بقصف على ورشة في الجبل.", dict(count_min=1, injured_min=3)),
    ("الحصيلة الأولية: قتيل وعدة إصابات في السوق.", dict(count_min=1, injured_min=3, injured_max=None)),
    # civilian callings are people
    ("استشهد الصحفي سامي نور بغارة جوية.", dict(count_min=1, victims="people")),
    ("مقتل 3 عمال بقصف على معمل للإسمنت.", dict(count_min=3, victims="people")),
    # a breakdown in brackets is parts, not more dead
    ("قتل 5 مدنيين من عائلة واحدة (رجل وزوجته و3 من أطفالهما) بغارة.", dict(count_min=5, children_min=3,
                                                                             women_min=1, men_min=1)),
    ("ارتفع عدد الضحايا إلى 6 قتلى مدنيين (طفلان وسيدتان ورجلان).", dict(count_min=6, children_min=2)),
    # "بين قتيل وجريح" after the figure: killed or injured
    ("ارتكبت الطائرات مجزرة راح ضحيتها 12 مدنياً بين قتيل وجريح.", dict(count_min=12, counted="killed or injured")),
    # a killed-or-injured pair governs one figure
    ("قصف الطيران يقتل ويجرح أكثر من 40 مدنياً في المدينة.", dict(count_min=40, counted="killed or injured")),
    ("مقتل وإصابة 5 أشخاص بانفجار عبوة.", dict(count_min=5, counted="killed or injured")),
    ("قتل شخص على الأقل وأصيب ثلاثة آخرون بغارة.", dict(count_min=1, injured_min=3, counted="killed")),
    ("استشهاد امرأة وطفلتها بقصف مدفعي.", dict(count_min=2, women_min=1, children_min=1)),
    ("استشهاد أب وابنتين له بغارة.", dict(count_min=3, men_min=1)),
    # companions count as people
    ("قتل الشاب حسين و3 من أصحابه بغارة على البستان.", dict(count_min=4)),
    # more killed wordings
    ("ارتكبت الطائرات مجزرة راح ضحيتها تسعة مدنيين.", dict(count_min=9, victims="civilians")),
    ("قصف صاروخي أودى بحياة امرأتين في المخيم.", dict(count_min=2, victims="women", women_min=2)),
    ("فقد ثلاثة أطفال حياتهم بانفجار قذيفة.", dict(count_min=3, victims="children")),
    ("ستة مدنيين فقدوا حياتهم في القصف.", dict(count_min=6, victims="civilians")),
    ("فقدان مدني لحياته وإصابة آخر بقصف مدفعي.", dict(count_min=1, injured_min=1, victims="civilians")),
    ("فقد نحو 300 طفل حياتهم أو أصيبوا في القصف.", dict(count_min=300, counted="killed or injured")),
    # "مدنيين" is a dual when "هما" follows
    ("أسفر القصف عن مقتل مدنيين هما سعيد وأحمد.", dict(count_min=2, victims="civilians")),
    # a definite number word after a plural relative is a part
    ("مقتل ستة مدنيين بينهم امرأة وأطفالها الأربعة.", dict(count_min=6, women_min=1, children_min=4)),
    # "في صفوف المدنيين"
    ("سقوط 4 قتلى في صفوف المدنيين بقصف مدفعي.", dict(count_min=4, victims="civilians")),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_cases(text, expected):
    c = _one(text)
    assert c.type == "incident"
    for k, v in expected.items():
        assert getattr(c, k) == v, (k, getattr(c, k), c.to_dict())


NO_CLAIM = [
    "مقتل 5 من عناصر قسد بقصف تركي.",                        # fighters are not civilians
    "قتل 12 مقاتلاً من الفصائل في الاشتباكات.",
    "مقتل عشرة مسلحين في كمين.",
    "طفل عمره 12 عاماً شارك في المسابقة عام 2019.",          # ages and years
    "شنت الطائرات 25 غارة على المنطقة دون وقوع إصابات.",      # strikes, not people
    "افتتح السوق يوم الأحد بحضور 300 شخص.",                  # people, no harm
    "حصد المنشور 1.2K إعجاب و59 تعليقاً.",                    # view counts
    "بلغت قيمة الأضرار 50 مليون ليرة.",                        # money
    "مقتل مدنيين بقصف على البلدة.",                            # plural with no figure (policy)
    "وقع حادث سير أدى إلى مقتل 4 أشخاص على الطريق الدولي.",   # not a strike
    "مقتل 40 شخصاً في تدافع خلال توزيع مساعدات في العاصمة.",   # a stampede
    "أسماء الشهداء: 1- سامر 2- خالد",                          # list numbering
    "قتل (6) مسلحين في الاشتباك.",                              # fighters, bracketed
    "مقتل القيادي في الفصيل أبو خالد وشقيقه.",                  # a commander named with a relative
    "ارتفع عدد قتلى الميليشيا في الهجوم إلى 12.",               # a rising toll of fighters
    "ارتفاع عدد القتلى من قوات النظام إلى 15 قتيلاً.",
    "سقط 5 قتلى في صفوف الفصائل بغارة.",                         # "في صفوف" + a group
    "ارتقاء الشهيد محمد العلي في القصف.",                         # a definite singular (obituaries)
    "فقد 3 أطفال في السوق المزدحم.",                              # missing, not killed
    "سقط عدد من الأهالي بين قتيل وجريح.",                         # killed or injured, no count
    "استشهاد أربعة من المجاهدين في قصف على المعسكر.",             # fighters
    "استشهاد عائلة كاملة جراء القصف.",                            # a family: no count
    "أعلن المجلس العسكري فقدان أربعة من مقاتليه بقصف.",            # fighters (possessed)
    "قتيلان ضمن فصيل مسلح إثر خلاف على حاجز.",                      # "ضمن" + a group
    "استشهاد ثلاثة أبطال من المجاهدين في المعسكر.",                  # unknown noun, then "من" + fighters
    "قتل شخصان مسلحان في عملية أمنية.",                             # people who are armed
]


@pytest.mark.parametrize("text", NO_CLAIM, ids=[f"none{i}" for i in range(len(NO_CLAIM))])
def test_no_claim(text):
    assert extract_arabic(text, PUB) == []


def test_fighters_next_to_civilians():
    text = "مقتل 3 مدنيين و7 عناصر من قوات النظام بقصف مدفعي."
    c = _one(text)
    assert c.count_min == 3 and c.victims == "civilians"


def test_two_claims_in_two_places():
    text = "مقتل 4 مدنيين في قرية الأولى. وفي حادثة أخرى قتل 9 أشخاص في بلدة الثانية."
    claims = extract_arabic(text, PUB)
    assert [c.count_min for c in claims] == [4, 9]


def test_relative_dates_without_publication_stay_null():
    c = _one("قتل 6 مدنيين أمس في قصف جوي.", None)
    assert c.event_date is None and c.date_precision is None


def test_frame_from_previous_sentence():
    text = "استهدفت غارات روسية بلدة معرة مصرين اليوم. وأدى القصف إلى مقتل 3 مدنيين."
    c = _one(text)
    assert c.belligerent == "Russian forces" and c.event_date == PUB and c.strike_type == "air"


def test_period_makes_tally():
    c = _one("وثقت الشبكة مقتل 120 مدنياً منذ بداية الشهر.")
    assert c.type == "tally" and c.count_min == 120


def test_is_arabic():
    assert is_arabic("مقتل ثلاثة مدنيين بقصف جوي على ريف إدلب الجنوبي")
    assert not is_arabic("Three civilians were killed in an air strike near Idlib.")
    assert not is_arabic("")


def test_parse_arabic_date():
    assert parse_arabic_date("23 نوفمبر 2025") == dt.date(2025, 11, 23)
    assert parse_arabic_date("2024-11-27T13:46:56.000Z") == dt.date(2024, 11, 27)
    assert parse_arabic_date("") is None


def test_empty_and_junk_do_not_crash():
    for text in ("", "ـــــ", "..." * 1000, "مقتل " * 2000, "١٢٣٤٥٦٧٨٩" * 50, "بينهم و و و 3"):
        for c in extract_arabic(text, PUB):
            assert text[c.span[0]:c.span[1]] == c.quote


@pytest.mark.shared
def test_shared_arabic_texts(shared_dir):
    path = shared_dir / "data" / "airwars-syria" / "airwars-syria-source-texts.jsonl"
    if not path.exists():
        pytest.skip("airwars source texts absent")
    n = with_claims = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("language") != "ar":
                continue
            text = row.get("text") or ""
            claims = extract_arabic(text, parse_arabic_date(row.get("publication_date")))
            for c in claims:
                assert text[c.span[0]:c.span[1]] == c.quote, c.rule
                assert c.rule
                if c.count_min is not None and c.count_max is not None:
                    assert c.count_min <= c.count_max
            n += 1
            with_claims += bool(claims)
    assert n >= 3000
    assert with_claims > n // 4


def test_thousands_word_after_a_thousands_number():
    c = _one("مقتل أكثر من 2500 آلاف شخص منذ بداية الحرب.")
    assert c.count_min == 2500 and c.type == "tally"


def test_month_makes_tally():
    c = _one("وثق المرصد مقتل 140 شخصاً خلال تموز بينهم 12 امرأة.")
    assert c.type == "tally" and c.count_min == 140 and c.women_min == 12


def test_thousands_after_digits():
    c = _one("خلفت الحرب أكثر من 30 ألف قتيل منذ بدايتها.")
    assert c.count_min == 30000 and c.qualifier == "more_than" and c.type == "tally"


@pytest.mark.parametrize("text", ["قتيلان من حزب الله في قصف على الحدود.", "سقوط 4 قتلى من قوات النظام في هجوم."])
def test_harm_nouns_of_armed_groups(text):
    assert extract_arabic(text, PUB) == []
