"""Who asserts a figure, as the text attributes it.

The same death toll means different things from a monitor and from the military that caused
it, so every claim carries its speaker.  Attribution follows the text, in this order:
1. an acknowledgement's subject ("The U.S. has acknowledged two deaths, according to the
   Guardian"): the figure is the acknowledger's own, the newspaper only relays it;
2. "according to X" in the sentence (the outermost source the reporter names);
3. "X said / estimates / found / reported ..." and a quotation followed by "X said";
4. "X's report", "data collected by X".
"the group", "the statement", "it" are resolved to the organisation last named, so that
a monitor introduced in one sentence keeps its figures in the next.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field

from . import parties
from .folding import Folded, Quick, alternation

# Organisations that speak for a belligerent's own military: their counts are admissions.
OFFICIAL_RE = Quick(
    r"\b(?:CJTF-OIR|Combined Joint Task Force|Operation Inherent Resolve|Inherent Resolve|(?:U\.S\.|US|American?|"
    r"America|Saudi|Russian|UK|British)[- ]led (?:coalition|alliance|forces)|[Cc]oalition|Pentagon|CENTCOM|AFRICOM|AFCENT|"
    r"(?:U\.S\.|US) Central Command|Central Command|(?:U\.S\.|US) Africa Command|Africa Command|(?:U\.S\.|US|American|Russian|Iraqi|Syrian|Israeli|British|"
    r"Turkish) (?:military|army|forces|Air Force|Defen[cs]e Ministry|Ministry of Defen[cs]e)|Department of Defen[cs]e|"
    r"DoD|Ministry of Defen[cs]e|Defen[cs]e Ministry|MoD|[Tt]ask [Ff]orce|U\.S\.|US|United States|IDF|"
    r"Israel Defen[cs]e Forces|Resolute Support|NATO|ISAF)(?![\w-])")
# Monitors and investigators: their counts are independent estimates.
MONITOR_RE = Quick(
    r"\b(?:Airwars(?:\.org)?|Syrian Observatory(?: for Human Rights)?|SOHR|Syrian Network for Human Rights|SNHR|"
    r"Amnesty(?: International)?|Human Rights Watch|HRW|Bureau of Investigative Journalism|TBIJ|New America|"
    r"Violations Documentation Cent(?:er|re)|VDC|Iraq Body Count|White Helmets|Syria Civil Defen[cs]e|"
    r"ACLED|Raqqa is Being Slaughtered Silently|Mosul Eye|New York Times|Yemen Data Project|Mwatana|"
    r"Physicians for Human Rights|[Mm]onitor(?:ing group)?s?|[Oo]bservatory|rights group)\b")
_KNOWN = Quick(
    rf"(?:{MONITOR_RE.pattern}|{OFFICIAL_RE.pattern}|\b(?:United Nations|U\.N\.|UN|UNAMA|OHCHR|UNICEF|WHO|"
    r"World Health Organi[sz]ation|ICRC|Red Cross|MSF|Doctors Without Borders|(?:The )?Associated Press|AP|"
    r"Reuters|AFP|Agence France-Presse|BBC|(?:the )?Guardian|Al Jazeera|RT|SANA|Anadolu|CNN|NPR|"
    r"Ministry of Health|Health Ministry)(?![\w-]))",
    first="[A-Zcmort]")   # capitals, [Cc]oalition, [Mm]onitor, [Oo]bservatory, rights, [Tt]ask, the Guardian

GENERIC = Quick(
    r"\b(?:[Tt]he\s+)?(?:group|monitor|watchdog|organi[sz]ation|observatory|statement|report|military|ministry|"
    r"officials?|residents?|witnesses|activists|sources|medics|rescuers|doctors|locals|villagers|journalists|"
    r"investigators|spokes(?:man|woman|person)|police|authorities|survivors|relatives)\b")

_PRONOUN_ORG = re.compile(r"^(?:the\s+)?(?:group|monitor|watchdog|organi[sz]ation|observatory|body|it|they)$", re.I)
_OWN_DOC = re.compile(r"^(?:its|their)\s+(?:[\w-]+\s+){0,3}(?:report|update|statement|release|study|"
                      r"investigation|analysis|review|assessment|figures|count|tally|data|estimate)s?$", re.I)
_DATA_NOUNS = frozenset(("figures", "data", "statistics", "numbers", "official figures", "official data", "records"))
_PRONOUN_DOC = re.compile(r"^(?:the\s+)?(?:statement|report|release|study|investigation|analysis)$", re.I)

_VERB_WORDS = ("said", "says", "say", "tracked", "tracks", "logged", "logs", "identified", "identifies", "verified",
               "verifies", "monitored", "puts", "put", "placed", "reported", "reports", "estimate", "estimates",
               "estimated", "found", "finds", "recorded", "records", "documented", "documents", "stated", "states",
               "told", "tells", "announced", "announces", "claimed", "claims", "added", "adds", "wrote", "writes",
               "counted", "counts", "confirmed", "confirms", "believes", "believed", "tallied", "noted", "notes", "read",
               "reads", "assesses", "assessed", "concluded", "concludes", "determined", "showed", "shows", "indicates",
               "indicated", "revealed", "acknowledged", "acknowledges", "admitted", "admits", "conceded", "concedes",
               "insists", "insisted", "maintains", "maintained", "alleged", "alleges", "attributed", "attributes", "registered", "registers")
# Grouped by first letter (folding.alternation), which `re` scans faster; the \b that follows it in
# _VERB_RE lets only a whole word match, so the order of the words cannot matter.
_VERBS = rf"(?:{alternation(_VERB_WORDS)})"
_ACK = r"(?:acknowledged|acknowledges|admitted|admits|conceded|concedes|confirmed|confirms|accepted|accepts)"
_CAPWORD = r"[A-Z][\w.&’'\-]*"
_NP = rf"(?:{_CAPWORD}(?:\s+(?:of|for|on|and|de|al|the|{_CAPWORD}))*\s+)?{_CAPWORD}"
_NP_OR_GENERIC = rf"(?:(?:[Tt]he\s+)?(?:{_KNOWN.pattern}|{_NP})|{GENERIC.pattern})"

_VERB_RE = Quick(rf"\b{_VERBS}\b")
ACCORDING_RE = Quick(r"\b[Aa]ccording\s+to\s+(?P<who>(?:(?:\b[A-Z]\.)+|[^,.;:\"“”])+?)(?=\s*(?:[,.;:\"“”)]|$|\s+(?:on|in|which|who|that|published|with|due|amid|citing|as\s+well\s+as)\b))")
_ACK_WORD = Quick(rf"\b{_ACK}\b")
ACK_RE = re.compile(rf"(?P<who>{_NP_OR_GENERIC})(?:,\s+[^,]{{3,80}},)?\s+(?:(?:has|have|had|only|now|also|"
                    rf"Thursday|Friday|Monday|Tuesday|Wednesday|Saturday|Sunday|so far|to date)\s+){{0,3}}{_ACK}\b")
POSSESSIVE_RE = re.compile(rf"(?P<who>{_NP}|\b[Tt]he\s+(?:ministry|group|monitor|mission|command|bureau|"
                           rf"observatory|office|agency|organi[sz]ation|coalition|military|network|project))[’']s?\s+"
                           rf"(?:\w+\s+){{0,3}}(?:report|statement|data|figures|count|tally|"
                           rf"estimate|investigation|database|analysis)\b")
BY_RE = Quick(rf"\b(?:data|figures|report|tally|count|statement|estimate|numbers)\s+(?:\w+\s+)?(?:collected|"
                   rf"compiled|published|released|issued|gathered)\s+(?:\w+\s+){{0,3}}by\s+(?P<who>(?:the\s+)?"
                   rf"(?:{_NP}(?:\s+(?:government|ministry|authorities|military|army|police|office))?|"
                   rf"group|monitor|organi[sz]ation))")
STATEMENT_OWNER_RE = Quick(
    rf"\b(?:statement|report|release|press release)\s+(?:\w+\s+){{0,4}}(?:by|from)\s+(?P<who>(?:the\s+)?{_NP})")

# Words that look like a speaker but are places, months or sentence openers.
_NOT_SPEAKER = re.compile(
    r"^(?:the\s+)?(?:Mosul|Raqqa|Aleppo|Idlib|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday|In|On|But|However|And|Also|This|That|These|Those|It|He|She|"
    r"They|We|I|Meanwhile|Earlier|Later|Separately|Additionally|Islamic State|ISIS|ISIL|IS|Daesh|Total|New|"
    r"Cumulative|Reports?|Deaths|Monthly|Weekly|Annual|Summary|"
    r"(?:Iraq|Syria|Yemen|Libya|Afghanistan|Somalia|Pakistan|Gaza)(?:(?:,\s+|\s+and\s+)(?:Iraq|Syria|Yemen|Libya|"
    r"Afghanistan|Somalia|Pakistan|Gaza))+)"
    r"(?:\s+(?:and|,)\s+\w+)*$")
_SPACES = re.compile(r"\s+")
_ABBR_END = re.compile(r"(?:^|[\s.])[A-Z]\.$")
_TARGETED = re.compile(r"(?:against|fighting|targeting|on|from)\s+(?:the\s+)?$")

# "a new report from X", "a February report by X", "figures compiled by X", "a new toll from X": X.
_REPORT_FROM = re.compile(r"^(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,2}?(?:reports?|statements?|study|count|tally|toll|"
                          r"investigation|analysis|information|figures|data)\s+(?:(?:provided|compiled|published|"
                          r"released|issued|gathered|collected)\s+)?(?:from|by|of)\s+", re.I)
_TRAILING_DATA = re.compile(r"\s+(?:estimates?|figures|data|tally|count|numbers|statistics|statements?|records)$", re.I)
_POSSESSIVE_DOC = re.compile(r"[’']s\s+(?:\w+\s+)?(?:analysis|report|data|figures|count|estimates?|statement|"
                             r"investigation|tally|database|research)$", re.I)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_DATA_ONLY = re.compile(r"^(?:(?:[Tt]he|[Aa]n?)\s+)?(?:(?:[Pp]reliminary|[Ii]nitial|[Ff]irst|[Ee]arly|[Uu]nconfirmed|"
                        r"[Ll]ocal|[Mm]edia|[Ll]atest|[Nn]ew)\s+)?(?:[a-z][\w-]*\s+){0,3}(?:data|figures|information|reports|estimates|statistics|numbers|records|"
                        r"toll|death toll)$")
_LONE_ADJECTIVE = re.compile(r"^[A-Z][a-z]+(?:al|ial|ian|ese|ic|ary)$")
_POSSESSIVE_END = re.compile(r"[’']s$")

@dataclass
class Memory:
    """What earlier sentences named: the organisation last mentioned and whose statement it is.

    Filled lazily: most sentences carry no claim, so the sentences up to the current one are
    only read when a claim needs "the group" or "the statement" resolved.
    """

    text: str = ""
    sentences: list = field(default_factory=list)
    current: int = -1            # index of the sentence being read; memory covers up to it
    done: int = 0
    last_org: str | None = None
    last_speaker: str | None = None
    statement_owner: str | None = None
    seen: list[str] = field(default_factory=list)
    _syncing: bool = False
    said_cache: dict = field(default_factory=dict)
    heads: dict = field(default_factory=dict)      # a monitor's head, by name -> the monitor
    named_heads: dict | None = None                # the same, from the whole text (_heads_named)
    # The organisations named so far, read lazily by orgs_before(): (position, standard name) of
    # those before _orgs_upto, in order, and the two scans of the document, paused where they stopped.
    _orgs: list = field(default_factory=list)
    _orgs_upto: int = 0
    _org_scans: tuple | None = None

    def orgs_before(self, limit: int | None) -> list[tuple[int, str]]:
        """(position, standard name) of each organisation the document names before `limit`
        (everywhere, when None), in order of position; maybe some named later too.

        The names are what one pass over the whole document finds: the known organisations
        (`parties.iter_mentions`), and the other names _KNOWN matches where no known one starts.
        Both scans run over the whole text, but lazily: they are only read as far as a claim has
        asked (a claim that needs "the command" resolved looks back from where it stands), so what
        they yield up to a position is exactly what a complete pass yields there."""
        if limit is not None and limit <= self._orgs_upto:
            return self._orgs
        if self._org_scans is None:
            text = self.text
            # (each scan with its next, not yet taken, item)
            self._org_scans = ([parties.iter_mentions(text), None], [_KNOWN.finditer(text), None])
        mentions, known = self._org_scans
        end = sys.maxsize if limit is None else limit
        found: dict[int, str] = {}
        for scan in (mentions, known):
            pending = scan[1]
            while True:
                if pending is None:
                    pending = next(scan[0], None)
                    if pending is None:
                        break
                start = pending[0] if scan is mentions else pending.start()
                if start >= end:
                    break
                if scan is mentions:
                    found[start] = pending[1]
                else:
                    # (a known organisation found at the same place was added just above: the
                    # mentions scan has been read at least as far)
                    name = pending.group()
                    if start not in found and name.lower() not in _GENERIC_NAMES:
                        found[start] = parties.canonical(name)
                pending = None
            scan[1] = pending
        self._orgs.extend(sorted(found.items()))   # (all of them at or after the earlier ones)
        self._orgs_upto = end
        return self._orgs

    def sync(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            while self.done <= self.current and self.done < len(self.sentences):
                s = self.sentences[self.done]
                self.done += 1
                remember(self.text, s.start, s.end, self)
        finally:
            self._syncing = False


def clean(who: str | None) -> str | None:
    """Trim articles and reporting words: 'UN estimates' -> 'UN', 'a new report from X' -> 'X'."""
    if not who:
        return None
    # (Each step is skipped where it cannot change the text: a printable text without a double
    # space has no run of spaces to collapse, since every other space is unprintable; the
    # abbreviation and possessive patterns need a final "." or an apostrophe.)
    w = who if who.isprintable() and "  " not in who else _SPACES.sub(" ", who)
    w = w.strip(" ,;:'\"“”‘’–-")
    if w.endswith(".") and not _ABBR_END.search(w):
        w = w.rstrip(".")
    w = _REPORT_FROM.sub("", w)
    apostrophe = "'" in w or "’" in w
    if apostrophe:
        w = _POSSESSIVE_DOC.sub("", w)
    stripped = _TRAILING_DATA.sub("", w)
    if stripped.lower() not in ("the", "a", "an", "its", "their", "his", "her", "our"):
        w = stripped
    w = _ARTICLE.sub("", w)
    if apostrophe:
        w = _POSSESSIVE_END.sub("", w)
    return w or None


# Head nouns that stand for an organisation named earlier in full: "the Bureau" (of Investigative
# Journalism), "the command" (U.S. Africa Command), "the mission" (UN Assistance Mission ...).
_HEADS = {"bureau", "command", "mission", "observatory", "ministry", "office", "agency", "network", "project",
          "department", "commission", "committee", "council", "fund", "monitor", "organisation", "organization",
          "coalition", "task force", "force", "forces", "military", "army", "centre", "center", "institute"}
# A person speaking for an organisation the text has just named.
_ROLES = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen"}
_ROLE_OF = re.compile(r"^(?P<org>.+?)[’']s?\s+(?:own\s+)?(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*$")
_WORD_CACHE: dict[tuple[str, str], bool] = {}


def _names_word(canon: str, word: str) -> bool:
    key = (canon, word)
    hit = _WORD_CACHE.get(key)
    if hit is None:
        full = parties.full_name(canon)
        hit = _WORD_CACHE[key] = bool(re.search(rf"\b{re.escape(word)}\b", f"{canon} {full}", re.I))
    return hit


def _named_before(memory: Memory, word: str | None, before: int | None, window: int = 0) -> str | None:
    """The organisation last named before `before` whose name holds `word` (any, when word is None)."""
    for p, canon in reversed(memory.orgs_before(before)):
        if before is not None and p >= before:
            continue
        if window and before is not None and before - p > window:
            return None
        if word is None or _names_word(canon, word):
            return canon
    return None


def _head_resolve(w: str, memory: Memory, before: int | None) -> str | None:
    """'the Bureau', 'the command', "the Bureau's researchers", 'a spokesman': the organisation meant."""
    low = w.lower()
    if low in _ROLES or low.startswith(("a spokes", "spokes")):
        # Only an organisation named in an earlier sentence: one named in the same sentence is
        # more often the actor ("Coalition aircraft flew ..., a spokesman said").
        cur = memory.sentences[memory.current].start if 0 <= memory.current < len(memory.sentences) else before
        if before is not None and cur is not None:
            cur = min(cur, before)
        return _named_before(memory, None, cur, 600)
    if low in _HEADS:
        return _named_before(memory, low, before)
    m = _ROLE_OF.match(w)
    if m and m.group("org").lower() in _HEADS:
        return _named_before(memory, m.group("org").lower(), before)
    return None


# "a monitor", "the monitoring group", "a Britain-based war monitor", "the UK-based group": a monitor
# not named where it speaks
_GENERIC_MONITOR = re.compile(r"^(?:(?:[\w-]+\s+){0,3}?(?:monitor|monitoring\s+group|watchdog|observatory)|"
                              r"(?:uk|britain|british|london)-based\s+(?:[\w-]+\s+){0,2}?group)$", re.I)


def _the_monitor(memory: Memory) -> str | None:
    """The monitor that "a monitor said" stands for: the last organisation named, if it is a named
    monitor, else the only named monitor in the whole report.  Wire copy says "a monitor said" in its
    lead and names the Syrian Observatory paragraphs later; with two monitors named it is not said."""
    memory.sync()
    for name in (memory.last_org, memory.last_speaker):
        known = parties.canonical(name) if name else None
        if known and _named_monitor(known):
            return known
    named = {parties.canonical(n) for _, n in memory.orgs_before(None)}
    monitors = {n for n in named if n and _named_monitor(n)}
    return monitors.pop() if len(monitors) == 1 else None


# (rescuers such as the White Helmets count the dead too, but the copy never calls them "a monitor")
_RESCUERS = re.compile(r"White Helmets|Civil Defen[cs]e", re.I)


def _named_monitor(name: str) -> bool:
    return is_monitor(name) and bool(parties.lookup(name)) and not _GENERIC_MONITOR.match(name) \
        and not _RESCUERS.search(name)


def _resolve(who: str | None, memory: Memory, before: int | None = None) -> str | None:
    if who and _DATA_ONLY.match(who.strip()):
        return None         # (before clean() cuts "preliminary data" to "preliminary")
    w = clean(who)
    if not w or w in ("A", "An"):     # "A reported blast ... killed six, AFP reports": an article, not a name
        return None
    known = parties.canonical(w)
    if known != w:
        return known
    if " " not in w or "'" in w or "’" in w or w.lower().startswith("a "):
        found = _head_resolve(w, memory, before)
        if found:
            return found
        m = _ROLE_OF.match(w)
        if m and _PRONOUN_ORG.match(m.group("org")):    # "the group's researchers": the group
            org = _resolve(m.group("org"), memory, before)
            if org and org.lower() != clean(m.group("org")).lower():
                return org
    if _GENERIC_MONITOR.match(w) and not parties.lookup(w):
        found = _the_monitor(memory)
        if found:
            return found
    # Unresolved, "the monitor" is still better than nothing; "it" is not.
    if _PRONOUN_ORG.match(w) or w.lower() in ("group", "monitor"):
        memory.sync()
        return parties.canonical(memory.last_org or memory.last_speaker) or (None if w.lower() in ("it", "they") else w)
    if _PRONOUN_DOC.match(w):
        memory.sync()
        return parties.canonical(memory.statement_owner or memory.last_speaker) or w
    if _OWN_DOC.match(w):
        # "its most recent monthly report": the organisation last named
        memory.sync()
        return parties.canonical(_named_before(memory, None, before) or memory.last_org or memory.last_speaker)
    if w.lower() in _DATA_NOUNS or _DATA_ONLY.match(w):
        # "according to figures published by X": the figures are nobody; X is read by BY_RE.
        # "according to preliminary data", "local reports": nobody either.
        return None
    if _LONE_ADJECTIVE.match(w) and not parties.lookup(w):
        # "Initial reports of six killed", "Syrian warplanes ... carried out strikes, ... said": an
        # adjective left of a reporting word describes it, it does not say anything.
        return None
    if _NOT_SPEAKER.match(w):
        return None
    return w


# "According to Airwars a British monitoring group there were 1472 casualties ...", "according to the
# Syrian Center for Policy Research the six-year conflict has caused ...": scraped copy without commas
# runs the name into an appositive or the clause that follows.  The name is the capitalised words it
# starts with ("of", "for", "in", ... between them), when a new phrase starts right after them (an
# article, "there", a hedge or a figure) and a verb or a digit follows later.
_NAME_THEN_CLAUSE = Quick(r"^(?:the\s+)?(?P<name>[A-Z][\w.&'’-]*(?:\s+(?:(?:of|for|and|in|on|de|al)\s+(?:the\s+)?)?"
                          r"[A-Z][\w.&'’-]*)*)\s+(?:the|a|an|there|at|more|over|some|about|nearly|almost|\d)\b"
                          r"(?=.*?(?:\d|\b(?:is|are|was|were|has|have|had|killed|caused|claimed|left)\b))")


# "according to preliminary data five people were killed", "according to the observatory the
# airstrikes ... killed three": without the comma, the clause the source introduces runs on from it.
# The clause is known by its verb; it starts at its subject, the first word before that verb that
# opens a noun phrase (an article, a figure, a pronoun) and does not follow a preposition.
_CLAUSE_VERB = Quick(r"\b(?:were|was|is|are|has|have|had|killed|died|hit|left|claimed|caused|struck|executed|"
                     r"attacked|targeted|fired|bore|include[sd]?)\b")
_CLAUSE_START = re.compile(r"^(?:the|a|an|\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens|"
                           r"hundreds|thousands|scores|some|more|over|nearly|almost|about|around|those|they|it|"
                           r"there|at)$", re.I)
_PREPOSITIONS = {"by", "of", "from", "for", "at", "in", "to", "with", "on", "near"}


def _source_before_clause(who: str) -> str:
    verb = _CLAUSE_VERB.search(who)
    if not verb:
        return who
    toks = who[:verb.start()].split()
    for i in range(1, len(toks)):
        if _CLAUSE_START.match(toks[i]) and toks[i - 1].lower() not in _PREPOSITIONS and \
                (toks[i].lower() != "at" or toks[i + 1:i + 2] == ["least"]):
            return " ".join(toks[:i])
    return " ".join(toks) or who


def _name_only(who: str) -> str:
    """The name an "according to" phrase ends on, without the appositive or clause run into it."""
    if who.startswith("to "):
        who = who[3:]           # "according to to the U.N.": a typo in the copy
    if len(who) < 24:
        return who
    who = _source_before_clause(who)
    m = _NAME_THEN_CLAUSE.match(who)
    return m.group("name") if m else who


# "observatory director Rami Abdel Rahman said", "SOHR chief X said": a monitor's head speaks for
# it, and so does the same person named again later ("Abdel Rahman told AFP").
_HEAD_BEFORE = Folded(r"\b(?P<org>(?:the\s+)?(?:syrian\s+)?observatory(?:\s+for\s+human\s+rights)?|sohr|monitor|"
                      r"monitoring\s+group)(?:[’']?s)?\s+(?:head|chief|director|founder)\s+",
                      needs=("head", "chief", "director", "founder"))


# Where the text names a monitor's head, anywhere in it: "Observatory director Rami Abdel Rahman",
# "Rami Abdel Rahman, who heads the Syrian Observatory", "Rami Abdel Rahman, the head of the
# Observatory".  Scraped copy may have lost the commas.
# (a name ends where scraped copy runs the next sentence into it: "... Rami Abdel Rahman The displaced")
_NEXT_SENTENCE = r"(?:The|A|An|In|On|He|She|It|They|We|But|And|This|That)\b"
_NAME = rf"[A-Z][\w'’-]+(?:\s+(?!{_NEXT_SENTENCE})(?:al-|el-|de\s+)?[A-Z][\w'’-]+){{0,3}}"
_HEAD_WORDS = r"(?:head|chief|director|founder)"
_HEAD_NAMED = re.compile(rf"(?:(?i:{_HEAD_BEFORE.pattern})|(?P<org1>{MONITOR_RE.pattern})(?:[’']?s)?\s+"
                         rf"{_HEAD_WORDS}\s+)(?P<name>{_NAME})|(?P<name2>{_NAME}),?\s+(?:who\s+(?:heads|runs|directs|"
                         rf"founded|leads)|(?:the\s+)?{_HEAD_WORDS}\s+of)\s+(?P<org2>[^,.;:\"“”]{{3,90}})|"
                         rf"\b{_HEAD_WORDS}\s+of\s+(?P<org3>(?:the\s+)?(?:[\w-]+\s+){{0,6}}?{MONITOR_RE.pattern}),?\s+"
                         rf"(?P<name3>{_NAME})")


def _heads_named(memory: Memory) -> dict:
    """name -> monitor, for every monitor's head the text names (read once per document)."""
    if memory.named_heads is None:
        memory.named_heads = {}
        text = memory.text
        if re.search(r"\b(?:head|chief|director|founder|heads|runs|directs|founded|leads)\b", text):
            for m in _HEAD_NAMED.finditer(text):
                if m.group("name"):
                    name = m.group("name")
                    org = _monitor_named(m.group("org") or m.group("org1"), memory, m.start())
                else:
                    name, key = (m.group("name2"), "org2") if m.group("name2") else (m.group("name3"), "org3")
                    known = MONITOR_RE.search(m.group(key))
                    org = known and _monitor_named(m.group(key)[known.start():known.end()], memory, m.start(key))
                if org and is_monitor(org) and not parties.lookup(name):
                    memory.named_heads.setdefault(name, parties.canonical(org))
    return memory.named_heads


