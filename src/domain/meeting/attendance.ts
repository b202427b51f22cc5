/** How someone can attend, in the Meeting Guide spec's words (`attendance_option`). */
export const attendanceOptions = ['in_person', 'online', 'hybrid', 'inactive'] as const;
export type Attendance = (typeof attendanceOptions)[number];

export function isAttendance(value: string): value is Attendance {
  return (attendanceOptions as readonly string[]).includes(value);
}

export const attendanceNames: Record<Attendance, string> = {
  in_person: 'In person',
  online: 'Online',
  hybrid: 'In person and online',
  inactive: 'Temporarily not meeting',
};

export interface AttendanceFacts {
  /** A usable conference link or dial-in number. */
  readonly hasConference: boolean;
  /** A place you could walk into: a location that is not approximate. */
  readonly hasPhysicalLocation: boolean;
  /** The meeting place is temporarily closed (type TC). */
  readonly temporarilyClosed: boolean;
}

/**
 * Attendance follows from the facts, as the 12 Step Meeting List derives it: a place you can go
 * to and a way to join online make a hybrid meeting; a closed place leaves only the online part;
 * with neither, the meeting is inactive.
 */
export function deriveAttendance(facts: AttendanceFacts): Attendance {
  const inPerson = facts.hasPhysicalLocation && !facts.temporarilyClosed;
  if (facts.hasConference) return inPerson ? 'hybrid' : 'online';
  return inPerson ? 'in_person' : 'inactive';
}
