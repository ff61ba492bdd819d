"""The corrections table: what staff changed in values read from documents."""

from piccolo.columns import UUID, Boolean, Real, Text, Timestamptz, Varchar
from piccolo.table import Table


class FieldCorrection(Table, tablename="field_correction"):
    """One row per document field staff corrected (the latest correction wins).

    Written server side when the edit of a case field that showed a value read from a
    document syncs (``updateCase``); deleted when staff put the value read back.
    """

    id = UUID(primary_key=True, help_text="uuid5 of document id and field: one row per pair")
    document_id = UUID(index=True, help_text="case_document.id the value was read from")
    case_id = UUID(index=True)
    doc_type = Varchar(length=40, help_text="document type (spec section 4)")
    field = Varchar(length=60, help_text="the document's field key")
    case_field = Varchar(length=60, help_text="the case field staff edited")
    read_value = Text(help_text="what the pipeline read")
    corrected_value = Text(help_text="what staff made it")
    confidence = Real(null=True, default=None, help_text="calibrated confidence of the reading")
    flagged = Boolean(default=False, help_text="shown as 需核对 (below the threshold)")
    corrected_by = UUID(help_text="user id")
    corrected_by_name = Varchar(length=150)
    corrected_at = Timestamptz()
