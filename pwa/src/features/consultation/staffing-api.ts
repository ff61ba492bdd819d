// GraphQL operations of who answers (backend/consultation/staffing_graphql.py): the 在线客服
// roster (supervisors and admins edit it) and department membership (admins set it).
import type { GraphQLClient } from '@/api/client'
import { gql } from '@/api/gql'
import type {
  AddDutyShiftMutation,
  AssignableStaffQuery,
  DepartmentsQuery,
  DutyRosterQuery,
  SetDepartmentMembersMutation,
} from '@/api/graphql-types'

export const DUTY_ROSTER = gql`
  query DutyRoster($from: Date!, $to: Date!) {
    dutyRoster(from: $from, to: $to) {
      id
      startsAt
      endsAt
      user {
        id
        displayName
      }
    }
  }
`

export const ADD_DUTY_SHIFT = gql`
  mutation AddDutyShift($userId: ID!, $startsAt: DateTime!, $endsAt: DateTime!) {
    addDutyShift(userId: $userId, startsAt: $startsAt, endsAt: $endsAt) {
      id
    }
  }
`

export const REMOVE_DUTY_SHIFT = gql`
  mutation RemoveDutyShift($id: ID!) {
    removeDutyShift(id: $id)
  }
`

export const ASSIGNABLE_STAFF = gql`
  query AssignableStaff {
    assignableStaff {
      id
      displayName
    }
  }
`

export const DEPARTMENTS = gql`
  query Departments {
    departments {
      code
      name
      mine
      members {
        id
        displayName
      }
    }
  }
`

export const SET_DEPARTMENT_MEMBERS = gql`
  mutation SetDepartmentMembers($department: String!, $userIds: [ID!]!) {
    setDepartmentMembers(department: $department, userIds: $userIds) {
      code
    }
  }
`

export type Shift = DutyRosterQuery['dutyRoster'][number]
export type Person = AssignableStaffQuery['assignableStaff'][number]
export type DepartmentMembers = DepartmentsQuery['departments'][number]

/** The shifts of the centre's days ``from`` to ``to`` (YYYY-MM-DD, inclusive). */
export async function roster(client: GraphQLClient, from: string, to: string): Promise<Shift[]> {
  return (await client.request<DutyRosterQuery>(DUTY_ROSTER, { from, to })).dutyRoster
}

/** A shift given in the centre's time (all of China is UTC+8, no summer time). */
export async function addShift(
  client: GraphQLClient,
  userId: string,
  day: string,
  start: string,
  end: string,
): Promise<string> {
  const added = await client.request<AddDutyShiftMutation>(ADD_DUTY_SHIFT, {
    userId,
    ...shiftMoments(day, start, end),
  })
  return added.addDutyShift.id
}

/** A shift's start and end from a centre date and two times ("HH:MM"); an end not after
 * the start is on the next day (a night shift). */
export function shiftMoments(
  day: string,
  start: string,
  end: string,
): { startsAt: string; endsAt: string } {
  const endDay = end > start ? day : nextDay(day)
  return { startsAt: `${day}T${start}:00+08:00`, endsAt: `${endDay}T${end}:00+08:00` }
}

export async function removeShift(client: GraphQLClient, id: string): Promise<void> {
  await client.request(REMOVE_DUTY_SHIFT, { id })
}

export async function assignableStaff(client: GraphQLClient): Promise<Person[]> {
  return (await client.request<AssignableStaffQuery>(ASSIGNABLE_STAFF)).assignableStaff
}

export async function departments(client: GraphQLClient): Promise<DepartmentMembers[]> {
  return (await client.request<DepartmentsQuery>(DEPARTMENTS)).departments
}

export async function setMembers(
  client: GraphQLClient,
  department: string,
  userIds: string[],
): Promise<void> {
  await client.request<SetDepartmentMembersMutation>(SET_DEPARTMENT_MEMBERS, {
    department,
    userIds,
  })
}

/** The centre's date (YYYY-MM-DD) ``days`` after today. */
export function centreDate(days = 0): string {
  const moment = new Date(Date.now() + days * 86_400_000)
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(moment)
}

function nextDay(day: string): string {
  const moment = new Date(`${day}T12:00:00+08:00`)
  moment.setTime(moment.getTime() + 86_400_000)
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(moment)
}
