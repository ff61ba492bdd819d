"""Pure rule: is another sign-in attempt allowed given recent failures?"""


def attempt_allowed(failures_for_user: int, failures_from_address: int, limit: int) -> bool:
    """Each account and each address gets ``limit`` failures per window; then it waits.

    The address limit is wider (several people share one office network).
    """
    return failures_for_user < limit and failures_from_address < limit * 4
