"""What an act of giving gives and to whom, from the dependency parse: the verb's object (the
thing given, not the recipient: "provide Ukraine with 45 vehicles"; money that goes somewhere;
what is paid for; a law, a plan or a proposal agreed to; money paid out that a verb of requesting
asks for), the recipient, the objects coordinated with amounts of their own, the level a change of
an amount goes to, and whether a noun is an amount of money (a scale word, a CLDR currency sign, a
code). Read by :mod:`storyfold.stages.commitments.clauses`."""

from __future__ import annotations

from typing import Any

from storyfold.stages.commitments.status import DELIVER, PROPOSAL
from storyfold.stages.commitments.tokens import RECIPIENT_PREP, base_form, lemma, span
from storyfold.stages.commitments.tokens import subtree as _subtree
from storyfold.text import wordnet
from storyfold.text.gazetteer import COUNTRY_CODE_CURRENCIES, CURRENCY_CODES, CURRENCY_NAMES, CURRENCY_SIGNS
from storyfold.text.lexicon import REPORTING

__all__ = ["CHANGE", "ENACTED", "HANDED", "MONEY_WORDS", "NOT_ITEM", "REQUESTS", "SIGNS", "WAIVE", "WITH", "agreed_on", "is_money",
           "given_from", "object_of", "owed", "owned_proposal", "presents", "priced_conjuncts", "changes_to", "level_span", "recipient_of", "requested", "said",
           "states_currency"]

# "support / help / assist / equip Ukraine with X" gives X; without "with" they give nothing named.
WITH = frozenset({"support", "help", "assist", "equip", "provide", "supply", "furnish"})
SIGNS = frozenset(CURRENCY_SIGNS)  # "$", "€", "£", "₴", "A$", … (CLDR)
MONEY_WORDS = frozenset({"million", "billion", "thousand", "trillion", "bn", "mn", "mln", "bln", "mio", "mil"})
# Dependents of the object that are not part of what is given.
NOT_ITEM = frozenset({"relcl", "acl", "advcl", "appos", "punct", "cc", "conj", "det", "predet"})
# What a legislature enacts or a body agrees to ("passed sweeping legislation", "agreed to a budget
# bill"): WordNet's nouns under these, in either of a word's two most frequent senses.
ENACTED = ("legal_document.n.01", "legislation.n.01", "document.n.01", "plan.n.01")
# What a state or a person in public life signs, issues or proposes as a ruling ("will sign an
# executive order", "the law, signed by … Gov. Greg Abbott"): WordNet's laws, legal documents and commands.
RULINGS = ("legislation.n.01", "legal_document.n.01", "command.n.01", "directive.n.01")
# What "agree" binds its subject to: a law, a plan, a proposal, a deal ("agreed to a deal on infrastructure").
_AGREED = (*ENACTED, *PROPOSAL, "agreement.n.01", "transaction.n.01")


# Verbs that hand their object over (the delivery verbs): handing over something said gives
# nothing. Not "supply" and "contribute", whose objects are things.
HANDED = DELIVER - {"supply", "contribute"}


def said(lemma: str) -> bool:
    """Whether the noun ``lemma``, the object of a verb that hands it over (:data:`HANDED`), is
    something said ("sent a stern warning", "sent Congress's strongest message", "delivered a
    speech", "gave a statement"; WordNet's most frequent sense under
    communication or a speech act), not a proposal, a request or an offer, which is put forward, nor
    a commitment given ("gave Kyiv firm guarantees of support", "gave assurances": WordNet's
    commitment as a message)."""
    head = lemma.lower()
    return head.isalpha() and wordnet.sense_is_a(head, 1, "communication.n.02", "speech_act.n.01") \
        and not wordnet.sense_is_a(head, 2, *PROPOSAL, "commitment.n.04")


