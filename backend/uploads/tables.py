from piccolo.columns import UUID, BigInt, ForeignKey, Timestamptz, Varchar
from piccolo.table import Table

from backend.accounts.tables import User


class Blob(Table, tablename="upload_blob"):
    """A file whose sha256 the server verified; stored once, whoever uploads it again."""

    sha256 = Varchar(length=64, primary_key=True, help_text="lowercase hex of the whole file")
    size = BigInt(help_text="bytes")
    content_type = Varchar(length=100, help_text="sniffed from the bytes, never from the name")
    filename = Varchar(length=255, help_text="display name of the first upload; never a path")
    uploaded_by = ForeignKey(references=User, help_text="the user of the first upload")
    created_at = Timestamptz()


class PartialUpload(Table, tablename="upload_partial"):
    """A tus upload in progress (upload_offset < length) or verified (offset == length)."""

    id = UUID(primary_key=True)
    owner = ForeignKey(references=User, help_text="only this user may continue or end it")
    length = BigInt(help_text="Upload-Length in bytes")
    upload_offset = BigInt(default=0, help_text="bytes received; equals length once verified")
    sha256 = Varchar(length=64, index=True, help_text="expected hash from Upload-Metadata")
    filename = Varchar(length=255, help_text="display name from Upload-Metadata")
    content_type = Varchar(length=100, null=True, default=None, help_text="client's hint only")
    expires_at = Timestamptz(index=True, help_text="abandoned uploads are deleted after this")
    created_at = Timestamptz()
