"""What an act's object and its clause really commit, from the dependency parse (commitments@14):
the complement of a noun of resolving ("announced his decision to end U.S. military involvement":
the ending, not the decision), a thing said handed over ("released a report", "delivered the
majority opinion"), people released, a pronoun that names nothing given, an act that is another's
condition ("ready to move if the FDA authorised …") or that the subject asks another to do ("get
world leaders to commit to …"), and what a verb of conjecture governs. Read by
:mod:`storyfold.stages.commitments.clauses`."""

from __future__ import annotations

from typing import Any

from storyfold.records import CommitmentCategory, CommitmentStatus
from storyfold.stages.commitments.category import category_of
from storyfold.stages.commitments.objects import ENACTED, NOT_ITEM, RULINGS, is_money, recipient_of, said
from storyfold.stages.commitments.status import ADOPT, DELIVER, PROPOSAL, UNSAID, chain, head_lemma
from storyfold.stages.commitments.subjects import RESOLVED, subject_of
from storyfold.stages.commitments.tokens import base_form, given_by, subtree
from storyfold.text import wordnet
from storyfold.text.gazetteer import country_names
from storyfold.text.lexicon import SPEECH

__all__ = ["RESOLVING", "adoptable", "another_s_condition", "asked_of_another", "authorised", "bare_resolution", "complement",
           "conjectured", "counterfactual", "deed", "made_known", "misread_that", "names_nothing", "nothing_given", "people_released", "resolution_status",
           "said_handed", "used_against"]

S = CommitmentStatus

# Nouns of resolving (WordNet, either of a word's two most frequent senses): RESOLVED's, and a goal
# or an intention announced ("announced a goal to administer at least one shot", "announced his
# intention to ship surplus doses"), which pledges what it names.
RESOLVING: dict[str, CommitmentStatus | None] = {**RESOLVED, "goal.n.01": S.PLEDGED, "intention.n.01": S.PLEDGED}


def _resolving(noun: Any) -> str | None:
    """The anchor of :data:`RESOLVING` the noun ``noun`` lies below, if any."""
    head = base_form(noun)
    if noun.pos_ != "NOUN" or not head.isalpha():
        return None
    return next((anchor for anchor in RESOLVING if wordnet.sense_is_a(head, 2, anchor)), None)


def complement(noun: Any) -> Any | None:
    """The infinitive a noun of resolving takes ("his decision to end …", "a proposal to relax …"):
    what is resolved on; else None."""
    if _resolving(noun) is None:
        return None
    return next((c for c in noun.children if c.dep_ == "acl" and c.pos_ in ("VERB", "AUX")
                 and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)


def resolution_status(verb: Any, noun: Any, status: CommitmentStatus) -> CommitmentStatus:
    """The status of what a noun of resolving commits, the object of ``verb`` (of status
    ``status``): a plan or a proposal is put forward (willing) unless ``verb`` adopts it, a goal, an
    intention or a pledge is pledged, a decision or an agreement is ``verb``'s own status."""
    anchor = _resolving(noun)
    given = RESOLVING.get(anchor) if anchor else None
    if given is None or status not in (S.COMMITTED, S.PLEDGED) or head_lemma(verb) in ADOPT:
        return status
    return given


def bare_resolution(noun: Any) -> bool:
    """Whether ``noun`` is a noun of resolving that says nothing of what is resolved ("made the
    pledge", "announced a plan"): no complement, phrase or clause of its own, no number."""
    return _resolving(noun) is not None and not any(
        c.dep_ in ("acl", "relcl", "prep", "nummod", "quantmod", "compound", "nmod", "poss", "appos")
        or c.pos_ in ("NUM", "SYM") for c in noun.children)


def said_handed(obj: Any) -> bool:
    """Whether ``obj`` is something said (:func:`said`) or facts made known ("released the data":
    WordNet's information as knowledge), read as a compound with the word before it first ("the
    majority opinion": WordNet's majority opinion is a communication, its "opinion" a belief)."""
    head = base_form(obj)
    before = obj.doc[obj.i - 1] if obj.i > obj.sent.start else None
    if before is not None and before.head.i == obj.i and before.dep_ in ("compound", "amod") and before.lower_.isalpha():
        joined = f"{before.lower_}_{head}"
        if wordnet.lemma(joined):
            return wordnet.sense_is_a(joined, 1, "communication.n.02", "speech_act.n.01", "information.n.02")
    return said(head) or (head.isalpha() and wordnet.sense_is_a(head, 1, "information.n.02"))


def people_released(obj: Any) -> bool:
    """Whether what is released is people ("Thousands of Haitian migrants … have been released into
    the US"; WordNet's person or people, through a number's "of"): no thing given."""
    noun = obj
    if noun.pos_ == "NUM" or wordnet.is_a(base_form(noun), "large_integer.n.01", "number.n.02"):
        noun = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"), noun)
    return noun.lower_.isalpha() and wordnet.people(base_form(noun))


def names_nothing(obj: Any) -> bool:
    """Whether the object is a pronoun that names nothing given ("those who cross … will be sent
    back home", "it"), not a relative pronoun, whose antecedent is named (the caller keeps one in a
    sentence stating money: "This was announced …", the act before it, with its sum); nor a
    quantifier with the noun it takes part of ("all of its artillery", "some of its tanks")."""
    return obj.pos_ == "PRON" and obj.tag_ not in ("WDT", "WP", "WP$") and obj.head.dep_ != "relcl" and not any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.pos_ == "NOUN" for g in c.children)
        for c in obj.children)


