"""The document types of spec section 4: the one list every domain checks against."""

DOCUMENT_TYPES: tuple[str, ...] = (
    "id_card",
    "business_licence",
    "loan_contract",
    "repayment_statement",
    "marital_status_certificate",
    "no_housing_certificate",
    "unit_registration_form",
    "rental_contract",
)
