"""统一社会信用代码 (GB 32100-2015) parsing: examples, every error code, properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrss.core.identifiers import parse_uscc
from hrss.core.identifiers.uscc import (
    ALPHABET,
    USCC_WEIGHTS,
    UsccError,
    org_code_check_char,
    uscc_check_char,
)
from hrss.core.regions import PROVINCE_CODES


def complete(first16: str) -> str:
    """Append the GB 11714 org-code check char, then the GB 32100 check char."""
    first17 = first16 + org_code_check_char(first16[8:16])
    return first17 + uscc_check_char(first17)


def error_code(raw: str) -> str:
    with pytest.raises(UsccError) as info:
        parse_uscc(raw)
    return info.value.code


def test_alphabet_and_weights_match_the_standard() -> None:
    # domain.md §1.2: 31 characters without I O S V Z; W_i = 3^(i-1) mod 31.
    assert len(ALPHABET) == 31
    assert not set("IOSVZ") & set(ALPHABET)
    assert USCC_WEIGHTS == (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


@pytest.mark.parametrize(
    ("code", "region", "org"),
    [
        ("91110108551385082Q", "110108", "551385082"),
        ("91110000600037341L", "110000", "600037341"),
        ("91350100M000100Y43", "350100", "M000100Y4"),
    ],
)
def test_domain_examples_are_valid(code: str, region: str, org: str) -> None:
    parsed = parse_uscc(code)
    assert parsed.value == code
    assert (parsed.authority, parsed.category) == ("9", "1")
    assert parsed.region_code == region
    assert parsed.org_code == org
    assert str(parsed) == code


def test_input_is_normalised() -> None:
    assert parse_uscc(" 91350100m000100y43 ").value == "91350100M000100Y43"
    assert parse_uscc("9111 0108 5513 8508 2Q").value == "91110108551385082Q"


def test_org_code_check_char_maps_10_to_x_and_11_to_0() -> None:
    assert org_code_check_char("55138508") == "2"
    assert org_code_check_char("M000100Y") == "4"
    # weights 3 7 9 10 5 8 4 2; C = 11 - S mod 11
    assert org_code_check_char("10000000") == "8"  # S = 3
    assert org_code_check_char("00000030") == "X"  # S = 3·4 = 12 ≡ 1 → C = 10
    assert org_code_check_char("00000000") == "0"  # S = 0 → C = 11
    assert org_code_check_char("A0000000") == "3"  # A = 10: S = 30 ≡ 8


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "uscc.empty"),
        ("  ", "uscc.empty"),
        ("91110108551385082", "uscc.bad_length"),
        ("91110108551385082QQ", "uscc.bad_length"),
        ("91110108551385O82Q", "uscc.bad_char"),  # letter O
        ("9111010855138508IQ", "uscc.bad_char"),  # letter I
        ("91110108551385082-", "uscc.bad_char"),
        ("91110108551385082A", "uscc.bad_check_char"),
        ("91110108551385083Q", "uscc.bad_check_char"),
    ],
)
def test_error_codes(raw: str, code: str) -> None:
    assert error_code(raw) == code


def test_bad_org_code_with_a_correct_overall_check_char() -> None:
    first16 = "9142010055138508"
    wrong_org = "3" if org_code_check_char(first16[8:]) != "3" else "4"
    first17 = first16 + wrong_org
    assert error_code(first17 + uscc_check_char(first17)) == "uscc.bad_org_code"


@pytest.mark.parametrize("region", ["990100", "000000", "A10100", "11010A"])
def test_unknown_region_with_correct_check_chars(region: str) -> None:
    assert error_code(complete("91" + region + "55138508")) == "uscc.unknown_region"


alphabet_chars = st.sampled_from(ALPHABET)

valid_first16 = st.builds(
    lambda head, province, rest, org: head + province + rest + org,
    st.text(alphabet_chars, min_size=2, max_size=2),
    st.sampled_from(sorted(PROVINCE_CODES)),
    st.text(st.sampled_from("0123456789"), min_size=4, max_size=4),
    st.text(alphabet_chars, min_size=8, max_size=8),
)


@given(valid_first16)
def test_generated_codes_with_both_check_chars_validate(first16: str) -> None:
    code = complete(first16)
    parsed = parse_uscc(code)
    assert parsed.value == code
    assert parsed.region_code == first16[2:8]
    assert parsed.org_code == code[8:17]


@given(valid_first16, st.integers(min_value=0, max_value=17), st.data())
def test_every_single_character_substitution_is_rejected(
    first16: str, position: int, data: st.DataObject
) -> None:
    # 31 is prime and every weight 3^i mod 31 is non-zero, so a changed character
    # always moves the weighted sum mod 31: the overall check char catches it first.
    code = complete(first16)
    new = data.draw(st.sampled_from([c for c in ALPHABET if c != code[position]]))
    changed = code[:position] + new + code[position + 1 :]
    assert error_code(changed) == "uscc.bad_check_char"
