// Texts of the Monitoring screens: part of the one translation table (../nl.ts).
// Keys start with 'monitoring.'.
export const monitoring = {
} as const;
