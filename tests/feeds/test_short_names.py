"""Headline tags for people the gazetteer does not describe (the user's config)."""

from __future__ import annotations

from feeds.short_names import short_name


def test_family_name_monarch_number_and_family_first_countries() -> None:
    assert short_name("Kassym-Jomart Tokayev", "KZ") == "Tokayev"
    assert short_name("Xi Jinping", "CN") == "Xi"
    assert short_name("Viktor Orbán", "HU") == "Orbán"  # given name first in our data
    assert short_name("Pham Minh Chinh", "VN") == "Chinh"
    assert short_name("Charles III", "GB") == "Charles III"
    assert short_name("Ferdinand Marcos Jr.", "PH") == "Marcos"
    assert short_name("", "GB") == ""
