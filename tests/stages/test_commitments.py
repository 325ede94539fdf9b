"""Commitments in the seed articles: expected results written from reading the articles."""

from __future__ import annotations

from seed_inputs import seed_articles, seed_slots

from storyfold.records import CommitmentKind as K
from storyfold.records import CommitmentStatus as S
from storyfold.stages.commitments.commitments import find_commitments


def _found(aid: str):
    dates, quantities = seed_slots(aid)
    return find_commitments(seed_articles()[aid].text, aid, dates, quantities)


def _one(aid: str, actor: str, kind: K, words: str | None = None):
    hits = [m for m in _found(aid) if m.actor == actor and m.kind is kind and (words is None or words in m.text)]
    assert hits, f"{aid}: no {actor}/{kind.value} ({words}): {[(m.actor, m.kind.value) for m in _found(aid)]}"
    return hits[0]


def test_uk_and_france_committed_ground_forces_in_march() -> None:
    for aid in ("000", "001"):
        for actor in ("United Kingdom", "France"):
            m = _one(aid, actor, K.GROUND_TROOPS)
            assert m.status is S.COMMITTED and "committed" in m.cue
            assert seed_articles()[aid].text[m.start : m.end] == m.text


def test_japan_willing_to_join_the_coalition_on_a_peace_deal() -> None:
    first = [m for m in _found("002") if m.actor == "Japan" and "ready to participate" in m.text]
    assert {m.kind for m in first} == {K.PARTICIPATION, K.SECURITY_GUARANTEE}
    assert all(m.status is S.WILLING and "peace deal" in m.conditions for m in first)


def test_japan_considering_the_specifics_with_a_legal_review() -> None:
    # "we" in Ishiba's quote is Japan; the sentence names no kind, so it carries the previous one.
    cannot = _one("002", "Japan", K.SECURITY_GUARANTEE, "cannot say specifically")
    assert cannot.status is S.CONSIDERING and cannot.carried and cannot.speaker == "Ishiba"
    considering = _one("002", "Japan", K.SECURITY_GUARANTEE, "carefully considering")
    assert considering.status is S.CONSIDERING and "legal and capability review" in considering.conditions
    evaluating = _one("003", "Japan", K.SECURITY_GUARANTEE, "thoughtfully evaluating")
    assert evaluating.status is S.CONSIDERING
    deliberation = _one("004", "Japan", K.PEACEKEEPERS, "under deliberation")
    assert deliberation.status is S.CONSIDERING


def test_an_outlet_framing_japan_as_pledged() -> None:
    m = _one("004", "Japan", K.SECURITY_GUARANTEE, "will provide Ukraine")
    assert m.status is S.PLEDGED and m.cue == "will provide"


def test_japan_role_in_march_is_open() -> None:
    # "It is not known whether Japan … will offer armed forces personnel …": the doubt governs.
    for kind in (K.PEACEKEEPERS, K.LOGISTICS, K.EQUIPMENT):
        m = _one("001", "Japan", kind, "It is not known whether")
        assert m.status is S.CONSIDERING and m.cue == "not known whether"
    assert _one("000", "Japan", K.LOGISTICS).status is S.CONSIDERING


def test_united_states_rules_out_ground_troops_but_might_help_from_the_air() -> None:
    assert _one("002", "United States", K.GROUND_TROOPS).status is S.RULED_OUT
    for kind in (K.AIR_SUPPORT, K.INTELLIGENCE):
        m = _one("002", "United States", kind)
        assert m.status is S.CONSIDERING and m.cue == "might"
    # "Trump hinted that nations like France, Germany, and the United Kingdom could provide ground
    # forces": examples of nations, not commitments by them or by the speaker.
    hinted = [m for m in _found("002") if "nations like" in m.text]
    assert hinted == []


def test_finland_declines_boots_on_the_ground_for_now() -> None:
    m = _one("001", "Finland", K.GROUND_TROOPS)
    assert m.status is S.DECLINED and m.cue == "too early to"
    assert {"ceasefire", "peace deal"} <= set(m.conditions)  # from the "Because …" sentence after it
    m0 = _one("000", "Finland", K.GROUND_TROOPS)
    assert m0.status is S.DECLINED and {"ceasefire", "peace deal"} <= set(m0.conditions)


def test_japans_2024_pact() -> None:
    pact = _one("002", "Japan", K.FUNDING)
    assert (pact.status, pact.amount, pact.period, str(pact.time)) == (S.COMMITTED, "$4.5 billion", "P10Y", "2024-06")
    for aid in ("003", "004"):
        m = _one(aid, "Japan", K.FUNDING)
        assert m.status is S.COMMITTED and m.period == "P10Y" and m.amount is None
        assert any("lethal" in c for c in m.content) and any("humanitarian" in c for c in m.content)


def test_no_commitment_without_a_kind_or_a_status() -> None:
    # Japan's defence force size and its military build-up against China are not commitments.
    texts = [m.text for aid in seed_articles() for m in _found(aid)]
    assert not any("has been gradually strengthening" in t for t in texts)
    assert not any("missiles" in t for t in texts)
    assert not any("Russia" == m.actor or "China" == m.actor for aid in seed_articles() for m in _found(aid))


def test_the_claims_stage_parse_reads_as_an_own_parse() -> None:
    """The stage reads the claims stage's Docs (parsed with the lemmatizer off, the attribute
    ruler's rules applied apart); every seed article gives the same mentions either way."""
    from storyfold.config import Settings
    from storyfold.pipeline import Context
    from storyfold.stages.claims import ClaimsStage, parsed_paragraphs
    from storyfold.stages.commitments.commitments import CommitmentsStage

    ctx = Context(settings=Settings())
    arts = list(seed_articles().values())
    inputs = [dict(zip(("dates", "quantities"), seed_slots(a.id), strict=True)) for a in arts]
    ClaimsStage().process_batch(arts, inputs, ctx)
    docs = parsed_paragraphs(ctx)
    assert len(docs) > 0
    stage = CommitmentsStage()
    for art, inp in zip(arts, inputs, strict=True):
        shared = stage.process(art, inp, ctx)["commitment_mentions"]
        own = find_commitments(art.text, art.id, inp["dates"], inp["quantities"])
        assert shared == tuple(own), art.id
        assert shared
