import pytest

from backend.notifications.outcome import PushOutcome, classify


@pytest.mark.parametrize("status", [200, 201, 202])
def test_a_2xx_answer_means_delivered(status: int) -> None:
    assert classify(status) is PushOutcome.DELIVERED


@pytest.mark.parametrize("status", [404, 410])
def test_404_and_410_mean_the_subscription_is_gone(status: int) -> None:
    assert classify(status) is PushOutcome.GONE


@pytest.mark.parametrize("status", [None, 408, 429, 500, 502, 503])
def test_no_answer_throttling_and_server_errors_are_retried(status: int | None) -> None:
    assert classify(status) is PushOutcome.RETRY


@pytest.mark.parametrize("status", [400, 401, 403, 413])
def test_a_refused_request_is_not_retried(status: int) -> None:
    assert classify(status) is PushOutcome.REJECTED
