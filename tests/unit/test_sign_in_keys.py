"""The keys that failed sign-ins are counted under: a username as typed, a network
address (an IPv6 address by its /64), and nothing typed can pose as another key."""

from __future__ import annotations

from koppel.services.accounts.attempts import address_key, failure_key


def test_a_username_counts_in_any_letter_case_and_without_spaces():
    assert failure_key("  Gok-Actief ") == "gok-actief"
    assert failure_key("gok-actief") == failure_key("GOK-ACTIEF")


def test_what_cannot_be_a_username_is_counted_by_its_hash_and_poses_as_no_other_key():
    typed = "address:192.0.2.1"  # what an attacker would type to pause an address
    key = failure_key(typed)
    assert key.startswith("#")
    assert key != address_key("192.0.2.1")
    assert typed not in key
    assert failure_key("x" * 5000) == failure_key("X" * 5000)  # long input: one short key
    assert len(failure_key("x" * 5000)) <= 41
    assert failure_key("") != ""


def test_addresses_count_per_ipv4_address_and_per_ipv6_network_of_64():
    assert address_key("192.0.2.1") == "address:192.0.2.1"
    assert address_key("192.0.2.1") != address_key("192.0.2.2")
    assert address_key("::ffff:192.0.2.1") == address_key("192.0.2.1")
    assert address_key("2001:db8:1:2::1") == address_key("2001:db8:1:2:ffff::9")
    assert address_key("2001:db8:1:2::1") == "address:2001:db8:1:2::/64"
    assert address_key("2001:db8:1:3::1") != address_key("2001:db8:1:2::1")


def test_no_address_is_no_key():
    assert address_key(None) is None
    assert address_key("") is None
    assert address_key("testclient") is None
