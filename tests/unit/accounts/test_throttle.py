from backend.accounts.throttle import attempt_allowed


def test_five_failures_are_allowed_and_the_sixth_waits() -> None:
    assert attempt_allowed(4, 4, limit=5)
    assert not attempt_allowed(5, 5, limit=5)


def test_a_shared_office_address_gets_more_room_than_one_account() -> None:
    assert attempt_allowed(0, 19, limit=5)
    assert not attempt_allowed(0, 20, limit=5)