def _monitor_named(words: str, memory: Memory, at: int) -> str | None:
    """The monitor "the Observatory", "the rights group" stand for: the one of that name, else the
    last one named before.  (Not _resolve: its "the last speaker" fallback may be the head himself.)"""
    w = clean(words)
    if not w:
        return None
    found = parties.lookup(w) or _head_resolve(w, memory, at)
    if found:
        return found
    for _, canon in reversed(memory.orgs_before(at)):
        if is_monitor(canon) and parties.lookup(canon):
            return canon
    return w


def _head_of(r: str, memory: Memory) -> str | None:
    """The monitor whose head the text names as `r`, in full or by surname ("Abdel Rahman told AFP")."""
    for name, org in _heads_named(memory).items():
        if name == r or name.endswith(" " + r) or r.endswith(" " + name):
            return org
    return None


_PARTICLES = {"abdel", "abdul", "abu", "al", "el", "bin", "ibn", "de"}
_TITLES = {"governor", "minister", "director", "spokesman", "spokeswoman", "chief", "head", "president",
           "general", "colonel", "dr", "mayor", "commander", "envoy", "coordinator", "founder"}


def _full_name(surname: str, memory: Memory) -> str:
    """A person the text names by surname alone ("Barazi was quoted as saying") is the one it first
    named in full, with his title ("Homs Governor Talal Barazi"): the same speaker, not a new one."""
    if surname.isupper() or _KNOWN.fullmatch(surname) or not surname.isalpha() or \
            surname.lower() in _SPEAKER_NOUNS:
        return surname
    for m in re.finditer(rf"(?:[A-Z][\w'’-]*[ \t]+){{1,5}}{re.escape(surname)}\b", memory.text):
        if m.start() and not memory.text[m.start() - 1].isspace():
            continue        # ("Deir ez-Zor Moumtzis": "Zor" is the end of a word, not a name)
        words = m.group().split()[:-1]
        name = [surname]
        while words and words[-1].lower() in _PARTICLES:
            name.insert(0, words.pop())
        given = words.pop() if words else ""
        low = given.lower()
        if not given.isalpha() or low.endswith("s") or low in _COUNTRIES or low in _OPENERS or \
                low in _DATE_WORDS or low in _STOP_WORDS or low in _TITLES:
            continue
        name.insert(0, given)
        while words and words[-1].lower() in _TITLES:
            name.insert(0, words.pop())
            if words and words[-1].lower() not in _OPENERS and words[-1].lower() not in _STOP_WORDS:
                name.insert(0, words.pop())     # "Homs Governor"
                break
        return " ".join(name)
    return surname


