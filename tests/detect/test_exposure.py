"""Exposure evidence: private facts matched fuzzily, personal data, and public addresses left alone."""

import pytest

from threatline.detect.exposure import ExposureFinder
from threatline.watchlist import Entry

OKAFOR = Entry(
    "person", "okafor", "Adaeze Okafor", ("Okafor",), private=("14 Wren Hollow Road, Milbrook", "555-0173", "4TRK921")
)
OFFICE = Entry("facility", "office", "Milbrook Elections Office", address="200 Civic Plaza, Milbrook")
finder = ExposureFinder([OKAFOR, OFFICE])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Okafor lives at 14 wren hollow rd", "14 wren hollow rd"),
        ("Okafor lives at 14 Wren Hollow Road, Milbrook", "14 Wren Hollow Road"),
        ("her cell is (555) 0173", "(555) 0173"),
        ("call 555.0173 tonight", "555.0173"),
        ("plate 4TRK 921 in the lot", "4TRK 921"),
        ("plate 4trk-921", "4trk-921"),
    ],
)
def test_private_facts_are_found_however_they_are_written(text: str, found: str) -> None:
    assert [e.text for e in finder.private_facts(text)] == [found]


def test_a_different_house_number_is_not_the_private_address() -> None:
    assert finder.private_facts("Okafor lives at 41 Wren Hollow Road") == []


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("She lives at 8 Birch Street, go say hi", "a street address"),
        ("her number is 555-0199", "a phone number"),
        ("his truck, plate 7KXD214, is outside", "a licence plate"),
        ("her kids go to Maple Elementary", "a school or daycare"),
        ("she leaves the gym at 6:15 every morning", "a daily routine"),
    ],
)
def test_generic_personal_data_is_evidence(text: str, reason: str) -> None:
    assert reason in {e.reason for e in finder.personal_data(text)}


def test_a_facilitys_public_address_is_not_personal_data() -> None:
    reasons = {e.reason for e in finder.personal_data("The elections office is at 200 Civic Plaza, open 9 to 5.")}
    assert "a street address" not in reasons


def test_a_call_to_use_the_information_is_evidence() -> None:
    kinds = {e.kind for e in finder.personal_data("Okafor lives at 14 Wren Hollow Rd. Pay her a visit.")}
    assert "call_to_act" in kinds
