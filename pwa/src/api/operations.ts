// GraphQL documents the shell uses (schema.graphql at the repo root is the contract).

const USER_FIELDS = 'id username role displayName'

export const LOGIN = `mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token refreshToken user { ${USER_FIELDS} } } }`

export const REFRESH_SESSION = `mutation RefreshSession($r: String!) { refreshSession(refreshToken: $r) { token refreshToken user { ${USER_FIELDS} } } }`

export const ME = `query Me { me { ${USER_FIELDS} } }`

// Ends the user's tokens on the server (every device), so a lost tablet's copy is worthless.
export const LOGOUT = `mutation Logout { logout }`
