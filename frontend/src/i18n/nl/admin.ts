// Texts of the Beheer screens: part of the one translation table (../nl.ts).
// Keys start with 'admin.'.
export const admin = {
} as const;
