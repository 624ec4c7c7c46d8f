"""The second fresh readers' weak items (issue 18): one fact asked in two wordings kept
apart in a round, and no time-order set holding two events that logic orders."""

from __future__ import annotations

from itertools import combinations

import pytest

from helpers import TWINS, bundled, bundled_with_templates
from quiz.generate import all_questions, apart, from_facts, generate, order
from quiz.generate.evidence import content_words


@pytest.fixture(scope="module", autouse=True)
def siblings_asked():
    """The twins' choices as the pack asked them before the twentieth reading, whose rule
    (`from_facts._same_wrong_options`) leaves out a list's choices that all show the same
    wrong options: the rule under test here is the one that keeps two wordings apart."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(from_facts, "_same_wrong_options", lambda *args: None)
        yield


@pytest.fixture(scope="module")
def pack():
    return bundled()


@pytest.fixture(scope="module")
def every(twins):
    return {q.id: q for q in all_questions(twins, 0)}


@pytest.fixture(scope="module")
def twins(tmp_path_factory):
    return bundled_with_templates(tmp_path_factory.mktemp("twins"), TWINS)


def test_one_fact_in_two_wordings_is_kept_apart(twins, every):
    pack = twins
    """'Which country became a member on 29 March 2004?' and 'Which country joined along
    with Lithuania?' with one answer: linked by 'Lithuania joined on 29 March 2004'."""
    # (not Estonia and Latvia since the nineteenth reading: a Baltic key has only Baltic
    # wrong options, and there are none left for them)
    for country in ("bulgaria", "romania", "slovakia"):
        a = every[f"{country}-joined-nato-with-lithuania-date:choice:reverse"]
        b = every[f"lithuania-joined-along-with-{country}:choice:forward"]
        assert apart.linked_twins(pack, a, b) and apart.clash(pack, a, [b]) is b
    a = every["lithuania-joined-nato-29-march-2004:multi:reverse"]
    b = every["lithuania-joined-along-with-estonia:multi:forward"]
    assert apart.clash(pack, a, [b]) is b
    unlinked = every["efp-force-lithuania-inaugurated-in-rukla:choice:forward"]
    assert not apart.linked_twins(
        pack, unlinked, every["lithuania-joined-along-with-slovakia:choice:forward"]
    )


def test_choice_rounds_never_hold_both_wordings(twins):
    pack = twins
    for seed in range(20):
        ids = {q.id for q in generate(pack, seed, 20, ("choice",))}
        for country in ("estonia", "latvia", "slovakia", "bulgaria", "romania", "slovenia"):
            assert (
                not {
                    f"{country}-joined-nato-with-lithuania-date:choice:reverse",
                    f"lithuania-joined-along-with-{country}:choice:forward",
                }
                <= ids
            ), seed


def test_no_order_set_holds_two_events_logic_orders(pack):
    """A start and its end, a mission and its augmentation: more than half of the shorter
    label's words shared, across two relations."""
    stop = pack.lang.stopwords
    for g in order.groups(pack):
        for a, b in combinations(g, 2):
            if a.relation.id == b.relation.id:
                continue
            wa = content_words(order._label(a), stop)
            wb = content_words(order._label(b), stop)
            assert 2 * len(wa & wb) <= min(len(wa), len(wb)), (order._label(a), order._label(b))
    ids = [{f.id for f in g} for g in order.groups(pack)]
    assert not any(
        {"lithuania-led-prt-from-2005", "lithuania-led-prt-until-2013"} <= s for s in ids
    )
    assert not any(
        {"air-policing-began-29-march-2004", "augmentation-deployed-2014"} <= s for s in ids
    )


def test_a_month_and_year_is_asked_with_a_wrong_month_of_the_same_year() -> None:
    """ "July 2016" was the only 2016 option: the month was never asked. Every choice on a
    month-precision date now offers a wrong option of the key's own year (never after the
    source's date), and no wrong option shares the key's month (a year-shifted twin, "July
    2015", pointed to the key: the one whose month repeats)."""
    from quiz.question import One

    asked = 0
    for q in all_questions(bundled(), 0):
        key = q.key
        if q.kind != "choice" or not isinstance(key, One):
            continue
        right = q.options[key.right]
        parts = right.split()
        if len(parts) != 2 or not parts[1].isdigit() or parts[0].isdigit():
            continue  # not "Month YYYY"
        asked += 1
        same_year = [o for o in q.options if o != right and o.endswith(f" {parts[1]}")]
        assert same_year, (q.id, q.options)
        assert not [o for o in q.options if o != right and o.startswith(f"{parts[0]} ")]
    assert asked >= 2
