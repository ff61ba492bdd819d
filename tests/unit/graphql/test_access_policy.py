from backend.accounts.roles import Role
from backend.graphql.access import OPERATION_ACCESS, allowed
from backend.graphql.schema import schema


def _root_fields() -> set[str]:
    names: set[str] = set()
    for type_name in ("Query", "Mutation"):
        graphql_type = schema._schema.type_map.get(type_name)
        if graphql_type is not None:
            names.update(graphql_type.fields)  # type: ignore[attr-defined]
    return names


def test_every_root_operation_is_declared_in_the_access_policy() -> None:
    assert _root_fields() - set(OPERATION_ACCESS) == set()


def test_the_policy_names_no_operation_the_schema_lacks() -> None:
    assert set(OPERATION_ACCESS) - _root_fields() == set()


def test_undeclared_operations_are_refused_for_everyone() -> None:
    assert not any(allowed("dropEverything", role) for role in Role)


def test_public_operations_need_no_user() -> None:
    assert allowed("login", None)
    assert not allowed("me", None)