def _monitor_of_head(s: str, p: int, who: str, r: str, memory: Memory) -> str:
    """The monitor `r` speaks for when the text calls the person `r` its head; else `r`."""
    if parties.lookup(r) or not r[:1].isupper():
        return r
    named = _head_of(r, memory)
    if named:
        return named
    if " " not in r:
        return _full_name(r, memory)
    org = memory.heads.get(r)
    if org is None:
        for name, o in memory.heads.items():
            if name.endswith(" " + r):
                return o
        w0 = s.rfind(who, 0, p)
        m = next((m for m in _HEAD_BEFORE.finditer(s, max(0, w0 - 60), w0) if m.end() == w0), None) if w0 > 0 else None
        if m is None:       # (the role right before the name)
            return r
        org = _resolve(m.group("org"), memory, w0)
        if not org or not is_monitor(org):
            return r
        memory.heads[r] = org
    return org


def _nearest(matches: list[tuple[int, str]], pos: int) -> str | None:
    """The speaker nearest before pos; else the first one after it."""
    before = [w for p, w in matches if p <= pos]
    if before:
        return before[-1]
    return matches[0][1] if matches else None


def speaker(text: str, a: int, b: int, pos: int, memory: Memory) -> str | None:
    """Who asserts the figure at `pos` in the sentence text[a:b]; a clause of its own ("..., while
    the Pentagon had conceded just two") has its own speaker.  A well-known organisation is named by
    its standard short form (`parties.canonical`)."""
    who = _speaker(text, a, b, pos, memory)
    return parties.canonical(who) if who else who


