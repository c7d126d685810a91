#!/usr/bin/env python3
"""Deterministic training-corpus generator for Threatline.

Writes two files:

* ``corpus.jsonl``  - one labelled synthetic post per line:
  ``{"id", "text", "label", "category", "target"}`` where ``label`` is one of
  ``threat | incitement | exposure | none``.
* ``watchlist.toml`` - the invented watchlist that the posts refer to.

Every person, place, address, phone number (555-01xx) and licence plate is
invented. Output is a pure function of ``--seed``: same seed, same bytes.

Usage::

    python training/generate_corpus.py [--seed 7] [--out src/threatline/detect/corpus]

How it works: each category has a *template table* (templates grouped by the
kind of entry they talk about: person, facility, org, community). ``render``
picks a kind, an entry and a template, fills the slots lazily, and returns the
text plus the targeted entry id. Surface transforms (obfuscation, casing,
typos, emoji, hashtags, rambling context) are applied on top, the result is
deduplicated, and the rows are shuffled and numbered.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

# =============================================================================
# Watchlist entries
# =============================================================================


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    role: str
    kind: str  # key into ROLE_KINDS
    gender: str  # "f" | "m" (pronouns for the templates)
    aliases: tuple[str, ...]
    address: str
    phone: str
    plate: str
    family: tuple[tuple[str, str], ...] = ()  # (relation, full name)
    school: str | None = None
    base: str | None = None  # facility id of their (public) workplace

    @property
    def private(self) -> list[str]:
        extra = [name for _, name in self.family]
        return [self.address, self.phone, self.plate, *extra, *([self.school] if self.school else [])]


@dataclass(frozen=True)
class Facility:
    id: str
    name: str
    aliases: tuple[str, ...]
    address: str | None = None
    phone: str | None = None  # published line, generator-only (not in the TOML schema)


@dataclass(frozen=True)
class Org:
    id: str
    name: str
    short: tuple[str, ...]  # collective, singular-verb aliases ("FROST", "the school board")
    staff: tuple[str, str]  # (plural, singular) - the plural is also an alias
    acts: tuple[str, ...]  # base-form things a staff member does that anger the poster
    base: str | None = None
    phone: str | None = None

    @property
    def aliases(self) -> list[str]:
        return [*self.short, *self.staff]


@dataclass(frozen=True)
class Community:
    """A protected group, stored in the watchlist as an [[organization]]."""

    id: str
    name: str
    plurals: tuple[str, ...]  # bare plural noun phrases: "Muslims", "Muslim people" (never "the ...")
    member: str  # the usual singular: "Muslim"
    phrase: str  # "the Muslim community"
    ident: str  # how a member says it: "I'm {ident}" ("Muslim", "a woman", "gay")
    place: str | None = None  # facility id of a community place
    singulars: tuple[str, ...] = ()  # more singular aliases: "Muslim person", "gay man"
    adjectives: tuple[str, ...] = ()  # alias-only, where the bare adjective is distinctive: "Jewish"

    @property
    def aliases(self) -> list[str]:
        return [*self.plurals, self.member, *self.singulars, self.phrase, *self.adjectives]


@dataclass(frozen=True)
class RoleKind:
    noun: str  # what people call them ("judge", "cop")
    works: tuple[str, ...]  # things they produce ("ruling")
    conds: tuple[str, ...]  # base-form acts that trigger conditional threats


ROLE_KINDS: dict[str, RoleKind] = {
    "judge": RoleKind("judge", ("ruling", "decision", "opinion", "sentencing"),
                      ("rule against us", "deny the appeal", "throw out the case", "sign that order",
                       "sentence my brother", "block the recount")),
    "mayor": RoleKind("mayor", ("budget", "press conference", "ordinance", "curfew order"),
                      ("sign that ordinance", "close the shelter", "raise taxes again", "veto the budget",
                       "bulldoze our park")),
    "election": RoleKind("election official", ("certification", "audit", "recount", "voter roll update"),
                         ("certify those results", "count those ballots", "reject our challenge",
                          "remove one more voter", "extend the deadline")),
    "doctor": RoleKind("doctor", ("testimony", "op-ed", "interview", "clinic policy"),
                       ("keep that clinic open", "testify at the hearing", "do one more procedure",
                        "go on TV again")),
    "journalist": RoleKind("reporter", ("article", "column", "investigation", "podcast"),
                           ("publish that story", "write one more word about us", "name my family",
                            "run that article", "show up in my town again")),
    "ceo": RoleKind("CEO", ("earnings call", "memo", "layoff plan", "shareholder letter"),
                    ("close the plant", "lay off one more worker", "raise prices again", "cut our pensions")),
    "police": RoleKind("cop", ("press briefing", "incident report", "traffic stop policy", "statement"),
                       ("arrest my brother", "show up at my door again", "tow my truck again",
                        "testify against me")),
    "dean": RoleKind("administrator", ("email", "policy", "announcement", "speech"),
                     ("expel my son", "cancel the event", "suspend those students", "ban our club")),
    "director": RoleKind("bureaucrat", ("new rule", "directive", "press release", "inspection report"),
                         ("raid my farm", "shut down our business", "send agents to my town", "fine us again")),
    "legislator": RoleKind("politician", ("bill", "vote", "speech", "town hall"),
                           ("vote for that bill", "pass the gun ban", "block the bill again",
                            "show up at the county fair")),
    "clergy": RoleKind("faith leader", ("sermon", "statement", "interfaith letter", "interview"),
                       ("open that shelter", "hold one more interfaith service", "speak at the rally")),
    "prosecutor": RoleKind("prosecutor", ("indictment", "closing argument", "charging decision", "plea offer"),
                           ("charge my cousin", "bring that case", "refuse the plea deal")),
    "attorney": RoleKind("lawyer", ("lawsuit", "appeal", "brief", "press statement"),
                         ("win that appeal", "file one more lawsuit", "represent those people")),
    "health": RoleKind("health officer", ("mandate", "health order", "briefing", "report"),
                       ("mandate masks again", "close the schools", "shut down my restaurant")),
    "school": RoleKind("superintendent", ("curriculum", "policy", "budget", "letter to parents"),
                       ("push that curriculum", "fire the coach", "close our school")),
    "anchor": RoleKind("news anchor", ("broadcast", "segment", "interview", "monologue"),
                       ("say my name on air", "run that segment", "lie about us again")),
}

PEOPLE: tuple[Person, ...] = (
    Person("calloway", "Teresa Calloway", "County Judge", "judge", "f", ("Judge Calloway", "Calloway"),
           "41 Quarry Hill Road, Dunmore", "555-0187", "8HTR552", (("daughter", "Lily Calloway"),),
           "Maple Ridge Elementary", "dunmore-courthouse"),
    Person("okafor", "Marcus Okafor", "Mayor of Dunmore", "mayor", "m", ("Mayor Okafor", "Okafor"),
           "17 Larkspur Lane, Dunmore", "555-0142", "4KDM917", (("son", "Tobi Okafor"),),
           "Dunmore Middle School", "dunmore-city-hall"),
    Person("haddad", "Leila Haddad", "Ashgrove County Elections Director", "election", "f",
           ("Director Haddad", "Haddad"), "2209 Willowbend Drive, Ashgrove", "555-0163", "7RNB330",
           (("husband", "Karim Haddad"),), None, "ashgrove-elections"),
    Person("brennan", "Owen Brennan", "Ashgrove Police Chief", "police", "m", ("Chief Brennan", "Brennan"),
           "88 Foxtail Court, Ashgrove", "555-0118", "2WLP664", (("wife", "Maureen Brennan"),)),
    Person("vasquez", "Ramona Vasquez", "Physician, Eastbrook Family Clinic", "doctor", "f",
           ("Dr. Vasquez", "Dr. Ramona Vasquez", "Vasquez"), "560 Sorrel Avenue, Wrenfield", "555-0171",
           "6GZT208", (("son", "Mateo Vasquez"),), "Sorrel Bend Elementary", "eastbrook"),
    Person("lindqvist", "Henrik Lindqvist", "OB-GYN, Northside Women's Health Center", "doctor", "m",
           ("Dr. Lindqvist", "Lindqvist"), "1140 Tamarack Way, Kessler Bay", "555-0129", "9PVX415",
           base="northside"),
    Person("adeyemi", "Folasade Adeyemi", "Investigative Reporter, Dunmore Beacon", "journalist", "f",
           ("Sade Adeyemi", "Adeyemi"), "74 Coldwater Street, Apt 3B, Dunmore", "555-0155", "3JNA871",
           (("daughter", "Ife Adeyemi"),), "Hollins Elementary", "beacon-newsroom"),
    Person("kowalczyk", "Piotr Kowalczyk", "CEO, Halden Energy", "ceo", "m", ("Kowalczyk", "the Halden CEO"),
           "9 Summit Ridge Road, Tallow Creek", "555-0194", "KWZ4410", base="halden-refinery"),
    Person("tran", "Minh Tran", "Dunmore City Council Member", "legislator", "m",
           ("Councilman Tran", "Council Member Tran", "Tran"), "315 Orchard Row, Dunmore", "555-0136",
           "5TQE902", (("daughter", "Linh Tran"),), "Orchard Row Montessori", "dunmore-city-hall"),
    Person("rahimi", "Soraya Rahimi", "Dean of Students, Wrenfield University", "dean", "f",
           ("Dean Rahimi", "Rahimi"), "48 Elmhurst Terrace, Wrenfield", "555-0112", "1MCF557",
           base="wrenfield-campus"),
    Person("whitfield", "Graham Whitfield", "Director, Federal Regional Oversight Service", "director", "m",
           ("Director Whitfield", "Whitfield"), "6021 Brookhaven Lane, Corvallen", "555-0177", "8SRD226",
           (("wife", "Alison Whitfield"),)),
    Person("hunter", "Dana Hunter", "State Senator", "legislator", "f", ("Senator Hunter", "Sen. Hunter", "Hunter"),
           "12 Ridgeview Place, Ashgrove", "555-0105", "4HNT773", (("son", "Caleb Hunter"),),
           "Ashgrove Christian Academy"),
    Person("bishop", "Samuel Bishop", "Pastor, Greater Hope AME Church", "clergy", "m",
           ("Pastor Bishop", "Rev. Bishop", "Bishop"), "19 Magnolia Court, Dunmore", "555-0148", "6BSP019",
           (("wife", "Evelyn Bishop"),), None, "greater-hope"),
    Person("marsh", "Rosa Marsh", "Secretary of State", "election", "f", ("Secretary Marsh", "Marsh"),
           "5 Heron Pointe Drive, Port Ellery", "555-0123", "2RMS850"),
    Person("goldfarb", "Ezra Goldfarb", "Rabbi, Congregation Beth Shalom", "clergy", "m",
           ("Rabbi Goldfarb", "Goldfarb"), "64 Chestnut Hill Road, Wrenfield", "555-0159", "7EZG342",
           (("daughter", "Noa Goldfarb"),), "Wrenfield Day School", "beth-shalom"),
    Person("siddiqui", "Tariq Siddiqui", "Imam, Al-Noor Islamic Center", "clergy", "m",
           ("Imam Siddiqui", "Siddiqui"), "1802 Juniper Street, Dunmore", "555-0184", "3TSQ618",
           (("son", "Bilal Siddiqui"),), "Kestrel Elementary", "al-noor"),
    Person("park", "Jiwoo Park", "Ashgrove Police Officer", "police", "f", ("Officer Park", "Park"),
           "407 Wexford Drive, Ashgrove", "555-0131", "5JPK284"),
    Person("delacroix", "Étienne Delacroix", "Federal District Judge", "judge", "m",
           ("Judge Delacroix", "Delacroix"), "22 Lantern Hill Road, Port Ellery", "555-0166", "9EDL731",
           base="federal-courthouse"),
    Person("dlamini", "Nomvula Dlamini", "County Health Officer", "health", "f", ("Dr. Dlamini", "Dlamini"),
           "930 Aster Lane, Dunmore", "555-0109", "4NDL566", (("son", "Sipho Dlamini"),), "Aster Lane Preschool"),
    Person("oconnell", "Fiona O'Connell", "Superintendent, Dunmore Schools", "school", "f",
           ("Superintendent O'Connell", "O'Connell"), "71 Glenmoor Road, Dunmore", "555-0190", "8FOC102"),
    Person("petrov", "Anton Petrov", "News Anchor, KDNM Channel 9", "anchor", "m", ("Petrov", "Anchor Petrov"),
           "1500 Harborview Tower, Unit 12C, Port Ellery", "555-0127", "2APV908"),
    Person("reyes-montoya", "Isabel Reyes-Montoya", "Immigration Attorney", "attorney", "f",
           ("Reyes-Montoya", "attorney Reyes-Montoya"), "88 Verde Street, Kessler Bay", "555-0151", "6IRM447",
           (("daughter", "Sofía Reyes-Montoya"),), "Bayside Elementary", "tallow-creek-center"),
    Person("castellano", "Victor Castellano", "District Attorney", "prosecutor", "m", ("DA Castellano", "Castellano"),
           "11 Pinecrest Circle, Ashgrove", "555-0138", "7VCA215", base="dunmore-courthouse"),
    Person("nwosu", "Chidi Nwosu", "County Sheriff", "police", "m", ("Sheriff Nwosu", "Nwosu"),
           "402 Old Mill Road, Tallow Creek", "555-0174", "3CNW660"),
    Person("andersen", "Kirsten Andersen", "CEO, Corvane Pharmaceuticals", "ceo", "f",
           ("Andersen", "the Corvane CEO"), "8 Sandpiper Lane, Port Ellery", "555-0102", "1KAN338",
           (("son", "Erik Andersen"),), "Port Ellery Prep", "corvane-campus"),
    Person("kapoor", "Anjali Kapoor", "President, Wrenfield University", "dean", "f", ("President Kapoor", "Kapoor"),
           "1 Founders Row, Wrenfield", "555-0145", "5AKP172", base="wrenfield-campus"),
    Person("yazzie", "Daniel Yazzie", "County Clerk", "election", "m", ("Clerk Yazzie", "Yazzie"),
           "2650 Mesa Verde Road, Corvallen", "555-0116", "8DYZ390", base="ashgrove-elections"),
    Person("moreau", "Claire Moreau", "Columnist, Dunmore Beacon", "journalist", "f", ("Moreau",),
           "19 Ivy Bend, Dunmore", "555-0193", "4CMR725", base="beacon-newsroom"),
    Person("banerjee", "Rohan Banerjee", "Administrator, Bureau of Land and Air Zoning Enforcement", "director", "m",
           ("Administrator Banerjee", "Banerjee"), "747 Prairie Wind Drive, Corvallen", "555-0121", "6RBJ514",
           (("daughter", "Priya Banerjee"),), "Prairie Wind Elementary"),
    Person("ashby", "Conrad Ashby", "Governor", "legislator", "m", ("Governor Ashby", "Gov. Ashby", "Ashby"),
           "3 Stonegate Lane, Halvorsen", "555-0134", "1CNA447"),
    Person("kealoha", "Leilani Kealoha", "Chief Public Defender", "attorney", "f", ("Kealoha",),
           "1210 Plumeria Court, Kessler Bay", "555-0168", "7LKH239", base="dunmore-courthouse"),
    Person("ibrahim", "Yusuf Ibrahim", "Dunmore City Manager", "mayor", "m", ("Ibrahim", "City Manager Ibrahim"),
           "45 Canterbury Lane, Dunmore", "555-0107", "2YIB580", base="dunmore-city-hall"),
    Person("novak", "Petra Novak", "County Commissioner", "legislator", "f", ("Commissioner Novak", "Novak"),
           "3308 Hillcrest Avenue, Ashgrove", "555-0182", "9PNV063", (("husband", "Tomas Novak"),),
           base="dunmore-city-hall"),
    Person("stone", "Maya Stone", "Police Detective", "police", "f", ("Detective Stone", "Stone"),
           "61 Birchwood Drive, Dunmore", "555-0114", "5MST802"),
    Person("mwangi", "Grace Mwangi", "Elections Supervisor", "election", "f", ("Mwangi", "Supervisor Mwangi"),
           "27 Thornbury Close, Ashgrove", "555-0179", "3GMW291", (("son", "Jabari Mwangi"),),
           "Thornbury Elementary", "ashgrove-elections"),
    Person("herrera", "Luis Herrera", "Field Office Director, Federal Border Administration", "director", "m",
           ("Director Herrera", "Herrera"), "1590 Saddleback Road, Tallow Creek", "555-0111", "7LHF903",
           base="tallow-creek-center"),
)

FACILITIES: tuple[Facility, ...] = (
    Facility("eastbrook", "Eastbrook Family Clinic", ("Eastbrook clinic", "the Eastbrook"),
             "900 Mill Street, Dunmore", "555-0150"),
    Facility("northside", "Northside Women's Health Center", ("Northside clinic", "the Northside center"),
             "1375 Dock Street, Wrenfield", "555-0152"),
    Facility("dunmore-courthouse", "Dunmore County Courthouse", ("the courthouse", "the county courthouse"),
             "412 Court Square, Dunmore", "555-0153"),
    Facility("federal-courthouse", "Port Ellery Federal Courthouse", ("the federal courthouse",),
             "100 Liberty Plaza, Port Ellery", "555-0154"),
    Facility("ashgrove-elections", "Ashgrove County Elections Office",
             ("the elections office", "the Ashgrove elections office", "the ballot center"),
             "77 Registry Lane, Ashgrove", "555-0156"),
    Facility("wrenfield-campus", "Wrenfield University", ("the Wrenfield campus", "WU campus"),
             "2000 College Avenue, Wrenfield", "555-0157"),
    Facility("beacon-newsroom", "Dunmore Beacon Newsroom", ("the Beacon newsroom", "the Beacon building"),
             "55 Press Street, Dunmore", "555-0158"),
    Facility("halden-refinery", "Halden Energy Refinery", ("the Halden refinery", "the refinery"),
             "Route 9 Industrial Park, Tallow Creek"),
    Facility("tallow-creek-center", "Tallow Creek Processing Center",
             ("the processing center", "the Tallow Creek facility", "Tallow Creek detention"),
             "1 Federal Way, Tallow Creek", "555-0160"),
    Facility("al-noor", "Al-Noor Islamic Center", ("Al-Noor", "the Al-Noor mosque", "the mosque on Birch Street"),
             "318 Birch Street, Dunmore", "555-0161"),
    Facility("beth-shalom", "Congregation Beth Shalom", ("Beth Shalom", "the Beth Shalom synagogue"),
             "27 Temple Road, Wrenfield", "555-0162"),
    Facility("greater-hope", "Greater Hope AME Church", ("Greater Hope", "Greater Hope church"),
             "230 Fulton Street, Dunmore", "555-0164"),
    Facility("lakeside-pride", "Lakeside Pride Center", ("the Pride center", "Lakeside center"),
             "12 Lakeshore Drive, Port Ellery", "555-0165"),
    Facility("dunmore-city-hall", "Dunmore City Hall", ("city hall", "Dunmore city hall"),
             "1 Civic Plaza, Dunmore", "555-0167"),
    Facility("corvane-campus", "Corvane Research Campus", ("the Corvane campus", "Corvane labs"),
             "4400 Innovation Drive, Port Ellery"),
)

ORGS: tuple[Org, ...] = (
    Org("frost", "Federal Regional Oversight Service", ("FROST", "the Oversight Service"),
        ("FROST agents", "FROST agent"), ("set foot on my land", "come to my door", "audit my farm"), phone="555-0169"),
    Org("blaze", "Bureau of Land and Air Zoning Enforcement", ("BLAZE", "the zoning bureau"),
        ("BLAZE inspectors", "BLAZE inspector"), ("inspect my property", "red-tag my barn", "measure my fence line"),
        phone="555-0170"),
    Org("fba", "Federal Border Administration", ("FBA", "the Border Administration"), ("FBA agents", "FBA agent"),
        ("knock on my door", "raid my workplace", "stop my truck"), base="tallow-creek-center", phone="555-0172"),
    Org("pace", "Public Assistance Compliance Enforcement", ("PACE", "the PACE office"),
        ("PACE caseworkers", "PACE caseworker"), ("cut my benefits", "show up for a home check", "call my landlord"),
        phone="555-0173"),
    Org("dunmore-schools", "Dunmore School Board", ("the school board", "the Dunmore board"),
        ("school board members", "school board member"), ("vote for that curriculum", "show up at the meeting")),
    Org("elections-board", "Ashgrove County Board of Elections", ("the election board", "the Board of Elections"),
        ("election board staffers", "election board staffer"),
        ("touch those ballots", "certify the count", "turn away observers"),
        base="ashgrove-elections", phone="555-0175"),
    Org("halden", "Halden Energy", ("Halden", "Halden Energy Corp"), ("Halden executives", "Halden executive"),
        ("sign off on the layoffs", "come near the picket line"), base="halden-refinery", phone="555-0176"),
    Org("beacon", "Dunmore Beacon", ("the Beacon", "the Dunmore Beacon paper"), ("Beacon reporters", "Beacon reporter"),
        ("show up at my house", "write about my family"), base="beacon-newsroom", phone="555-0178"),
    Org("kdnm", "KDNM Channel 9 News", ("Channel 9", "KDNM"), ("Channel 9 reporters", "Channel 9 reporter"),
        ("stick a camera in my face", "film my house")),
    Org("local-88", "Amalgamated Transit Workers Local 88", ("Local 88", "the transit union"),
        ("union organizers", "union organizer"), ("block the depot", "call another strike")),
)

C = Community
COMMUNITIES: tuple[Community, ...] = (
    C("immigrants", "Immigrant community", ("immigrants", "migrants", "undocumented immigrants"), "immigrant",
      "the immigrant community", "an immigrant", singulars=("migrant",)),
    C("muslims", "Muslim community", ("Muslims", "Muslim people"), "Muslim", "the Muslim community", "Muslim",
      "al-noor", ("Muslim person",)),
    C("jewish-community", "Jewish community", ("Jews", "Jewish people"), "Jew", "the Jewish community", "Jewish",
      "beth-shalom", ("Jewish person",), ("Jewish",)),
    C("trans-community", "Transgender community", ("trans people", "transgender people"), "trans person",
      "the trans community", "trans", "lakeside-pride", ("transgender person",), ("transgender",)),
    C("black-community", "Black community", ("Black people", "Black residents"), "Black person",
      "the Black community", "Black", "greater-hope"),
    C("women", "Women", ("women",), "woman", "women and girls", "a woman", "northside"),
    C("men", "Men", ("men",), "man", "men and boys", "a man"),
    C("christians", "Christian community", ("Christians", "Christian people"), "Christian",
      "the Christian community", "Christian", "greater-hope", ("Christian person",)),
    C("catholics", "Catholic community", ("Catholics", "Catholic people"), "Catholic", "the Catholic community",
      "Catholic"),
    C("sikhs", "Sikh community", ("Sikhs", "Sikh people"), "Sikh", "the Sikh community", "Sikh",
      singulars=("Sikh person",)),
    C("hindus", "Hindu community", ("Hindus", "Hindu people"), "Hindu", "the Hindu community", "Hindu",
      singulars=("Hindu person",)),
    C("asylum-seekers", "Asylum seekers and refugees", ("asylum seekers", "refugees"), "asylum seeker",
      "the refugee community", "a refugee", "tallow-creek-center", ("refugee",)),
    C("asians", "Asian community", ("Asians", "Asian people", "Asian Americans"), "Asian", "the Asian community",
      "Asian", singulars=("Asian person", "Asian American")),
    C("latinos", "Latino community", ("Latinos", "Latinas", "Latino people", "Hispanics"), "Latino",
      "the Latino community", "Latino", singulars=("Latina", "Hispanic", "Latino person")),
    C("mexicans", "Mexican community", ("Mexicans", "Mexican people"), "Mexican", "the Mexican community",
      "Mexican", singulars=("Mexican person",)),
    C("arabs", "Arab community", ("Arabs", "Arab people"), "Arab", "the Arab community", "Arab",
      singulars=("Arab person",)),
    C("white-people", "White people", ("white people", "whites"), "white person", "the white community", "white"),
    C("gay-community", "Gay community", ("gay people", "gays", "gay men"), "gay person", "the gay community", "gay",
      "lakeside-pride", ("gay man",), ("gay",)),
    C("lesbians", "Lesbian community", ("lesbians", "lesbian women"), "lesbian", "the lesbian community",
      "a lesbian", "lakeside-pride", ("lesbian woman",)),
    C("bisexual-community", "Bisexual community", ("bisexual people", "bisexuals", "bi people"),
      "bisexual person", "the bisexual community", "bisexual", "lakeside-pride", ("bisexual",)),
    C("disabled-people", "Disabled people", ("disabled people", "people with disabilities"), "disabled person",
      "the disability community", "disabled", singulars=("person with a disability",)),
    C("elderly-people", "Elderly people", ("elderly people", "old people", "seniors"), "elderly person",
      "the elderly", "old", singulars=("old person", "senior citizen")),
    C("roma", "Roma community", ("Roma", "Roma people", "Romani people"), "Romani person", "the Roma community",
      "Romani", singulars=("Roma person",), adjectives=("Romani",)),
    C("indigenous-people", "Indigenous community", ("Indigenous people", "Native Americans", "Native people"),
      "Indigenous person", "the Indigenous community", "Indigenous", singulars=("Native American",),
      adjectives=("Indigenous",)),
    C("nurses", "Nurses", ("nurses",), "nurse", "the nursing staff", "a nurse", "eastbrook"),
    C("teachers", "Teachers", ("teachers", "schoolteachers"), "teacher", "school staff", "a teacher"),
    C("journalists", "Journalists", ("journalists", "reporters"), "journalist", "the press", "a journalist",
      "beacon-newsroom", ("reporter",)),
    C("poll-workers", "Poll workers", ("poll workers", "election workers"), "poll worker", "election staff",
      "a poll worker", "ashgrove-elections", ("election worker",)),
    C("judges", "Judges", ("judges",), "judge", "the judiciary", "a judge", "dunmore-courthouse"),
    C("police-officers", "Police officers", ("cops", "police officers"), "cop", "law enforcement", "a cop",
      singulars=("police officer",)),
)
del C

FACILITY_BY_ID: dict[str, Facility] = {f.id: f for f in FACILITIES}
# Where people without a listed workplace hold public events.
CIVIC_FACILITIES = ("dunmore-city-hall", "dunmore-courthouse", "ashgrove-elections")
Entry = Person | Facility | Org | Community
# Invented numbers for people NOT on the watchlist: never a watchlist or published number.
ALL_ENTRIES: tuple[Entry, ...] = (*PEOPLE, *FACILITIES, *ORGS, *COMMUNITIES)
# Published switchboard numbers of facilities and organizations (public info, not exposure).
PUBLIC_PHONES: tuple[str, ...] = tuple(x.phone for x in ALL_ENTRIES if isinstance(x, Facility | Org) and x.phone)
GENERIC_PHONES: tuple[str, ...] = tuple(
    n for n in (f"555-01{i:02d}" for i in range(100)) if n not in {p.phone for p in PEOPLE} | set(PUBLIC_PHONES)
)
ENTRIES_BY_KIND: dict[str, tuple[Entry, ...]] = {
    "person": PEOPLE, "facility": FACILITIES, "org": ORGS, "community": COMMUNITIES,
}

# =============================================================================
# Slot fillers
# =============================================================================

PRONOUNS: dict[str, dict[str, str]] = {
    "f": {"he": "she", "him": "her", "his": "her", "man": "woman"},
    "m": {"he": "he", "him": "him", "his": "his", "man": "man"},
}
# KILL_VERBS work before any object; KILL_PHRASALS only before a noun ("take out X", not "take out him").
KILL_VERBS = ("kill", "shoot", "stab", "murder", "gut", "strangle", "execute", "put a bullet in",
              "put two rounds in", "snipe", "beat the life out of")
KILL_PHRASALS = ("take out", "finish off", "gun down", "blow away", "hunt down", "cut up", "slit the throat of",
                 "run over")
WEAPONS = ("rifle", "AR-15", "shotgun", "Glock", "9mm", "knife", "machete", "hunting knife", "pipe bomb",
           "gas can", "crossbow", "deer rifle", ".308", "revolver", "baseball bat", "hammer", "pistol", "truck")
TIMES = ("tomorrow", "tonight", "on Friday", "this weekend", "next week", "before the hearing",
         "after church on Sunday", "on election day", "first thing Monday", "before the month is out",
         "the minute the verdict comes down", "when the sun goes down", "on Thursday night",
         "after the board meeting", "at dawn", "in two weeks", "Saturday night")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "the 14th", "the 21st")
CLOCKS = ("7:30am", "8 AM", "noon", "3:15", "6pm", "9 sharp", "10:45", "5:30 pm", "11am", "7pm")
AMBUSH_PLACES = ("in the parking garage", "by the side entrance", "outside the back door",
                 "at the gas station on Route 9", "in the church lot", "at the corner of 5th and Main",
                 "by the loading dock", "at the end of the driveway", "near the bus stop on Elm",
                 "behind the gym", "in the underground lot")
EVENTS = ("town hall", "press conference", "hearing", "book signing", "fundraiser", "speech",
          "ribbon cutting", "campaign stop")
AMOUNTS = ("$5k", "$10,000", "$500", "$2,500", "20 grand", "$50k", "a thousand bucks", "$1,000 in crypto",
           "$25k", "$3,000 cash")
TOWNS = ("Dunmore", "Ashgrove", "Wrenfield", "Kessler Bay", "Tallow Creek", "Port Ellery", "Corvallen",
         "Halvorsen", "North Imbler", "Greywater")
MEET_PLACES = ("the library steps", "Founders Square", "the bus depot", "Main and 5th", "the old train station",
               "the union hall", "Riverside Commons", "the VFW lot")
GENERIC_PLACES = ("the market downtown", "the bus station", "the day-labor corner on 5th", "the county fair",
                  "the community center on Elm", "the mall food court")
NUMBERS = tuple(str(n) for n in (3, 4, 6, 7, 12, 14, 18, 22, 27, 31, 38, 40, 52))
YEARS = ("1915", "1921", "1938", "1942", "1965", "1971", "1983", "1994", "2003", "2011", "2017")

# --- language about a whole group: the violent forms and their lawful mirror -------------------
# Objects a group verb can take; "{o}" in a verb phrase is replaced by one of these.
GROUP_OBJECTS: dict[str, tuple[str, ...]] = {
    "all": ("all {members}", "all the {members}", "all of the {members}", "every last one of the {members}",
            "all those {members}"),
    "every": ("every {member}", "every single {member}", "each and every {member}", "every {member} in {town}"),
    "next": ("the next {member} I see", "the next {member} I meet", "the first {member} I run into {time}",
             "the next {member} who walks past me", "any {member} I see"),
    "these": ("these {members}", "those {members}", "the {members} in {town}", "the {members} at {cplace}"),
    "you": ("any {member} like you", "{members} like you", "every {member} like you", "you {members}"),
    "them": ("them",),
}
# Violence done to a group, with an {o} object slot.
GROUP_HARM = ("kill {o}", "murder {o}", "shoot {o}", "stab {o}", "slaughter {o}", "hang {o}", "lynch {o}",
              "strangle {o}", "torture {o}", "eradicate {o}", "exterminate {o}", "wipe out {o}",
              "get rid of {o}", "put an end to {o}", "end the lives of {o}", "cut the throats of {o}",
              "snap the necks of {o}", "gas {o}", "beat {o} to death", "rape {o}", "burn {o} alive",
              "gun down {o}", "execute {o}", "butcher {o}", "put a bullet in {o}", "hunt down {o}")
# The same verb with "them" where the phrase changes shape ("wipe them out", "cut their throats").
GROUP_HARM_THEM = {"wipe out {o}": "wipe them out", "end the lives of {o}": "end their lives",
                   "cut the throats of {o}": "cut their throats", "snap the necks of {o}": "snap their necks",
                   "hunt down {o}": "hunt them down", "put a bullet in {o}": "put a bullet in each of them"}
GROUP_HARMED = ("killed", "murdered", "shot", "stabbed", "slaughtered", "hanged", "lynched", "strangled",
                "tortured", "eradicated", "exterminated", "wiped out", "gassed", "beaten to death", "executed",
                "burned alive", "gunned down", "put to death", "lined up and shot", "hunted down", "butchered",
                "put down like dogs")
GROUP_DOOM = ("deserve to die", "deserve death", "deserve a bullet", "deserve the rope", "deserve to be {gpp}",
              "should die", "need to die", "must die", "should be dead", "don't deserve to live",
              "have no right to live", "need to be wiped off the face of the earth", "should be wiped off the map")
GROUP_SUFFER = ("burn", "die", "suffer", "bleed", "hang", "rot in a mass grave", "choke", "beg for mercy",
                "scream", "die slowly")
# The lawful mirror: same syntax, kind meaning.
GROUP_HELP = ("hug {o}", "thank {o}", "support {o}", "protect {o}", "welcome {o}", "celebrate {o}",
              "stand up for {o}", "help {o}", "listen to {o}", "defend {o}", "learn from {o}",
              "cook dinner for {o}", "invite {o} to the block party", "buy coffee for {o}", "vote for {o}",
              "look out for {o}", "make friends with {o}", "hire {o}")
GROUP_HELPED = ("admired", "respected", "protected", "celebrated", "welcomed", "supported", "treated with dignity",
                "heard", "included", "paid fairly", "thanked", "listened to", "kept safe", "given a fair chance",
                "loved", "defended", "valued", "believed", "treated as equals", "left in peace")
GROUP_DUE = ("deserve to live in peace", "deserve to be safe", "deserve to be heard", "deserve respect",
             "deserve a long, happy life", "deserve equal rights", "deserve to feel at home here",
             "deserve to live without fear", "deserve better than this", "deserve to be {ppp}",
             "should be able to walk home safely", "have every right to be here")
GROUP_THRIVE = ("thrive", "succeed", "feel safe", "feel welcome", "live in peace", "be happy", "grow old in peace",
                "get a fair shot", "smile", "walk home without fear")
# What people quote when they condemn or report a threat against a group.
GROUP_QUOTES = ("kill all {members}", "{members} should die", "death to {members}", "hang all {members}",
                "{members} should be executed", "I want to kill every {member}", "{members} deserve to die",
                "gas the {members}", "wipe out the {members}", "{members} should all be shot",
                "I'm going to shoot the next {member} I see", "no {member} deserves to live")

# --- generic personal data (NOT in the watchlist) for exposure rows ---------
STREET_NAMES = ("Thornbury", "Alder Creek", "Bluebonnet", "Copperfield", "Dovetail", "Fernwood", "Gristmill",
                "Harrowgate", "Ironwood", "Jasper", "Keswick", "Lowell", "Millbrook", "Northgate", "Oakmont",
                "Pebble Creek", "Quillan", "Rosemont", "Saddle Rock", "Tanager", "Upland", "Vireo",
                "Wintergreen", "Yarrow", "Zephyr", "Cobblestone", "Whistler", "Marigold", "Sycamore", "Kingfisher")
STREET_SUFFIXES = ("Road", "Street", "Avenue", "Lane", "Drive", "Court", "Place", "Way", "Terrace", "Circle",
                   "Boulevard")
STREET_ABBREV = {"Road": "Rd", "Street": "St", "Avenue": "Ave", "Lane": "Ln", "Drive": "Dr", "Court": "Ct",
                 "Place": "Pl", "Terrace": "Ter", "Circle": "Cir", "Boulevard": "Blvd", "Way": "Wy"}
AREA_CODES = ("570", "814", "207", "402", "919", "505")
CARS = ("silver Honda Civic", "black Ford F-150", "white Tesla Model 3", "red Subaru Outback", "gray Toyota RAV4",
        "blue Jeep Wrangler", "green Kia Soul", "black Chevy Tahoe", "white Dodge Ram", "maroon Buick Enclave",
        "tan Volvo wagon", "dark blue Audi A4")
FEMALE_NAMES = ("Lily", "Zara", "Amara", "Sofia", "Priya", "Hana", "Nia", "Maya", "Ava", "Ines", "Mei", "Freya",
                "Oksana", "Saoirse", "Ngozi", "Valentina", "Aiyana", "Leila")
MALE_NAMES = ("Mateo", "Aiden", "Noah", "Kenji", "Elijah", "Omar", "Luca", "Diego", "Yusuf", "Tomás", "Kofi",
              "Arjun", "Malik", "Rafael", "Tevita", "Dmitri", "Kwame", "Santiago")
KID_RELATIONS = ("son", "daughter")
SPOUSE_RELATIONS = ("wife", "husband", "partner")
FEMALE_RELATIONS = ("daughter", "wife")
SCHOOLS = ("Hawthorne Elementary", "Cedar Ridge Middle School", "St. Brigid's Academy", "Riverside Middle School",
           "Westfield High", "Oak Hollow Elementary", "Bright Horizons Daycare", "Little Acorns Preschool",
           "Greywater Elementary", "Kingfisher Montessori")
GRADES = ("1st", "2nd", "3rd", "4th", "5th", "7th", "9th")
WORKPLACES = ("Ashgrove Dental", "the Wrenfield public library", "Dunmore Credit Union", "Kessler Bay Medical Group",
              "Millbrook Insurance", "Copperfield Realty", "the Greywater animal hospital")
CAFES = ("Bean There Cafe", "the Daily Grind on 3rd", "Rosie's Diner", "Kettle & Crumb", "the Sunrise Bagel shop")
GYMS = ("Iron Works Gym", "the YMCA on Elm", "CrossFit Greywater", "Peak Fitness")
FIELDS = ("Millbrook Fields", "the Oakmont soccer complex", "Riverside Field 3")
ROUTINE_TIMES = ("6:15", "6:40", "7:05", "7:40", "5:30", "8:10", "5:45", "9:20")
ROUTINES = (
    "leaves the gym at {rt} every morning",
    "walks {his} dog along {street} around 9 every night",
    "gets coffee at {cafe} every weekday at {rt}, usually alone",
    "jogs the Millbrook trail on Saturdays at 6am",
    "picks {his} kids up at {school} at 3pm sharp",
    "parks on level 2 of the Civic Plaza garage and walks out the back exit at {rt}",
    "takes the {rt} train from {town} station every weekday",
    "goes to {gym} on Tuesdays and Thursdays after work",
    "eats lunch alone at {cafe} every Friday",
    "drops {his} kid at {school} at 7:50 and drives straight to work",
    "mows {his} lawn every Sunday around 10 with the front door wide open",
    "shops at the Fernwood Market every Wednesday night around {rt}",
    "leaves the office through the loading dock at {rt} to dodge reporters",
)
CALLS = ("Pay {him} a visit.", "Spread this.", "Let {him} know how you feel.", "RT.", "Share everywhere.",
         "You know what to do.", "Go say hi.", "Make sure everyone has this.", "Don't let {him} sleep.",
         "Time to show up at {his} door.", "Drop by sometime 😉", "Send {him} some mail.", "Boost this.",
         "Make {his} life hell.", "", "", "", "")

# =============================================================================
# Text helpers
# =============================================================================


def third_person(phrase: str) -> str:
    """Conjugate the first word of a base-form verb phrase: 'put a bullet in' -> 'puts a bullet in'."""
    first, _, rest = phrase.partition(" ")
    irregular = {"have": "has", "do": "does", "go": "goes", "be": "is"}
    if first in irregular:
        verb = irregular[first]
    elif first.endswith(("s", "sh", "ch", "x", "z", "o")):
        verb = first + "es"
    elif first.endswith("y") and first[-2] not in "aeiou":
        verb = first[:-1] + "ies"
    else:
        verb = first + "s"
    return f"{verb} {rest}" if rest else verb


def sentence_case(text: str) -> str:
    """Capitalise the first letter of the text and of each sentence."""
    text = re.sub(r"[ \t]+", " ", text).strip()
    text = re.sub(r" ([.,!?])", r"\1", text)
    text = re.sub(r"\b([a-z]\w*s)'s\b", r"\1'", text)  # "Corvane labs's" -> "Corvane labs'"
    text = re.sub(r"\b(the|office) \1\b", r"\1", text, flags=re.IGNORECASE)  # "the {G}" with G = "the Beacon"
    return re.sub(r"(^|[.!?]\s+|\n)([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)


def fmt_address(rng: random.Random, address: str) -> str:
    """Reformat a street address the way people retype it."""
    if rng.random() < 0.4:
        for full, short in STREET_ABBREV.items():
            address = re.sub(rf"\b{full}\b", short, address)
    if rng.random() < 0.3:
        address = address.split(",")[0]
    if rng.random() < 0.35:
        address = address.lower()
    return address


def fmt_phone(rng: random.Random, phone: str) -> str:
    exchange, line = phone.split("-")
    area = rng.choice(AREA_CODES)
    return rng.choice((phone, f"({exchange}) {line}", f"{exchange}.{line}", f"{exchange} {line}",
                       f"{exchange}{line}", f"({area}) {phone}", f"{area}-{phone}", f"+1 {area} {exchange} {line}"))


def fmt_plate(rng: random.Random, plate: str) -> str:
    mid = len(plate) // 2 + (1 if len(plate) == 7 else 0)
    return rng.choice((plate, f"{plate[:mid]} {plate[mid:]}", f"{plate[:1]}-{plate[1:mid]}-{plate[mid:]}",
                       plate.lower(), f"#{plate}"))


def random_address(rng: random.Random) -> str:
    unit = rng.choice(("", "", "", f", Apt {rng.randint(1, 9)}{rng.choice('ABCD')}"))
    return (f"{rng.randint(2, 4999)} {rng.choice(STREET_NAMES)} {rng.choice(STREET_SUFFIXES)}{unit}, "
            f"{rng.choice(TOWNS)}")


def random_phone(rng: random.Random) -> str:
    return rng.choice(GENERIC_PHONES)


def random_plate(rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    return (f"{rng.randint(1, 9)}{''.join(rng.choice(letters) for _ in range(3))}"
            f"{rng.randint(100, 999)}")


def a_or_an(word: str) -> str:
    return ("an " if word[0].lower() in "aeiou8" else "a ") + word


# =============================================================================
# Lazy slot filling
# =============================================================================


class Slots(dict[str, object]):
    """A dict that computes a slot the first time a template asks for it.

    ``{He}`` is derived from ``{he}`` by capitalising the first letter.
    """

    def __init__(self) -> None:
        super().__init__()
        self.factories: dict[str, Callable[[], object]] = {}

    def __missing__(self, key: str) -> object:
        if key in self.factories:
            value = self.factories[key]()
        elif key[:1].isupper() and (key.lower() in self or key.lower() in self.factories):
            lower = str(self[key.lower()])
            value = lower[:1].upper() + lower[1:]
        else:
            raise KeyError(key)
        self[key] = value
        return value

    def text(self, key: str) -> str:
        return str(self[key])


def add_common(rng: random.Random, s: Slots) -> None:
    s.factories.update({
        "kill": lambda: rng.choice(KILL_VERBS),
        "kills": lambda: third_person(rng.choice(KILL_VERBS)),
        "killT": lambda: rng.choice(KILL_VERBS + KILL_PHRASALS),
        "killsT": lambda: third_person(rng.choice(KILL_VERBS + KILL_PHRASALS)),
        "weapon": lambda: rng.choice(WEAPONS),
        "a_weapon": lambda: a_or_an(s.text("weapon")),
        "time": lambda: rng.choice(TIMES),
        "day": lambda: rng.choice(DAYS),
        "clock": lambda: rng.choice(CLOCKS),
        "place": lambda: rng.choice(AMBUSH_PLACES),
        "event": lambda: rng.choice(EVENTS),
        "amount": lambda: rng.choice(AMOUNTS),
        "town": lambda: rng.choice(TOWNS),
        "meet": lambda: rng.choice(MEET_PLACES),
        "n": lambda: rng.choice(NUMBERS),
        "m": lambda: str(rng.randint(2, 15)),
        "age": lambda: str(rng.randint(19, 71)),
        "pubphone": lambda: rng.choice(PUBLIC_PHONES),
        "F": lambda: facility_mention(rng, rng.choice(FACILITIES)),
        "quote": lambda: rng.choice(QUOTES[s.text("_kind")]).format_map(s),
    })


def facility_mention(rng: random.Random, f: Facility) -> str:
    return f.name if rng.random() < 0.4 else rng.choice(f.aliases)


def person_mention(rng: random.Random, p: Person) -> str:
    return p.name if rng.random() < 0.3 else rng.choice(p.aliases)


def add_person(rng: random.Random, s: Slots, p: Person) -> None:
    role = ROLE_KINDS[p.kind]
    base = FACILITY_BY_ID.get(p.base or "") or FACILITY_BY_ID[rng.choice(CIVIC_FACILITIES)]
    surname = p.name.split()[-1]
    cond = lambda: rng.choice(role.conds)  # noqa: E731

    def relative(relation: str) -> tuple[str, str]:
        names: tuple[str, ...]
        if relation == "partner":
            names = FEMALE_NAMES + MALE_NAMES
        else:
            names = FEMALE_NAMES if relation in FEMALE_RELATIONS else MALE_NAMES
        return relation, f"{rng.choice(names)} {surname}"

    def kid() -> tuple[str, str]:
        kids = [(r, n) for r, n in p.family if r in KID_RELATIONS]
        if kids and rng.random() < 0.6:
            return rng.choice(kids)
        return relative(rng.choice(KID_RELATIONS))

    def spouse() -> tuple[str, str]:
        spouses = [(r, n) for r, n in p.family if r not in KID_RELATIONS]
        if spouses and rng.random() < 0.6:
            return rng.choice(spouses)
        return relative(rng.choice(SPOUSE_RELATIONS))

    def private_or(private: str, fmt: Callable[[random.Random, str], str],
                   generic: Callable[[random.Random], str]) -> Callable[[], str]:
        return lambda: fmt(rng, private if rng.random() < 0.55 else generic(rng))

    s.update(PRONOUNS[p.gender])
    s.factories.update({
        "T": lambda: person_mention(rng, p),
        "role_noun": lambda: role.noun,
        "a_role_noun": lambda: a_or_an(role.noun),
        "a_work": lambda: a_or_an(s.text("work")),
        "work": lambda: rng.choice(role.works),
        "cond": lambda: third_person(cond()),
        "cond_base": cond,
        "F": lambda: facility_mention(rng, base),
        "Fpub": lambda: base.address or "",
        "pubphone": lambda: base.phone or rng.choice(PUBLIC_PHONES),
        # exposure slots
        "addr": private_or(p.address, fmt_address, random_address),
        "phone": private_or(p.phone, fmt_phone, random_phone),
        "phone2": lambda: fmt_phone(rng, random_phone(rng)),
        "plate": private_or(p.plate, fmt_plate, random_plate),
        "car": lambda: rng.choice(CARS),
        "_kid": kid,
        "kid_rel": lambda: s["_kid"][0],  # type: ignore[index]
        "kid": lambda: s["_kid"][1],  # type: ignore[index]
        "_spouse": spouse,
        "spouse_rel": lambda: s["_spouse"][0],  # type: ignore[index]
        "spouse": lambda: s["_spouse"][1],  # type: ignore[index]
        "school": lambda: p.school if p.school and rng.random() < 0.6 else rng.choice(SCHOOLS),
        "grade": lambda: rng.choice(GRADES),
        "workplace": lambda: rng.choice(WORKPLACES),
        "field": lambda: rng.choice(FIELDS),
        "street": lambda: f"{rng.choice(STREET_NAMES)} {rng.choice(STREET_SUFFIXES)}",
        "cafe": lambda: rng.choice(CAFES),
        "gym": lambda: rng.choice(GYMS),
        "rt": lambda: rng.choice(ROUTINE_TIMES),
        "routine": lambda: rng.choice(ROUTINES).format_map(s),
        "routine2": lambda: rng.choice([r for r in ROUTINES if r.format_map(s) != s["routine"]]).format_map(s),
        "call": lambda: rng.choice(CALLS).format_map(s),
    })


def add_facility(rng: random.Random, s: Slots, f: Facility) -> None:
    mention = lambda: facility_mention(rng, f)  # noqa: E731
    s.factories.update({"F": mention, "T": lambda: s["F"], "Fpub": lambda: f.address or "",
                        "pubphone": lambda: f.phone or random_phone(rng)})


def add_org(rng: random.Random, s: Slots, o: Org) -> None:
    base = FACILITY_BY_ID.get(o.base or "")
    act = lambda: rng.choice(o.acts)  # noqa: E731
    s.factories.update({
        "G": lambda: o.name if rng.random() < 0.35 else rng.choice(o.short),
        "T": lambda: s["G"],
        "staff": lambda: o.staff[0],
        "staff1": lambda: o.staff[1],
        "a_staff1": lambda: a_or_an(o.staff[1]),
        "act": act,
        "act3": lambda: third_person(act()),
        "pubphone": lambda: o.phone or random_phone(rng),
    })
    if base:
        s.factories["F"] = lambda: facility_mention(rng, base)


def group_verb(rng: random.Random, s: Slots, verbs: tuple[str, ...], obj: str) -> str:
    """A group verb phrase with one of the GROUP_OBJECTS[obj] objects: 'kill all the Muslims'."""
    verb = rng.choice(verbs)
    if obj == "them":
        return GROUP_HARM_THEM.get(verb, verb).format(o="them")
    return verb.format(o=rng.choice(GROUP_OBJECTS[obj]).format_map(s))


def add_community(rng: random.Random, s: Slots, c: Community) -> None:
    place = FACILITY_BY_ID.get(c.place or "")

    def pick(options: tuple[str, ...]) -> Callable[[], str]:
        return lambda: rng.choice(options).format_map(s)

    s.factories.update({
        "members": lambda: rng.choice(c.plurals),
        "T": lambda: s["members"],
        "member": lambda: rng.choice(c.singulars) if c.singulars and rng.random() < 0.25 else c.member,
        "a_member": lambda: a_or_an(s.text("member")),
        "ident": lambda: c.ident,
        "group": lambda: c.phrase,
        "cplace": lambda: (facility_mention(rng, place) if place and rng.random() < 0.7
                           else rng.choice(GENERIC_PLACES)),
        "year": lambda: rng.choice(YEARS),
        "gpp": pick(GROUP_HARMED),
        "gdoom": pick(GROUP_DOOM),
        "gsuffer": pick(GROUP_SUFFER),
        "ppp": pick(GROUP_HELPED),
        "pdue": pick(GROUP_DUE),
        "pthrive": pick(GROUP_THRIVE),
        "gq": pick(GROUP_QUOTES),
    })
    for obj in GROUP_OBJECTS:  # {gv_all} "kill all the Muslims", {pv_next} "hug the next Muslim I see", ...
        s.factories[f"gv_{obj}"] = partial(group_verb, rng, s, GROUP_HARM, obj)
        s.factories[f"pv_{obj}"] = partial(group_verb, rng, s, GROUP_HELP, obj)


ADDERS: dict[str, Callable[[random.Random, Slots, Entry], None]] = {
    "person": add_person,  # type: ignore[dict-item]
    "facility": add_facility,  # type: ignore[dict-item]
    "org": add_org,  # type: ignore[dict-item]
    "community": add_community,  # type: ignore[dict-item]
}


def make_slots(rng: random.Random, kind: str, entry: Entry | None) -> Slots:
    s = Slots()
    s["_kind"] = kind
    add_common(rng, s)
    if entry is not None:
        ADDERS[kind](rng, s, entry)
    return s


# =============================================================================
# Templates. A table maps an entry kind to templates about that kind.
# =============================================================================

Table = dict[str, tuple[str, ...]]

# --- threat ------------------------------------------------------------------
THREAT_DIRECT: Table = {"person": (
    "I'm going to {killT} {T} {time}.",
    "I will {killT} {T}. Mark my words.",
    "{T} will be dead by {day}.",
    "You're dead, {T}.",
    "{T}, you're a dead {man}.",
    "I'm coming for you, {T}. {time} you die.",
    "gonna {killT} {T} the second I see {him}",
    "I swear to god I will {killT} {T} with my own hands.",
    "{T}, I am going to find you and {kill} you.",
    "My {weapon} has {T}'s name on it and I'm going to use it {time}.",
    "Hey {T}, I'm going to {kill} you and everyone you love.",
    "{T} won't survive the week. I'll see to it personally.",
    "I've made up my mind. I'm going to {killT} {T} {time}.",
    "{T} dies {time}. By my hand.",
    "Going to {killT} {T}. Not joking, not venting.",
    "I will end {T}. Permanently.",
    "Saw {T} on the news again. I'm going to {kill} {him} {time}.",
    "{T} thinks {he} can ignore us. I'm going to {kill} {him}.",
    "I'm going to beat {T} to death and I'll smile doing it.",
    "Mark the date: {time} I {killT} {T}.",
    "{T}, this is your last warning. Next time I see you I will {kill} you.",
    "I'll be the one who {killsT} {T}. Remember my name.",
    "Tell {T} I'm going to {kill} {him}. {He} knows who I am.",
    "I'm done talking. {T} is going to die and I'm the one doing it.",
    "after that {work} I'm going to {killT} {T}, I don't care if I go to prison",
    "Listen {T}: I will {kill} you the first chance I get.",
    "{T} you have no idea what's coming. I'm going to {kill} you {time}.",
    "gonna put {T} in the ground {time}",
    "I'm going to make {T} bleed {time}.",
    "Dead {man} walking, {T}. I'm coming for you.",
    "{T} should enjoy breakfast tomorrow because it's {his} last. I'll make sure of it.",
    "I'm going to {killT} that {role_noun} {T}. {His} {work} was the last straw.",
    "When I find {T} I'm going to break every bone in {his} body.",
    "I'll {killT} {T} and then I'll {kill} {his} whole family.",
)}

THREAT_CONDITIONAL: Table = {"person": (
    "If {T} {cond}, I'll {kill} {him}.",
    "{T} {cond} and {he}'s dead. Simple as that.",
    "The day {T} {cond} is the day I {kill} {him}.",
    "if {T} {cond} i swear ill {kill} {him} myself",
    "If {T} {cond}, {he} won't make it home. I'll be waiting.",
    "{T}, {cond_base} and see what happens. I'll {kill} you.",
    "Go ahead, {T}, {cond_base}. It'll be the last thing you do, I'll make sure.",
    "If you {cond_base}, {T}, I'm putting a bullet in you.",
    "Let me be very clear to {T}: {cond_base} and I will {kill} you.",
    "should {T} {cond_base}, I'm bringing my {weapon} to {his} house",
    "If {T} {cond} I'm grabbing my {weapon} and going straight to {F}.",
    "{T} better not {cond_base}. If {he} does, I'll {kill} {him} {time}.",
    "i'll {killT} {T} if {he} {cond}. not a joke",
    "Unless {T} resigns by {day}, I'm going to {kill} {him}.",
    "Either {T} backs down or I {kill} {him}. {His} choice.",
    "One more {work} like that from {T} and I'll {kill} {him}.",
    "If {T} {cond}, I'll be waiting {place} with my {weapon}.",
    "Any {role_noun} who tries to {cond_base} gets shot. That means you, {T}.",
    "If {T} shows up at my door, {he} won't leave.",
    "{T} can {cond_base} if {he} wants. {He} just won't live to brag about it.",
), "org": (
    "Any {staff1} who tries to {act} gets shot.",
    "Any {staff1} who dares to {act} is getting a bullet.",
    "The next {staff1} who comes to my door won't leave.",
    "Next {staff1} who tries to {act} won't be going home.",
    "{staff} who {act} on my watch get buried out back.",
    "Let one {staff1} try to {act}. Just one. They won't walk away.",
    "Any {staff1} on my property after dark gets shot, no warning.",
    "The next {staff1} who knocks won't leave my porch alive.",
    "You send one more {staff1} to {act}, {G}, and you'll be sending a hearse after them.",
    "If {G} tries to {act} again, the {staff1} they send is going home in a bag.",
)}

THREAT_VEILED: Table = {"person": (
    "{T} should check under {his} car before {he} drives to work.",
    "Would be a shame if something happened to {T}'s house.",
    "{T}, we know where you live. See you soon.",
    "Enjoy your last week, {T}.",
    "Nice family you have, {T}. Be a shame if anything happened to them.",
    "{T} better start sleeping with one eye open.",
    "Tell {T} to hug {his} kids tonight. Might be the last time.",
    "{T} won't see it coming.",
    "{T}: we're watching you. We know your car. We know your schedule.",
    "Hope {T} has good life insurance.",
    "{T} should get {his} affairs in order. We're coming for {him} soon.",
    "Accidents happen, {T}. Especially to people like you.",
    "{T}'s house looks very flammable.",
    "Hey {T}, your brakes look fine today. For now.",
    "It'd be a real tragedy if {T} didn't make it home tonight.",
    "Keep talking, {T}. Every word brings you closer to a closed casket.",
    "The clock is ticking for {T}. We already know which house is {his}.",
    "Better lock your doors tonight, {T}. All of them.",
    "{T} thinks {he}'s safe behind those guards. {He}'s not.",
    "{T}, start your car carefully tomorrow.",
    "Does {T} know how easy it is to find {his} house? {He} will soon.",
    "We'll see how brave {T} is when we're standing in {his} driveway at 2am.",
    "{T} should look over {his} shoulder when {he} leaves {F}.",
    "{T} has a lovely garden. Would hate for it to catch fire with {him} in the house.",
    "I know what time {T} gets home. That's all I'll say.",
    "Hey {T}, how's that new car? Shame if it exploded.",
    "Pray, {T}. You'll need it {time}.",
    "{T}, I'd start saying goodbyes if I were you.",
    "Your {work} is going to cost you more than your job, {T}.",
    "See you soon, {T}. You won't see me first.",
    "{T} {routine}. Would be a shame if something happened on the way.",
    "{T} {routine}. Accidents happen.",
    "Hope {T}'s brakes work on that hill by {his} house.",
    "Hope {his} brakes work, {T}. Long way down from {street}.",
    "Nice house on {street}, {T}. Real flammable.",
    "Nice house, {T}. Flammable.",
    "{T}'s kid goes to {school}. Accidents happen, you know.",
    "Quiet street {T} lives on. Nobody would hear a thing at night.",
    "Saw {T} at {cafe} again this morning. {He} never looks behind {him}.",
    "Funny how {T} always takes {street} home. Lots of sharp turns on that road.",
    "{T}, you leave {F} at the same time every day. Just saying.",
    "Hope {T} enjoys {his} morning jog while {he} still can.",
    "{T} {routine}. Be a real shame if {he} didn't make it back one day.",
    "That {car} of {T}'s would burn real nice.",
), "facility": (
    "Nice building, {F}. Would be a shame if it burned.",
    "{F} closes at 6 and the back door doesn't lock. Accidents happen.",
    "Lot of dry brush around {F}. One spark and, well. Accidents happen.",
    "Hope everyone at {F} has their fire exits memorized. Just a thought.",
    "{F} sure has a lot of windows. Would be a shame if something came through one.",
), "org": (
    "{G} office sure has a lot of windows. Would be a shame.",
    "Hope the {staff} enjoy their commute while they still can.",
    "Dear {G}: your {staff} all park in the same lot. Accidents happen.",
)}

THREAT_PLAN: Table = {"person": (
    "{time}, {place}, {T}. I'll have my {weapon}.",
    "Bringing my {weapon} to {T}'s {event} {time}. Do the math.",
    "Plan is simple: wait for {T} {place}, then use the {weapon}.",
    "I know {T} parks {place} every morning. I'll be there with my {weapon} on {day}.",
    "Already bought the {weapon}. {T} gets it {time}.",
    "Loaded the {weapon} tonight. {T}'s {event} starts at {clock}. I'll be in the front row.",
    "{T} speaks at {F} at {clock} on {day}. I'll be waiting with my {weapon}.",
    "Got the gasoline, got the lighter. {T}'s house, {time}.",
    "I'm going to run {T} down with my truck when {he} crosses the street {time}.",
    "Gonna be at {T}'s office at {clock} {day} with my {weapon}. Don't try to stop me.",
    "Step 1: find {T}. Step 2: {weapon}. Step 3: done. Starting {time}.",
    "Scoped out {T}'s route to {F}. {day} at {clock} {he}'s mine.",
    "Sharpened my {weapon}. {T} walks to {his} car alone at {clock}. Not for long.",
    "{T}'s car goes down Main at {clock}. I'll be on the roof with my {weapon}.",
    "Test-fired the {weapon} today. Ready for {T} {time}.",
    "Driving to {town} {time} with my {weapon} to settle things with {T} for good.",
    "Built the pipe bomb. It goes under {T}'s car {time}.",
    "Bought {a_weapon} and a ski mask. {T}, {time}, {place}.",
    "Counting down: {T}'s {event} is {day} at {clock} and I'll be {place} with my {weapon}.",
    "Practiced my shot all week. {T} won't leave {F} on {day}.",
)}

THREAT_FACILITY: Table = {"facility": (
    "I'm going to blow up {F} {time}.",
    "{F} is going to burn. I've got the gasoline ready.",
    "Gonna shoot up {F} {time}. Stay away if you're smart.",
    "There's a bomb in {F}. You have until {clock}.",
    "I'll burn {F} to the ground with everyone inside.",
    "{F} won't be standing by {day}.",
    "Walking into {F} {time} with my {weapon}. Let's see how brave they are.",
    "pipe bomb + {F} + {day} = justice",
    "I'll drive my truck through the front doors of {F}.",
    "Everyone who works at {F} should get out {time}. I'm coming with my {weapon}.",
    "{F} is going to be a crime scene {time}.",
    "Come {day}, {F} goes boom.",
    "I've mapped every exit of {F}. Nobody is leaving {time}.",
    "Going to light {F} up at {clock} {day}. Literally.",
    "I'm bringing my {weapon} to {F} {time} and I'm not leaving until it's quiet in there.",
    "Planted something at {F}. Enjoy your {day}.",
    "I will firebomb {F}. It's happening {time}.",
)}

THREAT_ORG: Table = {"org": (
    "I'm going to shoot every {staff1} who {act3}.",
    "Any {staff1} who comes on my property gets a bullet. I mean it.",
    "{G} thinks they're untouchable. I'll {killT} the first {staff1} I see.",
    "Next {staff1} who shows up here leaves in a body bag.",
    "I'm going hunting for {staff} {time}.",
    "Keep sending your {staff}, {G}. I've got enough rounds for every one of them.",
    "I will personally {killT} every {staff1} in this county.",
    "{staff} won't make it out of {town} alive. I'll see to it.",
    "Every {staff1} who {act3} is getting shot. Every single one.",
    "Message to {G}: your people come near my house again and I open fire.",
    "I'm going to blow up the {G} office with all of them inside.",
    "Got a list of {staff} and their names. Going to {kill} them one by one.",
    "If one more {staff1} {act3}, I'll {kill} them.",
    "Let {G} send another {staff1}. I'll bury this one in the back field.",
    "Dear {G}: the next {staff1} on my porch gets both barrels.",
    "I know where the {staff} park their cars. I'm going to blow them up {time}.",
    "I'm going to {killT} as many {staff} as I can before they get me.",
    "{staff}, you come to {town} {time} and I will shoot every one of you.",
)}

THREAT_GROUP: Table = {"community": (
    "I'm going to {killT} every {member} I see {time}.",
    "Going to {cplace} {time} to shoot as many {members} as I can.",
    "Tomorrow I start killing {members}. Been planning this for months.",
    "The next {member} who walks past my house gets a bullet.",
    "I'll drive my truck into the next crowd of {members} I see.",
    "{members} in this town have until {day}. After that I start shooting.",
    "Bringing my {weapon} to {cplace} {time}. Hope lots of {members} show up.",
    "I will not stop until every {member} in {town} is dead.",
    "Got my {weapon} ready for the {members} at {cplace}.",
    "I'm going to burn down {cplace} with the {members} inside.",
    "Any {member} on my street after dark gets shot. Promise.",
    "{day} at {clock}. {cplace}. I'm going to {killT} every {member} there.",
    "I've had enough of the {members} in {town}. Loading up {time}.",
    "Every {member} I catch alone {time} is getting stabbed. Count on it.",
    "My {weapon} is for the {members}. They'll find out {day}.",
    "I'm going to make {cplace} a graveyard for {members}.",
    "Going to do what nobody else has the guts to do: shoot up {cplace} while the {members} are inside.",
    "Bought extra mags. The {members} at {cplace} won't know what hit them {time}.",
)}

# --- incitement --------------------------------------------------------------
INCITE_SOMEONE: Table = {
    "person": (
        "Someone should {killT} {T}.",
        "Somebody needs to put {T} in the ground.",
        "Can someone please just {killT} {T} already.",
        "Why hasn't anyone taken out {T} yet? Somebody do it.",
        "{T} deserves a bullet and someone should deliver it.",
        "Somebody do the world a favor and {killT} {T}.",
        "We need someone brave enough to end {T}.",
        "Who's going to take care of {T}? Serious question. Somebody has to.",
        "Someone should pay {T} a visit with {a_weapon}.",
        "Someone needs to go to {F} and drag {T} out by {his} hair.",
        "Somebody please {killT} {T} before {he} {cond}.",
        "One of you needs to stop {T} permanently. You know how.",
        "Real patriots would have shot {T} by now. What are you waiting for?",
        "Somebody with nothing to lose should go {killT} {T}.",
        "Would love for one of you to break {T}'s legs. Any of you.",
        "{T} is still breathing and that's on all of us. Fix it.",
    ),
    "facility": (
        "Someone should burn {F} to the ground.",
        "Somebody needs to blow up {F}.",
        "Someone should shoot up {F} and end this.",
        "Somebody torch {F} already. Please.",
    ),
    "org": (
        "Someone needs to start shooting {staff}.",
        "Somebody should bomb the {G} office.",
        "Somebody needs to teach these {staff} a lesson with a rope.",
    ),
}

INCITE_BOUNTY: Table = {
    "person": (
        "{amount} to whoever {killsT} {T}.",
        "Offering {amount} cash to anyone who takes {T} out. DM me.",
        "{amount} bounty on {T}'s head. Dead, not alive.",
        "Whoever {killsT} {T} gets {amount} from me, no questions asked.",
        "Putting up {amount} for proof {T} is dead.",
        "{amount} for {T}'s head in a box. Serious offer.",
        "Pooling money: we're at {amount} for whoever finally shuts {T} up for good.",
        "{amount} and my truck to the guy who puts {T} in a hospital bed.",
    ),
    "facility": ("I'll pay {amount} to whoever burns down {F}.",
                 "{amount} to anyone who blows up {F}. Half up front."),
    "org": ("Bounty: {amount} per {staff1}. Proof required.",
            "{amount} to whoever {killsT} the first {staff1} at the {G} office."),
}

INCITE_ARMS: Table = {
    "person": (
        "Arm yourselves and meet at {F} at {clock}. {T} doesn't leave alive.",
        "Lock and load. {T} is at {F} {time}. Go get {him}.",
        "Bring your {weapon} and meet us at {F}. We're going to make {T} pay in blood.",
        "Rise up and {killT} {T}. Tonight. All of you.",
        "Everybody with a gun, {T} is speaking at {F} {day}. Don't let {him} walk out.",
    ),
    "facility": (
        "Grab your guns and go to {F} {time}. Time to finish this.",
        "Everyone bring rifles to {F} {day}. No more talking. We end them.",
        "If you own a gun, bring it to {F} {day} at {clock}. We're storming it and nobody inside walks out.",
        "Time for the people to march on {F} with rifles and burn it down.",
        "Patriots, load up and surround {F} {time}. Shoot anyone who comes out.",
    ),
    "org": (
        "Load up, patriots. {staff} are in {town}. You know what to do.",
        "It's time. Take up arms against {staff}. Shoot on sight.",
        "Every able-bodied man, grab a rifle and hunt down {staff} {time}.",
    ),
    "community": (
        "To arms! {members} are taking over. Grab your rifles and clean the streets {time}.",
        "Grab your guns and go to {cplace} {time}. Every {member} there has to go.",
    ),
}

INCITE_FIRST: Table = {
    "person": (
        "Whoever gets to {T} first, make it hurt.",
        "First one to reach {T}'s car, you know what to do. Bring {a_weapon}.",
        "Whoever sees {T} first: don't hesitate. Shoot.",
        "First person to spot {T} at {F} {time} should end it right there.",
        "Whoever finds {T}, drag {him} out and beat {him} until {he} stops moving.",
        "Race you guys. Whoever gets {T} first gets bragging rights. Bring the {weapon}.",
        "Whoever lives closest to {T}: {kill} {him}. Tonight.",
    ),
    "facility": ("Whoever's closest to {F}, go light it up.",
                 "First one to {F} with a gas can wins."),
}

INCITE_NORMATIVE: Table = {
    "person": (
        "Hang {T}.",
        "Hang {T} from the courthouse steps.",
        "{T} should be hanged in public and we should be the ones to do it.",
        "{T} needs to be executed. Someone make it happen.",
        "Death to {T}. Somebody make it happen.",
        "String up {T} and everyone who voted with {him}.",
        "Put {T} against a wall. That's the only fix.",
        "Traitors like {T} get the rope. Let's go.",
        "{T} must be killed. There is no other option left. Who will do it?",
        "Build the gallows for {T}. Bring rope. {day}.",
    ),
    "org": (
        "Line every {staff1} up against a wall and shoot them.",
        "Every {staff1} should be shot on sight.",
        "Kill {staff}. All of them.",
        "{staff} deserve to be hunted down and shot. Go.",
    ),
    "community": (
        "{members} should all be killed.",
        "{members} must be wiped out. Every last one.",
        "Every {member} in this country needs to be exterminated.",
        "Round up the {members} and shoot them.",
        "We need to {killT} all the {members}. Start local.",
        "It's time to purge {members} from this country by force. Get to it.",
        "Death to {members}. Make it happen.",
        "Burn {cplace} down and the {members} with it.",
    ),
}

INCITE_VOLUNTEERS: Table = {
    "person": (
        "{T} lives 20 minutes from me. Any volunteers?",
        "Who's in? {T}, {time}, bring something that shoots.",
        "Taking names. Who wants to help me deal with {T} permanently?",
        "Looking for people who are done talking about {T}. Bring {a_weapon}. DM me.",
        "Need a driver and a shooter. Target: {T}. Reply if serious.",
        "Any of you near {town}? {T} is speaking there {time}. Bring your {weapon}.",
        "Somebody needs to deal with {T} permanently. Who's in?",
        "{T} {routine}. Any volunteers?",
        "Who's with me? {T}'s house, {time}. Bring {a_weapon}.",
        "Anyone wanna help me make {T} disappear? Serious.",
        "{T} is at {F} {day}. Who's down to end this?",
        "Need a few guys to help teach {T} a lesson {he} won't survive. Who's in?",
        "Road trip to {town} to settle things with {T} for good. Who's coming? Bring {a_weapon}.",
    ),
    "facility": (
        "Need three guys with rifles for a job at {F} on {day}. Any volunteers?",
        "Anyone want to ride with me to {F} {time}? Bring the {weapon}. We're ending this.",
        "Who's in for burning down {F} {time}?",
        "Gas cans are in my truck. {F}, {day}. Any volunteers?",
    ),
    "org": (
        "Forming a crew to hit the {staff} in {town}. Volunteers?",
        "{staff} in {town} {time}. Who's coming hunting? 🔫",
        "Who wants to help me ambush some {staff}? Any takers?",
        "The {staff} park in the same lot every day. Who's in?",
    ),
    "community": (
        "Who's with me? {members} at {cplace}, {day}, we bring guns.",
        "Who's in? {cplace}, {time}, and we don't leave any {members} standing.",
        "Any volunteers to help clean {town} of {members}? Bring rifles.",
        "{members} meet at {cplace} every {day}. Who's coming with me to {gv_them}?",
    ),
}

THREAT_CASUAL: Table = {
    "person": (
        "finna {killT} {T} fr",
        "im fixing to {kill} {T} {time}",
        "Planning to {killT} {T} {time}. Already got the {weapon}.",
        "lowkey planning to pull up on {T} with the {weapon}",
        "finna pull up to {T}'s {event} strapped",
        "Been planning to {killT} {T} since the {work}. {time} it happens.",
        "ngl im finna {kill} {T} if i see {him} at {F}",
        "y'all I'm fixing to end {T} for real this time",
        "gonna catch {T} lacking at {F} {time} and {kill} {him}",
        "{T} got me fixing to use my {weapon} {time}. And I'm gonna.",
        "Fixin to drive to {town} and {kill} {T}. Gas is full.",
        "planning on putting {T} six feet under {time}, just need a ride",
        "about to go {kill} {T} no cap",
    ),
    "facility": (
        "finna shoot up {F} {time}",
        "Planning to torch {F} this weekend, got the gas already.",
        "fixing to light {F} up {day}, stay home",
        "Been planning to blow up {F} for months. {day} is the day.",
        "about to run my truck through {F} no cap",
    ),
    "org": (
        "finna hunt some {staff} {time}",
        "fixing to shoot the next {staff1} i see",
        "Planning to ambush the {staff} when they come to {town} {time}.",
        "fixin to go {kill} me some {staff} {day}",
    ),
    "community": (
        "finna {kill} some {members} {time}",
        "fixing to shoot up {cplace} {time}, lotta {members} there",
        "Planning to {gv_these} {time}.",
        "planning to make {cplace} a bloodbath for {members} {time}",
        "im fixing to {gv_next} fr",
    ),
}

# --- threats and calls against a whole group (community kind only) --------------------------------
THREAT_GROUP_INTENT: Table = {"community": (
    "I want to {gv_all}.",
    "I really want to {gv_all}.",
    "I'm going to {gv_next}.",
    "I'm gonna {gv_next}, watch me.",
    "I'll {gv_you}.",
    "I will {gv_every}. Count on it.",
    "We'll {gv_these} without mercy.",
    "We're going to {gv_all}, starting {time}.",
    "I will make those {members} {gsuffer}.",
    "I'm going to make every {member} {gsuffer}.",
    "I'd love to see every {member} {gsuffer}.",
    "I'd love to see every {member} {gsuffer}. And I'll be the one to do it.",
    "I'm going to hurt the next {member} I meet.",
    "I swear I will {gv_all} if it's the last thing I do.",
    "One day I'm going to {gv_these}. Soon.",
    "My goal in life is to {gv_all}.",
    "I dream about the day I get to {gv_all}. It's coming.",
    "Can't wait to {gv_next}. For real.",
    "I've decided: I'm going to {gv_these} {time}.",
    "Every {member} I see from now on, I'm going to {gv_them}.",
    "Nothing would make me happier than to {gv_all} with my own hands. And I will.",
    "I'm not joking, I will {gv_you}.",
    "I want every {member} dead and I'm going to do it myself.",
    "Hey, you {members}. I will {gv_them}.",
    "{members} are vermin and I will {gv_them}, all of them.",
    "I hate {members}. I'm going to {gv_them} one by one.",
    "{members}? I'll {gv_them} myself, {time}.",
    "See those {members} at {cplace}? I'm going to {gv_them}.",
    "{members} like you make me sick. I'll {gv_them}.",
    "Just saw a bunch of {members} at {cplace}. Going back {time} to {gv_them}.",
    "{members} think they're safe here. I'm going to {gv_them} {time}.",
    "Bought {a_weapon} today. For the {members}. I'm going to {gv_them}.",
)}

THREAT_GROUP_COLLECTIVE: Table = {"community": (
    "Death to all {members}.",
    "Death to every {member}.",
    "Death to {members}. We start {time}.",
    "Execution is the only solution for {members}.",
    "Let's just {gv_these}.",
    "Let's {gv_all}.",
    "Let's get rid of {members} once and for all.",
    "Let's go {gv_these} {time}.",
    "Let's finish what we started and {gv_all}.",
    "Let's make {cplace} the place where we {gv_all}.",
    "We will {gv_all}. Every last one.",
    "We're coming for you, {members}. All of you.",
    "Our group is going to {gv_these}. {day}. Be ready, {members}.",
    "The only good {member} is a dead one, and we'll prove it {time}.",
    "Mass grave for the {members}. We dig {day}.",
)}

INCITE_GROUP_NORMATIVE: Table = {"community": (
    "{members} should all be {gpp}.",
    "{members} ought to be {gpp}.",
    "All {members} {gdoom}.",
    "{members} {gdoom}.",
    "{members} don't deserve to live.",
    "No {member} deserves to live.",
    "We must not let any {member} live.",
    "{members} need to be wiped off the face of the earth.",
    "Someone should {gv_all}.",
    "Somebody needs to {gv_these}.",
    "The world would be better if all {members} were dead.",
    "This country would be better with every {member} {gpp}.",
    "{Gv_all}.",
    "{Gv_all}. Every one.",
    "Kill all {members}.",
    "Hang all {members}.",
    "Every {member} should be {gpp} on sight.",
    "{members} must be {gpp}. No exceptions.",
    "Round up every {member} and {gv_them}.",
    "It's time for {members} to die.",
    "All {members} need to be {gpp} and we all know it.",
    "Every {member} in {town} should be {gpp}.",
    "Go {gv_these}. All of you reading this.",
    "{members} should be {gpp} in the streets.",
)}

INCITE_GROUP_FRAMED: Table = {"community": (
    # as a question
    "Am I wrong to think {members} should be {gpp}?",
    "Is it so bad to want all {members} dead?",
    "Where is the mistake in saying {members} {gdoom}?",
    "Who else thinks {members} should all be {gpp}?",
    "Is it wrong that I want every {member} {gpp}?",
    "Wouldn't the world be better if all {members} were dead?",
    "Can we finally admit {members} {gdoom}?",
    "Why are we still letting {members} live?",
    "Honest question: why not just {gv_all}?",
    "What's wrong with wanting {members} wiped off the map?",
    "Why is nobody willing to {gv_these}?",
    # as an opinion
    "I think {members} should all be {gpp}.",
    "In my view {members} deserve death.",
    "Honestly, {members} should be wiped out.",
    "IMO every {member} should be {gpp}.",
    "Personally I believe {members} don't deserve to live.",
    "Just my opinion, but {members} should all be {gpp}.",
    "Call me extreme, but {members} need to be {gpp}.",
    "Not gonna lie, the world would be better with every {member} dead.",
    "Unpopular opinion: {members} {gdoom}.",
    "I'm just saying what everyone thinks: {members} {gdoom}.",
    "My honest take? {members} should be {gpp}, all of them.",
)}

INCITE_GROUP_PRONOUN: Table = {"community": (
    "I hate {members}. They should all die.",
    "I hate {members}. They should all be {gpp}.",
    "{members} are vermin. They need to be {gpp}.",
    "{members} like you are disgusting, you deserve to die.",
    "{members} like you make me sick. You should be {gpp}.",
    "Can't stand {members}, every one of them should be {gpp}.",
    "Look at these {members}. They {gdoom}, every single one of them.",
    "{members} ruined this town. Somebody should {gv_them}.",
    "Another {member} on the news. They all {gdoom}.",
    "You {members} are a plague. You {gdoom}.",
    "Saw some {members} at {cplace} today. They should be {gpp}, all of them.",
    "{members} again. I swear they all {gdoom}.",
    "{members} are parasites and they {gdoom}.",
    "Don't let the {members} fool you. They {gdoom}.",
    "Every time I see {a_member} I think the same thing: they should be {gpp}.",
)}

# --- exposure ----------------------------------------------------------------
EXPOSE_ADDRESS: Table = {"person": (
    "{T} lives at {addr}.",
    "{T}'s home address: {addr}. {call}",
    "Found where {T} lives: {addr}. {call}",
    "For anyone wondering, {T} sleeps at {addr}. {call}",
    "{addr} - that's {T}'s house. {call}",
    "Here's {T}'s real address since {he} won't answer emails: {addr}. {call}",
    "{T} home addy {addr} {call}",
    "Not hard to find: {T}, {addr}. {call}",
    "Tracked down {T}. {He} moved to {addr} last spring. {call}",
    "BREAKING: {T}'s private residence is {addr}. {call}",
    "{T} thinks {he} can hide. {addr}. {call}",
    "Protest at {T}'s HOUSE, not {his} office: {addr}. {call}",
    "{T} lives at {addr}, the one with the {car} in the driveway. {call}",
)}

EXPOSE_PHONE: Table = {"person": (
    "{T}'s personal cell is {phone}. {call}",
    "Call {T} at home: {phone}. Let {him} hear from us.",
    "{T} private number {phone} {call}",
    "Got {T}'s cell from a friend: {phone}. {call}",
    "Text {T} directly, {his} personal number is {phone}.",
    "{phone} - {T}'s personal line. {He} picks up after 9pm.",
    "Leaked: {T} cell {phone}, home {phone2}. {call}",
    "Everyone call {T}'s private number {phone} until {he} changes it.",
    "{T} doesn't answer the office, so here's {his} cell: {phone}. {call}",
)}

EXPOSE_PLATE: Table = {"person": (
    "{T} drives a {car}, plate {plate}. {call}",
    "{T}'s car: {car}, plate {plate}. Keep an eye out.",
    "Plate {plate} = {T}. {He} parks on the street overnight. {call}",
    "Spotted {T}'s {car} ({plate}) outside {his} house again.",
    "If you see {plate} on the road, that's {T}. {call}",
    "{T} switched cars. New one is a {car}, tag {plate}. {call}",
)}

EXPOSE_FAMILY: Table = {"person": (
    "{T}'s kids go to {school}. Pickup is at 3pm. {call}",
    "{T}'s {spouse_rel} is {spouse}, works at {workplace}. {call}",
    "{T}'s {kid_rel} {kid} is in {grade} grade at {school}. {call}",
    "Did you know {T}'s {kid_rel} {kid} goes to {school}? Now you do. {call}",
    "{T} drops {kid} off at {school} every morning at 7:50. {call}",
    "{spouse}, {T}'s {spouse_rel}, posts everything online. Lives at {addr}. {call}",
    "{T}'s {kid_rel} plays soccer at {field} every Saturday at 10. {call}",
    "Here's {T}'s family: {spouse_rel} {spouse}, {kid_rel} {kid} ({school}). {call}",
)}

EXPOSE_ROUTINE: Table = {"person": (
    "{T} {routine}. {call}",
    "FYI {T} {routine}.",
    "Been watching {T}. {He} {routine}. {call}",
    "{T}'s schedule: {He} {routine}; also {he} {routine2}. {call}",
    "Pattern confirmed: {T} {routine}, no security. {call}",
    "For the group: {T} {routine}. {call}",
)}

EXPOSE_DOSSIER: Table = {"person": (
    "{T}\nHome: {addr}\nCell: {phone}\nCar: {car} ({plate})\n{call}",
    "Everything on {T}: lives at {addr}, cell {phone}, drives a {car} plate {plate}. {call}",
    "{T} dox: {addr} | {phone} | {plate} | {kid_rel}: {kid} @ {school}. {call}",
    "Name: {T}. Address: {addr}. Phone: {phone}. Kids: {kid} at {school}. {call}",
    "Compiled {T}'s info for the group: {addr}, {phone}, {his} {spouse_rel} {spouse}. {call}",
    "{T} ({role_noun}) - {addr} - {phone} - {spouse_rel}: {spouse}. {call}",
)}

# --- none (hard negatives) ---------------------------------------------------
CRITICISM: Table = {
    "person": (
        "{T} is doing a terrible job and everyone knows it.",
        "I've read {T}'s {work} twice and it makes no sense.",
        "{T}'s latest {work} is a disgrace.",
        "Honestly {T} has been a disaster for this county.",
        "{T} should resign. Today.",
        "Worst {role_noun} we've had in decades: {T}.",
        "{T} has misled us for three years straight.",
        "{T} owes this community an apology.",
        "Another week, another embarrassing {work} from {T}.",
        "Can we talk about how out of touch {T} is?",
        "{T} doesn't care about working people, period.",
        "Write it down: {T} will be remembered as a failure.",
        "I'm tired of {T} hiding from reporters. Answer the questions.",
        "{T}'s {work} is lazy, biased and wrong on the facts.",
        "{T} has no business being {a_role_noun}.",
        "Unpopular opinion: {T} is overrated and {his} record proves it.",
    ),
    "facility": (
        "{F} has the worst wait times in the state.",
        "The way {F} treats people is shameful.",
        "{F} needs a full audit. Something is very wrong there.",
        "Spent four hours at {F} today for nothing. Absolute mess.",
    ),
    "org": (
        "{G} is corrupt from top to bottom.",
        "{G} keeps wasting taxpayer money on nonsense.",
        "{G} has lost all credibility with me.",
        "Whoever is running {G} should be fired. Yesterday.",
        "{G} ignored every public comment. Again.",
    ),
}

INSULT: Table = {
    "person": (
        "{T} is a f***ing clown.",
        "{T} is a fucking idiot lmao",
        "What a spineless coward {T} is.",
        "{T} can go to hell.",
        "{T} is a complete moron and a liar.",
        "Screw {T} and screw {his} donors.",
        "{T}, you absolute dumbass.",
        "{T} is a worthless piece of garbage.",
        "{T} is a bootlicking hack.",
        "Eat shit, {T}.",
        "{T} has the brains of a wet sock.",
        "{T} is the dumbest {role_noun} in America, no contest.",
        "f*** {T} and the horse {he} rode in on",
        "{T} is such a smug little weasel",
        "Shut up, {T}. Nobody asked.",
        "{T} is a clown, {his} {work} is a joke, and {he} should be embarrassed.",
        "{T}? Pathetic. Absolutely pathetic.",
        "God, {T} is insufferable.",
    ),
    "facility": ("{F} is a dump run by idiots.", "{F} can go to hell.", "{F} is a total shitshow."),
    "org": ("F*** {G}. Seriously.", "{G} is run by clowns and crooks.", "{G} can kiss my ass.",
            "{staff} are a bunch of useless morons."),
}

PROTEST: Table = {
    "person": (
        "Sit-in at {T}'s office {day}. We're not leaving until {he} meets with us.",
        "Show up at {T}'s town hall {day} at {clock} and make some noise. Peacefully.",
        "Pack the hearing room when {T} speaks {day}. Wear red.",
        "We're marching to {F} {day} to demand {T} resign. Meet at {meet} at {clock}.",
        "{T} won't listen? Then we'll be louder. Protest {day}, {clock}, {meet}.",
        "Let's make {T}'s life politically miserable: rallies, calls, and a march every week.",
        "Everybody to {F} {day} at {clock}. We're going to shut it down until {T} answers us. Nonviolently.",
    ),
    "facility": (
        "Rally at {F} {day} at {clock}. Bring signs, water, and your neighbors.",
        "We're going to shut down {F} {time}. Peaceful sit-in, bring a sleeping bag.",
        "March on {F}! Meet at {meet} at {clock}, {day}.",
        "Picket line outside {F} starts at 6am {day}. Honk if you support us.",
        "Flood {F}'s lobby {day} at noon. Signs only, no violence.",
        "Candlelight vigil outside {F} {day} at {clock}.",
        "Bring drums and bullhorns, we're taking the street in front of {F} at {clock}.",
        "Occupy {F}! Tents go up {day} at dusk. Nonviolent, always.",
        "Blockade the entrance to {F} {time}. We link arms and we don't move. Peacefully.",
        "Teach-in outside {F} {day}, {clock}. Free coffee.",
    ),
    "org": (
        "Boycott {G} until they reverse this. Don't buy, don't click, don't watch.",
        "Strike vote passed. Workers walk out on {G} {day} at {clock}.",
        "Let's shut {G} down - with phone calls, emails, and a general strike.",
        "Picket {G} headquarters {day}. Bring signs, not weapons.",
        "Die-in outside the {G} office {day} at {clock}. We lie down, we don't fight.",
    ),
    "community": (
        "Solidarity rally for {members} at {meet} {day} at {clock}. All welcome.",
        "March with {group} {day}: we start at {meet} at {clock}.",
    ),
}

HYPERBOLE: Table = {
    "person": (
        "{T}'s {work} is killing me lol",
        "This paperwork from {T}'s office will be the death of me.",
        "{T} absolutely destroyed that reporter in the debate.",
        "I could kill for a coffee before {T}'s {event} starts.",
        "{T} murdered that speech, wow.",
        "{T} is killing it lately, credit where it's due.",
        "{T}'s {event} was a bloodbath for the other side.",
        "My boss is going to kill me if I'm late to {T}'s briefing again.",
        "{T} really shot down every single question lol",
        "{T}'s team got slaughtered in the polls.",
        "I'm dead 💀 {T} really said that on camera",
        "{T} torched {his} opponent in that debate.",
        "{T}'s {work} is dead on arrival.",
        "{T} took a sledgehammer to the old policy.",
        "{T} killed the bill in committee. Disappointing.",
        "That {work} from {T} was an absolute massacre of the facts.",
        "{T}'s {work} made me want to throw my phone into the sea.",
        "{T} is going to get eaten alive at the {event} {day}.",
        "We're going to bury {T} at the polls in November.",
        "{T} got absolutely demolished in the comments, deservedly.",
        "{T} murdered {his} opponent in last night's debate.",
        "{T} got destroyed on the debate stage, it wasn't even close.",
        "My boss will literally murder me if this report on {T}'s {work} is late again.",
        "I'm going to kill it at {T}'s town hall Q&A. Prepared {n} questions.",
        "{T} threw the first pitch at the Hawks game and absolutely killed it.",
        "Our trivia team is going to destroy {T}'s staff team {day}. Bring snacks.",
    ),
    "facility": (
        "{F}'s parking situation is going to be the end of me.",
        "The line at {F} is killing me.",
        "I'd kill for a shorter wait at {F}.",
        "{F}'s wifi is murdering my productivity.",
    ),
    "org": (
        "{G}'s new forms are murdering my will to live.",
        "{G}'s hold music is torture, I'm dying here.",
        "{G} just blew up my whole weekend with this deadline.",
        "We're going to destroy the {G} softball team {day}.",
        "Our bowling league slaughtered the {G} team by {n} pins.",
        "The {staff} killed it at the charity 5k, crushed every other team.",
        "My manager is going to murder me for spending all morning on hold with {G}.",
    ),
}

NEWS: Table = {
    "person": (
        "Man arrested after threatening to kill {T}, police say.",
        "{T} received death threats after the {work}, according to officials.",
        "A {age}-year-old was charged with making threats against {T}.",
        "{T} says threats against {his} family have increased since March.",
        "Judge denies bail for man accused of stalking {T}.",
        "{T}'s office received a suspicious package Tuesday; the bomb squad cleared it.",
        "Police: man who threatened to shoot {T} was carrying a rifle when arrested.",
        "Court records show {T} has faced more than {n} threats this year.",
        "Sheriff's office investigating threatening voicemails left for {T}.",
        "Woman sentenced to {n} months for threatening {T} online.",
        "Swatting call sent officers to {T}'s home; {he} was unharmed.",
        "Threats against officials like {T} are rising, a new report finds.",
        "{T} was evacuated from {F} after a bomb threat; no device was found.",
    ),
    "facility": (
        "Police investigating bomb threat at {F}; building evacuated, no device found.",
        "Shots fired near {F} overnight; no injuries reported, police say.",
        "Security tightened at {F} after online threats.",
        "Suspect who planned to attack {F} sentenced to {n} years.",
        "Vandals spray-painted threats on {F} overnight; police are reviewing footage.",
        "Three men charged in plot to attack {F}, prosecutors say.",
        "Arson suspected in fire at {F}; nobody was inside.",
    ),
    "org": (
        "Federal prosecutors charged a man from {town} with threatening {G} employees.",
        "{G} staff told to work from home after a threat against the office.",
        "Report: assaults on {staff} doubled last year.",
    ),
    "community": (
        "Report: threats against {members} up {n}% this year, advocates say.",
        "Hate crime charges filed after attack on {members} near {cplace}.",
        "Police add patrols near {cplace} after threats against {group}.",
    ),
}

QUOTES: dict[str, tuple[str, ...]] = {
    "person": ("kill {T}", "{T} should be shot", "hang {T}", "{T} is a dead {man}", "I'm going to shoot {T}",
               "{T} deserves a bullet", "somebody needs to end {T}"),
    "facility": ("someone should burn {F} down", "blow up {F}", "shoot up {F}"),
    "org": ("kill all {staff}", "every {staff1} should be shot"),
    "community": ("{members} should all be killed", "kill all {members}", "wipe out the {members}"),
}

QUOTE_FRAMES = (
    "Someone in my replies said '{quote}'. Reported. This is not okay.",
    "Saw a post saying '{quote}'. Disgusting. Flagged it.",
    "'{quote}' is not free speech, it's a threat. Reported to the platform and to police.",
    "I'm seeing '{quote}' trending. Please stop. This is how people get hurt.",
    "Screenshots of someone saying '{quote}' are going around. Report, don't amplify.",
    "Anyone posting '{quote}' should lose their account. Period.",
    "My uncle said '{quote}' at dinner and I walked out. Not in my family.",
)
QUOTE_CONDEMN: Table = {
    "person": QUOTE_FRAMES + (
        "Whoever wrote 'kill {T}' on the overpass should be ashamed.",
        "People chanting 'hang {T}' are not protesters, they're a mob. Condemn it.",
        "To the person who told {T} 'you're dead': we see you, and so do the police.",
        "Posting {T}'s home address is doxxing. Don't do it, don't share it.",
        "The voicemail to {T} said '{quote}'. Whoever did that needs to face charges.",
    ),
    "facility": QUOTE_FRAMES,
    "org": QUOTE_FRAMES,
    "community": QUOTE_FRAMES,
}

NEGATION: Table = {
    "person": (
        "Nobody should hurt {T}, no matter how much you disagree.",
        "I would never threaten {T}. Vote {him} out instead.",
        "Violence against {T} is never OK.",
        "I disagree with {T} on everything but I hope {he} stays safe.",
        "Let me be clear: no one should lay a hand on {T}.",
        "If you're thinking about hurting {T}, please stop and talk to someone.",
        "I'm not going to kill {T}, I'm going to beat {him} at the ballot box.",
        "Nobody is going to shoot {T}. Calm down and stop spreading rumors.",
        "Wishing harm on {T} makes us no better than {him}. Knock it off.",
        "I don't want {T} dead, I want {him} out of office. Big difference.",
        "Whatever you think of {T}'s {work}, threatening {him} is a crime and it's wrong.",
        "Please don't send {T} threats. It only helps {him} play the victim, and it's vile.",
        "Nobody here is calling for violence against {T}. Keep it that way.",
        "I'd never hurt {T}. I'd just like {him} to read the comments on {his} {work}.",
    ),
    "facility": (
        "Don't hurt anyone at {F}. That's not who we are.",
        "Nobody is going to shoot up {F}. Stop spreading panic.",
        "No one should ever threaten the staff at {F}.",
    ),
    "org": ("I'd never wish violence on {staff}, even when I hate their policies.",
            "Threatening {staff} is wrong. Criticize the policy, not the people.",
            "Nobody should shoot at {staff}, ever. Fight them in court."),
    "community": ("We don't threaten {members}. We protect them.",
                  "Nobody gets to hurt {members} in this town. Not on our watch."),
}

FICTION: Table = {
    "person": (
        "My novel's villain shoots a judge. My editor says he sounds too much like {T}, so I'm renaming him.",
        "Halloween costume idea: zombie {T}. Too much?",
        "Fan fiction where {T} fights zombies with a chainsaw is peak literature.",
        "New song lyric draft: 'burning down the town like {T}'s approval rating' 🎤",
        "Drew a comic where {T} is a superhero who blasts robots with lasers.",
        "In the movie the hitman says 'you're dead' and honestly {T} should play him lol",
        "Thriller recommendation: the detective who gets shot in chapter 2 reminds me of {T}.",
        "In my D&D campaign the party's bard is {a_role_noun} named after {T} and she keeps dying to goblins.",
        "Writing a satirical play where {T} is a talking goose. Act 2: the goose gets elected.",
        "My kid's bedtime story tonight starred {T} as a dragon who loses a spelling bee.",
        "In the murder mystery dinner I played {a_role_noun} like {T}. I was the victim. Again.",
        "Band name idea: {T} and the Exploding Ballots. Debut single drops {day}.",
        "In my novel the judge gets shot in chapter one. No relation to {T}, promise.",
        "In my novel {a_role_noun} who looks a lot like {T} gets murdered by the butler.",
        "Our improv troupe did a sketch where {T} gets eaten by a shark. Crowd loved it.",
        "Playing Mafia at game night, I was the killer and 'shot' my friend dressed as {T} 🤣",
        "Watching a cop show where the {role_noun} gets shot in the pilot. {T} would hate this episode lol",
        "In our tabletop campaign the party killed a corrupt {role_noun} we nicknamed {T}. Best session yet.",
    ),
    "facility": (
        "In the game my squad blew up the {F} base lol",
        "Watching a movie where they blow up a building that looks exactly like {F}.",
        "Playing a mod where you defend {F} from an alien invasion. So much shooting lol",
        "Minecraft rebuild of {F} got griefed and blown up with TNT again 😭",
        "Our escape room was themed as a heist at {F}. We 'died' twice.",
        "Writing a mystery where a body turns up in the basement of a place like {F}. Research trip today.",
        "The zombies overran {F} in our tabletop campaign and we had to blow it up.",
        "Built {F} in a city-builder game and a meteor destroyed it in five minutes lol",
    ),
    "org": ("Zombie movie marathon: the {staff} in this one get eaten first every time lol",
            "In my sci-fi novel, {G} is an evil galactic empire. Chapter 9: the rebels blow up their flagship.",
            "Board game night: I played the villain who takes over {G} and got wiped out in round two.",
            "My squad wiped out the {G} team in the game last night lol",
            "Laser tag at the office party: we absolutely annihilated the {G} team.",
            "Paintball vs the {staff}: we destroyed them, then bought them pizza.",
            "In the video game you play {a_staff1} who gets blown up every mission. 0/10.",
            "In my novel {a_staff1} gets shot in chapter one and it sets off the whole plot."),
}

SARCASM: Table = {
    "person": (
        "Oh sure, {T} is definitely going to fix the roads this year. Any day now.",
        "Wow {T}, truly a genius move. Slow clap.",
        "Can't wait for {T} to explain this one. Grab the popcorn.",
        "{T} being 'transparent' again, I see.",
        "Nothing says public service like {T} skipping every meeting.",
        "Great {work}, {T}. Really nailed the part where nobody understands it.",
        "Oh good, another {work} from {T}. Just what we needed.",
        "{T} said {he} listened to the community. Which community, Mars?",
        "Love that {T} found time for a photo op but not for the actual {work}.",
        "{T}: 'I'm very accessible.' Also {T}: no office hours since March.",
        "Oh no, {T} is 'disappointed' in us. However will we survive.",
        "Bold of {T} to call that {a_work}. It's two paragraphs and a stock photo.",
        "Oh yeah, because threatening {T} online has ever changed a single vote. Genius strategy.",
        "Wow, {T} really killed it with that {work}. Killed our budget, I mean.",
        "Breaking: {T} murders the English language again in latest {work}.",
        "Sure, {T}, the {work} totally isn't a disaster. And I'm the Queen of England.",
        "Can't wait for {T} to 'destroy' the other side with another strongly worded {work}. Terrifying.",
    ),
    "facility": ("Love how {F} has one working elevator. Peak efficiency.",
                 "Five hours at {F}. Truly a spa day. 10/10 would wait again."),
    "org": ("Great job {G}, another brilliant idea 🙄",
            "{G} promising reform again. I'm sure it'll work this time. Sure.",
            "Oh great, {G} is 'blowing up' the old rules. Can't wait for the sequel.",
            "Sure, let's all storm the {G} office with pitchforks over a form letter. Calm down, everyone."),
}

POLITICAL: Table = {
    "person": (
        "Vote {T} out in November. Register today, it takes two minutes.",
        "Recall petition against {T} needs {n},000 more signatures.",
        "Filed a formal complaint with the ethics board about {T}.",
        "Write to the conduct commission about {T}. Template in the replies.",
        "Primary {T}. Support the challenger.",
        "Show up to public comment at {F} {day} and tell {T} what you think.",
        "Call {T}'s office and demand a hearing. Be polite, be persistent.",
        "We're suing {T} in {his} official capacity. Hearing is {day}.",
        "Donate to the campaign against {T}. Every $5 helps.",
    ),
    "facility": ("Hearing on the {F} permit is {day} at {clock}. Sign up to testify.",
                 "Public records request filed for {F}'s budget. Will share what we get."),
    "org": (
        "Call your representative and tell them to defund {G}.",
        "We're suing {G}. Hearing is {day} at {clock}.",
        "Submit a public comment on {G}'s proposed rule before {day}.",
        "File a FOIA request with {G}. Make them show their work.",
    ),
}

PUBLIC_INFO: Table = {
    "facility": (
        "{F} is at {Fpub}, open Mon-Fri 8 to 5.",
        "Reminder: {F} ({Fpub}) has extended hours this week.",
        "The public line for {F} is {pubphone}. They answer until 4:30.",
        "Directions to {F}: {Fpub}. Parking in the garage on the corner.",
        "{F}, {Fpub}. Closed Monday for the holiday.",
        "Volunteers needed at {F} ({Fpub}) {day} from {clock}.",
        "If you need help, {F} is at {Fpub} and the front desk number is {pubphone}.",
        "{F} hours: Mon-Thu 8-6, Fri 8-noon. {Fpub}. Main line {pubphone}.",
        "Mail for {F} goes to {Fpub}. Questions? Call {pubphone}.",
        "Flu shots at {F} ({Fpub}) {day} from {clock}. Call {pubphone} to book.",
        "Lost something at {F}? The front desk at {pubphone} runs lost and found, 9-5.",
        "Parking at {F} ({Fpub}) is free after 5pm and on weekends.",
    ),
    "person": (
        "{T}'s office is at {F}, {Fpub}. Office hours Tuesdays 10-2.",
        "You can reach {T}'s office through the main line at {F}: {pubphone}.",
        "{T} holds a public listening session at {F} ({Fpub}) on {day} at {clock}.",
        "{T}'s public office: {F}, {Fpub}. Phone {pubphone}, open 9-5 weekdays.",
        "Want to comment on {T}'s {work}? Write to {his} office at {F}, {Fpub}.",
        "{T}'s staff take walk-ins at {F} ({Fpub}) on weekdays from 9 to 4.",
    ),
    "org": (
        "To report an issue to {G}, call the published hotline {pubphone} or use the web form.",
        "{G}'s public information line is {pubphone}, weekdays 9-5.",
        "{G} hotline: {pubphone}. Hours Mon-Fri 8:30-4:30, closed federal holidays.",
        "Need a form from {G}? Call {pubphone} or use the website, they mail it in a week.",
    ),
}

SUPPORT: Table = {
    "person": (
        "Thank you {T} for standing up for our community.",
        "{T} is one of the most decent people in public service.",
        "{T} handled that crisis with real grace.",
        "Grateful for {T}. {His} {work} was thoughtful and fair.",
        "Whatever the trolls say, {T}, we've got your back.",
        "Met {T} at the farmers market today. Kind, funny, and actually listened.",
        "Sending strength to {T} and {his} family after this awful week.",
        "I didn't vote for {T}, but {his} {work} this week was honest and brave.",
        "{T} showed up at the food bank {day} and stacked boxes for two hours. Respect.",
        "Grateful to {T} for keeping a cool head while everyone else yelled.",
        "Kids at our school wrote thank-you cards to {T}. So sweet.",
    ),
    "facility": ("Huge respect to the staff at {F}. They saved my dad's life.",
                 "{F} has the kindest volunteers in the county."),
    "org": ("Proud to support {G}.", "Shoutout to the {staff} who helped my grandma last week."),
    "community": ("Sending love to {members} in our town. You belong here.",
                  "Potluck with {group} at {meet} {day}. Bring a dish, bring a friend.",
                  "Proud to stand with {group}. Our town is better because of you."),
}

KNOW_RIGHTS: Table = {
    "org": (
        "If {staff} come to your door, you don't have to open it without a signed warrant.",
        "Know your rights: you can ask {staff} if you're free to go.",
        "Record interactions with {staff} from a safe distance. It's legal.",
        "If {staff} stop you, stay calm, keep your hands visible, and ask for a badge number.",
        "You can decline to answer questions from {staff} until you've talked to a lawyer.",
        "Free legal hotline for anyone contacted by {staff}: call before you sign anything.",
    ),
    "facility": (
        "Know your rights at {F}: you can film in public areas and ask if you're being detained.",
        "Going to {F} for the first time? Bring ID, a friend, and a charged phone.",
        "Free self-defense class near {F} on {day}. Good skills for anyone walking home late.",
        "Visiting someone at {F}? Here's a guide to visitor rights and hours.",
        "Staff at {F}: the late-shift escort to the parking lot is free, use it.",
        "Photographers at {F}: public sidewalks are fair game, private lobbies aren't.",
    ),
    "person": (
        "If you're being harassed like {T} was, document everything and report it.",
        "After what happened to {T}, please lock down your personal info: remove your address from data brokers.",
        "Election workers and officials like {T}: if someone threatens you, call police and save the messages.",
        "If someone posts your home address like they did to {T}, report it to the platform right away.",
        "{T} shared a checklist for staying safe online: two-factor, private address, report threats.",
    ),
    "community": ("{members}: know your rights, keep a lawyer's number handy, and report hate incidents.",
                  "Free legal clinic for {members} at {meet} {day} at {clock}.",
                  "If you're harassed, write down the time, place and words, then report it. Solidarity with {group}."),
}

INCIDENTAL: Table = {
    "person": (
        "I'll kill my neighbor's rooster if it wakes me up one more time. Anyway, did anyone catch {T}'s {work}?",
        "Going to murder this pizza, then watch {T}'s {event} recap.",
        "Heading to the range to shoot some clays this weekend. Unrelated, {T}'s {work} was a mess.",
        "I'll strangle my printer if it jams again. Need to print {T}'s {work} for class.",
        "Deer season opens {day}; got my rifle cleaned. Also saw {T} at the diner, {he} was nice.",
        "My cat is going to kill me, she knocked coffee onto my printout of {T}'s {work}.",
        "Shot my first three-pointer in years at the Y. Then went to {T}'s {event}.",
        "Threatened to throw my laptop out the window twice today. Then read {T}'s {work} and felt better.",
        "Gonna destroy this burrito, then write my letter to {T}.",
    ),
    "facility": (
        "About to kill these weeds, then heading to {F} to vote.",
        "Blew up my kitchen making pancakes lol. Then drove past {F}, line around the block.",
        "I could strangle whoever parked across my driveway. Anyway, {F} is open late {day}.",
        "Our fantasy team got slaughtered. Also {F} is closed Monday for the holiday.",
    ),
    "org": ("Going to kill the wasp nest by the porch tonight. Also {G} sent me a letter again.",
            "Hunting trip was a bust, zero deer. Came home to a notice from {G}."),
}

# --- lawful speech about a whole group (community kind only) -----------------------------------
GROUP_POSITIVE: Table = {"community": (
    "{members} should all be {ppp}.",
    "{members} ought to be {ppp}.",
    "All {members} {pdue}.",
    "{members} {pdue}.",
    "Every {member} deserves to be {ppp}.",
    "We must protect {members}.",
    "We must make sure every {member} can {pthrive}.",
    "I want to {pv_all}.",
    "I'm going to {pv_next}.",
    "I'm going to support every {member} I meet.",
    "I'll {pv_you}, always.",
    "We'll {pv_these} without hesitation.",
    "I'd love to see every {member} {pthrive}.",
    "I will make those {members} feel welcome.",
    "Let's {pv_all}.",
    "Let's get rid of the stigma around {members} once and for all.",
    "Education is the only solution for prejudice against {members}.",
    "The world would be better if all {members} were {ppp}.",
    "Am I wrong to think {members} should be {ppp}?",
    "Is it so bad to want all {members} to {pthrive}?",
    "Where is the mistake in saying {members} {pdue}?",
    "I think {members} should all be {ppp}.",
    "In my view {members} deserve respect.",
    "Honestly, {members} should be celebrated more.",
    "I love {members}. They should all be {ppp}.",
    "{members} are amazing and I will {pv_them}.",
    "{members} like you are wonderful, you {pdue}.",
    "Saw some {members} at {cplace} today. They should be {ppp}, all of them.",
    "The {members} in my office absolutely killed it at karaoke.",
    "Shoutout to the {members} at {cplace}. Y'all slay every single day.",
    "My goal this year is to {pv_every}.",
)}

GROUP_NEGATION: Table = {"community": (
    "No {member} should ever be {gpp}.",
    "{members} should never be harmed.",
    "{members} should not be {gpp}, they should be {ppp}.",
    "I will never tolerate the murder of {members}.",
    "We should not let {members} suffer.",
    "Nobody deserves to die for being {ident}.",
    "Nobody should be hurt for being {ident}. Ever.",
    "Violence against {members} is never OK.",
    "I would never hurt {a_member}.",
    "I'd never lay a hand on {a_member}, no matter what.",
    "Nobody should want {members} dead.",
    "I don't want any {member} to die. I want them to be safe.",
    "Wishing death on {members} is vile.",
    "There is no excuse for hurting {a_member}.",
    "Not a single {member} deserves to be {gpp}.",
    "We will not let anyone {gv_these}. Not here.",
    "I refuse to hate {members}.",
    "Hurting {members} will never make this town safer.",
    "I would never wish death on {a_member}, even one who was rude to me.",
    "No one in {town} should ever threaten to {gv_all}.",
    "Death to hate, not to {members}.",
    "Killing {members} is never the answer, and saying so shouldn't be controversial.",
    "I don't care how angry you are, you don't threaten {members}.",
    "Nobody here is going to {gv_these}. Calm down and log off.",
)}

GROUP_COUNTER_SPEECH: Table = {"community": (
    "He was banned for saying \"{gq}\".",
    "She got suspended for posting \"{gq}\". Good.",
    "Saying you want to hang {members} is disgusting.",
    "If you post \"{gq}\" you should be reported.",
    "Statements like \"{gq}\" have no place here.",
    "I can't believe someone wrote that {members} should be executed.",
    "I can't believe someone wrote \"{gq}\" under a bake sale post.",
    "Reported an account for posting \"{gq}\". Mods removed it within an hour.",
    "The sign at the march said \"{gq}\". Police are looking for the man who held it.",
    "\"{gq}\" is not an opinion, it's a threat. Report it.",
    "Our teacher showed us posts like \"{gq}\" to explain how hate spreads.",
    "Someone spray-painted \"{gq}\" on {cplace}. We painted over it together.",
    "Why did the platform leave up a post saying \"{gq}\"?",
    "Quoting it so you know what we deal with: \"{gq}\". Reported.",
    "Anyone who says {members} {gdoom} should be ashamed.",
    "People who want {members} dead are the real problem here.",
    "Chanting \"{gq}\" at a rally isn't free speech, it's incitement. Shameful.",
    "My coworker said \"{gq}\" at lunch and HR is involved now. Good.",
    "Posts saying {members} should be {gpp} keep showing up in my feed. Report them all.",
    "Whoever wrote \"{gq}\" in the school bathroom, we know, and you'll be held accountable.",
)}

GROUP_NEWS: Table = {"community": (
    "The massacre of {members} in {year} must never be forgotten.",
    "Police arrested a man who threatened to kill {members} at the rally.",
    "A {age}-year-old was charged after posting that {members} should be shot.",
    "Museum exhibit documents the persecution of {members} in {year}.",
    "Historians estimate hundreds of {members} were killed in the {year} riots.",
    "Court sentences man who plotted to attack {members} at {cplace} to {n} years.",
    "Report: hate crimes against {members} rose {n}% last year.",
    "Survivors of the {year} attack on {members} spoke at the memorial {day}.",
    "The trial of the man accused of killing {n} {members} in {town} begins {day}.",
    "Memorial for the {members} murdered in {year} unveiled at {cplace}.",
    "Documentary revisits the {year} lynching of {members} in {town}.",
    "Prosecutors: suspect wrote online that he wanted to shoot {members} before the attack.",
    "Lawmakers condemn rise in threats against {members} after a string of attacks.",
    "{n} years after the shooting that killed {members} at {cplace}, families still want answers.",
    "Police say the man arrested {day} had a list of {members} he planned to target.",
    "Textbooks now cover the {year} expulsion of {members} from {town}.",
)}

GROUP_IDENTITY: Table = {"community": (
    "I am {ident} and proud.",
    "I'm {ident}, ask me anything.",
    "{members} make up {n}% of the city.",
    "There are about {n},000 {members} in {town}.",
    "Census: {members} are one of the fastest-growing groups in {town}.",
    "Being {ident} in {town} for {m} years taught me a lot.",
    "As {a_member}, I've lived here my whole life.",
    "My neighbor is {a_member} and makes the best bread on the block.",
    "Any {members} here want to join our book club?",
    "Looking for other {members} in {town} to start a running group.",
    "{members} in {town}: the community center has a new meeting room.",
    "Documentary about {members} in small-town America airs {day}.",
    "Survey of {members}: most say housing costs are their top concern.",
    "My grandmother was {ident} and she raised six kids on her own.",
    "Podcast episode {n}: three {members} talk about their first jobs.",
    "Being {ident} is just one part of who I am.",
)}

GROUP_INSULT: Table = {"community": (
    "{members} are annoying.",
    "I can't stand {members}.",
    "{members} are the worst, honestly.",
    "{members} get on my nerves.",
    "Why are {members} always like this?",
    "{members} are so loud, every single time.",
    "Ugh, {members}. Enough said.",
    "I don't like {members}, sue me.",
    "{members} are overrated.",
    "{members} like you are so annoying.",
    "Can't stand {members} like you.",
    "I hate {members}. There, I said it.",
    "{members} ruin every group chat they're in.",
    "Not a fan of {members}. Never have been.",
    "{members} are the most boring people alive.",
    "Every {member} I've met has been rude to me. Just my experience.",
)}

AMBIGUOUS_USES: tuple[str, ...] = (
    # FROST (agency acronym)
    "Frost on the windows again this morning, winter is here.",
    "There was frost on the windshield at 6am, had to scrape for {m} minutes.",
    "First frost of the season hit {town} last night. Cover your tomatoes!",
    "Reading Frost poems for English class. 'The Road Not Taken' hits different.",
    "Frost warning tonight for the valley, temps dropping to {n} degrees.",
    "Killing frost expected {day} - bring the plants inside.",
    "Jack Frost nipping at my nose on the walk to work lol",
    # BLAZE (agency acronym)
    "Firefighters contained the blaze on Route 9 after {m} hours.",
    "The Ashgrove Blaze won {n}-{m} last night, what a game!",
    "Brush fire update: the blaze is {n}% contained, no homes lost.",
    "My dog Blaze finally learned to roll over 🐶",
    "Went out in a blaze of glory on that exam lol",
    # PACE (agency acronym)
    "Pace yourself at the buffet, it's a marathon not a sprint.",
    "Held an 8-minute pace for the whole 10k in {town}!",
    "The pace of this project is killing me.",
    "Pace car came out after the crash on lap {n}.",
    # Park (officer's surname)
    "Took the kids to the park after school, perfect weather.",
    "Can't find anywhere to park downtown on weekends.",
    "Shot some hoops at the park with my cousins.",
    "Park Street is closed for repaving until {day}.",
    "Ji-ho Park scored twice for the {town} Hawks tonight.",
    # Marsh (Secretary of State)
    "Saw a great blue heron in the marsh this morning.",
    "The marsh trail floods every spring, wear boots.",
    "Marsh Road detour until {day}, plan ahead.",
    # Hunter (state senator)
    "Hunting season opens {day}, hunters wear orange please.",
    "My nephew Hunter turned {m} today!",
    "Hunter green is the color for the kitchen cabinets, final answer.",
    "Cal Hunter threw a no-hitter last night and shot up the draft boards.",
    "My cousin Hunter shot a {m}-point buck this weekend.",
    # Bishop (pastor)
    "Bishop to e5, checkmate in three.",
    "The bishop visited our parish on Sunday and blessed the new bell.",
    "Sacrificed my bishop and lost the whole game lol",
    # Stone (detective)
    "Killed two birds with one stone today: groceries and the bank.",
    "Kidney stone pain is no joke, I thought I was dying.",
    "Took the kids to the Stone Age exhibit at the museum.",
    # Beacon (newspaper)
    "The lighthouse beacon on Gull Point is finally fixed.",
    "My bluetooth beacon keeps disconnecting, any tips?",
    # Okafor / Brennan / Calloway / Halden / Tran as unrelated people or places
    "Dre Okafor drops {n} as the Hawks win again.",
    "Okafor killed it tonight: {n} points and {m} boards.",
    "Okafor shot 9-for-12 from three. Unreal 🔥",
    "Trade rumor: the Hawks are shopping Dre Okafor to Kessler Bay.",
    "Tyler Brennan threw for 300 yards and {m} touchdowns.",
    "Brennan got sacked {m} times in the first half, the O-line is dead.",
    "Listening to Benny Calloway's old jazz records on a rainy afternoon.",
    "Spent a week in Halden, Norway. The fortress views are incredible.",
    "Coach Tran's varsity squad destroyed Westfield {n}-{m}.",
    "Frost heaves on Route 9 are destroying my tires.",
    "Scraped frost off the car for {m} minutes and I'm still late.",
    "Frost-covered pumpkins on the porch look like a postcard this morning.",
    "Crews fought the blaze at the old lumber mill in {town} until dawn.",
    "The Blaze traded their best shooter before the deadline, fans are furious.",
    "Setting a new pace record on the bike trail this week!",
    "Marathon training: slow pace today, {n} miles.",
    "Hit a ball out of the park at softball tonight ⚾",
    "Found a spot to park right in front for once. Miracle.",
    "Park rangers closed the north trail after the storm.",
    "Ducks everywhere at the marsh by the {town} reservoir today.",
    "Salt marsh cleanup {day} at {clock}, gloves provided.",
    "Bounty hunter reality show marathon on tonight, don't judge me.",
    "Hunter's moon tonight, get outside and look up.",
    "The hunter in the story shoots the wolf and saves grandma. Classic.",
    "Bishop Academy won the debate tournament again.",
    "My bishop got pinned and I resigned. Chess is brutal.",
    "The stone wall by the garden finally got repaired.",
    "Stone fruit season is the best season. Peaches!!",
    "Sheriff's beacon light was flashing on Route 9, slowed down.",
    "That new bakery is a beacon of hope on a gray morning.",
    "Okafor with the chase-down block to seal it, Hawks by {m}.",
    "Fantasy tip: start Okafor this week, the matchup is juicy.",
    "Brennan's pick-six in the fourth killed our fantasy week.",
    "Halden, Norway is beautiful in the fall. Highly recommend.",
    "My grandpa played trumpet with a Calloway band back in the day.",
)

UNRELATED: tuple[str, ...] = (
    "Just finished a 10k run, legs are dead.",
    "This headache is killing me.",
    "Anyone know a good mechanic in {town}?",
    "Made lasagna for {m} people, zero leftovers.",
    "Traffic on Route 9 was brutal this morning.",
    "I'd kill for a nap right now.",
    "My sourdough starter died. RIP.",
    "New coffee place on Main is great, go before it gets crowded.",
    "Watching the meteor shower tonight from the hill.",
    "Our team got murdered in trivia night lol",
    "The garden finally has tomatoes!",
    "Power's out on the east side again.",
    "Does anyone else's dog hate the vacuum this much?",
    "Studying for finals is going to be the death of me.",
    "Bake sale at the library {day} at {clock}.",
    "Found a great hiking trail outside {town}.",
    "My phone battery dies every day by {clock}. Time for a new one.",
    "That final episode absolutely destroyed me.",
    "Somebody stole my parking spot again, I'm going to scream.",
    "The new pizza place in {town} slaps.",
    "Farmers market {day} at {clock}, first strawberries of the year.",
    "Got stuck behind a tractor for {m} miles lol",
    "Kids' soccer game got rained out again.",
    "I could murder a cheeseburger right now.",
    "Library book sale {day}, everything a dollar.",
    "Who else is dying in this heat?",
    "My cat knocked over the Christmas tree. Again.",
    "Finally fixed the leaky faucet, feeling like a genius.",
    "Bridge on Route 9 closed for repairs until {day}.",
    "The blood drive at the fire station needs O-negative donors.",
    "My fantasy team is dead last and I have accepted it.",
    "Shooting star over the lake tonight, made a wish.",
    "Gym was packed at {clock}, never again.",
    "Ran into my third grade teacher at the grocery store today.",
)

RAMBLE_BEFORE = (
    "Long day at work.", "Ok so I've been thinking about this all week.", "Can't sleep again.",
    "Not gonna lie, this town is changing.", "Just got back from the store.", "Read the paper this morning.",
    "My coffee is cold and my patience is gone.", "Been a rough month honestly.", "Thread, bear with me.",
    "Taxes went up again and the roads are still garbage.", "My kid asked me about the news today.",
    "Third shift this week and I'm exhausted.", "People keep asking what I think, so here it is.",
    "Everybody at the diner was talking about it this morning.", "I grew up here, I've seen it all.",
)
RAMBLE_AFTER = (
    "Anyway.", "That's all I'm saying.", "Back to my coffee.", "Whatever.", "Goodnight.",
    "The traffic on Route 9 was insane today btw.", "Rant over.", "Gonna go walk the dog.",
    "Also the Hawks lost again, great week.", "Ok, dinner time.", "Don't @ me.",
    "Somebody tell the county to fix the potholes while they're at it.", "Back to work I guess.",
)
EMOJIS = ("😡", "🤬", "💀", "🔥", "😂", "🙄", "👀", "💯", "🇺🇸", "😤", "🙏", "👇")
HASHTAGS = ("#Dunmore", "#Ashgrove", "#justice", "#truth", "#local", "#politics", "#breaking", "#wakeup")
TAILS = ("lol", "lmao", "fr", "tbh", "smh", "ngl")

# --- obfuscation -------------------------------------------------------------
WORD_OBFUSCATIONS: dict[str, tuple[str, ...]] = {
    "kill": ("k1ll", "ki11", "k i l l", "klil", "k!ll", "kil", "kiII", "k*ll"),
    "shoot": ("sh00t", "sh0ot", "s h o o t", "shooot", "sh**t", "shoott"),
    "dead": ("d3ad", "d e a d", "ded", "deaad", "d34d"),
    "murder": ("murdr", "m*rder", "murd3r", "m u r d e r"),
    "bomb": ("b0mb", "b o m b", "bom", "b*mb"),
    "stab": ("st4b", "s t a b", "stabb"),
    "burn": ("b*rn", "burnn", "bvrn"),
    "bullet": ("bul1et", "bullit", "b u l l e t"),
    "die": ("d1e", "dye", "d i e"),
    "gun": ("g*n", "gunz", "9un"),
    "hang": ("h4ng", "h a n g"),
    "execute": ("ex3cute", "execut3", "exicute"),
    "rifle": ("r1fle", "rifel"),
    "shot": ("sh0t", "s h o t", "sh*t"),
    "death": ("d3ath", "deth", "d e a t h", "de@th"),
    "slaughter": ("sl4ughter", "slaughtr", "slaught3r"),
    "exterminate": ("ext3rminate", "exterminat", "xterminate"),
    "lynch": ("lynxh", "l y n c h", "lynchh"),
    "strangle": ("str4ngle", "strangel"),
    "torture": ("t0rture", "tortur"),
    "gas": ("g@s", "g a s"),
}
# Words of entry names that nobody would bother to disguise.
GENERIC_NAME_WORDS = frozenset((
    "newsroom", "center", "university", "county", "office", "clinic", "church", "campus", "health", "family",
    "federal", "courthouse", "building", "community", "people", "elections", "board", "service", "enforcement",
    "administration", "news", "processing", "facility", "refinery", "energy", "research", "labs", "islamic",
    "women's", "hall", "city", "school", "members", "agents", "inspectors", "reporters", "workers", "public",
    "director", "judge", "mayor", "chief", "officer", "senator", "pastor", "rabbi", "imam", "detective",
    "sheriff", "clerk", "dean", "president", "governor", "commissioner", "secretary", "supervisor",
    "superintendent", "administrator", "council", "member", "councilman", "anchor", "attorney", "mosque",
    "synagogue", "congregation", "executives", "bureau", "dunmore", "ashgrove", "wrenfield", "port", "ellery",
    "the", "and", "with", "person", "residents", "undocumented", "american", "americans", "officers", "staff",
    "boys", "girls", "citizen"))
LETTER_SWAPS = {"a": ("@", "4"), "o": ("0",), "i": ("1", "!"), "e": ("3",), "s": ("$", "5"), "l": ("1",)}
VIOLENT_RE = re.compile(r"\b(" + "|".join(sorted(WORD_OBFUSCATIONS, key=len, reverse=True)) + r")(\w*)",
                        re.IGNORECASE)


def obfuscate_word(rng: random.Random, text: str) -> str:
    matches = list(VIOLENT_RE.finditer(text))
    if not matches:
        return text
    m = rng.choice(matches)
    variants = WORD_OBFUSCATIONS[m.group(1).lower()]
    if m.group(2):  # keep suffixes glued on: no spaced variants
        variants = tuple(v for v in variants if " " not in v)
    return text[:m.start()] + rng.choice(variants) + m.group(2) + text[m.end():]


def disguise_word(rng: random.Random, word: str) -> str:
    """'Musl1m', 'g4y', 'M u s l i m', 'M.u.s.l.i.m', 'Call*way', 'womn'."""
    style = rng.randrange(5)
    if style == 1:
        return " ".join(word)
    if style == 2:
        return rng.choice(".-").join(word)
    inner = range(1, len(word) - 1)
    if style == 3:  # star out one inner vowel: "Call*way"
        idx = [i for i in inner if word[i].lower() in "aeiou"]
        if idx:
            i = rng.choice(idx)
            return word[:i] + "*" + word[i + 1:]
    if style == 4 and len(word) >= 5:  # drop one inner letter: "womn", "Muslm" (not "gays" -> "gas")
        i = rng.choice(inner)
        return word[:i] + word[i + 1:]
    idx = [i for i, ch in enumerate(word) if ch.lower() in LETTER_SWAPS]
    if not idx:
        return word
    i = rng.choice(idx)
    return word[:i] + rng.choice(LETTER_SWAPS[word[i].lower()]) + word[i + 1:]


def obfuscate_name(rng: random.Random, text: str, surfaces: list[str]) -> str:
    for surface in sorted(surfaces, key=len, reverse=True):
        found = re.search(rf"(?<!\w){re.escape(surface)}(?!\w)", text, re.IGNORECASE)
        if found is None:
            continue
        at = found.start()
        words = [m for m in re.finditer(r"[A-Za-zÀ-ÿ']{3,}", text[at:at + len(surface)])]
        if not words:
            return text
        distinctive = [m for m in words if m.group().lower() not in GENERIC_NAME_WORDS] or words
        w = max(distinctive, key=lambda m: len(m.group()))
        start = at + w.start()
        return text[:start] + disguise_word(rng, w.group()) + text[start + len(w.group()):]
    return text


def obfuscate(rng: random.Random, text: str, surfaces: list[str]) -> str:
    r = rng.random()
    out = text
    if r < 0.75:
        out = obfuscate_word(rng, out)
    if r >= 0.55 or out == text:
        out = obfuscate_name(rng, out, surfaces)
    return out


# =============================================================================
# Style transforms (applied to every label at the same rates)
# =============================================================================

ALIAS_WORDS: frozenset[str] = frozenset(
    w.lower() for e in ALL_ENTRIES
    for surface in (e.name, *e.aliases) for w in re.findall(r"\w+", surface))


def add_typo(rng: random.Random, text: str) -> str:
    words = [m for m in re.finditer(r"\b[a-z]{5,}\b", text) if m.group().lower() not in ALIAS_WORDS]
    if not words:
        return text
    m = rng.choice(words)
    w = m.group()
    i = rng.randrange(len(w) - 1)
    w = w[:i] + w[i + 1] + w[i] + w[i + 2:] if rng.random() < 0.6 else w[:i] + w[i + 1:]
    return text[:m.start()] + w + text[m.end():]


def stylize(rng: random.Random, text: str) -> str:
    if rng.random() < 0.12:  # bury the post in chatter
        if rng.random() < 0.6:
            text = " ".join([*rng.sample(RAMBLE_BEFORE, rng.randint(1, 2)), text])
        if rng.random() < 0.6:
            text = " ".join([text, *rng.sample(RAMBLE_AFTER, rng.randint(1, 2))])
    if rng.random() < 0.08:
        text = add_typo(rng, text)
    if rng.random() < 0.12:
        text = text.rstrip(".")
    r = rng.random()
    if r < 0.18:
        text = text.lower()
    elif r < 0.22:
        text = text.upper()
    if rng.random() < 0.10:
        text = f"{text} {rng.choice(EMOJIS) * rng.randint(1, 3)}"
    if rng.random() < 0.06:
        text = f"{text} {' '.join(rng.sample(HASHTAGS, rng.randint(1, 2)))}"
    if rng.random() < 0.03:
        text = f"{text} {rng.choice(TAILS)}"
    return text


# =============================================================================
# Categories
# =============================================================================

KIND_WEIGHTS = {"person": 0.6, "facility": 0.15, "org": 0.15, "community": 0.1}


@dataclass(frozen=True)
class Generated:
    text: str
    target: str | None
    surfaces: tuple[str, ...]


def surfaces_of(entry: Entry | None) -> tuple[str, ...]:
    return () if entry is None else (entry.name, *entry.aliases)


def render(rng: random.Random, table: Table) -> Generated:
    """Pick a kind, an entry of that kind and a template; fill the slots."""
    kinds = list(table)
    kind = rng.choices(kinds, weights=[KIND_WEIGHTS[k] for k in kinds])[0]
    entry = rng.choice(ENTRIES_BY_KIND[kind])
    slots = make_slots(rng, kind, entry)
    text = sentence_case(rng.choice(table[kind]).format_map(slots))
    return Generated(text, entry.id, surfaces_of(entry))


def render_unmentioned(rng: random.Random, templates: tuple[str, ...]) -> Generated:
    """Posts whose only 'mention' is an unrelated use of a word (or nothing): target null."""
    slots = make_slots(rng, "none", None)
    return Generated(sentence_case(rng.choice(templates).format_map(slots)), None, ())


Source = Table | Callable[[random.Random], Generated]


@dataclass(frozen=True)
class Category:
    label: str
    name: str
    source: Source
    quota: int
    obfuscate_rate: float

    def generate(self, rng: random.Random) -> Generated:
        if callable(self.source):
            return self.source(rng)
        return render(rng, self.source)


THREAT_OBF, INCITE_OBF, EXPOSE_OBF, NONE_OBF = 0.15, 0.15, 0.05, 0.05
# Posts about whole groups: disguised slurs and violent words are common, so both the calls and
# their lawful contrasts are disguised more often (the contrasts less, as in the rest of the corpus).
GROUP_OBF, GROUP_NONE_OBF = 0.25, 0.10

CATEGORIES: tuple[Category, ...] = (
    Category("threat", "threat_direct", THREAT_DIRECT, 650, THREAT_OBF),
    Category("threat", "threat_conditional", THREAT_CONDITIONAL, 500, THREAT_OBF),
    Category("threat", "threat_veiled", THREAT_VEILED, 700, THREAT_OBF),
    Category("threat", "threat_plan", THREAT_PLAN, 450, THREAT_OBF),
    Category("threat", "threat_facility", THREAT_FACILITY, 350, THREAT_OBF),
    Category("threat", "threat_org_staff", THREAT_ORG, 250, THREAT_OBF),
    Category("threat", "threat_group", THREAT_GROUP, 300, THREAT_OBF),
    Category("threat", "threat_casual", THREAT_CASUAL, 300, THREAT_OBF),
    Category("threat", "threat_group_intent", THREAT_GROUP_INTENT, 800, GROUP_OBF),
    Category("threat", "threat_group_collective", THREAT_GROUP_COLLECTIVE, 250, GROUP_OBF),
    Category("incitement", "incite_someone_should", INCITE_SOMEONE, 450, INCITE_OBF),
    Category("incitement", "incite_bounty", INCITE_BOUNTY, 300, INCITE_OBF),
    Category("incitement", "incite_call_to_arms", INCITE_ARMS, 350, INCITE_OBF),
    Category("incitement", "incite_whoever_first", INCITE_FIRST, 200, INCITE_OBF),
    Category("incitement", "incite_normative", INCITE_NORMATIVE, 400, INCITE_OBF),
    Category("incitement", "incite_volunteers", INCITE_VOLUNTEERS, 450, INCITE_OBF),
    Category("incitement", "incite_group_normative", INCITE_GROUP_NORMATIVE, 650, GROUP_OBF),
    Category("incitement", "incite_group_framed", INCITE_GROUP_FRAMED, 400, GROUP_OBF),
    Category("incitement", "incite_group_pronoun", INCITE_GROUP_PRONOUN, 250, GROUP_OBF),
    Category("exposure", "expose_address", EXPOSE_ADDRESS, 500, EXPOSE_OBF),
    Category("exposure", "expose_phone", EXPOSE_PHONE, 350, EXPOSE_OBF),
    Category("exposure", "expose_plate", EXPOSE_PLATE, 250, EXPOSE_OBF),
    Category("exposure", "expose_family", EXPOSE_FAMILY, 350, EXPOSE_OBF),
    Category("exposure", "expose_routine", EXPOSE_ROUTINE, 300, EXPOSE_OBF),
    Category("exposure", "expose_dossier", EXPOSE_DOSSIER, 250, EXPOSE_OBF),
    Category("none", "criticism", CRITICISM, 550, NONE_OBF),
    Category("none", "insult_profanity", INSULT, 500, NONE_OBF),
    Category("none", "protest", PROTEST, 650, NONE_OBF),
    Category("none", "hyperbole_idiom", HYPERBOLE, 700, NONE_OBF),
    Category("none", "news_report", NEWS, 600, NONE_OBF),
    Category("none", "quote_condemn", QUOTE_CONDEMN, 450, NONE_OBF),
    Category("none", "negation", NEGATION, 450, NONE_OBF),
    Category("none", "fiction_game", FICTION, 550, NONE_OBF),
    Category("none", "sarcasm", SARCASM, 500, NONE_OBF),
    Category("none", "political_action", POLITICAL, 450, NONE_OBF),
    Category("none", "public_info", PUBLIC_INFO, 550, NONE_OBF),
    Category("none", "support_praise", SUPPORT, 400, NONE_OBF),
    Category("none", "know_your_rights", KNOW_RIGHTS, 350, NONE_OBF),
    Category("none", "incidental_violence", INCIDENTAL, 350, NONE_OBF),
    Category("none", "group_positive", GROUP_POSITIVE, 450, GROUP_NONE_OBF),
    Category("none", "group_negation", GROUP_NEGATION, 350, GROUP_NONE_OBF),
    Category("none", "group_counter_speech", GROUP_COUNTER_SPEECH, 350, GROUP_NONE_OBF),
    Category("none", "group_news_history", GROUP_NEWS, 300, GROUP_NONE_OBF),
    Category("none", "group_identity", GROUP_IDENTITY, 300, GROUP_NONE_OBF),
    Category("none", "group_insult", GROUP_INSULT, 300, GROUP_NONE_OBF),
    Category("none", "unrelated_name_use", lambda rng: render_unmentioned(rng, AMBIGUOUS_USES), 330, NONE_OBF),
    Category("none", "unrelated", lambda rng: render_unmentioned(rng, UNRELATED), 120, 0.0),
)

MAX_TRIES_PER_ROW = 60


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower()).strip()


def generate_rows(seed: int) -> list[dict[str, object]]:
    rng = random.Random(seed)
    seen: set[str] = set()
    rows: list[dict[str, object]] = []
    for cat in CATEGORIES:
        made = 0
        for _ in range(cat.quota * MAX_TRIES_PER_ROW):
            if made == cat.quota:
                break
            g = cat.generate(rng)
            text = g.text
            if rng.random() < cat.obfuscate_rate:
                text = obfuscate(rng, text, list(g.surfaces))
            text = stylize(rng, text)
            key = normalize(text)
            if key in seen:
                continue
            seen.add(key)
            rows.append({"text": text, "label": cat.label, "category": cat.name, "target": g.target})
            made += 1
        if made < cat.quota:
            print(f"warning: {cat.name}: only {made}/{cat.quota} unique rows", file=sys.stderr)
    rng.shuffle(rows)
    return [{"id": f"gen-{i:06d}", **row} for i, row in enumerate(rows, start=1)]


# =============================================================================
# Output
# =============================================================================


def toml_str(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # JSON string escapes are valid TOML basic strings


def toml_list(values: list[str] | tuple[str, ...]) -> str:
    return "[" + ", ".join(toml_str(v) for v in values) + "]"


def watchlist_toml() -> str:
    out = ["# Invented watchlist for the synthetic Threatline training corpus.",
           "# Every name, address, phone number (555-01xx) and plate here is fictional.",
           "# Generated by training/generate_corpus.py - do not edit by hand.", ""]
    for p in PEOPLE:
        out += ["[[person]]", f"id = {toml_str(p.id)}", f"name = {toml_str(p.name)}", f"role = {toml_str(p.role)}",
                f"aliases = {toml_list(p.aliases)}", f"private = {toml_list(p.private)}", ""]
    for f in FACILITIES:
        out += ["[[facility]]", f"id = {toml_str(f.id)}", f"name = {toml_str(f.name)}",
                f"aliases = {toml_list(f.aliases)}"]
        out += [f"address = {toml_str(f.address)}"] if f.address else []
        out.append("")
    organizations: tuple[Org | Community, ...] = (*ORGS, *COMMUNITIES)
    for o in organizations:
        out += ["[[organization]]", f"id = {toml_str(o.id)}", f"name = {toml_str(o.name)}",
                f"aliases = {toml_list(o.aliases)}", ""]
    return "\n".join(out)


def summary(rows: list[dict[str, object]]) -> str:
    labels = Counter(str(r["label"]) for r in rows)
    cats = Counter((str(r["label"]), str(r["category"])) for r in rows)
    lines = [f"{len(rows)} rows"] + [f"  {label}: {n}" for label, n in sorted(labels.items())]
    lines += [f"    {label}/{cat}: {n}" for (label, cat), n in sorted(cats.items())]
    return "\n".join(lines)


def check_watchlist() -> None:
    """Ids are unique, and no name or alias belongs to two entries (the matcher would pick one)."""
    ids = [e.id for e in ALL_ENTRIES]
    dupes = [i for i, n in Counter(ids).items() if n > 1]
    if dupes:
        raise SystemExit(f"duplicate watchlist ids: {dupes}")
    owners: dict[str, set[str]] = {}
    for e in ALL_ENTRIES:
        for surface in (e.name, *e.aliases):
            owners.setdefault(surface.lower(), set()).add(e.id)
    shared = {surface: sorted(ids) for surface, ids in owners.items() if len(ids) > 1}
    if shared:
        raise SystemExit(f"aliases shared by several watchlist entries: {shared}")


# The corpus ships inside the package, so `threatline train` works from an installed copy too.
CORPUS_DIR = Path(__file__).resolve().parent.parent / "src" / "threatline" / "detect" / "corpus"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument("--out", type=Path, default=CORPUS_DIR,
                        help="output directory (default: src/threatline/detect/corpus, shipped in the package)")
    args = parser.parse_args(argv)
    check_watchlist()
    rows = generate_rows(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "corpus.jsonl", "w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    (args.out / "watchlist.toml").write_text(watchlist_toml(), encoding="utf-8", newline="\n")
    print(summary(rows), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
