"""How a submitted case moves while its documents are read (pure)."""

from __future__ import annotations

from backend.cases import progress
from backend.cases.status import CaseStatus as S


def test_a_case_with_nothing_to_read_goes_to_review_on_submission() -> None:
    assert progress.after_submit([]) == S.NEEDS_REVIEW
    assert progress.after_submit(["processed", "failed"]) == S.NEEDS_REVIEW


def test_a_case_waits_while_a_document_is_uploading_or_unread() -> None:
    assert progress.after_submit(["processed", "pending_upload"]) == S.SUBMITTED
    assert progress.after_submit(["uploaded"]) == S.SUBMITTED


def test_reading_moves_only_a_submitted_case_to_processing() -> None:
    assert progress.when_reading_starts(S.SUBMITTED) == S.PROCESSING
    for status in (S.DRAFT, S.RETURNED, S.PROCESSING, S.NEEDS_REVIEW, S.APPROVED):
        assert progress.when_reading_starts(status) == status


def test_the_last_document_done_moves_the_case_to_review() -> None:
    assert progress.when_document_done(S.PROCESSING, ["processed", "uploaded"]) == S.PROCESSING
    assert progress.when_document_done(S.PROCESSING, ["processed", "failed"]) == S.NEEDS_REVIEW
    assert progress.when_document_done(S.SUBMITTED, ["processed"]) == S.NEEDS_REVIEW


def test_documents_read_on_a_draft_or_returned_case_do_not_move_it() -> None:
    assert progress.when_document_done(S.DRAFT, ["processed"]) == S.DRAFT
    assert progress.when_document_done(S.RETURNED, ["processed"]) == S.RETURNED


def test_read_values_fill_fields_until_the_case_is_approved() -> None:
    assert progress.may_fill_fields(S.NEEDS_REVIEW)
    assert not progress.may_fill_fields(S.APPROVED)