def _speaker(text: str, a: int, b: int, pos: int, memory: Memory) -> str | None:
    window = text[max(a, pos - 80):pos]
    poss = _POSS_BEFORE.search(window) if ("'s" in window or "’s" in window) else None
    if poss:
        who = _resolve(poss.group("who"), memory)
        if who:
            return who
    tail = text[pos:min(b, pos + 90)]
    after = _ACK_AFTER.match(tail) if ("conceded" in tail or "acknowledged" in tail or "admitted" in tail) \
        and _ACK_TAIL.search(tail) else None
    if after:
        who = _resolve(after.group("who"), memory)
        if who:
            return who
    ca = a
    for m in _CLAUSE_BREAK.finditer(text, a, b):
        if m.start() < pos:
            if m.end() < pos:
                ca = m.end()
        else:
            inner = _speaker_in(text, ca, m.start(), pos, memory)
            if inner:
                return inner
            break
    else:
        if ca != a:
            inner = _speaker_in(text, ca, b, pos, memory)
            if inner:
                return inner
    return _speaker_in(text, a, b, pos, memory)


_CLAUSE_BREAK = Quick(r",\s+(?:while|whereas|but|although|against|and)\b|;")
_POSS_BEFORE = Quick(r"(?P<who>(?:the\s+)?[\w.-]+(?:\s+[A-Z][\w.-]+)*)[’']s\s+(?:own\s+|official\s+|latest\s+)?"
                          r"(?:count|tally|figure|estimate|toll|total)\s+(?:of|at|is|was|stands\s+at)\s*$")
