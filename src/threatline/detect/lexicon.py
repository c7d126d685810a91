"""The linguistic cues the detector looks for, as regular expressions grouped by what they mean.

These are general English patterns of threatening, inciting and doxxing language and of the
protected speech that borrows its words (news, quotes, hyperbole, fiction, protest). They are
never keyed to particular names: the watchlist supplies the targets. Each cue has a kind (used
as a model feature and by `prioritize`) and a reason (shown to the analyst).

Patterns run on the folded text (lower-case, leetspeak undone, see `normalize.fold`), so they
are written in lower case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Cue:
    kind: str
    reason: str
    pattern: re.Pattern[str]


def _cue(kind: str, reason: str, *alternatives: str) -> Cue:
    return Cue(kind, reason, re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])"))


_PRONOUN = r"(?:him|her|them|you|it|that|this|his|their|those|these|every|all|the|any|each|us)"
_KILL = (
    r"kill(?:s|ed|ing)?|klil|kil|murd(?:er|r)(?:s|ed|ing)?|shoot(?:s|ing)?|sho+t|shot|stab(?:s|bed|bing)?"
    r"|slaughter(?:s|ed|ing)?|execut(?:e|ed|ing)|hang(?:ed|ing)?|lynch(?:ed|ing)?|strangl(?:e|ed|ing)"
    r"|behead(?:ed|ing)?|butcher(?:ed|ing)?|exterminat(?:e|ed|ing)|massacre|gun(?:ned)? down"
    r"|blow(?:ing)? (?:up|away)|blown up|blew up|burn(?:ed|ing)? (?:down|alive|to the ground)"
    r"|torch(?:ed|ing)?|firebomb(?:ed|ing)?|bomb(?:ed|ing)?|shoot up|shot up|shoot(?:ing)? up"
    r"|run (?:him|her|them|you) over|snap (?:[\w']+ ){0,2}necks?"
    r"|slit (?:[\w']+ ){0,2}throats?|cut (?:[\w']+ ){0,2}throats?"
    r"|throats? (?:cut|slit|slashed)|necks? (?:snapped|broken|wrung)"
    r"|break (?:his|her|their|your) (?:legs|neck|skull|face)|beat (?:\w+ )?to death|bash (?:\w+ )?head in"
    r"|wipe(?:d)? (?:\w+ )?out|get rid of|eliminate|put (?:\w+ )?(?:in|into) the ground|put down"
    r"|rap(?:e|ed|ing)|hurt(?:ing)?|attack(?:ed|ing)?|ambush|take (?:\w+ )?out|end (?:him|her|them|you)"
    r"|d\s?i\s?e|dead|death|bullet(?:s)? (?:in|through|between)|a bullet|pay with (?:\w+ )?li(?:fe|ves)"
    r"|(?:make|see) (?:\w+ )?(?:suffer|bleed|pay)|bleed|suffer|die slow"
    r"|tortur(?:e|ed|ing)|eradicat(?:e|ed|ing)|executions?|gas(?:sed|sing)? (?:them|him|her|all|every)"
    r"|burn(?:ed)? at the stake|assault(?:ed|ing)?|maim|cripple|mutilat\w*|decapitat\w*|dismember\w*|drown(?:ed)?"
    r"|poison(?:ed)?|shank(?:ed)?|unalive|body ?bags?|six feet under|coffins?|lights out|bloodbath|blood"
    r"|(?:burn|blow|shoot|beat|tear|take|took|taking|put|wipe|string|smoke|light|gun|mow|cut|knock|lay) (?:\w+ ){1,3}"
    r"(?:to the ground|up|open|down|out|in the ground|into the ground|to pieces|to death|apart|six feet under)"
    r"|(?:choke|strangle|smash|crack|bash|cave) (?:\w+ ){0,2}(?:out|in|skull|head|face|neck|teeth)"
    r"|mak(?:e|es|ing) (?:[\w']+ ){1,2}disappear|won'?t survive|end (?:[\w']+ ){0,3}li(?:fe|ves)"
    r"|no right to (?:be alive|live|exist|breathe)|(?:do|does|did)(?:n't| not) deserve to (?:live|exist|breathe)"
    r"|(?:do|does)(?:n't| not) belong on this (?:earth|planet)|better off without"
    r"|(?:never|not|n't) lift a finger to save"
    r"|put an end to|wipe (?:\w+ ){0,2}off the (?:face of the )?(?:earth|map|planet)"
    r"|(?:not|n't|never) let (?:\w+ ){0,3}live|(?:no|not one|not a single) (?:\w+ ){1,2}"
    r"(?:deserves|should be allowed|has the right|gets) to live"
)
VIOLENCE = _cue("violence", "names a violent act", _KILL)

INTENT = _cue(
    "intent",
    "the speaker states their own intent",
    r"i(?:'| a)?m (?:going|gonna|about|planning|coming|bringing|gettin|getting)",
    r"i (?:will|shall|'ll|am going|plan|intend|want|wanna|would love|promise|swear)",
    r"i'll|ill (?:kill|shoot|find|make|end|be)|imma|i'ma|ima",
    r"we(?:'re| are)? (?:going|gonna|coming|will|'ll)|we'll",
    r"gonna|going to|about to|planning to|plan to",
    r"watch me|mark my words|count on it|i promise",
)

CALL = _cue(
    "call",
    "calls on others to act",
    r"some(?:one|body) (?:should|needs? to|has to|have to|ought to|gotta|must|better|oughta)",
    r"any(?:one|body) (?:want|wanna|willing|down|up for|brave enough)",
    r"who(?:'s| is) (?:in|with me|coming|down)",
    r"any volunteers|volunteers needed|whoever (?:gets|kills|takes|finds|does|shoots|catches)",
    r"(?:grab|get|load|bring) (?:your|ur|the) (?:guns?|rifles?|weapons?|pitchforks|torches|rope)",
    r"go (?:hunt|get|find|kill|shoot|burn|string up)",
    r"let(?:'s|s| us) (?:go|get|kill|shoot|burn|hang|string|end|make|rid|take)",
    r"we (?:should|need to|must|have to|gotta|ought to)",
    r"(?:should|must|ought to|need to|needs to|deserve to|deserves to) (?:all )?(?:be|get) (?:\w+ )?"
    r"(?:killed|shot|hanged|hung|executed|lynched|murdered|burned|wiped|exterminated|stabbed|raped|hurt|gassed"
    r"|beaten|put down|eliminated|removed from this earth)",
    r"deserves? (?:a bullet|to die|to hang|to be hanged|death|to suffer|what'?s coming|to bleed)",
    r"(?:should|must|ought to) (?:all )?(?:die|hang|suffer|burn|bleed)",
    r"bounty|reward for|\$\s?\d[\d,.]*k? (?:to|for) (?:whoever|anyone|the first)",
    r"(?:string|hang) (?:him|her|them) up|(?:kill|shoot|hang|burn) (?:him|her|them|it)(?: all)?(?: down)?[.!]",
    r"make an example of|time to (?:take up arms|fight back with|pick up)|take up arms|call to arms",
    r"(?:are|is) fair game|open season on|shoot on sight|shoot (?:them|him|her) on sight|no mercy",
    r"(?:do|must|should|can|will)(?:n't| not) let (?:\w+ ){0,3}live",
    r"(?:no|not one|not a single) (?:\w+ ){1,2}(?:deserves|should be allowed|has the right) to live",
)

VEILED = _cue(
    "veiled",
    "veiled threat phrasing",
    r"(?:would |it'd |it would )?be a (?:real |damn |crying )?shame if|shame if something",
    r"(?:i'll|i will|we'll|we will|i'm|we're|i am|we are) (?:be )?waiting (?:for|in|at|outside|by)",
    r"brakes? (?:went|go|goes|failed|fail) out|cut (?:his|her|their|your) brakes",
    r"(?:i'll|i will|we'll|we will|gonna|going to) (?:find|get|hunt) (?:you|him|her|them)",
    r"(?:you'll|you will|he'll|she'll|they'll) (?:wish|regret)|(?:be|get) carried out|leave in a (?:box|bag)",
    r"tick ?tock|your time is (?:coming|up)|watch yourself|see what happens|before it'?s too late",
    r"with more than (?:signs|words|a sign)|learns? what (?:\w+ ){0,2}(?:does|can do)",
    r"you have until|this is (?:your|his|her) (?:last|final)|we'?ll be (?:there|waiting|ready)",
    r"(?:check|look) under (?:his|her|their|your) (?:car|truck|bed)",
    r"(?:know|found|found out|have) where (?:you|he|she|they) (?:live|lives|sleep|sleeps|work|works)",
    r"watch (?:your|his|her|their) back|sleep with one eye open|looking over (?:your|his|her) shoulder",
    r"(?:enjoy|count) (?:your|his|her|their) (?:last|remaining|final)",
    r"(?:last|final) (?:warning|days?|week|chance|breath)",
    r"accidents happen|something (?:might|could|may|would|will) happen|anything could happen",
    r"won'?t (?:be )?(?:walking|breathing|around|waking up|going home|make it home|see \w+ coming)",
    r"not (?:be )?(?:walking|breathing|around) (?:much )?(?:long|back)",
    r"see (?:you|him|her) soon|we(?:'re| are) coming for|coming for (?:you|him|her|them)",
    r"(?:your|his|her) days are numbered|(?:nice|lovely|beautiful) (?:family|house|kids|home)",
    r"just saying|you'?ve been warned|fair warning|be careful out there",
    r"(?:you|he|she|they)(?:'re| are| is|'s) (?:dead|done|next|finished|gonna die|going to die|gonna pay|going to pay)",
    r"(?:you|he|she|they) (?:will|'ll|won't|will not) (?:die|pay|live|see|make it|be walking|walk)",
)

CONDITIONAL = _cue(
    "conditional",
    "a condition tied to the harm",
    r"if (?:he|she|they|you|that|this|the|any|one|judge|we)",
    r"any (?:\w+ )?(?:who|that) (?:\w+ ){0,4}(?:gets|will get|is getting)",
    r"the (?:next|first) (?:\w+ ){0,2}(?:i see|who|that|to)",
    r"one more (?:\w+ ){0,3}and",
    r"or else|unless (?:he|she|they|you)",
)

TIME = _cue(
    "time",
    "a specific time",
    r"tonight|tomorrow(?: night| morning)?|today|this (?:morning|afternoon|evening|weekend|week)",
    r"(?:this|next|on) (?:mon|tues|wednes|thurs|fri|satur|sun)day",
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day(?: night| morning)?",
    r"at (?:\d{1,2}(?::\d\d)?\s?(?:am|pm)|noon|midnight|dawn)|\d{1,2}:\d\d",
    r"before the (?:month|week|year|election|hearing|trial|vote) is (?:over|out)|by (?:the )?(?:end of|next)",
    r"next (?:week|month|time)|in (?:two|three|a few|\d+) (?:days|hours|weeks)",
)

PLACE = _cue(
    "place",
    "a specific place",
    r"(?:at|to|outside|in front of|inside|near|by) (?:the |his |her |their |your )?"
    r"(?:courthouse|court|office|house|home|school|clinic|parking (?:lot|garage)|gate|entrance|loading dock"
    r"|rally|church|mosque|synagogue|campus|station|headquarters|hq|building|door|driveway|car)",
    r"on (?:my|his|her|your|their) (?:street|block|doorstep|porch|lawn|way)",
    r"(?:his|her|their|your) (?:front door|driveway|doorstep|house|home|car|courtroom|office)",
    r"\w+'s (?:house|home|front door|office|car|truck|driveway|doorstep|school|church|street|block|chambers)",
)

MEANS = _cue(
    "means",
    "a weapon or means",
    r"guns?|rifles?|pistols?|shotguns?|ar-?15s?|ak-?47s?|glock|handgun|firearms?|ammo|rounds|revolver|carbine",
    r"\d{1,2} ?mm|\.(?:22|38|45|308|357)|semi-?auto|strapped|loaded|magazines?",
    r"knife|knives|machete|blade|axe|hammer|bat|crowbar",
    r"(?:pipe )?bombs?|explosives?|ied|dynamite|grenades?|c4|detonat\w*",
    r"gasoline|gas can|petrol|molotovs?|lighter fluid|fire|acid|poison|rope|noose|sniper|scope|truck|van",
)

# Mitigating cues: the speech around a violent word that makes it protected speech.
NEGATION = _cue(
    "negation",
    "negated or rejected",
    r"never|no one should|nobody should|not ok|not okay|shouldn'?t|should not|must not|mustn'?t|won'?t ever",
    r"don'?t (?:hurt|harm|threaten|attack|touch)|do not (?:hurt|harm|threaten|attack)",
    r"(?:is|was) (?:never|not) (?:the answer|acceptable|ok)|against violence|condemn|denounce",
    r"i (?:would|will) never|we (?:would|will) never|no place for|unacceptable",
    r"no (?:\w+ ){1,2}(?:deserves|ought|should|must|has) (?:to )?"
    r"(?:die|be (?:killed|executed|harmed|hurt|shot|hanged|attacked))",
)

QUOTE = _cue(
    "quote",
    "quotes someone else to condemn or discuss it",
    r"(?:who|whoever|that) (?:posted|wrote|said|tweeted|shouted|yelled|chanted|is saying|keeps saying)",
    r"should be ashamed|disgusting|vile|sick people|stop it|report (?:this|them|him|her)|reported (?:him|her|it)",
    r"(?:people|folks|guys) (?:threatening|calling for|saying)|threatening to|threats? against",
    r"wishing|calling for (?:the )?(?:death|murder|killing)",
    r"(?:write|writes|wrote|written|say|says|said|post|posts|posted|tweet|tweeted|chant|chanted|yell|yelled)"
    r",? [\"“']",
)

REPORT = _cue(
    "report",
    "reports news",
    r"arrested|charged|indicted|sentenced|convicted|police (?:say|said)|officials (?:say|said)",
    r"according to|reportedly|received (?:\w+ )?threats|investigat(?:e|ing|ion)|suspect|breaking",
    r"was (?:injured|attacked|shot|hurt|killed)|(?:is|was) expected to|authorities|press release",
    r"reporters?|a statement|told (?:reporters|the press)|(?:man|woman|teen|person|someone) (?:who|was|is)",
)

HYPERBOLE = _cue(
    "hyperbole",
    "an idiom or hyperbole",
    r"killing me|kill(?:s|ed)? me|death of me|dying (?:of|to|laughing|here)|to die for|could kill for",
    r"(?:is|are|'re|'s) killing (?:this|the|our|my|their) \w+",
    r"(?:destroyed|murdered|killed|slayed|nailed|crushed|roasted|wrecked) (?:it|that|this|the|him|her|them|"
    r"every|his|their)",
    r"lol|lmao|rofl|haha|😂|🤣|💀|literally dying|bored to death|scared to death|dead tired|i'm dead",
    r"murder (?:this|that|the) (?:workout|set|exam|test|stage)|looked like (?:he|she) wanted to",
)

FICTION = _cue(
    "fiction",
    "fiction, a game, art or lyrics",
    r"in the game|my character|(?:video ?)?games?|gaming|boss fight|respawn|npc|multiplayer|speedrun|dlc",
    r"novel|my book|chapter|screenplay|movie|film|episode|villain|fanfic|fiction|plot|the sequel|tv show",
    r"lyrics?|song|album|verse|mixtape|poem|music video|link in bio|new single|new track|bars|playlist",
)

LAWFUL = _cue(
    "lawful",
    "protest or lawful political action",
    r"protest|rally|march|vigil|sit-?in|picket|boycott|strike|petition|peaceful(?:ly)?|signs|chant",
    r"vote|recall|impeach|lawsuit|sue|complaint|file a|appeal|representatives?|congress|senator",
    r"call (?:your|their|his|her) (?:office|rep)|email|flood (?:their|his|her) inbox|write to",
    r"know your rights|warrant|lawyer|attorney|stay calm|film (?:every|the|them)|don'?t run|remain silent",
    r"resign|step down|fire (?:him|her|them)|removed from (?:the )?(?:bench|office)|abolish|defund|investigate",
)

SUPPORT = _cue(
    "support",
    "support or praise",
    r"thank(?:s| you)|grateful|hero|great job|well done|proud of|congrat\w*|respect|appreciate|stay safe",
    r"prayers|get well|hope (?:he|she|they)(?:'s| is| are)? (?:ok|okay|safe|well|recover)",
)

VIOLENCE_CUES = (VIOLENCE, INTENT, CALL, VEILED, CONDITIONAL, TIME, PLACE, MEANS)
MITIGATING_CUES = (NEGATION, QUOTE, REPORT, HYPERBOLE, FICTION, LAWFUL, SUPPORT)
ALL_CUES = VIOLENCE_CUES + MITIGATING_CUES
