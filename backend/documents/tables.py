"""Tables of the documents domain: what reading each case document produced."""

from piccolo.columns import UUID, Integer, Text, Timestamptz, Varchar
from piccolo.table import Table


class DocumentReading(Table, tablename="document_reading"):
    """One row per case document: the latest reading (or the reason it failed).

    The cases domain's ``case_document`` carries what devices receive (fields, checks,
    status); this keeps everything the pipeline said, for reviewers and re-runs.
    """

    document_id = UUID(primary_key=True, help_text="case_document.id")
    case_id = UUID(index=True)
    sha256 = Varchar(length=64, index=True)
    declared_type = Varchar(length=40, null=True, default=None, help_text="sent by the device")
    detected_type = Varchar(length=40, null=True, default=None, help_text="what the page reads as")
    status = Varchar(length=20, help_text="processing | processed | failed")
    attempts = Integer(default=0, help_text="runs of the OCR step so far")
    result = Text(default="{}", help_text="JSON: the ExtractionResult (fields, confidence, …)")
    case_checks = Text(default="[]", help_text="JSON: checks this document raises on the case")
    error_code = Varchar(length=40, null=True, default=None)
    error_message = Text(null=True, default=None)
    updated_at = Timestamptz(
        index=True, help_text="when the latest reading was stored (recent OCR throughput)"
    )