_ACK_AFTER = Quick(r"[\d,.]*[^,.;]{0,40}?\b(?:the|its|their)?\s*(?:deaths?|civilians?|casualties)?\s*(?:that\s+)?"
                        r"(?P<who>(?:the\s+)?[A-Za-z][\w.-]*(?:\s+(?!itself|themselves|had|has|have)[A-Za-z][\w.-]*){0,2})"
                        r"\s+(?:itself\s+|themselves\s+)?"
                        r"(?:had|has|have)\s+(?:\w+\s+)?(?:conceded|acknowledged|admitted)\b")

# The end of _ACK_AFTER on its own ("has conceded"): a sentence without it cannot match the whole.
_ACK_TAIL = Quick(r"\b(?:had|has|have)\s+(?:\w+\s+)?(?:conceded|acknowledged|admitted)\b")


def _speaker_in(text: str, a: int, b: int, pos: int, memory: Memory) -> str | None:
    s = text[a:b]
    rel = pos - a
    ack = _ACK_WORD.search(s, 0, rel)
    if ack:
        # "The America-led coalition fighting against ISIS has admitted to killing ...": the subject.
        for m in _KNOWN.finditer(s, 0, ack.start()):
            if not _TARGETED.search(s[max(0, m.start() - 20):m.start()]):
                return parties.canonical(clean(m.group()))
        acks = [(m.start(), r) for m in ACK_RE.finditer(s) if m.start() < rel
                and (r := _resolve(m.group("who"), memory, a + m.start()))]
        if acks:
            return acks[-1][1]
    if "ccording" in s:
        acc = [(m.start(), r) for m in ACCORDING_RE.finditer(s) if (r := _resolve(_name_only(m.group("who")), memory))]
        if acc:
            return _nearest(acc, rel)
    said = []
    key = (a, b)
    found = memory.said_cache.get(key)
    if found is None:
        found = memory.said_cache[key] = said_by(s, with_end=True)
    for p, who, _ in found:
        if who.lower() in ("it", "they") and said:
            said.append((p, said[-1][1]))      # "X said it had verified ...": it is X
        elif (r := _resolve(who, memory, a + p)):
            said.append((p, _monitor_of_head(s, p, who, r, memory)))
    if said:
        return _nearest(said, rel)
    for rx, needle in ((POSSESSIVE_RE, "s "), (BY_RE, " by ")):
        if needle not in s or (rx is POSSESSIVE_RE and "'s" not in s and "’s" not in s):
            continue
        found = [(m.start(), r) for m in rx.finditer(s) if (r := _resolve(m.group("who"), memory))]
        if found:
            return _nearest(found, rel)
    if "re" in s:
        m = _PASSIVE_RECORD.search(s)
        if m and not s.startswith(" by", m.end()):
            # "some 450 air raids were recorded in February alone": recorded by whoever the text is
            # quoting, the last speaker of the sentences before.
            memory.sync()
            return memory.last_speaker
    return None


