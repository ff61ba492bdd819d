"""GraphQL types and resolvers of push and pull (spec section 3): parse, call, shape."""

from __future__ import annotations

import strawberry
from strawberry.scalars import JSON

from backend.accounts.context import Info
from backend.errors import DoorstepError
from sync import pull as pulling
from sync import push as pushing
from sync.changelog.snapshot import Change
from sync.protocol import Mutation, MutationOutcome, check_protocol_version


@strawberry.type(name="Error", description="一个可预期的错误：稳定的代码和中文说明")
class ErrorType:
    code: str
    message: str
    field: str | None = None

    @classmethod
    def of(cls, error: DoorstepError) -> ErrorType:
        return cls(code=str(error.code), message=error.message, field=error.field)


@strawberry.input
class MutationInput:
    id: int
    name: str
    args: JSON


@strawberry.input
class PushInput:
    client_id: strawberry.ID
    protocol_version: int
    mutations: list[MutationInput]


@strawberry.type
class MutationResult:
    id: int
    status: str = strawberry.field(description="applied | rejected | duplicate")
    error: ErrorType | None

    @classmethod
    def of(cls, outcome: MutationOutcome) -> MutationResult:
        error = ErrorType.of(outcome.error) if outcome.error else None
        return cls(id=outcome.id, status=str(outcome.status), error=error)


@strawberry.type
class PushResult:
    last_mutation_id: int
    results: list[MutationResult]


@strawberry.type(name="Change")
class ChangeType:
    entity: str
    id: strawberry.ID
    op: str = strawberry.field(description="put | delete")
    version: int
    data: JSON | None

    @classmethod
    def of(cls, change: Change) -> ChangeType:
        return cls(
            entity=change.entity,
            id=strawberry.ID(change.id),
            op=change.op,
            version=change.version,
            data=None if change.data is None else JSON(change.data),
        )


@strawberry.type
class PullResult:
    cursor: str
    last_mutation_id: int
    reset: bool
    changes: list[ChangeType]


@strawberry.type
class SyncQuery:
    @strawberry.field(description="取回游标之后本人可见的变更（cursor 为 null 时全量同步）")
    async def pull(
        self,
        info: Info,
        client_id: strawberry.ID,
        cursor: str | None = None,
        protocol_version: int | None = None,
    ) -> PullResult:
        principal = info.context.require_principal()  # a revoked device is told to wipe
        if protocol_version is not None:  # optional here: the spec's pull has no version
            check_protocol_version(protocol_version)
        page = await pulling.pull(principal.user, str(client_id), cursor, principal=principal)
        return PullResult(
            cursor=page.cursor,
            last_mutation_id=page.last_mutation_id,
            reset=page.reset,
            changes=[ChangeType.of(change) for change in page.changes],
        )


@strawberry.type
class SyncMutation:
    @strawberry.mutation(description="按顺序提交设备上排队的操作（每个操作只生效一次）")
    async def push(self, info: Info, input: PushInput) -> PushResult:
        principal = info.context.require_principal()  # a revoked device pushes once more
        mutations = [Mutation(m.id, m.name, m.args) for m in input.mutations]
        outcome = await pushing.push(
            principal.user,
            str(input.client_id),
            input.protocol_version,
            mutations,
            principal=principal,
        )
        return PushResult(
            last_mutation_id=outcome.last_mutation_id,
            results=[MutationResult.of(result) for result in outcome.results],
        )
