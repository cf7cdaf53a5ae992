/** Milliseconds in a day (24 hours; calendar days in UTC have no leap seconds in JavaScript time). */
export const DAY_MS = 86_400_000;