# Verbs of requesting (the lexicon's directives that ask for something, TO_CONTENT, and "seek"): what
# they ask for, where it is money paid out (spending, investment, funding), is a sum their subject
# puts forward ("asking for $1.8 trillion in new spending", "called for spending upward of $568
# billion"): willing. Money asked for itself is what the asker would receive ("Mexico seeks $10
# billion in damages", "demanded $70 million in Bitcoin"), no commitment of theirs. "ask" and "call"
# take it with "for" (a noun or a gerund), the others as their object.
_REQUEST_FOR = frozenset({"ask", "call"})
_REQUEST = frozenset({"request", "demand", "seek"})
REQUESTS = _REQUEST_FOR | _REQUEST


def states_currency(tok: Any) -> bool:
    """Whether ``tok``'s subtree names a currency: a CLDR sign or name, an ISO 4217 code, "dollars"."""
    return any(t.text in SIGNS or t.text in CURRENCY_CODES or t.lower_ in CURRENCY_NAMES
               or t.lower_ in ("dollar", "dollars", "euro", "euros") for t in tok.subtree)


def requested(verb: Any) -> Any | None:
    """What a verb of requesting asks for (:data:`_REQUEST_FOR`, :data:`_REQUEST`) where it names
    money; else None."""
    obj = None
    if verb.lemma_ in _REQUEST_FOR:
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        obj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    elif verb.lemma_ in _REQUEST:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj if obj is not None and states_currency(obj) and any(_pays_out(t) for t in obj.subtree) else None


def _pays_out(tok: Any) -> bool:
    """Whether ``tok`` names an act of paying money out: a gerund of spending, investing or funding,
    or a noun WordNet places (either of its two most frequent senses) under spending or finance
    ("spending", "investment", "funding"; not "payment", "damages", "ransom": sums received)."""
    if tok.pos_ == "VERB":
        return tok.lemma_ in ("spend", "invest", "fund")
    return tok.pos_ == "NOUN" and tok.lower_.isalpha() and wordnet.sense_is_a(
        base_form(tok), 2, "spending.n.01", "finance.n.01")


# Verbs that change an amount (VerbNet's calibratable and other change-of-state verbs that take a
# sum): the sum after their "to" is the level the act sets ("offered to lower his initial $2.3
# trillion proposal to $1 trillion"), the one their object states is the level it leaves.
CHANGE = frozenset({"lower", "raise", "increase", "reduce", "cut", "boost", "decrease", "lift", "trim", "slash",
                     "hike", "double", "triple", "expand", "scale", "top"})


def changes_to(verb: Any) -> Any | None:
    """The sum a verb of changing an amount (:data:`CHANGE`) brings something to ("reduced the
    payment to $300"): an act of its own, the level it sets; else None."""
    if verb.lemma_ not in CHANGE or verb.pos_ != "VERB":
        return None
    for t in verb.children:
        pobj = next((g for g in t.children if g.dep_ == "pobj"), None) if t.dep_ == "prep" and t.lower_ == "to" else None
        if pobj is not None and (states_currency(pobj) or is_money(pobj)):
            return pobj
    return None


def level_span(verb: Any) -> tuple[int, int] | None:
    """The span of the sum a verb of changing an amount in ``verb``'s clause brings something to
    ("offered to lower … to $1 trillion": the act's amount before what its object states); else None."""
    level = next((got for t in verb.subtree if t.dep_ == "prep" and t.lower_ == "to"
                  and (got := changes_to(t.head)) is not None), None)
    return span(sorted(level.subtree, key=lambda t: t.i)) if level is not None else None


