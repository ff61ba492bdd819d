import { describe, expect, it } from 'vitest'

import { gql } from '@/api/gql'
import { LOGIN, USER_FIELDS } from '@/api/operations'

describe('gql', () => {
  it('sends the operation followed by the fragments it interpolates', () => {
    const fragment = gql`
      fragment F on User {
        id
      }
    `
    const document = gql`
      query Q {
        me {
          ...F
        }
      }
      ${fragment}
    `
    expect(document.indexOf('query Q')).toBeLessThan(document.indexOf('fragment F'))
    expect(document.match(/fragment F/g)).toHaveLength(1)
  })

  it('adds each fragment once even when it is interpolated twice', () => {
    const fragment = 'fragment F on User { id }'
    const document = gql`query Q { a: me { ...F } b: me { ...F } } ${fragment} ${fragment}`
    expect(document.match(/fragment F/g)).toHaveLength(1)
  })

  it('gives the shell operations their user fragment', () => {
    expect(LOGIN).toContain('mutation Login')
    expect(LOGIN).toContain(USER_FIELDS.trim())
  })
})
