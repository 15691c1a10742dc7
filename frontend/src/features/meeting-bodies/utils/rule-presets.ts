// The default recurrences offered when setting up a body (RFC 5545 RRULE values). They are read
// in words by describeRule in @/shared/utils/rrule, as the meetings feature reads its rules.

export const RULE_PRESETS = [
  'FREQ=MONTHLY;BYDAY=1TU',
  'FREQ=MONTHLY;BYDAY=2TU',
  'FREQ=MONTHLY;BYDAY=4TU',
  'FREQ=MONTHLY;BYDAY=1TH',
  'FREQ=MONTHLY;BYDAY=3WE',
  'FREQ=MONTHLY;INTERVAL=2;BYDAY=3FR',
  'FREQ=WEEKLY;BYDAY=MO',
  'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE',
] as const;