def object_of(verb: Any) -> Any | None:
    """What the act ``verb`` gives: its object as the verb takes it, or None."""
    if verb.lemma_ == "go":  # "23 million EUR will go to Ukraine": money that goes somewhere is given
        money = next((c for c in verb.children if c.dep_ == "nsubj" and is_money(c)), None)
        to = any(c.dep_ == "prep" and c.lower_ in ("to", "for", "towards") for c in verb.children)
        return money if to else None
    for c in verb.children:  # "provide Ukraine with security guarantees": the thing, not the recipient
        if c.dep_ == "prep" and c.lower_ == "with" and verb.lemma_ in WITH:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    if verb.lemma_ in WITH - {"provide", "supply"}:
        return None
    if verb.lemma_ == "pay":  # "pay for 100 tanks"
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "for":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
    if verb.lemma_ == "vote":  # "voted for the bill", "voted 68-32 in favor of bipartisan legislation"
        for c in verb.children:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "prep" else None
            if pobj is not None and c.lower_ == "in" and pobj.lower_ in ("favor", "favour"):
                of = next((g for g in pobj.children if g.dep_ == "prep" and g.lower_ == "of"), None)
                pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
            elif c.lower_ != "for":
                pobj = None
            if pobj is not None and pobj.pos_ == "NOUN" and wordnet.sense_is_a(
                    base_form(pobj), 2, *ENACTED, *PROPOSAL):
                return pobj
        return None
    if verb.lemma_ == "agree":  # "agreed to a budget bill", "agreed on a $3.5 trillion plan": what is adopted,
        for c in verb.children:  # a law, a plan, a proposal or a deal (not "agree to security assurances")
            if c.dep_ == "prep" and c.lower_ in ("to", "on", "upon"):
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ == "NOUN" and wordnet.sense_is_a(base_form(pobj), 2, *_AGREED):
                    return pobj
        # what is agreed without a preposition (British "agreed a €50 billion aid package"): a sum, a
        # law or a plan; nothing else ("agreed the terms", "agree with activists": an opinion)
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        return obj if obj is not None and (any(is_money(t) for t in obj.subtree) or wordnet.sense_is_a(
            base_form(obj), 2, *_AGREED)) else None
    for c in verb.children:
        if c.dep_ in ("dobj", "attr", "oprd"):
            return c
    for c in verb.children:  # a sum the small model hangs on the verb as an adverb ("contributed NOK 1
        if c.dep_ == "npadvmod" and any(is_money(t) for t in c.subtree):  # billion", "transferred € 12m")
            return c
    if any(c.dep_ == "auxpass" for c in verb.children):  # or a noun it takes for a clause without a subject,
        return next((c for c in verb.children if c.dep_ == "nsubjpass" or c.dep_ == "csubjpass" and not any(  # a mark
            g.dep_ in ("nsubj", "mark", "aux") for g in c.children)), None)  # or a tense ("Aid worth EUR 4 million was delivered")
    for c in verb.children:  # "provide Ukraine with 45 vehicles", "contribute to the fund"
        if c.dep_ == "prep" and c.lower_ in ("with", "of"):
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def recipient_of(verb: Any, obj: Any | None) -> Any | None:
    if verb.lemma_ == "receive":
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.lemma_ in WITH - {"provide", "supply", "furnish"}:
        return next((c for c in verb.children if c.dep_ == "dobj"), None)
    for head in (verb, obj):
        if head is None:
            continue
        for c in head.children:
            if c.dep_ in ("dative",) and c.pos_ in ("PROPN", "NOUN"):
                return c
            if c.dep_ == "prep" and c.lower_ in RECIPIENT_PREP:
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ == "PROPN":
                    return pobj
    if obj is not None and obj.dep_ == "pobj" and verb.lemma_ == "provide":
        return next((c for c in verb.children if c.dep_ == "dobj"), None)
    return None