_PASSIVE_RECORD = re.compile(r"\b(?:were|was|have been|has been|had been)\s+(?:recorded|documented|logged|"
                             r"registered|tallied)\b")


def subject(text: str, a: int, end: int, memory: Memory) -> str | None:
    """The subject right before text[end] ("The command carried out 54 strikes"), resolved like a
    speaker: "the command" is the command named before, a known organisation its standard name."""
    who = _resolve(_who_before(text[a:end], end - a), memory, end)
    return parties.canonical(who) if who else who


_SKIP_BEFORE_VERB = {"has", "have", "had", "also", "only", "later", "previously", "now", "further", "then",
                     "since", "already", "still", "jointly", "itself", "themselves", "meanwhile",
                     "thursday", "friday", "monday", "tuesday", "wednesday", "saturday", "sunday", "separately",
                     "has.", "recently", "initially", "first", "again", "yesterday", "today", "on"}
_SPEAKER_NOUNS = {"group", "monitor", "watchdog", "organization", "organisation", "observatory", "statement",
                  "report", "military", "ministry", "official", "officials", "residents", "resident", "witnesses",
                  "activists", "sources", "source", "medics", "rescuers", "doctors", "locals", "villagers",
                  "journalists", "investigators", "spokesman", "spokeswoman", "spokesperson", "police",
                  "authorities", "survivors", "relatives", "coalition", "army", "government", "it", "they",
                  "force", "study", "investigation", "analysis", "release", "data", "figures", "media", "agency",
                  "television", "tv", "outlet", "newspaper", "paper", "channel", "committee", "council", "mission",
                  "office", "command", "commission", "department", "hospital", "doctor", "activist", "witness",
                  "researchers", "coordinator", "envoy", "chief", "director", "head", "minister", "commander",
                  "governor", "alliance", "forces", "charities", "charity", "groups", "organisations",
                  "organizations", "agencies", "workers", "team", "staff", "analysts", "monitors", "experts", "project",
                  "bureau", "network", "observatory", "representative", "officer", "officers", "prosecutors"}
_CONNECTORS = {"of", "for", "on", "and", "de", "al", "the", "&", "in"}
_RELATIVE_WORDS = {"which", "who", "whose"}
_PUBLISHED = {"published", "released", "issued", "made"}
_DOC_NOUNS = {"investigation", "report", "study", "analysis", "review", "survey", "assessment", "statement"}
_EDGE = "\"“”‘’'()[]"


_STOP_WORDS = {"the", "a", "an", "and", "or", "but", "that", "which", "who", "of", "in", "for", "at", "to", "on",
               "by", "with", "from", "as", "while", "when", "after", "before", "has", "have", "had", "was",
               "were", "is", "are", "be", "been", "also", "its", "their", "his", "her", "not", "than", "into",
               "said", "says", "killed", "people", "civilians", "this", "these", "those", "some", "many", "against"}
_POSS_TOKEN = re.compile(r"[’']s$")
_NOT_ADVERBS = {"family", "ally", "assembly", "italy", "early", "only"}
# "X in Libya said", "the coalition against the Islamic State group said": the speaker is X.
_POSTMOD = {"in", "for", "at", "of", "against", "fighting", "targeting", "battling", "from", "on"}
_AGAINST = {"against", "fighting", "targeting", "battling"}
_PERSON_ROLES = {"spokesman", "spokeswoman", "spokesperson", "head", "chief", "director", "official", "officials",
                 "coordinator", "envoy", "representative", "commander", "minister", "researchers", "staff",
                 "team", "analysts", "experts", "investigators"}


def _skip_adverbs(toks: list[str]) -> None:
    while toks:
        t = toks[-1].lower()
        if t in _SKIP_BEFORE_VERB or (t.endswith("ly") and toks[-1].isalpha() and toks[-1].islower()
                                      and t not in _NOT_ADVERBS and len(t) > 4):
            toks.pop()
        else:
            break


# Words that end a speaker's name read leftwards: a day or month ("on Monday state media said") and,
# at its left edge, a sentence opener or page word ("In ...", "Tags ...", "Related ...").
_DATE_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
               "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december"}
_OPENERS = {"in", "on", "meanwhile", "tags", "related", "late", "earlier", "but", "and", "however", "also",
            "later", "separately"}


def _np_before(toks: list[str]) -> list[str]:
    """The noun phrase that ends the token list (consumed from it), as words in reverse order."""
    words = _np_words_before(toks)
    while words and words[-1][:1].isupper() and words[-1].lower() in _OPENERS:
        toks.append(words.pop())
    return words


# Lowercase words that may stand before a name in a speaker ("the state SANA news agency", "the
# rebel Syrian National Coalition"); any other lowercase word there ends the speaker ("two women SANA
# news agency said": the women are the end of the clause before).
_NAME_MODIFIERS = {"state", "official", "rebel", "opposition", "regime", "government", "independent", "local",
                   "the", "run", "pro-government", "anti-government", "opposing", "media", "news", "rights"}
# Words that show the speaker has run into the clause before it: a verb, a pronoun, a count, a plural.
_CLAUSE_WORDS = {"left", "hit", "fled", "struck", "they", "we", "he", "she", "one", "several", "others", "such",
                 "many", "women", "children", "men", "dozens", "nearby", "two", "three", "four", "five"}
