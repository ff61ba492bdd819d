"""Every GraphQL operation (found by introspecting the schema) and every sync mutator, for
every role, against the declared policy in ``backend.graphql.access``.

A new operation without a policy entry fails here, and so does any behaviour (allowed,
FORBIDDEN, UNAUTHENTICATED) that differs from what the policy declares.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    Undefined,
    get_named_type,
)

from backend.accounts.roles import Role
from backend.graphql.access import MUTATOR_ACCESS, OPERATION_ACCESS, PUBLIC, mutator_allowed
from backend.graphql.schema import schema
from sync.mutators import MUTATORS
from tests.integration.conftest import GraphQL, error_codes
from tests.integration.security.people import add_second_team
from tests.integration.sync.device import Device, new_id

pytestmark = pytest.mark.usefixtures("demo")

USER_OF_ROLE = {
    Role.FIELD_STAFF: "staff1",
    Role.SUPERVISOR: "supervisor1",
    Role.EMPLOYER: "employer1",
    Role.ADMIN: "admin",
}
SCALAR_SAMPLES: dict[str, Any] = {
    "String": "matrix-probe",
    "Int": 1,
    "Float": 1.0,
    "Boolean": False,
    "JSON": {},
    "Date": "2026-01-01",
    "DateTime": "2026-01-01T00:00:00+00:00",
}
# Run last: they end the session they are called with.
SESSION_ENDING = ("logout",)


def _sample(type_: GraphQLInputType) -> Any:
    if isinstance(type_, GraphQLNonNull):
        return _sample(type_.of_type)
    if isinstance(type_, GraphQLList):
        return []
    if isinstance(type_, GraphQLEnumType):
        return next(iter(type_.values))
    if isinstance(type_, GraphQLInputObjectType):
        return {
            name: _sample(field.type)
            for name, field in type_.fields.items()
            if isinstance(field.type, GraphQLNonNull) and field.default_value is Undefined
        }
    assert isinstance(type_, GraphQLScalarType)
    if type_.name == "ID":  # fresh each time: a client id belongs to its first user
        return str(uuid.uuid4())
    return SCALAR_SAMPLES[type_.name]


def _operation(
    kind: str, name: str, field: GraphQLField, refresh_token: str
) -> tuple[str, dict[str, Any]]:
    """The smallest valid call of a root field: required arguments as variables."""
    required = {
        arg_name: arg
        for arg_name, arg in field.args.items()
        if isinstance(arg.type, GraphQLNonNull)
    }
    declarations = ", ".join(f"${a}: {arg.type}" for a, arg in required.items())
    arguments = ", ".join(f"{a}: ${a}" for a in required)
    is_object = isinstance(get_named_type(field.type), GraphQLObjectType)
    selection = " { __typename }" if is_object else ""
    header = f"{kind} Probe({declarations})" if declarations else kind
    call = f"{name}({arguments})" if arguments else name
    variables = {a: _sample(arg.type) for a, arg in required.items()}
    if name == "login":  # a user of its own: the probes must not throttle anyone real
        variables["username"] = f"probe-{uuid.uuid4().hex[:8]}"
    if name == "refreshSession":  # public, but only a genuine refresh token gets through
        variables["refreshToken"] = refresh_token
    return f"{header} {{ {call}{selection} }}", variables


def _root_operations() -> list[tuple[str, str, GraphQLField]]:
    found = []
    for kind, type_name in (("query", "Query"), ("mutation", "Mutation")):
        root = schema._schema.type_map[type_name]
        assert isinstance(root, GraphQLObjectType)
        found += [(kind, name, field) for name, field in root.fields.items()]
    return sorted(found, key=lambda op: (op[1] in SESSION_ENDING, op[1]))


def _expected(operation: str, role: Role | None) -> str:
    access = OPERATION_ACCESS[operation]
    if access == PUBLIC:
        return "allowed"
    if role is None:
        return "UNAUTHENTICATED"
    assert isinstance(access, frozenset)
    return "allowed" if role in access else "FORBIDDEN"


def _observed(body: dict[str, Any]) -> str:
    codes = error_codes(body)
    for code in ("UNAUTHENTICATED", "FORBIDDEN"):
        if code in codes:
            return code
    # Anything else (data, NOT_FOUND, VALIDATION_FAILED…) means the policy let it through.
    return "allowed"


def test_every_operation_and_mutator_has_a_declared_policy() -> None:
    declared = {name for _, name, _ in _root_operations()}
    assert declared - set(OPERATION_ACCESS) == set(), "operations without a policy entry"
    assert set(OPERATION_ACCESS) - declared == set(), "policy entries for no operation"
    assert set(MUTATORS) == set(MUTATOR_ACCESS), "sync mutators and their policy differ"


async def test_every_operation_behaves_as_declared_for_every_role(gql: GraphQL) -> None:
    tokens: dict[Role | None, str | None] = {None: None}
    login = await gql(
        "mutation { login(username: \"staff2\", password: \"doorstep-demo\") { refreshToken } }"
    )
    refresh_token = login["data"]["login"]["refreshToken"]
    for role, username in USER_OF_ROLE.items():
        tokens[role] = await gql.login(username)
    differences = []
    calls = 0
    for kind, name, field in _root_operations():
        assert name in OPERATION_ACCESS, f"{name} has no policy entry"
        for role, token in tokens.items():
            query, variables = _operation(kind, name, field, refresh_token)
            body = await gql(query, variables, token=token)
            calls += 1
            observed, expected = _observed(body), _expected(name, role)
            if observed != expected:
                differences.append((name, role, expected, observed, body.get("errors")))
    assert differences == [], "\n".join(map(str, differences))
    assert calls == len(_root_operations()) * 5


# --- sync mutators: role × mutator × whose case -------------------------------------

CREATE = "createCase"
# Mutators that change no case (role policy only; tests/integration/consultation).
# Mutators whose object is not a case id; their own ownership rule is tested in their domain:
# answerDrill (the trainee's attempt: tests/integration/training/test_drills.py),
# recordVisitOutcome / startCaseFromVisit (the visit's assignee) and confirmHandoverSync
# (the leaver's handover: tests/integration/visits/test_field_and_handover.py).
NOT_ABOUT_A_CASE = frozenset({
    "submitFeedback", "logConsultation", "answerDrill", "recordVisitOutcome",
    "startCaseFromVisit", "confirmHandoverSync",
})
# Who may change a withdrawal case created by staff1 (team 1), by the ownership policy:
# its creator/assignee, the supervisor of its team, admins; nobody else.
MAY_CHANGE_STAFF1_CASE = {
    "staff1": True,
    "staff2": False,
    "staff3": False,
    "supervisor1": True,
    "supervisor2": False,
    "employer1": False,
    "admin": True,
}


async def _device(gql: GraphQL, username: str) -> Device:
    return Device(gql, await gql.login(username))


async def _staff1_case(owner: Device) -> str:
    case_id = new_id()
    fields = {"name": "张伟", "id_number": "520201198503150023", "withdrawal_reason": "02",
              "amount": "100.00", "phone": "13885861234"}
    result = await owner.do(CREATE, {"id": case_id, "kind": "withdrawal", "fields": fields})
    assert result["status"] == "applied", result
    return case_id


def _args(name: str, case_id: str) -> dict[str, Any]:
    if name == "updateCase":
        return {"id": case_id, "fields": {"phone": "13900000000"}}
    if name == "submitCase":
        return {"id": case_id}
    if name == "attachDocument":
        return {"caseId": case_id, "documentId": new_id(), "sha256": "a" * 64, "docType": None}
    if name == "offerEmployerLink":  # staff who may edit the case (then: not a registration)
        return {"id": new_id(), "caseId": case_id, "tokenHash": "b" * 64, "codeHash": "c" * 64}
    raise AssertionError(f"no probe for mutator {name}: add one with its ownership rule")


async def test_every_mutator_on_someone_elses_case_follows_the_ownership_policy(
    gql: GraphQL,
) -> None:
    await add_second_team()
    owner = await _device(gql, "staff1")
    devices = {username: await _device(gql, username) for username in MAY_CHANGE_STAFF1_CASE}
    differences = []
    for name in sorted(set(MUTATORS) - {CREATE} - NOT_ABOUT_A_CASE):
        for username, may in MAY_CHANGE_STAFF1_CASE.items():
            case_id = await _staff1_case(owner)
            device = devices[username]
            result = await device.do(name, _args(name, case_id))
            error = result["error"]["code"] if result["error"] else None
            observed = "FORBIDDEN" if error == "FORBIDDEN" else "allowed"
            expected = "allowed" if may else "FORBIDDEN"
            if observed != expected:
                differences.append((name, username, expected, observed, result))
    assert differences == []


async def test_create_case_follows_the_role_policy(gql: GraphQL) -> None:
    for role, username in USER_OF_ROLE.items():
        device = await _device(gql, username)
        withdrawal = await device.do(CREATE, {"id": new_id(), "kind": "withdrawal", "fields": {}})
        registration = await device.do(
            CREATE, {"id": new_id(), "kind": "unit_registration", "fields": {}}
        )
        allowed = mutator_allowed(CREATE, role)
        assert registration["status"] == ("applied" if allowed else "rejected"), username
        # Employers register their unit; they do not open members' withdrawals.
        expected = "rejected" if role == Role.EMPLOYER else registration["status"]
        assert withdrawal["status"] == expected, (username, withdrawal)
        if withdrawal["status"] == "rejected":
            assert withdrawal["error"]["code"] == "FORBIDDEN"
