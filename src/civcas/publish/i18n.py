"""Interface strings in English and Arabic, and the choice of language for a request.

Only the interface is translated; documents, quotes and place names are shown as written, each
marked with its own language and direction so Arabic text reads right to left in either UI.
A key missing from a table falls back to English, then to the key itself, never to an error.
"""
from __future__ import annotations

from typing import Callable

from starlette.requests import Request

LANGS = ("en", "ar")
RTL = {"ar"}
COOKIE = "civcas_lang"

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "site.tagline": "Civilian harm from military strikes",
        "site.lede": "Two ledgers of the same dead: what the belligerents acknowledge, and what independent "
                     "monitors document. Every figure links to the quote it comes from.",
        "nav.incidents": "Incidents", "nav.documents": "Documents", "nav.reports": "Monthly reports",
        "nav.api": "API", "nav.review": "Review", "nav.add": "Add a document", "nav.login": "Log in",
        "nav.logout": "Log out", "nav.language": "العربية",
        "home.acknowledged": "acknowledged by {who}", "home.documented": "documented by {who}",
        "home.as_of": "as of {date}", "home.gap": "documented but not acknowledged (latest figures)", "home.chart": "The two ledgers over time",
        "home.chart_hint": "Each point links to the sentence it comes from.",
        "home.official": "Officially acknowledged", "home.independent": "Independent estimates",
        "home.none_official": "No official tallies yet.", "home.none_independent": "No independent estimates yet.",
        "count.documents": "documents", "count.claims": "claims", "count.incidents": "incidents",
        "incidents.title": "Incidents", "incidents.none": "No incidents match.",
        "incidents.matching": "{n} incidents match", "incidents.map": "Map",
        "incidents.timeline": "Civilian deaths by month and grade (minimum solid, maximum pale)",
        "filter.date_from": "From", "filter.date_to": "To", "filter.country": "Country",
        "filter.place": "Place", "filter.belligerent": "Belligerent", "filter.grade": "Grade",
        "filter.strike_status": "Strike", "filter.sort": "Sort by", "filter.desc": "descending",
        "filter.apply": "Filter", "filter.any": "any", "filter.clear": "clear",
        "sort.id": "order added", "sort.date": "date", "sort.killed": "deaths", "sort.code": "code",
        "download": "Download", "next": "Next page", "first": "First page",
        "col.code": "code", "col.date": "date", "col.place": "place", "col.belligerent": "belligerent",
        "col.killed": "civilians killed", "col.grade": "grade", "col.strike": "strike",
        "incident.claims": "What the sources say", "incident.strikes": "Declared strikes matched",
        "incident.assessments": "Official assessments", "incident.history": "History",
        "incident.grade_why": "Why this grade", "incident.sources": "Sources cited by the monitor",
        "incident.notes": "Analyst notes (restricted)", "incident.none_claims": "No linked claims.",
        "review.title": "Review", "review.links": "Suggested links of claims to incidents",
        "review.matches": "Suggested matches of incidents to declared strikes",
        "review.accept": "Accept", "review.reject": "Reject", "review.reason": "Reason",
        "review.change_grade": "Change the grade", "review.change_assessment": "Record an assessment step",
        "review.save": "Save", "review.nothing": "Nothing waiting for review.",
        "login.title": "Log in", "login.username": "Username", "login.password": "Password",
        "login.failed": "Wrong username or password.",
        "add.title": "Add a document", "add.paste": "Paste text", "add.upload": "Upload a file",
        "add.url": "Fetch a URL", "add.title_field": "Title", "add.publisher": "Publisher",
        "add.published": "Published", "add.submit": "Add",
        "reports.title": "Monthly reports", "report.title": "Monthly report: {month}",
        "error.title": "Not here",
        "nav.users": "Users", "users.title": "Users", "users.add": "Add a user", "users.role": "Role",
        "users.active": "active", "users.inactive": "switched off", "users.created": "Since",
        "users.change": "Change", "users.activate": "Switch on", "users.deactivate": "Switch off",
        "users.hint": "Accounts are switched off, never deleted: the history names their judgements.",
    },
    "ar": {
        "site.tagline": "الضرر اللاحق بالمدنيين من الضربات العسكرية",
        "site.lede": "سجلّان للقتلى أنفسهم: ما تعترف به الأطراف المتحاربة، وما يوثّقه المراقبون المستقلون. "
                     "كل رقم يحيل إلى الاقتباس الذي جاء منه.",
        "nav.incidents": "الحوادث", "nav.documents": "الوثائق", "nav.reports": "التقارير الشهرية",
        "nav.api": "واجهة البرمجة", "nav.review": "المراجعة", "nav.add": "إضافة وثيقة",
        "nav.login": "تسجيل الدخول", "nav.logout": "تسجيل الخروج", "nav.language": "English",
        "home.acknowledged": "اعترف بهم {who}", "home.documented": "وثّقهم {who}",
        "home.as_of": "حتى {date}", "home.gap": "موثّقون ولم يُعترف بهم (أحدث الأرقام)", "home.chart": "السجلّان عبر الزمن",
        "home.chart_hint": "كل نقطة تحيل إلى الجملة التي جاءت منها.",
        "home.official": "ما اعتُرف به رسمياً", "home.independent": "تقديرات مستقلة",
        "home.none_official": "لا أرقام رسمية بعد.", "home.none_independent": "لا تقديرات مستقلة بعد.",
        "count.documents": "وثيقة", "count.claims": "ادعاء", "count.incidents": "حادثة",
        "incidents.title": "الحوادث", "incidents.none": "لا حوادث مطابقة.",
        "incidents.matching": "{n} حادثة مطابقة", "incidents.map": "الخريطة",
        "incidents.timeline": "القتلى المدنيون شهرياً حسب الدرجة (الحد الأدنى داكن والأقصى فاتح)",
        "filter.date_from": "من", "filter.date_to": "إلى", "filter.country": "البلد",
        "filter.place": "المكان", "filter.belligerent": "الطرف", "filter.grade": "الدرجة",
        "filter.strike_status": "الضربة", "filter.sort": "الترتيب حسب", "filter.desc": "تنازلي",
        "filter.apply": "تصفية", "filter.any": "الكل", "filter.clear": "مسح",
        "sort.id": "ترتيب الإضافة", "sort.date": "التاريخ", "sort.killed": "عدد القتلى", "sort.code": "الرمز",
        "download": "تنزيل", "next": "الصفحة التالية", "first": "الصفحة الأولى",
        "col.code": "الرمز", "col.date": "التاريخ", "col.place": "المكان", "col.belligerent": "الطرف",
        "col.killed": "القتلى المدنيون", "col.grade": "الدرجة", "col.strike": "الضربة",
        "incident.claims": "ما تقوله المصادر", "incident.strikes": "الضربات المعلنة المطابقة",
        "incident.assessments": "التقييمات الرسمية", "incident.history": "السجل",
        "incident.grade_why": "سبب هذه الدرجة", "incident.sources": "المصادر التي استشهد بها المراقب",
        "incident.notes": "ملاحظات المحلل (مقيّدة)", "incident.none_claims": "لا ادعاءات مرتبطة.",
        "review.title": "المراجعة", "review.links": "روابط مقترحة بين الادعاءات والحوادث",
        "review.matches": "مطابقات مقترحة بين الحوادث والضربات المعلنة",
        "review.accept": "قبول", "review.reject": "رفض", "review.reason": "السبب",
        "review.change_grade": "تغيير الدرجة", "review.change_assessment": "تسجيل خطوة تقييم",
        "review.save": "حفظ", "review.nothing": "لا شيء بانتظار المراجعة.",
        "login.title": "تسجيل الدخول", "login.username": "اسم المستخدم", "login.password": "كلمة المرور",
        "login.failed": "اسم المستخدم أو كلمة المرور غير صحيحة.",
        "add.title": "إضافة وثيقة", "add.paste": "لصق نص", "add.upload": "رفع ملف", "add.url": "جلب رابط",
        "add.title_field": "العنوان", "add.publisher": "الناشر", "add.published": "تاريخ النشر",
        "add.submit": "إضافة",
        "reports.title": "التقارير الشهرية", "report.title": "التقرير الشهري: {month}",
        "error.title": "غير موجود",
        "nav.users": "المستخدمون", "users.title": "المستخدمون", "users.add": "إضافة مستخدم", "users.role": "الدور",
        "users.active": "مفعّل", "users.inactive": "معطّل", "users.created": "منذ",
        "users.change": "تغيير", "users.activate": "تفعيل", "users.deactivate": "تعطيل",
        "users.hint": "تُعطَّل الحسابات ولا تُحذف: السجل يذكر أحكام أصحابها.",
    },
}


def choose(request: Request) -> str:
    """?lang= wins, then the cookie it leaves, then the browser's Accept-Language, then English."""
    for value in (request.query_params.get("lang"), request.cookies.get(COOKIE)):
        if value in LANGS:
            return value
    for part in request.headers.get("accept-language", "").split(","):
        tag = part.split(";")[0].strip().lower()[:2]
        if tag in LANGS:
            return tag
    return "en"


def translator(lang: str) -> Callable[..., str]:
    table = STRINGS.get(lang, STRINGS["en"])

    def t(key: str, **values: object) -> str:
        text = table.get(key) or STRINGS["en"].get(key) or key
        return text.format(**values) if values else text
    return t


def direction(lang: str) -> str:
    return "rtl" if lang in RTL else "ltr"