_PLURAL_MODIFIERS = {"rights", "news", "affairs", "arms", "forces", "relations", "services", "communications"}
# A country before the name in a speaker such as "... news agency" is where the story is, not part of
# the speaker ("in northern Syria Al Mayadeen TV said"), unless the two make a known name.
_COUNTRIES = {"syria", "iraq", "turkey", "russia", "iran", "lebanon", "israel", "jordan", "yemen", "libya",
              "afghanistan", "egypt"}
# Scraped copy drops apostrophes: "Syrias army", "Turkeys health ministry", "the bodys spokesman".  A
# capitalised word in -ias or -eys, or a lowercase one in consonant + "ys" (never a plural: that is
# -ies), is a possessive.
_LOST_APOSTROPHE = re.compile(r"^(?:[A-Z][a-z]+(?:ia|ey)|[a-z]*[b-df-hj-np-tv-z]y)(?=s$)")


def _with_apostrophe(t: str) -> str:
    m = _LOST_APOSTROPHE.match(t)
    return f"{m.group()}'s" if m else t


def _clause_word(t: str) -> bool:
    low = t.lower()
    return low in _CLAUSE_WORDS or (low.endswith("ed") and "-" not in low)


def _modifies(t: str, words: list[str]) -> bool:
    """Whether the lowercase word t can belong to the speaker whose words (right to left) are `words`."""
    low = t.lower()
    if _clause_word(t):
        return False
    if low.endswith("s") and not low.endswith(("ss", "us", "'s", "’s")) and low not in _PLURAL_MODIFIERS \
            and "-" not in low and not _LOST_APOSTROPHE.match(t):
        return False
    if any(w[:1].isupper() for w in words):
        return low in _NAME_MODIFIERS or "-" in low
    return True


def _keep_modifiers(words: list[str], toks: list[str]) -> None:
    """The speaker stopped at a verb of the clause before it ("as they left school activists said"):
    of the lowercase words taken, only those that plainly modify a speaker stay."""
    for i in range(1, len(words)):
        w = words[i]
        if w[:1].islower() and w.lower() not in _NAME_MODIFIERS and "-" not in w:
            toks.extend(reversed(words[i:]))
            del words[i:]
            return


def _country_before_name(t: str, words: list[str]) -> bool:
    bare = _with_apostrophe(t.strip(_EDGE))
    if _POSS_TOKEN.sub("", bare).lower() not in _COUNTRIES or not words or not words[-1][:1].isupper():
        return False
    return not parties.lookup(" ".join([bare] + words[::-1]))


def _np_words_before(toks: list[str]) -> list[str]:
    last = toks[-1].strip(_EDGE)
    if not last or last != toks[-1] and toks[-1][-1] in _EDGE and toks[-1][-1] not in ")":
        return []
    words: list[str] = []
    if last.lower() in ("it", "they"):
        toks.pop()
        return [last]
    if last.lower() in _SPEAKER_NOUNS:
        words.append(last)
        toks.pop()
        # "the U.S.-led coalition", "local activists", "the monitoring group", "the UN's humanitarian
        # coordinator", "Brown University's Costs of War project"
        lower = 0
        while toks and toks[-1][-1] not in ",.;:\"”" and len(words) < 8:
            t = toks[-1]
            if t.lower() in _DATE_WORDS or _country_before_name(t, words):
                break
            if t[:1].isupper() or t.lower() == "the":
                pass
            elif t.lower() in _CONNECTORS and words[-1][:1].isupper() and len(toks) > 1 and toks[-2][:1].isupper():
                pass
            elif t[:1].islower() and t.lower() not in _STOP_WORDS and lower < 3 and \
                    _POSS_TOKEN.sub("", t).replace("-", "").isalpha() and _modifies(t, words):
                lower += 1
            else:
                if _clause_word(t):
                    _keep_modifiers(words, toks)
                break
            words.append(_with_apostrophe(toks.pop()))
            if words[-1].lower() == "the":
                break
    elif last[:1].isupper():
        while toks:
            t = toks[-1]
            bare = t.strip(_EDGE)
            if words and words[-1].lower() == "the":
                break
            if (t != bare or t[-1] in ",.;:") and words or bare.lower() in _DATE_WORDS:
                break
            if bare[:1].isupper() or (words and bare.lower() in _CONNECTORS):
                words.append(_with_apostrophe(bare))
                toks.pop()
                if len(words) >= 7:
                    break
            else:
                break
        while words and words[-1].lower() in _CONNECTORS - {"the"}:
            toks.append(words.pop())        # "Morgue workers in Mosul": "in" goes back
    return words


def _who_before(s: str, end: int) -> str | None:
    """The speaker named right before a reporting verb: a capitalised name ("Airwars", "U.S. Central
    Command"), a speaker noun ("the group", "residents", "the coalition") or "it"; an appositive
    between them ("Airwars, a UK-based monitor, estimates") is skipped unless it is the name of a known
    organisation ("The UN mission in Libya, UNSMIL, said"); a place or an adversary after the speaker
    ("the UN's coordinator in Libya", "the coalition against the Islamic State group") is not the
    speaker.  Plain string work: this runs for every reporting verb in every claim sentence."""
    toks = s[max(0, end - 200):end].split()
    _skip_adverbs(toks)
    if not toks:
        return None
    if toks[-1].endswith(","):
        j = len(toks) - 2
        # (a relative clause, ", which has tracked the campaign since it began in 2014,", may be long)
        while j >= 0 and not toks[j].endswith(",") and len(toks) - j < 30:
            j -= 1
        if j < 0 or not toks[j].endswith(",") or (len(toks) - j >= 16 and toks[j + 1].lower() not in _RELATIVE_WORDS):
            return None
        appositive = " ".join(toks[j + 1:])[:-1]
        if len(toks) - j <= 8 and parties.lookup(appositive):
            return appositive
        toks = toks[:j + 1]
        toks[-1] = toks[-1][:-1]
        _skip_adverbs(toks)
        if not toks:
            return None
    if len(toks) > 3:
        # "An AP investigation published in December 2017 found": the participle and its date
        # describe the document; the speaker is before them.
        for k in range(len(toks) - 1, max(0, len(toks) - 6), -1):
            if toks[k].lower() in _PUBLISHED and not any(t.endswith((",", ";", ".")) for t in toks[k:]) \
                    and toks[k - 1].lower().strip(_EDGE) in _DOC_NOUNS:
                del toks[k:]
                break
    words = _np_before(toks)
    if not words:
        return None
    if words[0].lower() in ("it", "they"):
        return words[0]
    who = " ".join(reversed(words))
    if len(toks) >= 2 and toks[-1].lower() in _POSTMOD:
        prep = toks[-1].lower()
        rest = toks[:-1]
        head_words = _np_before(rest)
        if head_words:
            head = " ".join(reversed(head_words))
            if prep in _AGAINST:
                return head
            full = f"{head} {prep} {who}"
            if parties.lookup(clean(full) or ""):
                return full
            if parties.canonical(clean(head)) != clean(head):
                return head                # "the UN's humanitarian coordinator in Libya": the UN
            people = head_words[0].lower() in _PERSON_ROLES or head_words[0].lower() in _SPEAKER_NOUNS
            if people and prep == "on":
                return head                # "the ministry on Tuesday"
            if people and (parties.lookup(clean(who) or "") or (clean(who) or "").lower() in _HEADS or (
                    prep in ("from", "at", "of", "for") and who.split()[-1][:1].isupper()
                    and not _NOT_SPEAKER.match(who))):
                return who                 # "a spokesman for the coalition", "researchers at Airwars"
            if people:
                return full                # "Morgue workers in Mosul"
    return who


