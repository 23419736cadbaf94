"""The animations of "What a convolution computes" in a real browser: stepping, playing, reduced motion."""

import pytest

from tests.support.browser import open_page

PAGE = "what-a-convolution-computes.html"


def _state(page, nth):
    return page.evaluate("""n => { const root = document.querySelectorAll('.conv-stepper')[n];
        return {frame: root.dataset.frame, on: root.querySelectorAll('.cs-input rect.cs-on').length,
                out: [...root.querySelectorAll('.cs-output rect')].findIndex(r => r.classList.contains('cs-on')),
                count: root.querySelector('.cs-count').textContent,
                sum: (root.querySelector('.cs-sum') || {}).textContent,
                play: root.querySelector('.cs-play').textContent}; }""", nth)


@pytest.mark.parametrize("path,words", [("", ("مرحلهٔ ۲ از ۹", "پخش", "توقف")), ("en/", ("Step 2 of 9", "Play", "Pause"))])
def test_buttons_step_through_the_frames_in_the_pages_language(browser, server, path, words):
    page, errors, hosts = open_page(browser, server + path + PAGE)
    try:
        page.emulate_media(reduced_motion="reduce")  # from now on nothing moves unless a button says so
        seed = page.locator(".conv-stepper").first
        seed.scroll_into_view_if_needed()
        seed.locator(".cs-next").click()
        state = _state(page, 0)
        assert (state["frame"], state["on"], state["out"], state["count"]) == ("1", 9, 1, words[0])
        assert state["sum"].endswith("= -192") and state["play"] == words[1]
        seed.locator(".cs-prev").click()
        seed.locator(".cs-prev").click()  # wraps round to the last frame
        assert _state(page, 0)["frame"] == "8" and _state(page, 0)["sum"].endswith("= -843")
        seed.locator(".cs-play").click()
        assert _state(page, 0)["play"] == words[2]
        page.wait_for_function("document.querySelector('.conv-stepper').dataset.frame === '1'", timeout=4000)
        seed.locator(".cs-play").click()
        assert _state(page, 0)["play"] == words[1]
    finally:
        page.context.close()
    assert errors == [] and hosts <= {"127.0.0.1"}, (errors, hosts)


def test_with_reduced_motion_nothing_plays_by_itself(browser, server):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(server + "en/" + PAGE)
    steppers = page.locator(".conv-stepper")
    steppers.nth(3).scroll_into_view_if_needed()
    page.wait_for_timeout(2500)
    assert [_state(page, n)["frame"] for n in range(steppers.count())] == ["0"] * steppers.count()
    context.close()


def _playing_fourth_stepper(browser, server):
    """A page (motion allowed) scrolled to the fourth animation, once that one has moved."""
    context = browser.new_context(reduced_motion="no-preference")
    page = context.new_page()
    page.goto(server + "en/" + PAGE)
    page.locator(".conv-stepper").nth(3).scroll_into_view_if_needed()
    page.wait_for_function("document.querySelectorAll('.conv-stepper')[3].dataset.frame !== '0'", timeout=5000)
    return context, page


def test_asking_for_less_motion_stops_what_plays(browser, server):
    context, page = _playing_fourth_stepper(browser, server)
    page.emulate_media(reduced_motion="reduce")
    page.wait_for_timeout(300)
    frame = _state(page, 3)["frame"]
    page.wait_for_timeout(2000)
    assert _state(page, 3)["frame"] == frame
    context.close()


def test_without_reduced_motion_the_animation_on_screen_plays(browser, server):
    context, page = _playing_fourth_stepper(browser, server)
    assert _state(page, 0)["frame"] == "0"  # off screen: still
    context.close()