def priced_conjuncts(obj: Any) -> list[Any]:
    """The object and the nouns coordinated with it when two or more of them state an amount of
    money of their own; else []."""
    parts = [obj]
    while parts[-1] is not None and len(parts) < 8:
        parts.append(next((c for c in parts[-1].children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")), None))
    parts = [p for p in parts if p is not None]
    priced = [p for p in parts if any(is_money(t) for t in _subtree(p, NOT_ITEM) if t.pos_ in ("NOUN", "PROPN", "NUM"))]
    return parts if len(parts) > 1 and len(priced) >= 2 else []


def is_money(tok: Any) -> bool:
    """Whether a noun is an amount of money ("2 million EUR", "$5 million", "funds")."""
    words = [tok, *tok.children]
    return any(t.lower_ in MONEY_WORDS or t.text in SIGNS or t.text in CURRENCY_CODES or t.text in COUNTRY_CODE_CURRENCIES
               or t.lemma_ in ("fund", "money") for t in words)  # a currency's code or a country's ("250 GBR million"), not "FDA"


# "forgive" and "cancel" give what is owed ("will cancel $150 million in federal student loan debt"):
# money or a debt (WordNet's debt or loan), not a meeting or a contract.
WAIVE = frozenset({"forgive", "cancel"})
_OWED = ("debt.n.01", "debt.n.02", "loan.n.01")


def owed(obj: Any | None, lemmatizer: Any | None) -> bool:
    """Whether what a verb of :data:`WAIVE` takes is money or a debt."""
    return obj is not None and (is_money(obj) or any(
        t.pos_ == "NOUN" and wordnet.sense_is_a(lemma(t, lemmatizer).lower(), 2, *_OWED)
        for t in _subtree(obj, NOT_ITEM)))


def agreed_on(verb: Any, lemmatizer: Any | None) -> Any | None:
    """What an agreement that ``verb`` reaches or announces is on, where it states money ("reached
    a deal on a roughly $900 billion coronavirus relief package", "announced a bipartisan deal on
    …"; WordNet's agreement, either of the noun's two most frequent senses): what is agreed is the
    act's object; else None."""
    if verb.pos_ != "VERB":
        return None
    deal = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
    on = next((g for c in deal.children if c.dep_ == "prep" and c.lower_ in ("on", "over", "for")
               for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "NUM")), None) if deal is not None else None
    if on is None or not any(is_money(t) or t.text in SIGNS for t in on.subtree):
        return None  # the cheap tests first, WordNet last
    return on if wordnet.sense_is_a(lemma(deal, lemmatizer).lower(), 2, "agreement.n.01") else None


def owned_proposal(noun: Any, lemmatizer: Any | None) -> bool:
    """Whether ``noun`` is a proposal or a plan (:data:`PROPOSAL`) with a named owner ("the Senate
    GOP's most recent counteroffer totaled $928 billion"): its worth is what the owner puts forward."""
    return any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in noun.children) and \
        wordnet.sense_is_a(lemma(noun, lemmatizer).lower(), 2, *PROPOSAL)


def presents(verb: Any, lemmatizer: Any | None, acts: frozenset[str]) -> bool:
    """Whether ``verb``, no act of its own, puts forward a sum of its subject's: its direct object
    is a proposal or a plan (:data:`PROPOSAL`, either of the noun's two most frequent senses) that
    states money, new ("a", "an") or the subject's own ("his", "their"): "revealed his $6 trillion
    budget proposal", "laid out a plan … including … $100 payments" (not "criticized Biden's plan",
    nor "the plan", which another put forward)."""
    if verb.pos_ != "VERB" or verb.lemma_ in acts:
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
    if obj is None:
        return False
    det = next((c for c in obj.children if c.dep_ in ("det", "poss") and c.i < obj.i), None)
    if det is None or not (det.lower_ in ("a", "an") or (det.dep_ == "poss" and det.pos_ == "PRON")):
        return False
    return any(t.text in SIGNS or t.lower_ in MONEY_WORDS or t.text in CURRENCY_CODES for t in obj.subtree) \
        and wordnet.sense_is_a(lemma(obj, lemmatizer).lower(), 2, *PROPOSAL)


def given_from(sent: Any, nominal: frozenset[str], taken: list[tuple[int, int]]) -> list[tuple[Any, Any]]:
    """Money or a noun of giving (``nominal``) that a noun phrase says came from a named giver, no
    act's object (``taken``: the character spans of the acts read) nor what a verb of saying reports
    ("$122 billion in Covid relief funds from Congress"): (what is given, the giver)."""
    out = []
    for prep in sent:
        if prep.lower_ != "from" or prep.dep_ != "prep":
            continue
        t = prep.head
        if t.pos_ not in ("NOUN", "NUM", "PROPN") or not (is_money(t) or base_form(t) in nominal):
            continue
        giver = next((g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
        verb = next((h for h in t.ancestors if h.pos_ in ("VERB", "AUX")), None)
        if verb is not None and verb.lemma_ in REPORTING:  # "… also mentions a military aid package from the UK"
            continue  # another's act, reported
        if giver is not None and not any(a <= t.idx < b for a, b in taken):
            out.append((t, giver))
    return out