# "... killed 136 civilians, said the Observatory, which relies on ...", '"..." said Observatory head
# X': the speaker after its verb, a name or a speaker noun that ends the sentence or a clause of its
# own; a title and a name after it ("Observatory director X") are the person (see _monitor_of_head).
_INVERTING = {"said", "says", "reported", "reports", "added", "adds", "stated", "announced", "wrote", "noted"}
_CAPS = r"[A-Z][\w.&'’-]*(?:\s+(?:of|for|on|and|al|de|[A-Z][\w.&'’-]*))*"
_AFTER_VERB = re.compile(
    rf"\s+(?P<who>(?:the\s+)?(?:{_CAPS}(?:\s+(?:head|chief|director|founder|spokes(?:man|woman|person))\s+"
    rf"(?P<name>{_CAPS}))?|(?:[a-z][\w-]*\s+){{0,2}}(?:monitor|group|observatory|ministry|military|army|coalition|"
    rf"activists|residents|officials|sources|witnesses|agency|media|doctors|medics|rescuers|police)))"
    rf"(?=\s*(?:[,.;:\"”)]|$)|\s+(?:which|who|that|on|in|citing|adding|quoting)\b|\s+{_NEXT_SENTENCE})")
# "'...' Barazi was quoted as saying": the person quoted.
_QUOTED = Quick(r"\s+(?:was|were|is)\s+quoted\s+as\s+saying\b")


def _who_after(s: str, end: int) -> str | None:
    """The speaker right after its verb: an organisation the table knows, a name or speaker noun after
    "the", or a person with his title; a bare person's name is too often the quoted expert or local
    official whose figure the story does not adopt."""
    after = _AFTER_VERB.match(s, end)
    if not after:
        return None
    if after.group("name"):
        return after.group("name")
    who = after.group("who")
    if who[:4].lower() == "the " or _KNOWN.fullmatch(who) or parties.lookup(who):
        return who
    return None


def _known_before(s: str, end: int) -> str | None:
    """A known organisation whose name ends right before the verb, read whole: its lowercase words
    ("Raqqa is Being Slaughtered Silently said") would stop the plain walk over capitalised words, and
    words before it ("the Britain-based Syrian Observatory for Human Rights") would hide it."""
    a = max(0, end - 60)
    while end > a and s[end - 1] == " ":
        end -= 1
    found = None
    for m in _KNOWN.finditer(s, a, end):
        if m.end() == end and " " in m.group() and m.group().lower() not in _GENERIC_NAMES \
                and (m.start() == 0 or s[m.start() - 1] == " "):
            found = m.group()
    return found


def _who_before_relative(s: str, end: int) -> str | None:
    """A known organisation or a speaker noun before a short relative clause that no comma sets off:
    "The Britain-based Observatory which monitors Syria's conflict said"."""
    k = max(s.rfind(" which ", max(0, end - 80), end), s.rfind(" who ", max(0, end - 80), end))
    if k < 0 or len(s[k:end].split()) > 9 or any(ch in s[k:end] for ch in ',;:."”'):
        return None
    who = _who_before(s, k)
    name = clean(who) if who else None
    return who if name and (parties.lookup(name) or name.split()[-1].lower() in _SPEAKER_NOUNS) else None


def said_by(s: str, with_end: bool = False) -> list:
    """(position, speaker) for each reporting verb in the sentence s that has a speaker before it,
    or, failing that, right after it."""
    out = []
    for v in _VERB_RE.finditer(s):
        who = _who_before(s, v.start())
        if who is None or not parties.lookup(clean(who)):
            known = _known_before(s, v.start())
            # (a name the table knows, or one the walk cut short; not "Defence Ministry" out of
            # "the Narnian Defence Ministry", which is a party of its own)
            if known and (parties.lookup(known) or who is None or known.endswith(who)):
                who = known
        if not who and v.group() in _INVERTING:
            who = _who_after(s, v.end())
        if not who:
            who = _who_before_relative(s, v.start())
        if who:
            out.append((v.start(), who, v.end()) if with_end else (v.start(), who))
    if "quoted" in s:
        for q in _QUOTED.finditer(s):
            who = _who_before(s, q.start())
            if who:
                out.append((q.start(), who, q.end()) if with_end else (q.start(), who))
        out.sort()
    return out


_GENERIC_NAMES = {"monitor", "monitors", "observatory", "rights group", "monitoring group", "monitoring groups",
                  "task force", "us", "u.s.", "united states"}


def remember(text: str, a: int, b: int, memory: Memory) -> None:
    """Update the memory with the organisations a sentence names (in order of mention)."""
    s = text[a:b]
    # (STATEMENT_OWNER_RE is case-sensitive and every match holds one of these words)
    for m in STATEMENT_OWNER_RE.finditer(s) if "statement" in s or "report" in s or "release" in s else ():
        who = _resolve(m.group("who"), memory)
        if who:
            memory.statement_owner = who
    for m in _KNOWN.finditer(s):
        name = m.group()
        if OFFICIAL_RE.fullmatch(name):
            if memory.statement_owner is None and re.search(r"\bstatement\b", s):
                memory.statement_owner = name
            continue
        if name.lower() in ("monitor", "monitors", "observatory", "rights group", "monitoring group"):
            continue
        memory.last_org = name
        memory.seen.append(name)
    key = (a, b)
    found = memory.said_cache.get(key)
    if found is None:
        found = memory.said_cache[key] = said_by(s, with_end=True)
    for p, who, end in found:
        r = _resolve(who, memory, a + p)
        who = r and _monitor_of_head(s, p, who, r, memory)
        if who:
            memory.last_speaker = who
            if "statement" in s[end:end + 40] and OFFICIAL_RE.search(who):
                memory.statement_owner = who


def is_official(who: str | None) -> bool:
    return bool(who and OFFICIAL_RE.search(who))


def is_monitor(who: str | None) -> bool:
    return bool(who and MONITOR_RE.search(who))
