"""dates@6: asides, coordinated dates, events as anchors and years before the common era in a
narrative, read off the dev half of WikiWars (the quoted sentences are from its Wikipedia articles,
CC BY-SA 3.0: "World War I", "World War II", "American Civil War", "Polish-Soviet War", "French
Revolution", "Greco-Persian Wars", "Korean War", "First Indochina War", "Mexican Revolution"; the
leads naming years are written for the test)."""

from __future__ import annotations

from wikiwars_text import DOWNLOADED, lead, values

from storyfold.stages.dates.dates import find_dates


def test_a_year_far_from_the_day_narrated_is_an_aside() -> None:
    text = lead(1917, 1918, 1919, 1920, 1921) + (
        "Budyonny's cavalry reached the city of Zamość on 29 August 1920. The Soviet forces were defeated at "
        "the Battle of Komarów, the largest cavalry battle since 1813. The remains of Budyonny's 1st Cavalry "
        "Army retreated towards Volodymyr-Volynskyi on 6 September.")
    assert values(text)["6 September"] == "1920-09-06"  # it was 1813-09-06


def test_a_year_in_parentheses_is_an_aside() -> None:
    text = lead(1789, 1790, 1791, 1792, 1793) + (
        "In Vendee, peasants revolted against the French Revolutionary government in 1793. They resented the "
        "changes imposed by the Civil Constitution of the Clergy (1790). On 17 August, the Convention voted for "
        "general conscription.")
    assert values(text)["17 August"] == "1793-08-17"


def test_the_bare_day_of_a_range_of_days_is_a_day_of_its_own() -> None:
    got = values("Montenegro covered the Serbian retreat in the Battle of Mojkovac in 6-7 January 1916.")
    assert got["6"] == "1916-01-06" and got["7 January 1916"] == "1916-01-07"
    text = lead(1946, 1950, 1952, 1953, 1954) + (
        "In 1954 the siege of Dien Bien Phu began. The final fall took two days, May 6 and 7th, during which "
        "the French fought on.")
    assert values(text)["7th"] == "1954-05-07"
    got = values("Bapaume fell after the Allies breached them on the 28 and 29 August 1918.")
    assert got["the 28"] == "1918-08-28"


def test_a_range_read_backwards_gives_no_day() -> None:
    got = values("The talks ran from 29 - 3 March 2010 in Geneva.")
    assert "29" not in got


def test_a_month_joined_to_a_month_with_its_year_takes_that_year() -> None:
    text = lead(1914, 1915, 1916, 1917, 1918) + (
        "In 1917 the mutinies spread. German casualties between March and April 1918 were 270,000.")
    assert values(text)["March"] == "1918-03"  # it was 1917-03, near the year last named


def test_a_season_joined_to_a_season_with_its_year() -> None:
    text = ("In the Soviet Union, both the Germans and the Soviets spent the spring and early summer of 1943 "
            "making preparations for large offensives.")
    assert values(text)["the spring"] == "1943-SP"
    text = lead(1917, 1918, 1919, 1920, 1921) + "In 1920 he wrote that Piłsudski had saved the Bolsheviks in summer-fall 1919."
    assert values(text)["summer"] == "1919-SU"


def test_a_vague_count_later_in_a_narrative_is_after_the_date_narrated() -> None:
    text = lead(1941, 1942, 1943, 1944, 1945) + (
        "The Red Army assisted the partisans in a joint liberation of Belgrade on October 20, 1944. A few days "
        "later, the Soviets launched a massive assault against German-occupied Hungary.")
    assert values(text)["A few days later"] == "FUTURE_REF"
    assert values("A few days later, the talks resumed.")["A few days"] == "PXD"  # news: a duration


def test_since_in_a_narrative_is_the_nearest_occurrence() -> None:
    text = lead(1914, 1915, 1916, 1917, 1918) + (
        "On 2 September 1918 the Canadian Corps broke the Wotan Position, giving up without a fight the salient "
        "seized in the previous April. In nearly four weeks of fighting since 8 August over 100,000 German "
        "prisoners were taken. On 11 August he offered his resignation to the Kaiser.")
    got = values(text)
    assert got["8 August"] == "1918-08-08"  # the August before that April was 1917's
    assert got["11 August"] == "1918-08-11"


def test_the_other_end_of_a_range_of_years() -> None:
    assert values("National Constituent Assembly (1789-1791)")["1791"] == "1791"
    got = [(d.text, d.value) for d in find_dates("Ionian Revolt (499-493 BC). It lasted from 499 to 493 BC.", DOWNLOADED)]
    assert got == [("499", "BC0499"), ("493 BC", "BC0493")] * 2
    assert "120" not in values("The 1914 offensive cost 1914-120 lives.")


def test_months_and_seasons_of_a_year_before_the_common_era() -> None:
    got = values("The Persians crossed the Hellespont in April 480 BC; in the spring of 480 BC they marched.")
    assert got["April 480 BC"] == "BC0480-04"
    assert got["the spring of 480 BC"] == "BC0480-SP"
    text = lead(1500, 1501, 1502, 1503, 1504) + "Xerxes invaded in 480 BC. In September, the fleet sailed."
    assert values(text)["September"] == "BC0480-09"  # it had no value


def test_a_count_of_units_after_an_event_in_a_narrative() -> None:
    text = lead(1859, 1860, 1861, 1862, 1863) + (
        "Confederate forces fired on Fort Sumter on April 12, 1861. Virginia seceded eight days after Fort "
        "Sumter.")
    got = values(text)
    assert got["eight days"] == "1861-04-20"
    text = lead(1859, 1860, 1861, 1862, 1863) + "On April 12, 1861 the siege began; it went on for two days after the shelling."
    assert values(text)["two days"] == "P2D"  # after "for": a length of time
    assert values("Virginia seceded eight days after the vote.")["eight days"] == "P8D"  # news: a duration


def test_a_date_after_until_does_not_move_the_date_narrated() -> None:
    text = lead(1941, 1942, 1943, 1944, 1945) + (
        "The Red Army liberated Belgrade on October 20, 1944. The Soviets launched a massive assault against "
        "German-occupied Hungary that lasted until the fall of Budapest in February 1945. By the start of July, "
        "Commonwealth forces in Southeast Asia had repelled the Japanese.")
    assert values(text)["the start of July"] == "1944-07"  # it was 1945-07


def test_a_month_or_day_of_that_year_or_month() -> None:
    text = ("The Terror reached its height in 1794. When Robespierre went to the guillotine in July of that "
            "year the crowd jeered.")
    got = values(text)
    assert got["July of that year"] == "1794-07" and "July" not in got
    assert values("In August 1919 the Poles advanced, and on the 28th of that month they took the city.")[
        "the 28th of that month"] == "1919-08-28"