def another_s_condition(verb: Any) -> bool:
    """Whether the act is a condition set on someone else's act ("ready to move immediately if the
    Food and Drug Administration authorised the vaccine", "funding will lapse if Congress fails to
    pass …"): its clause, led by "if" or "unless", has a named subject other than that of the
    clause it conditions."""
    for tok in chain(verb):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children) and tok.dep_ == "advcl":
            own, _ = subject_of(verb)
            main, up = None, tok.head
            while main is None:  # the subject of the clause conditioned ("was ready to move … if …")
                main = next((c for c in up.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if up.head.i == up.i:
                    break
                up = up.head
            return own is not None and main is not None and own.pos_ != "PRON" and main.pos_ != "PRON" \
                and _phrase(own) != _phrase(main)
    return False


def _phrase(noun: Any) -> str:
    return " ".join(t.lower_ for t in noun.subtree if t.dep_ in ("compound", "flat", "amod") or t.i == noun.i)


def asked_of_another(verb: Any, acts: frozenset[str]) -> bool:
    """Whether the act is one the subject's verb gets, urges or asks someone else to do ("to get
    world leaders to commit to …"): an infinitive under a verb (no act of ``acts``) that takes the
    doer as its object, or that has a subject of its own; or the purpose of such an act ("urged
    Congress to spend more than $30 billion to fund natural disaster aid": the funding is asked too)."""
    gov = verb.head
    if not (verb.dep_ in ("xcomp", "ccomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            and gov.pos_ == "VERB" and gov.i != verb.i):
        return False
    if head_lemma(gov) in acts:
        return verb.dep_ != "ccomp" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
            and asked_of_another(gov, acts)
    return verb.dep_ != "advcl" and (any(c.dep_ == "dobj" for c in gov.children) or (
        verb.dep_ == "ccomp" and any(c.dep_ == "nsubj" for c in verb.children)))


# Verbs of conjecture (VerbNet conjecture-29.5): an act in what someone else thinks or doubts is
# their guess ("I just don't think Trump is going to give that kind of commitment"), not the act.
_CONJECTURE = frozenset({"think", "believe", "doubt", "suspect", "guess", "imagine", "reckon", "assume", "suppose"})


def conjectured(verb: Any) -> bool:
    """Whether ``verb`` lies in what a verb of conjecture governs, the conjecture having a subject
    of its own (someone guesses about another's act; "we believe we will deliver" is the actor's own)."""
    own = subject_of(verb)[0]
    for tok in chain(verb)[1:]:
        if head_lemma(tok) in _CONJECTURE:
            guesser = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            # a pronoun acting is read as the guesser ("Germany believes it will deliver …")
            return guesser is not None and own is not None and own.pos_ != "PRON" and guesser.lower_ != own.lower_
    return False


def polar_question(verb: Any) -> bool:
    """Whether ``verb``'s clause is a yes/no question: a "?" ends it and an auxiliary of the verb,
    or of a predicate over it, comes before that one's subject ("Will Germany send tanks?", "Was
    Harris paid for these books?", "Does Poland plan to send jets?"). It asks, asserting nothing;
    a question led by "why" or "how" takes its act as given and is read as any clause."""
    if not any(t.text == "?" and t.i > verb.i for t in verb.sent):
        return False
    for tok in chain(verb):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subj is not None:
            aux = next((c for c in tok.children if c.dep_ in ("aux", "auxpass") and c.i < subj.i), None)
            return aux is not None and not any(t.tag_ in ("WRB", "WP", "WDT", "WP$") for t in tok.doc[tok.left_edge.i : aux.i])
    return False


# modals whose perfect tells what did not happen ("would have approved", "could have sent", "should
# have given"); "may have" / "might have" guess at what did (epistemic), read as any modal is
_IRREALIS = frozenset({"would", "could", "should", "'d", "’d"})


# predicates whose infinitive did not happen (negative implicatives: "failed to pass", "was unable to pass")
_FAILED = frozenset({"fail", "unable"})


def counterfactual(verb: Any) -> bool:
    """Whether ``verb`` states what did not happen: a modal perfect ("Israel's leadership wouldn't
    have approved a cease-fire if ...", "Germany could have sent tanks"), the pluperfect of an "if"
    clause ("if France had sent troops") or the infinitive of a failure ("The Senate was unable to
    pass a federal funding bill", "failed to approve"). Such a clause commits nobody to anything,
    negated or not. A reported "would have" keeps its reading: a past verb of saying before it
    reports a future perfect ("said it would have delivered 40 tanks by March") and is not counted."""
    tok = verb
    while tok.dep_ in ("xcomp", "acomp") and tok.head.i != tok.i:
        tok = tok.head
        if head_lemma(tok) in _FAILED:
            return True
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    perfect = verb.tag_ == "VBN" and any(c.lemma_ == "have" for c in aux)
    if not perfect:
        return False
    if any(c.lower_ in _IRREALIS for c in aux):
        head = verb
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        return not (head.dep_ == "ccomp" and head.head.tag_ == "VBD")
    pluperfect = any(c.lemma_ == "have" and c.tag_ == "VBD" for c in aux)
    return pluperfect and any(c.dep_ == "mark" and c.lower_ == "if" for c in verb.children)


def adoptable(obj: Any, nominal: frozenset[str]) -> bool:
    """Whether "adopt" takes something that binds: a law, a plan, a proposal, a decision (WordNet, as
    :data:`storyfold.stages.commitments.objects.ENACTED`), a noun of giving (``nominal``) or of a kind of aid
    ("adopted a package of sanctions"), not a stance ("adopting a more aggressive political posture")."""
    head = base_form(obj)
    if head in nominal or _resolving(obj) is not None or (head.isalpha() and wordnet.sense_is_a(head, 2, *ENACTED, *PROPOSAL)):
        return True
    return category_of(" ".join(t.text for t in subtree(obj, NOT_ITEM)), "", False) is not CommitmentCategory.OTHER


# an armed act ("launched an offensive", "carried out air strikes"; WordNet), and arms
_ARMED_ACT = ("military_action.n.01", "operation.n.05", "attack.n.01", "attack.n.02")
_ARMS = ("weapon.n.01", "weaponry.n.01", "projectile.n.01", "explosive_device.n.01", "vehicle.n.01")
# where arms are aimed: a place or a target, not a recipient ("to Ukraine"); not "on" / "over",
# which as often time the act ("authorized booster shots on Wednesday")
_AIMED = frozenset({"at", "into", "toward", "towards", "onto", "against"})


def used_against(verb: Any, obj: Any) -> bool:
    """Whether ``verb`` uses what it takes rather than giving it: its object is an armed act in
    either of the noun's two most frequent WordNet senses ("launched an offensive", "launched air
    strikes on Gaza", "launched more airstrikes": a closed compound WordNet lacks is read by its
    last noun), or arms or vehicles (WordNet's "rocket" is a vehicle) aimed at a place or target
    ("North Korea launched two ballistic missiles into the sea", "Hamas launched more rockets at
    Israel"), or launched from anywhere, by a verb that does not hand them over (arms delivered stay given: "will send 30
    missiles into Ukraine", "deliver missiles on Monday")."""
    head = base_form(obj)
    doc, i = obj.doc, obj.i
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        i -= 2  # a hyphenated noun WordNet knows is read whole: "cease-fire" is a truce, not a fire
    if i != obj.i and wordnet.lemma(doc[i:obj.i].text.lower() + head) is not None:
        head = doc[i:obj.i].text.lower() + head
    if not head.replace("-", "").isalpha():
        return False
    if wordnet.lemma(head) is None:  # a closed compound WordNet lacks is read by its last noun: "airstrikes"
        head = next((head[k:] for k in range(2, len(head) - 3) if wordnet.lemma(head[k:]) is not None), head)
    if wordnet.sense_is_a(head, 2, *_ARMED_ACT):
        return True
    if verb.lemma_ in DELIVER:
        return False
    aimed = any(c.dep_ == "prep" and c.lower_ in _AIMED for c in verb.children)
    # arms launched are fired wherever they are aimed from ("the missiles were launched from central North Korea")
    return (aimed or verb.lemma_ == "launch") and wordnet.sense_is_a(head, 2, *_ARMS)


# a deed one commits (WordNet, either of a noun's two most frequent senses): a wrong, a cruelty, a
# killing or a mistake ("had committed atrocities", "committed fraud", "committed an error")
_DEEDS = ("wrongdoing.n.02", "maltreatment.n.01", "killing.n.02", "mistake.n.01")


def deed(verb: Any, obj: Any) -> bool:
    """Whether "commit" takes a deed done, not a thing pledged ("committed atrocities"; "committed
    troops", "committed $5 million" stay pledges)."""
    head = base_form(obj)
    return verb.lemma_ == "commit" and head.isalpha() and wordnet.sense_is_a(head, 2, *_DEEDS)


# facts a report makes known (WordNet): a death ("announced the former senator's death", "confirmed
# three fatalities"), a name ("released the names of the troops killed")
_FACTS = ("death.n.01", "language_unit.n.01")


def made_known(verb: Any, obj: Any) -> bool:
    """Whether a verb of saying other than a promise's, or "release", makes a fact known
    (:data:`_FACTS`, the noun's most frequent sense): nothing given ("pledged", "promised" and
    "vowed" pledge what they take)."""
    head = base_form(obj)
    return (head_lemma(verb) in UNSAID or verb.lemma_ == "release") and head.isalpha() \
        and wordnet.sense_is_a(head, 1, *_FACTS)


# what a regulator authorises for use (WordNet): a drug or a vaccine
_AUTHORISE = frozenset({"approve", "authorize", "authorise"})
_MEDICINES = ("drug.n.01", "vaccine.n.01")


def authorised(verb: Any, obj: Any) -> bool:
    """Whether an approval admits a medicine to use, with no one it goes to ("the Food and Drug
    Administration approved the first new medication for Alzheimer's disease", "the drug was
    approved by U.S. health regulators"): a licence, nothing given. Medicines approved for a
    recipient stay given ("approved 1 million vaccine doses for Ukraine": doses are a measure)."""
    head = base_form(obj)
    return verb.lemma_ in _AUTHORISE and head.isalpha() and wordnet.sense_is_a(head, 2, *_MEDICINES) \
        and recipient_of(verb, obj) is None


def envoy(verb: Any, obj: Any) -> bool:
    """Whether a verb of sending sends one person ("dispatched his top spy", "sent an envoy"): a
    singular common noun whose most frequent WordNet sense is a person, an errand, nothing given
    (people sent in numbers, "sent 200 doctors", "deployed 5,000 troops", stay what is given)."""
    head = base_form(obj)
    return verb.lemma_ in DELIVER and obj.tag_ == "NN" and head.isalpha() and wordnet.is_a(head, "person.n.01") \
        and not any(c.dep_ == "nummod" for c in obj.children)


def misread_that(verb: Any, obj: Any) -> bool:
    """Whether the parse took a verb of saying's "that" clause for an object: "that" read as the
    determiner of the clause's subject, and the clause's verb as a participle on it that takes an
    object of its own ("Mayorkas announced Thursday that border patrol agents apprehended over
    212,000 undocumented migrants": not "announced ... agents"). What is said is no act of the
    speaker's."""
    if head_lemma(verb) not in SPEECH:
        return False
    kids = list(obj.children)
    that = next((c for c in kids if c.dep_ == "det" and c.lower_ == "that"), None)
    if that is None or that.i != obj.left_edge.i:
        return False
    return any(c.dep_ == "acl" and c.tag_ in ("VBD", "VBN") and c.i > obj.i and any(
        g.dep_ == "dobj" for g in c.children) for c in kids)


# Verbs that give people as well as things, besides the delivery verbs ("the instructors provided by Britain").
_GIVE_PEOPLE = frozenset({"provide", "offer", "pledge", "promise", "commit"})


def nothing_given(verb: Any, obj: Any, handed: frozenset[str]) -> bool:
    """Whether the object ``obj`` of the act ``verb`` names nothing given: a thing said handed over
    ("sent a message", "released a report"), people received or released ("received 2 million
    refugees from Syria"), information or people qualified by who gave them ("the data provided by
    the CDC"), arms used rather than given (:func:`used_against`), a deed committed
    (:func:`deed`), a medicine licensed (:func:`authorised`), a death or a name made known
    (:func:`made_known`), a clause said misread as an object
    (:func:`misread_that`), a pronoun naming nothing where the sentence states no money ("those …
    will be sent back home"), or a bare noun of resolving ("made the pledge")."""
    if verb.lemma_ in handed | {"release"} and obj.pos_ == "NOUN" and said_handed(obj):
        return True
    if verb.lemma_ in ("receive", "release") and people_released(obj):
        return True
    if given_by(verb) and ((said_handed(obj) and not wordnet.sense_is_a(base_form(obj), 2, *RULINGS)) or (
            wordnet.people(base_form(obj)) and verb.lemma_ not in DELIVER | _GIVE_PEOPLE) or (
            verb.lemma_ == "release" and category_of(" ".join(t.text for t in subtree(obj, NOT_ITEM)), "",
                                                     is_money(obj)) is CommitmentCategory.OTHER)):
        return True  # "the statement signed by …" (not "the order signed by …"), "the data provided by the
        # CDC", "officials, assisted by …", "an opinion released … by the Justice Department" (not funds)
    if used_against(verb, obj) or misread_that(verb, obj) or envoy(verb, obj) or deed(verb, obj) or authorised(verb, obj) \
            or made_known(verb, obj):
        return True
    if obj.pos_ == "PROPN" and " ".join(t.text for t in obj.subtree if t.dep_ not in ("det", "punct")) in country_names():
        return True  # a country, no thing given ("saw the US handing Afghanistan back")
    return (names_nothing(obj) and not any(is_money(t) for t in verb.sent if t.pos_ in ("NOUN", "PROPN", "NUM", "SYM"))) \
        or bare_resolution(obj)
