"""tests/unit/prose.py: which numbers count as stated in prose."""

from tests.unit.prose import is_exempt, lab_markdown, numbers, value


def test_numbers_skip_code_links_ids_and_sources():
    text = """# Title { #t-1 }

It has 928,234 parameters and `max_trials=8`; see [page](x.md#sec-42).

```python exec="on" id="block-7"
print(12345)
```

Conv2D and 3x3 kernels, 99.5th percentile, issue #18452.

## Sources { #sources }

- Paper, 2016, arXiv:1603.07285.
"""
    assert numbers(text) == ["928,234", "3", "99.5"]


def test_persian_digits_and_separators_are_read():
    assert numbers("مدل ۹۲۸٬۲۳۴ پارامتر و دقت ۰٫۷۷۷۵ دارد.") == ["928,234", "0.7775"]
    assert numbers("$25 \\cdot 32 = 25{,}632$") == ["25", "32", "25,632"]
    assert value("8,640") == value("8640") == 8640


def test_small_whole_numbers_and_years_are_exempt():
    assert is_exempt("12") and is_exempt("2014") and is_exempt("1.0")
    assert not is_exempt("13") and not is_exempt("0.5") and not is_exempt("2,048")


def test_lab_markdown_keeps_only_markdown_cells():
    source = "# %% [markdown]\n# 1,797 images\n\n# %%\nx = 400  # not prose\n# %% [markdown]\n# 397 tests\n"
    assert numbers(lab_markdown(source)) == ["1,797", "397"]
